/// The interview engine: the path, scores, computed values, levels and risks for a set of answers.
///
/// The result is a pure function of the questionnaire and the answers. The engine keeps its state
/// between changes: `set(_:to:)` re-evaluates only what depends on the changed answer.
public struct Engine: Sendable {
  /// The questionnaire.
  public let questionnaire: Questionnaire
  let graph: DependencyGraph
  /// Every answer given, on the path or not.
  public private(set) var answers: AnswerSet
  /// For `evaluate --batch`: the given answer of each question by index (what `answers` holds
  /// under its id), so the first evaluation does not hash every id; emptied once it is done.
  private var givenByQuestion: [Value] = []

  var sectionVisible: [Bool]
  var questionVisible: [Bool]
  /// Effective answers: `.null` off the path; a list of instance answers for a repeated question.
  var questionValue: [Value]
  /// For a repeated question: the options it is asked for, and the answer of each.
  var instances: [[(option: String, value: Value)]]
  var scaleTotals: [Double]
  var computedValues: [Value]
  var levelValues: [Value]
  var riskStates: [RiskState]
  /// For a scale whose sums are exact (see `DependencyGraph.exactScales`): its total, kept up to date
  /// by each question's change in points, so a step does not re-add every contributor.
  var runningTotals: [Double]
  /// Path items (as `pathItems` counts them), and how many of them are answered: kept per change.
  var pathCount = 0
  var pathAnswered = 0
  /// For each question, whether it needs an answer now: `required`, and its `required` condition
  /// holds (kept by the condition's own node); and how many path items need one and have none.
  var requiredNow: [Bool]
  var pathMissing = 0
  /// How many node evaluations the last change took (for tests and benchmarks).
  package private(set) var lastEvaluationCount = 0
  /// The questions the last change touched, for callers that keep something derived from the path.
  package private(set) var questionChanges = QuestionChanges()

  /// Evaluates `answers` in full.
  ///
  /// Answers are taken as given; check them first with `AnswerChecker`.
  /// - Complexity: O(size of the questionnaire).
  public init(questionnaire: Questionnaire, answers: AnswerSet = AnswerSet()) {
    self.init(questionnaire: questionnaire, answers: answers, graph: DependencyGraph(questionnaire))
  }

  /// Evaluates `answers` in full with a graph already built for `questionnaire` (it is the same
  /// for every set of answers: `BatchEvaluator` builds it once).
  init(questionnaire: Questionnaire, answers: AnswerSet, graph: DependencyGraph) {
    self.init(questionnaire: questionnaire, answers: answers, given: [], graph: graph)
  }

  /// Evaluates `answers` in full with a prepared graph, reading each question's answer from
  /// `given` (by question index; `.null` where none), which must hold what `answers` holds for
  /// every question that is not repeated (`BatchEvaluator` makes both from a line).
  init(questionnaire: Questionnaire, answers: AnswerSet, given: [Value], graph: DependencyGraph) {
    self.questionnaire = questionnaire
    self.graph = graph
    self.answers = answers
    givenByQuestion = given
    let q = questionnaire
    sectionVisible = Array(repeating: false, count: q.sections.count)
    questionVisible = Array(repeating: false, count: q.questions.count)
    questionValue = Array(repeating: .null, count: q.questions.count)
    instances = Array(repeating: [], count: q.questions.count)
    scaleTotals = Array(repeating: 0, count: q.scales.count)
    runningTotals = Array(repeating: 0, count: q.scales.count)
    computedValues = Array(repeating: .null, count: q.computed.count)
    levelValues = Array(repeating: .null, count: q.levels.count)
    // By index: `map` over the questions copied each `Question` whole (a dozen references).
    requiredNow = q.questions.indices.map { q.questions[$0].required && q.questions[$0].requiredWhen == nil }
    let unrated = RiskState.Rating(likelihood: 1, severity: 1, rating: 0)
    riskStates = Array(
      repeating: RiskState(raised: false, inherent: unrated, residual: nil, assumptions: []), count: q.risks.count)
    for node in graph.order { _ = evaluate(node) }
    givenByQuestion = []
    questionChanges = QuestionChanges()
    lastEvaluationCount = graph.order.count
    EngineWork.current?.add(graph.order.count)
  }

  /// Sets (or, with `nil` or `.null`, clears) one answer and re-evaluates what depends on it.
  ///
  /// - Parameters:
  ///   - id: a question id, or `question[option]` for an instance of a repeated question.
  ///   - value: the checked value (see `AnswerChecker`).
  /// - Complexity: proportional to the parts downstream of the question.
  public mutating func set(_ id: String, to value: Value?) {
    let value = value ?? .null
    if value.isNull { answers.values.removeValue(forKey: id) } else { answers.values[id] = value }
    let base = AnswerSet.splitInstance(id)?.question ?? id
    guard let index = questionnaire.questionIndex[base] else {
      questionChanges = QuestionChanges()  // an answer no question holds: callers rebuild
      return
    }
    propagate(from: [graph.id(question: index)], setting: [index])
  }

