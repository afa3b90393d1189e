/// How a number of a session came about, as values: the rules, what they read, what they gave.
/// `ExplainText` puts it in words; tests check that its numbers add up to the reported ones.
public enum Explanation {
  /// Something a rule read: an answer (question and answer label), a score, a computed value or a level.
  public struct Input: Sendable, Hashable {
    /// `answer`, `score`, `value` or `level`.
    public let kind: String
    /// The id (`q`, `q[option]`, a scale, computed or level id).
    public let id: String
    /// The question as asked, or the title.
    public let title: String?
    /// The value in words: an answer's label, a number rounded for reading.
    public let shown: String
    /// The value.
    public let value: Value
  }

  /// A rule (an expression of the questionnaire), its value now and what it read.
  public struct Rule: Sendable, Hashable {
    /// The expression as written; `nil` when the value is taken from elsewhere (e.g. inherent).
    public let expression: String?
    /// Its value now.
    public let value: Value
    /// What it read, in questionnaire order.
    public let inputs: [Input]
  }

  /// A likelihood and severity and the matrix cell they give.
  public struct Cell: Sendable, Hashable {
    /// How the likelihood came about; its value is the number used (clamped into the matrix).
    public let likelihood: Rule
    /// How the severity came about.
    public let severity: Rule
    /// Likelihood used, 1-based.
    public let l: Int
    /// Severity used, 1-based.
    public let s: Int
    /// Index into the matrix's ratings.
    public let rating: Int
  }

  /// A risk: why it was raised, its inherent and residual cells, notes on assumed values, its plan item.
  public struct Risk: Sendable {
    /// The risk.
    public let risk: AssessKit.Risk
    /// Whether it is raised now.
    public let raised: Bool
    /// The condition that raised it and what it read; `nil` when it is raised always.
    public let condition: Rule?
    /// The inherent rating.
    public let inherent: Cell
    /// The residual rating, when the risk gives one.
    public let residual: Cell?
    /// Values that had to be assumed (null or out of range).
    public let assumptions: [String]
    /// Its plan item (above appetite or retained), when raised.
    public let item: TreatmentPlan.Item?
  }

  /// A score scale: every answer that added to it, and how much.
  public struct Score: Sendable {
    /// The scale.
    public let scale: Scale
    /// The answers that added points: input and points.
    public let contributions: [(input: Input, points: Double)]
    /// The total now.
    public let total: Double
  }

  /// A level: its value, how it was computed, and its band.
  public struct LevelBand: Sendable {
    /// The level.
    public let level: Level
    /// How its value came about.
    public let rule: Rule
    /// The band the value falls in.
    public let band: Level.Band?
  }

  /// What `name` is in `questionnaire`: a risk, scale, computed value or level.
  public enum Target: Sendable, Hashable {
    /// A risk, by index.
    case risk(Int)
    /// A score scale, by index.
    case scale(Int)
    /// A computed value, by index.
    case computed(Int)
    /// A level, by index.
    case level(Int)
  }

  /// Finds what an id names, risks first.
  public static func target(_ name: String, in q: Questionnaire) -> Target? {
    if let i = q.risks.firstIndex(where: { $0.id == name }) { return .risk(i) }
    if let i = q.scales.firstIndex(where: { $0.id == name }) { return .scale(i) }
    if let i = q.computed.firstIndex(where: { $0.id == name }) { return .computed(i) }
    if let i = q.levels.firstIndex(where: { $0.id == name }) { return .level(i) }
    return nil
  }

  /// Every id `target(_:in:)` knows, for hints and completion.
  public static func names(in q: Questionnaire) -> [String] {
    q.risks.map(\.id) + q.scales.map(\.id) + q.computed.map(\.id) + q.levels.map(\.id)
  }

  /// The explanation of risk `i`.
  public static func risk(_ i: Int, in session: Session, plan: TreatmentPlan) -> Risk {
    let engine = session.engine
    let risk = session.questionnaire.risks[i]
    let state = engine.risks[i]
    let inherent = Cell(
      likelihood: rule(risk.likelihood, engine), severity: rule(risk.severity, engine), l: state.inherent.likelihood,
      s: state.inherent.severity, rating: state.inherent.rating)
    var residual: Cell?
    if let r = state.residual {
      let l =
        risk.residualLikelihood.map { rule($0, engine) }
        ?? Rule(expression: nil, value: .number(Double(r.likelihood)), inputs: [])
      let s =
        risk.residualSeverity.map { rule($0, engine) }
        ?? Rule(expression: nil, value: .number(Double(r.severity)), inputs: [])
      residual = Cell(likelihood: l, severity: s, l: r.likelihood, s: r.severity, rating: r.rating)
    }
    return Risk(
      risk: risk, raised: state.raised, condition: risk.when.map { rule($0, engine) }, inherent: inherent,
      residual: residual, assumptions: state.assumptions, item: plan.item(risk.id))
  }

