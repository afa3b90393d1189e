/// What loading a questionnaire gives: the questionnaire when there are no errors, and every diagnostic.
public struct LoadResult: Sendable {
  /// The questionnaire, or `nil` when any error was found.
  public internal(set) var questionnaire: Questionnaire?
  /// Every error and warning, in file order.
  public internal(set) var diagnostics: [Diagnostic]
}

/// Loads questionnaires from YAML text (format version 1), checking everything it can.
public enum QuestionnaireLoader {
  /// The format versions this build reads.
  public static let supportedVersions = [1]

  /// Loads and checks a questionnaire.
  ///
  /// - Parameters:
  ///   - text: the YAML text.
  ///   - file: the name to use in diagnostics.
  /// - Returns: the questionnaire if there were no errors, and every diagnostic found.
  public static func load(text: String, file: String) -> LoadResult {
    let document = YAMLDocument(file: file, text: text)
    guard let root = document.tree() else {
      return LoadResult(questionnaire: nil, diagnostics: document.diagnostics)
    }
    let builder = QuestionnaireBuilder(document: document)
    let questionnaire = builder.build(root)
    let diagnostics = document.diagnostics.sortedByLocation()
    return LoadResult(questionnaire: diagnostics.hasErrors ? nil : questionnaire, diagnostics: diagnostics)
  }
}

/// Raw parts read from YAML, kept with their nodes until expressions can be checked.
struct PendingExpression {
  var node: YAMLNode
  var text: String
}

/// Builds a `Questionnaire` from a YAML node tree, reporting into the document's diagnostics.
final class QuestionnaireBuilder {
  let document: YAMLDocument
  var scales: [Scale] = []
  var scaleIndex: [String: Int] = [:]
  var sections: [Section] = []
  var sectionWhen: [PendingExpression?] = []
  var questions: [Question] = []
  /// Questions whose `type` is not one of ours: reported once, and spared the checks that depend on it.
  var untyped: Set<Int> = []
  var questionWhen: [PendingExpression?] = []
  /// `required:` conditions, by question index.
  var questionRequired: [Int: PendingExpression] = [:]
  var repeatNames: [Int: (String, YAMLNode)] = [:]
  /// The first question of each id, made once by `checkIds` and used by `resolveRepeats` and the
  /// questionnaire's own index (three tables of every id were made before).
  var questionIndex: [String: Int] = [:]
  /// Whether `checkIds` found an id on two questions.
  var duplicateQuestionIds = false
  /// For each scale, the questions that can add to it: made once by `compileExpressions` and given
  /// to the questionnaire (it was made again by `Questionnaire.init`).
  var contributors: [[Int]]? = nil
  var computed: [(id: String, title: String?, value: PendingExpression?, location: SourceLocation)] = []
  var levels: [(id: String, title: String?, value: PendingExpression?, bands: [Level.Band], location: SourceLocation)] =
    []
  var matrix = RiskMatrix.standard
  var risks: [PendingRisk] = []
  var semantics = Semantics.assess
  /// How many names the expression checker's tables received: linear in the questionnaire's names
  /// (a test holds it there, so that a return to rebuilding the table per computed value is caught).
  var namesEntered = 0

  init(document: YAMLDocument) {
    self.document = document
  }

  static let topKeys = [
    "assess", "id", "title", "version", "description", "minutes", "semantics", "scales", "computed", "levels",
    "matrix", "sections", "risks",
  ]