  /// Sets several answers at once, then re-evaluates once.
  public mutating func set(_ changes: [String: Value?]) {
    var start: [Int] = []
    var setting: [Int] = []
    var unknown = false
    for (id, value) in changes {
      let value = value ?? .null
      if value.isNull { answers.values.removeValue(forKey: id) } else { answers.values[id] = value }
      let base = AnswerSet.splitInstance(id)?.question ?? id
      if let index = questionnaire.questionIndex[base] {
        start.append(graph.id(question: index))
        setting.append(index)
      } else {
        unknown = true
      }
    }
    propagate(from: start, setting: setting)
    if unknown { questionChanges = QuestionChanges() }
  }

  private mutating func propagate(from start: [Int], setting: [Int]) {
    questionChanges.begin(setting: setting)
    var queue = MinHeap()
    var queued = Set<Int>()
    for node in start where queued.insert(graph.position[node]).inserted { queue.insert(graph.position[node]) }
    var count = 0
    while let position = queue.popMin() {
      let node = graph.order[position]
      count += 1
      guard evaluate(node) else { continue }
      for dependent in graph.dependents[node] {
        let p = graph.position[dependent]
        if queued.insert(p).inserted { queue.insert(p) }
      }
    }
    lastEvaluationCount = count
    EngineWork.current?.add(count)
  }

  /// Evaluates one node; returns whether its value changed.
  private mutating func evaluate(_ node: Int) -> Bool {
    switch graph.nodes[node] {
    case .section(let i):
      let visible = questionnaire.sections[i].when.map { $0.compiled.evaluate(in: self).holds } ?? true
      defer { sectionVisible[i] = visible }
      return sectionVisible[i] != visible
    case .question(let i):
      return evaluateQuestion(i)
    case .scale(let s):
      let total =
        graph.exactScales[s]
        ? runningTotals[s] : questionnaire.contributors[s].reduce(0) { $0 + points(ofQuestion: $1, scale: s) }
      defer { scaleTotals[s] = total }
      return scaleTotals[s] != total
    case .computed(let i):
      let value = questionnaire.computed[i].value.compiled.evaluate(in: self)
      defer { computedValues[i] = value }
      return computedValues[i] != value
    case .level(let i):
      let value = questionnaire.levels[i].value.compiled.evaluate(in: self)
      defer { levelValues[i] = value }
      // Expressions read a level as its band's label: only a new label changes what depends on it.
      return levelValues[i] != value && band(i, of: levelValues[i]) != band(i, of: value)
    case .risk(let i):
      let state = rate(risk: i)
      defer { riskStates[i] = state }
      return riskStates[i] != state
    case .required(let i):
      let holds = questionnaire.questions[i].requiredWhen.map { $0.compiled.evaluate(in: self).holds } ?? true
      guard holds != requiredNow[i] else { return false }
      let before = pathShare(ofQuestion: i).missing
      requiredNow[i] = holds
      pathMissing += pathShare(ofQuestion: i).missing - before
      return true
    }
  }

  private mutating func evaluateQuestion(_ i: Int) -> Bool {
    // Fields are read one by one: copying the whole `Question` (a dozen references) dominated a batch.
    var visible = sectionVisible[questionnaire.questions[i].section]
    if visible, let when = questionnaire.questions[i].when { visible = when.compiled.evaluate(in: self).holds }
    var newInstances: [(option: String, value: Value)] = []
    var value = Value.null
    if let source = questionnaire.questions[i].repeatOver {
      let question = questionnaire.questions[i]
      // Asked once per chosen option; an exclusive option ("none of these") is not repeated over.
      let sourceQuestion = questionnaire.questions[source]
      let chosen = (questionValue[source].list?.compactMap(\.string) ?? []).filter {
        sourceQuestion.option($0)?.exclusive != true
      }
      if chosen.isEmpty { visible = false }
      if visible {
        newInstances = chosen.map { option in
          (option, answers.values[AnswerSet.instanceId(question.id, option)] ?? .null)
        }
        value = .list(newInstances.map(\.value).filter { !$0.isNull })
      }
    } else if questionnaire.questions[i].type.isAnswerable && (visible || questionnaire.semantics == .surveyjs) {
      value = givenByQuestion.isEmpty ? answers.values[questionnaire.questions[i].id] ?? .null : givenByQuestion[i]
    }
    let changed =
      questionVisible[i] != visible || questionValue[i] != value
      || !newInstances.elementsEqual(instances[i], by: { $0.option == $1.option && $0.value == $1.value })
    guard changed else { return false }
    questionChanges.record(i)
    let before = pathShare(ofQuestion: i)
    let scales = graph.scalesOfQuestion[i]
    for s in scales where graph.exactScales[s] { runningTotals[s] -= points(ofQuestion: i, scale: s) }
    questionVisible[i] = visible
    questionValue[i] = value
    instances[i] = newInstances
    let after = pathShare(ofQuestion: i)
    pathCount += after.items - before.items
    pathAnswered += after.answered - before.answered
    pathMissing += after.missing - before.missing
    for s in scales where graph.exactScales[s] { runningTotals[s] += points(ofQuestion: i, scale: s) }
    return true
  }

