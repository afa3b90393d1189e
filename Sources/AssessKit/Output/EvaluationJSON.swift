/// The JSON result of an evaluation: the contract of `assess evaluate --json`.
public enum EvaluationJSON {
  /// The whole result for the engine's current answers.
  ///
  /// - Parameters:
  ///   - engine: the evaluated answers.
  ///   - treatments: treatment fields edited in a session, by risk id, over the templates.
  public static func make(_ engine: Engine, treatments: [String: [String: String]] = [:]) -> JSON {
    let q = engine.questionnaire
    var scores: [(String, JSON)] = q.scales.enumerated().map { s, scale in (scale.id, .number(engine.scaleValues[s])) }
    for (i, c) in q.computed.enumerated() {
      if case .number(let n) = engine.computed[i] { scores.append((c.id, .number(n))) }
    }
    let levels = engine.levels
    return .object([
      (
        "questionnaire",
        .object([
          ("id", .string(q.id)), ("title", .string(q.title)), ("version", .string(q.version)),
          ("hash", .string(q.hash)),
        ])
      ),
      ("path", .array(engine.path.map(JSON.string))),
      ("answers", .object(engine.pathAnswers.map { ($0.id, $0.value.json) })),
      ("unanswered", .array(engine.unanswered.map(JSON.string))),
      ("aside", .array(engine.answersAside.map(JSON.string))),
      ("scores", .object(scores)),
      ("computed", .object(q.computed.enumerated().map { i, c in (c.id, engine.computed[i].json) })),
      ("levels", .object(q.levels.enumerated().map { i, l in (l.id, levels[i].label.map(JSON.string) ?? .null) })),
      ("levelValues", .object(q.levels.enumerated().map { i, l in (l.id, levels[i].value.json) })),
      (
        "breakdown",
        .object(
          q.scales.enumerated().map { s, scale in
            (
              scale.id,
              .array(
                engine.contributions(toScale: s).map { c in
                  .object([("question", .string(c.question)), ("answer", c.answer.json), ("points", .number(c.points))])
                })
            )
          })
      ),
      ("risks", .array(q.risks.indices.filter { engine.risks[$0].raised }.map { risk($0, engine, treatments) })),
    ])
  }

  /// One raised risk.
  static func risk(_ i: Int, _ engine: Engine, _ treatments: [String: [String: String]]) -> JSON {
    let q = engine.questionnaire
    let risk = q.risks[i]
    let state = engine.risks[i]
    let m = q.matrix
    var fields: [(String, JSON)] = [
      ("id", .string(risk.id)), ("title", .string(risk.title)), ("dimension", .string(risk.dimension)),
      ("likelihood", .number(Double(state.inherent.likelihood))),
      ("severity", .number(Double(state.inherent.severity))),
      ("rating", .string(m.ratings[state.inherent.rating])),
      ("aboveAppetite", .bool(m.isAboveAppetite(state.inherent.rating))),
    ]
    if let r = state.residual {
      fields.append(
        (
          "residual",
          .object([
            ("likelihood", .number(Double(r.likelihood))), ("severity", .number(Double(r.severity))),
            ("rating", .string(m.ratings[r.rating])), ("aboveAppetite", .bool(m.isAboveAppetite(r.rating))),
          ])
        ))
    } else {
      fields.append(("residual", .null))
    }
    if let t = TreatmentEdits.apply(treatments[risk.id] ?? [:], to: risk.treatment) {
      fields.append(
        (
          "treatment",
          .object([
            ("option", .string(t.option.rawValue)), ("controls", .array(t.controls.map(JSON.string))),
            ("actions", .array(t.actions.map(JSON.string))), ("owner", t.owner.map(JSON.string) ?? .null),
            ("due", t.due.map(JSON.string) ?? .null), ("status", .string(t.status.rawValue)),
          ])
        ))
    } else {
      fields.append(("treatment", .null))
    }
    fields.append(("because", .array(because(i, engine))))
    return .object(fields)
  }

  /// The rules and answers that raised a risk and set its rating.
  static func because(_ i: Int, _ engine: Engine) -> [JSON] {
    let risk = engine.questionnaire.risks[i]
    let state = engine.risks[i]
    var out: [JSON] = []
    if let when = risk.when {
      out.append(.object([("rule", .string("when")), ("expression", .string(when.source))]))
    }
    out.append(
      .object([
        ("rule", .string("likelihood")), ("expression", .string(risk.likelihood.source)),
        ("value", .number(Double(state.inherent.likelihood))),
      ]))
    out.append(
      .object([
        ("rule", .string("severity")), ("expression", .string(risk.severity.source)),
        ("value", .number(Double(state.inherent.severity))),
      ]))
    if let r = state.residual {
      if let e = risk.residualLikelihood {
        out.append(
          .object([
            ("rule", .string("residual likelihood")), ("expression", .string(e.source)),
            ("value", .number(Double(r.likelihood))),
          ]))
      }
      if let e = risk.residualSeverity {
        out.append(
          .object([
            ("rule", .string("residual severity")), ("expression", .string(e.source)),
            ("value", .number(Double(r.severity))),
          ]))
      }
    }
    let read = engine.answersRead(by: [
      risk.when, risk.likelihood, risk.severity, risk.residualLikelihood, risk.residualSeverity,
    ])
    for (id, value) in read {
      out.append(.object([("answer", .string(id)), ("value", value.json)]))
    }
    for note in state.assumptions { out.append(.object([("assumption", .string(note))])) }
    return out
  }
}
