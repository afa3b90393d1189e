/// One step of the path: a question, or one instance of a repeated question.
public struct PathItem: Sendable, Hashable {
  /// The id answers are kept under (`q` or `q[option]`).
  public internal(set) var id: String
  /// Index of the question.
  public internal(set) var question: Int
  /// The option this instance is for, for a repeated question.
  public internal(set) var option: String?
}

/// One contribution to a scale: which answer added how many points.
public struct Contribution: Sendable, Hashable {
  /// The question id.
  public internal(set) var question: String
  /// Its effective answer.
  public internal(set) var answer: Value
  /// The points it adds.
  public internal(set) var points: Double
}

extension Engine {
  /// Whether question `index` is on the path (notes included).
  public func isVisible(question index: Int) -> Bool { questionVisible[index] }

  /// Whether section `index` is shown.
  public func isVisible(section index: Int) -> Bool { sectionVisible[index] }

  /// The path: answerable questions that are shown, in order, repeated ones expanded per option.
  public var pathItems: [PathItem] {
    EngineWork.current?.add(questionnaire.questions.count)
    var items: [PathItem] = []
    // Fields are read one by one, without copying each `Question`.
    for i in questionnaire.questions.indices where questionVisible[i] && questionnaire.questions[i].type.isAnswerable {
      if questionnaire.questions[i].repeatOver != nil {
        let id = questionnaire.questions[i].id
        for instance in instances[i] {
          items.append(PathItem(id: AnswerSet.instanceId(id, instance.option), question: i, option: instance.option))
        }
      } else {
        items.append(PathItem(id: questionnaire.questions[i].id, question: i, option: nil))
      }
    }
    return items
  }

  /// The ids on the path, in order (display-only notes left out).
  public var path: [String] { pathItems.map(\.id) }

  /// The effective answer of a path item.
  public func answer(_ item: PathItem) -> Value {
    guard let option = item.option else { return questionValue[item.question] }
    return instances[item.question].first { $0.option == option }?.value ?? .null
  }

  /// Answers on the path, in path order.
  public var pathAnswers: [(id: String, value: Value)] {
    pathItems.compactMap { item in
      let value = answer(item)
      return value.isPresent ? (item.id, value) : nil
    }
  }

  /// Required ids on the path without an answer.
  public var unanswered: [String] {
    pathItems.filter { isRequired($0) && !answer($0).isPresent }.map(\.id)
  }

  /// Whether a path item needs an answer now: `required`, and its `required` condition holds.
  public func isRequired(_ item: PathItem) -> Bool {
    let question = questionnaire.questions[item.question]
    guard question.required else { return false }
    return question.requiredWhen.map { $0.compiled.evaluate(in: self).holds } ?? true
  }

  /// Given answers that are not counted because their question is off the path.
  public var answersAside: [String] { answersAside(path: pathItems) }

  /// `answersAside` for the engine's `pathItems`, computed once by the caller.
  func answersAside(path items: [PathItem]) -> [String] {
    let onPath = Set(items.map(\.id))
    return answers.values.keys.filter { !onPath.contains($0) }.sorted()
  }

  /// The total of each scale.
  public var scaleValues: [Double] { scaleTotals }

  /// The value of each computed value.
  public var computed: [Value] { computedValues }

  /// The number of each level, and its band label.
  public var levels: [(value: Value, label: String?)] {
    questionnaire.levels.enumerated().map { i, level in
      (levelValues[i], levelValues[i].number.flatMap { level.band(for: $0)?.label })
    }
  }

  /// The state of each risk.
  public var risks: [RiskState] { riskStates }

  /// Which answers make up a scale's total.
  public func contributions(toScale s: Int) -> [Contribution] {
    questionnaire.contributors[s].compactMap { q in
      let points = points(ofQuestion: q, scale: s)
      guard points != 0 else { return nil }
      return Contribution(question: questionnaire.questions[q].id, answer: questionValue[q], points: points)
    }
  }

  /// The answered questions an expression reads, directly or through scales, computed values and
  /// levels, in questionnaire order.
  public func answersRead(by expressions: [Expression?]) -> [(id: String, value: Value)] {
    Engine.questionsRead(by: expressions, in: questionnaire).compactMap { q in
      questionValue[q].isPresent ? (questionnaire.questions[q].id, questionValue[q]) : nil
    }
  }

  /// The questions expressions read, directly or through scales, computed values and levels, in
  /// questionnaire order: the same for every set of answers.
  /// - Complexity: O(questions read × log of that), and O(questions) when most are read (a risk on
  ///   a scale of the whole questionnaire): questions are marked in an array, not hashed.
  static func questionsRead(by expressions: [Expression?], in questionnaire: Questionnaire) -> [Int] {
    var marked = [Bool](repeating: false, count: questionnaire.questions.count)
    var found: [Int] = []
    var seen = Set<Symbol>()
    var stack = expressions.compactMap { $0 }.flatMap { $0.compiled.dependencies }
    func mark(_ q: Int) {
      guard !marked[q] else { return }
      marked[q] = true
      found.append(q)
    }
    while let symbol = stack.popLast() {
      guard seen.insert(symbol).inserted else { continue }
      switch symbol {
      case .question(let q), .instance(let q, _): mark(q)
      case .scale(let s): for q in questionnaire.contributors[s] { mark(q) }
      case .computed(let c): stack += questionnaire.computed[c].value.compiled.dependencies
      case .level(let l): stack += questionnaire.levels[l].value.compiled.dependencies
      }
    }
    guard found.count > marked.count / 8 else { return found.sorted() }
    return marked.indices.filter { marked[$0] }
  }
}