  /// What question `i` adds to progress now: its path items, how many of them are answered, and
  /// how many need an answer and have none.
  private func pathShare(ofQuestion i: Int) -> (items: Int, answered: Int, missing: Int) {
    guard questionVisible[i] && questionnaire.questions[i].type.isAnswerable else { return (0, 0, 0) }
    let items: Int
    let answered: Int
    if questionnaire.questions[i].repeatOver == nil {
      (items, answered) = (1, questionValue[i].isPresent ? 1 : 0)
    } else {
      (items, answered) = (instances[i].count, instances[i].reduce(0) { $0 + ($1.value.isPresent ? 1 : 0) })
    }
    return (items, answered, requiredNow[i] ? items - answered : 0)
  }

  /// The band label of level `l` for a value of it.
  private func band(_ l: Int, of value: Value) -> String? {
    value.number.flatMap { questionnaire.levels[l].band(for: $0)?.label }
  }

  /// Points question `q` adds to scale `s` with its effective answer.
  func points(ofQuestion q: Int, scale s: Int) -> Double {
    if questionValue[q].isNull { return 0 }
    let options = questionnaire.questions[q].options
    // Options are compared field by field (finding one with `first` copied each whole option), and
    // an option's few scores are looked through rather than hashing the scale's index.
    func option(_ value: String) -> Double {
      for o in options.indices where options[o].value == value {
        for (scale, points) in options[o].score where scale == s { return points }
        return 0
      }
      return 0
    }
    func points(_ value: Value) -> Double {
      switch value {
      case .string(let v): return option(v)
      case .bool(let b): return option(b ? "yes" : "no")
      case .list(let items): return items.reduce(0) { $0 + points($1) }
      default: return 0
      }
    }
    return points(questionValue[q])
  }

  private func rate(risk i: Int) -> RiskState {
    let risk = questionnaire.risks[i]
    let matrix = questionnaire.matrix
    let raised = risk.when.map { $0.compiled.evaluate(in: self).holds } ?? true
    var assumptions: [String] = []
    func axis(_ expression: Expression?, fallback: Int, count: Int, name: String) -> Int {
      guard let expression else { return fallback }
      guard let n = expression.compiled.evaluate(in: self).number, n.isFinite else {
        assumptions.append("\(name) '\(expression.source)' has no value yet; taken as \(count), the highest")
        return count
      }
      // Clamped as a Double first, so a huge value cannot overflow Int.
      let clamped = Int(Swift.max(1, Swift.min(Double(count), n.rounded(.toNearestOrAwayFromZero))))
      if Double(clamped) != n {
        assumptions.append("\(name) '\(expression.source)' is \(JSON.format(n)); taken as \(clamped)")
      }
      return clamped
    }
    let l = axis(risk.likelihood, fallback: 1, count: matrix.likelihood.count, name: "likelihood")
    let s = axis(risk.severity, fallback: 1, count: matrix.severity.count, name: "severity")
    let inherent = RiskState.Rating(likelihood: l, severity: s, rating: matrix.rating(likelihood: l, severity: s))
    var residual: RiskState.Rating?
    if risk.hasResidual {
      let rl = axis(risk.residualLikelihood, fallback: l, count: matrix.likelihood.count, name: "residual likelihood")
      let rs = axis(risk.residualSeverity, fallback: s, count: matrix.severity.count, name: "residual severity")
      residual = RiskState.Rating(likelihood: rl, severity: rs, rating: matrix.rating(likelihood: rl, severity: rs))
    }
    return RiskState(
      raised: raised, inherent: inherent, residual: raised ? residual : nil, assumptions: raised ? assumptions : [])
  }
}

extension Engine: EvaluationContext {
  package func value(of symbol: Symbol) -> Value {
    switch symbol {
    case .question(let q): return questionValue[q]
    case .instance(let q, let option): return instances[q].first { $0.option == option }?.value ?? .null
    case .scale(let s): return .number(scaleTotals[s])
    case .computed(let c): return computedValues[c]
    case .level(let l):
      guard let n = levelValues[l].number else { return .null }
      return questionnaire.levels[l].band(for: n).map { .string($0.label) } ?? .null
    }
  }

  package func isAnswered(_ symbol: Symbol) -> Bool {
    switch symbol {
    case .question(let q): return questionValue[q].isPresent
    case .instance(let q, let option): return instances[q].first { $0.option == option }?.value.isPresent ?? false
    default: return false
    }
  }

  /// The points the answer of question `index` adds to its scales (0 off the path).
  public func points(ofQuestion index: Int) -> Double {
    questionnaire.scales.indices.reduce(0) { $0 + points(ofQuestion: index, scale: $1) }
  }
}
