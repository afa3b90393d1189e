/// A readable summary of an evaluation, for `assess evaluate` without `--json`.
public enum EvaluationText {
  /// The summary, ending with a newline, styled by `style`; risk lines wrapped to `width` when given.
  public static func render(_ engine: Engine, style: any TextStyler = PlainStyler(), width: Int? = nil) -> String {
    let q = engine.questionnaire
    func bold(_ s: String) -> String { style.apply(.heading, s) }
    var out = bold("\(q.title) (\(q.id) \(q.version))") + "\n"
    let path = engine.path
    let answered = engine.pathAnswers.count
    out += "Path: \(path.count) question\(path.count == 1 ? "" : "s"), \(answered) answered"
    let missing = engine.unanswered
    out += missing.isEmpty ? "\n" : "; required and unanswered: \(missing.joined(separator: ", "))\n"
    let aside = engine.answersAside
    if !aside.isEmpty { out += "Kept aside (off the path): \(aside.joined(separator: ", "))\n" }
    return out + results(engine, style: style, width: width)
  }

  /// Scores, levels and raised risks, worst first, each risk with its treatment option as it is
  /// now (`treatments`: the session's edits over the templates).
  /// - Parameters:
  ///   - width: wrap long risk lines at spaces to this many columns, continuation lines indented
  ///     under the risk's id (for a terminal); `nil` keeps one line per risk (for pipes).
  ///   - treatments: treatment fields edited in a session, by risk id, over the templates.
  ///   - titles: name scales, computed values and levels by title as well as id.
  public static func results(
    _ engine: Engine, style: any TextStyler = PlainStyler(), width: Int? = nil,
    treatments: [String: [String: String]] = [:], titles: Bool = false
  ) -> String {
    let q = engine.questionnaire
    func bold(_ s: String) -> String { style.apply(.heading, s) }
    var out = ""
    if !q.scales.isEmpty {
      out += bold("Scores") + "\n"
      func name(_ id: String, _ title: String?) -> String { titles ? title.map { "\($0) (\(id))" } ?? id : id }
      for (s, scale) in q.scales.enumerated() {
        out +=
          "  \(name(scale.id, scale.title)): \(NumberText.format(engine.scaleValues[s])) of \(NumberText.format(scale.maxScore))\n"
      }
      for (i, c) in q.computed.enumerated() {
        out += "  \(name(c.id, c.title)): \(NumberText.format(engine.computed[i]))\n"
      }
    }
    if !q.levels.isEmpty {
      out += bold("Levels") + "\n"
      for (i, level) in q.levels.enumerated() {
        let (value, label) = engine.levels[i]
        let shown = titles ? level.title.map { "\($0) (\(level.id))" } ?? level.id : level.id
        out += "  \(shown): \(label ?? "none") (\(NumberText.format(value)))\n"
      }
    }
    let raised = q.risks.indices.filter { engine.risks[$0].raised }
    out += bold("Risks") + (raised.isEmpty ? ": none raised\n" : " (\(raised.count) raised)\n")
    let m = q.matrix
    let widthOfRating = raised.map { m.ratings[engine.risks[$0].inherent.rating].count }.max() ?? 0
    for i in raised.sorted(by: { engine.risks[$0].inherent.rating > engine.risks[$1].inherent.rating }) {
      let risk = q.risks[i]
      let state = engine.risks[i]
      let rating = m.ratings[state.inherent.rating]
      var line = "  \(rating.padding(toLength: widthOfRating, withPad: " ", startingAt: 0))  \(risk.id): \(risk.title)"
      line += " [L\(state.inherent.likelihood) S\(state.inherent.severity)"
      if let r = state.residual { line += "; residual \(m.ratings[r.rating])" }
      line += "]"
      if let t = TreatmentEdits.apply(treatments[risk.id] ?? [:], to: risk.treatment) {
        line += " \(t.option.rawValue)"
      }
      let lines =
        width.map { TextLayout.wrap(line, width: $0, indent: widthOfRating + 2).components(separatedBy: "\n") } ?? [
          line
        ]
      for part in lines {
        out += (m.isAboveAppetite(state.inherent.rating) ? style.apply(.alert, part) : part) + "\n"
      }
    }
    return out
  }

  /// The risks not raised yet only because answers they read are still to come, each with the
  /// questions that will decide it (an unknown never hides a risk); empty when there are none.
  public static func possible(_ engine: Engine, style: any TextStyler = PlainStyler(), width: Int? = nil) -> String {
    let possible = engine.possibleRisks
    guard !possible.isEmpty else { return "" }
    let q = engine.questionnaire
    var out = style.apply(.heading, "Possible risks") + " (\(possible.count), decided by answers still to come)\n"
    for item in possible {
      let risk = q.risks[item.risk]
      let prompts = item.decidedBy.prefix(3).map { id in "\"" + (q.question(id)?.prompt ?? id) + "\"" }
      let more = item.decidedBy.count > 3 ? " and \(item.decidedBy.count - 3) more" : ""
      let line = "  \(risk.id): \(risk.title); decided by " + prompts.joined(separator: ", ") + more
      out += (width.map { TextLayout.wrap(line, width: $0, indent: 4) } ?? line) + "\n"
    }
    return out
  }
}