  /// The explanation of scale `s`.
  public static func score(_ s: Int, in engine: Engine) -> Score {
    let q = engine.questionnaire
    let contributions = engine.contributions(toScale: s).compactMap { c -> (Input, Double)? in
      guard let index = q.questionIndex[c.question] else { return nil }
      return (answerInput(index, id: c.question, value: c.answer, q), c.points)
    }
    return Score(scale: q.scales[s], contributions: contributions, total: engine.scaleValues[s])
  }

  /// The explanation of level `l`.
  public static func level(_ l: Int, in engine: Engine) -> LevelBand {
    let level = engine.questionnaire.levels[l]
    let rule = rule(level.value, engine)
    return LevelBand(level: level, rule: rule, band: rule.value.number.flatMap { level.band(for: $0) })
  }

  /// The rule of computed value `c`.
  public static func computed(_ c: Int, in engine: Engine) -> Rule {
    rule(engine.questionnaire.computed[c].value, engine)
  }

  /// An expression's value and what it reads directly.
  static func rule(_ expression: Expression, _ engine: Engine) -> Rule {
    let q = engine.questionnaire
    let symbols = expression.compiled.dependencies.sorted { order($0) < order($1) }
    let inputs = symbols.map { symbol -> Input in
      let value = engine.value(of: symbol)
      switch symbol {
      case .question(let i): return answerInput(i, id: q.questions[i].id, value: value, q)
      case .instance(let i, let option):
        return answerInput(i, id: AnswerSet.instanceId(q.questions[i].id, option), value: value, q, option: option)
      case .scale(let s):
        return Input(
          kind: "score", id: q.scales[s].id, title: q.scales[s].title,
          shown: "\(NumberText.format(value)) of \(NumberText.format(q.scales[s].maxScore))", value: value)
      case .computed(let c):
        return Input(
          kind: "value", id: q.computed[c].id, title: q.computed[c].title, shown: NumberText.format(value), value: value
        )
      case .level(let l):
        return Input(
          kind: "level", id: q.levels[l].id, title: q.levels[l].title,
          shown: value.string ?? "no band yet", value: value)
      }
    }
    return Rule(expression: expression.source, value: expression.compiled.evaluate(in: engine), inputs: inputs)
  }

  private static func order(_ symbol: Symbol) -> (Int, Int, String) {
    switch symbol {
    case .question(let i): return (0, i, "")
    case .instance(let i, let option): return (0, i, option)
    case .scale(let s): return (1, s, "")
    case .computed(let c): return (2, c, "")
    case .level(let l): return (3, l, "")
    }
  }

  static func answerInput(_ index: Int, id: String, value: Value, _ q: Questionnaire, option: String? = nil) -> Input {
    let question = q.questions[index]
    var prompt = question.prompt
    if let option, let source = question.repeatOver {
      let label = q.questions[source].option(option)?.label ?? option
      prompt = prompt.replacingOccurrences(of: "{item}", with: label)
    }
    return Input(kind: "answer", id: id, title: prompt, shown: label(value, question), value: value)
  }

  /// An answer in words: the option's label, a scale point with its label, a number with its unit.
  public static func label(_ value: Value, _ question: Question) -> String {
    switch value {
    case .null: return "no answer"
    case .string(let s):
      if let option = question.option(s) { return option.label }
      return question.type == .text ? "\"\(s)\"" : s
    case .bool(let b): return question.option(b ? "yes" : "no")?.label ?? (b ? "Yes" : "No")
    case .number(let n):
      var text = NumberText.format(n)
      if let label = question.labels[Int(exactly: n) ?? Int.min] { text += " (\(label))" }
      if let unit = question.unit { text += " \(unit)" }
      return text
    case .list(let items):
      if items.isEmpty { return "none" }
      return items.map { label($0, question) }.joined(separator: ", ")
    }
  }
}