  func build(_ root: YAMLNode) -> Questionnaire? {
    guard
      let top = MappingReader(
        root, in: document, what: "the questionnaire", allowed: Self.topKeys,
        required: ["assess", "id", "title", "version", "sections"])
    else { return nil }
    if let format = top.integer("assess"), !QuestionnaireLoader.supportedVersions.contains(format),
      let node = top.node("assess")
    {
      document.error("format version \(format) is not supported (this build reads version 1)", node)
    }
    let id = top.text("id") ?? ""
    let title = top.text("title") ?? ""
    let version = top.text("version") ?? ""
    let description = top.string("description")
    let minutes = readMinutes(top)
    if let name = top.string("semantics"), let node = top.node("semantics") {
      if let value = Semantics(rawValue: name) {
        semantics = value
      } else {
        let names = Semantics.allCases.map(\.rawValue)
        document.error(
          "unknown semantics '\(name)'\(Suggestions.hint(for: name, in: names)); use \(names.joined(separator: " or "))",
          node)
      }
    }

    if let nodes = top.list("scales") { readScales(nodes) }
    if let node = top.node("matrix") { readMatrix(node) }
    if let nodes = top.list("sections") { readSections(nodes) }
    if top.has("sections"), sections.isEmpty, let node = top.node("sections") {
      document.error("the questionnaire has no sections", node)
    }
    if let nodes = top.list("computed") { readComputed(nodes) }
    if let nodes = top.list("levels") { readLevels(nodes) }
    if let nodes = top.list("risks") { readRisks(nodes) }

    checkIds()
    resolveRepeats()
    let maxScores = computeMaxScores()
    for i in scales.indices { scales[i].maxScore = maxScores[i] }
    let compiled = compileExpressions(maxScores: maxScores)
    warnAboutScales()

    var questionnaire = Questionnaire(
      formatVersion: 1, id: id, title: title, version: version, description: description,
      hash: ContentHash.of(document.text), sourceName: document.file, scales: scales,
      computed: compiled.computed, levels: compiled.levels, matrix: matrix, sections: sections,
      questions: questions, risks: compiled.risks, questionIndex: questionIndex, contributors: contributors)
    questionnaire.semantics = semantics
    questionnaire.minutes = minutes
    return questionnaire
  }

  /// `minutes: [15, 40]`: how long a full run takes, fewest to most minutes.
  func readMinutes(_ top: MappingReader) -> ClosedRange<Int>? {
    guard let node = top.node("minutes") else { return nil }
    let bounds = (node.sequenceItems ?? []).compactMap { $0.int }
    guard bounds.count == 2, bounds[0] >= 0, bounds[0] <= bounds[1] else {
      document.error("'minutes' is the time a full run takes, as [fewest, most], e.g. [15, 40]", node)
      return nil
    }
    return bounds[0]...bounds[1]
  }

  /// Reports ids used twice: questions, scales, computed values and levels share one namespace.
  func checkIds() {
    // Each id's first owner, by kind and index: its place is looked up only for a message, and no
    // question is copied (a `for q in questions` copied each whole, a dozen references).
    enum Owner: UInt8 {
      case question, scale, computed, level
      var name: String {
        switch self {
        case .question: return "question"
        case .scale: return "scale"
        case .computed: return "computed value"
        case .level: return "level"
        }
      }
    }
    // The questions' ids in `questionIndex` (each id's first question), the few others in `others`:
    // a question claims its id before any scale, computed value or level, as in one table.
    var firstQuestion: [String: Int] = [:]
    firstQuestion.reserveCapacity(questions.count)
    var others: [String: (owner: Owner, index: Int)] = [:]
    others.reserveCapacity(scales.count + computed.count + levels.count)
    func seen(_ id: String) -> (owner: Owner, index: Int)? {
      if let q = firstQuestion[id] { return (.question, q) }
      return others[id]
    }
    func location(_ owner: Owner, _ index: Int) -> SourceLocation? {
      switch owner {
      case .question: return questions[index].location
      case .scale: return scales[index].location
      case .computed: return computed[index].location
      case .level: return levels[index].location
      }
    }
    func duplicate(_ id: String, _ other: (owner: Owner, index: Int), _ owner: Owner, _ index: Int) {
      let place = location(other.owner, other.index).map { " at line \($0.line)" } ?? ""
      document.diagnostics.append(
        .error("duplicate id '\(id)': already used by the \(other.owner.name)\(place)", at: location(owner, index)))
    }
    func claim(_ id: String, _ owner: Owner, _ index: Int) {
      if let other = seen(id) {
        duplicate(id, other, owner, index)
      } else {
        others[id] = (owner, index)
      }
    }
    for i in questions.indices {
      let id = questions[i].id
      // One lookup for a new id; a duplicate (rare) puts the first question back.
      if let first = firstQuestion.updateValue(i, forKey: id) {
        firstQuestion[id] = first
        duplicateQuestionIds = true
        duplicate(id, (.question, first), .question, i)
      }
    }
    for i in scales.indices { claim(scales[i].id, .scale, i) }
    for i in computed.indices { claim(computed[i].id, .computed, i) }
    for i in levels.indices { claim(levels[i].id, .level, i) }
    for reserved in Token.keywords.sorted() {
      guard let owner = seen(reserved) else { continue }
      let location = location(owner.owner, owner.index)
      document.diagnostics.append(.error("'\(reserved)' is a reserved word and cannot be an id", at: location))
    }
    questionIndex = firstQuestion
    var sectionIds: [String: SourceLocation?] = [:]
    sectionIds.reserveCapacity(sections.count)
    for s in sections {
      if let other = sectionIds[s.id] {
        let place = other.map { " at line \($0.line)" } ?? ""
        document.diagnostics.append(.error("duplicate section id '\(s.id)': already used\(place)", at: s.location))
      } else {
        sectionIds[s.id] = s.location
      }
    }
    var riskIds: [String: SourceLocation] = [:]
    riskIds.reserveCapacity(risks.count)
    for r in risks {
      if let other = riskIds[r.id] {
        document.error("duplicate risk id '\(r.id)': already used at line \(other.line)", at: r.location)
      } else {
        riskIds[r.id] = r.location
      }
    }
  }

  /// Resolves `repeat:` names to the multiple-choice questions placed before.
  func resolveRepeats() {
    guard !repeatNames.isEmpty else { return }
    // `questionIndex` has the first question of each id, as a search from the start would find it
    // (a search per repeated question made a load of 100,000 questions quadratic).
    for (q, (name, node)) in repeatNames.sorted(by: { $0.key < $1.key }) {
      guard let source = questionIndex[name] else {
        let hint = Suggestions.hint(for: name, in: questions.filter { $0.type == .multi }.map(\.id))
        document.error("'repeat' names no question '\(name)'\(hint)", node)
        continue
      }
      guard questions[source].type == .multi else {
        document.error(
          "'repeat' needs a multiple-choice question; '\(name)' is \(questions[source].type.rawValue)", node)
        continue
      }
      guard source < q else {
        document.error("'repeat' reads '\(name)', which is asked after this question", node)
        continue
      }
      if questions[source].repeatOver != nil {
        document.error("'\(name)' is itself repeated; a question cannot repeat over a repeated question", node)
        continue
      }
      questions[q].repeatOver = source
    }
  }

  /// The static maximum of each scale, as the Canada AIA computes it: every question that can
  /// contribute, at its highest-scoring answer, whatever the conditions.
  func computeMaxScores() -> [Double] {
    // In place, without arrays made per question and scale; sums in the same order as ever.
    let questions = self.questions
    var totals = [Double](repeating: 0, count: scales.count)
    for q in questions.indices where !questions[q].options.isEmpty {
      var instances = 1.0
      if let source = questions[q].repeatOver {
        var count = 0
        for option in questions[source].options where !option.exclusive { count += 1 }
        instances = Double(count)
      }
      let multi = questions[q].type == .multi
      for s in totals.indices {
        var best = 0.0
        if multi {
          var additive = 0.0
          var exclusive: Double? = nil
          for option in questions[q].options {
            let score = option.score[s] ?? 0
            if option.exclusive {
              exclusive = Swift.max(exclusive ?? score, score)
            } else {
              additive = additive + Swift.max(0, score)
            }
          }
          best = Swift.max(additive, exclusive ?? 0)
        } else {
          for option in questions[q].options { best = Swift.max(best, option.score[s] ?? 0) }
        }
        totals[s] += best * instances
      }
    }
    return totals
  }

  func warnAboutScales() {
    for (s, scale) in scales.enumerated()
    where !questions.indices.contains(where: { q in questions[q].options.contains { $0.score[s] != nil } }) {
      document.diagnostics.append(
        .warning("nothing adds to scale '\(scale.id)': no option has a score for it", at: scale.location))
    }
  }
}
