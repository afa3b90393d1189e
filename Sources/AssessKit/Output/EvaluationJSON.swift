/// The JSON result of an evaluation: the contract of `assess evaluate --json`.
///
/// The result is described once (`write(_:treatments:layout:into:)`) and goes either into a `JSON`
/// tree (`make`) or straight into text (`text`, and `evaluate --batch` through `JSONWriter`).
public enum EvaluationJSON {
  /// The whole result for the engine's current answers.
  ///
  /// - Parameters:
  ///   - engine: the evaluated answers.
  ///   - treatments: treatment fields edited in a session, by risk id, over the templates.
  public static func make(_ engine: Engine, treatments: [String: [String: String]] = [:]) -> JSON {
    var builder = JSONTreeBuilder()
    write(engine, treatments: treatments, into: &builder)
    return builder.result
  }

  /// The whole result as text, exactly as `make(engine).pretty()` (or `.serialized()`) writes it,
  /// without building the tree.
  ///
  /// - Parameters:
  ///   - engine: the evaluated answers.
  ///   - treatments: treatment fields edited in a session, by risk id, over the templates.
  ///   - pretty: indented by two spaces; otherwise on one line.
  public static func text(_ engine: Engine, treatments: [String: [String: String]] = [:], pretty: Bool) -> String {
    // About 120 bytes a question when every one is on the path (the synthetic bench's result);
    // reserving it saves copying the text as it grows, and untouched pages cost nothing.
    var writer = JSONWriter(pretty: pretty, capacity: 4096 + 128 * engine.questionnaire.questions.count)
    write(engine, treatments: treatments, into: &writer)
    return writer.text
  }

  /// What the result needs that depends only on the questionnaire: for each risk, the questions
  /// its rules read (directly or through scales, computed values and levels), in questionnaire
  /// order. Built once per questionnaire when many answer sets are written (`BatchEvaluator`).
  package struct Layout: Sendable {
    let riskReads: [[Int]]

    package init(_ q: Questionnaire) {
      riskReads = q.risks.map { risk in
        Engine.questionsRead(
          by: [risk.when, risk.likelihood, risk.severity, risk.residualLikelihood, risk.residualSeverity], in: q)
      }
    }
  }

  /// Writes the whole result into `sink`.
  package static func write<Sink: JSONSink & ~Copyable>(
    _ engine: Engine, treatments: [String: [String: String]] = [:], layout: Layout? = nil, into out: inout Sink
  ) {
    let q = engine.questionnaire
    let items = engine.pathItems
    out.beginObject()
    out.field("questionnaire")
    out.beginObject()
    out.field("id")
    out.string(q.id)
    out.field("title")
    out.string(q.title)
    out.field("version")
    out.string(q.version)
    out.field("hash")
    out.string(q.hash)
    out.endObject()

    out.field("path")
    out.beginArray()
    for item in items { out.string(item.id) }
    out.endArray()
    out.field("answers")
    out.beginObject()
    for item in items {
      let value = engine.answer(item)
      guard value.isPresent else { continue }
      out.key(item.id)
      out.value(value)
    }
    out.endObject()
    out.field("unanswered")
    out.beginArray()
    // `requiredNow` is `isRequired` kept per change (without copying each question to read it).
    for item in items where engine.requiredNow[item.question] && !engine.answer(item).isPresent {
      out.string(item.id)
    }
    out.endArray()
    out.field("aside")
    // When every answer given is an answered path item, none is aside (the path's answered count is
    // kept per change): no set of the path's ids to build.
    let aside = engine.answers.values.count == engine.progress.answered ? [] : engine.answersAside(path: items)
    out.strings(aside)

    out.field("scores")
    out.beginObject()
    for (s, scale) in q.scales.enumerated() {
      out.key(scale.id)
      out.number(engine.scaleValues[s])
    }
    for (i, c) in q.computed.enumerated() {
      if case .number(let n) = engine.computed[i] {
        out.key(c.id)
        out.number(n)
      }
    }
    out.endObject()
    out.field("computed")
    out.beginObject()
    for (i, c) in q.computed.enumerated() {
      out.key(c.id)
      out.value(engine.computed[i])
    }
    out.endObject()
    let levels = engine.levels
    out.field("levels")
    out.beginObject()
    for (i, l) in q.levels.enumerated() {
      out.key(l.id)
      out.string(levels[i].label)
    }
    out.endObject()
    out.field("levelValues")
    out.beginObject()
    for (i, l) in q.levels.enumerated() {
      out.key(l.id)
      out.value(levels[i].value)
    }
    out.endObject()

    out.field("breakdown")
    out.beginObject()
    for (s, scale) in q.scales.enumerated() {
      out.key(scale.id)
      out.beginArray()
      for contributor in q.contributors[s] {
        let points = engine.points(ofQuestion: contributor, scale: s)
        guard points != 0 else { continue }
        out.beginObject()
        out.field("question")
        out.string(q.questions[contributor].id)
        out.field("answer")
        out.value(engine.questionValue[contributor])
        out.field("points")
        out.number(points)
        out.endObject()
      }
      out.endArray()
    }
    out.endObject()

    out.field("risks")
    out.beginArray()
    for i in q.risks.indices where engine.risks[i].raised {
      risk(i, engine, treatments, reads: layout?.riskReads[i], into: &out)
    }
    out.endArray()
    out.endObject()
  }

  /// One raised risk.
  static func risk<Sink: JSONSink & ~Copyable>(
    _ i: Int, _ engine: Engine, _ treatments: [String: [String: String]], reads: [Int]?, into out: inout Sink
  ) {
    let q = engine.questionnaire
    let risk = q.risks[i]
    let state = engine.risks[i]
    let m = q.matrix
    out.beginObject()
    out.field("id")
    out.string(risk.id)
    out.field("title")
    out.string(risk.title)
    out.field("dimension")
    out.string(risk.dimension)
    out.field("likelihood")
    out.number(Double(state.inherent.likelihood))
    out.field("severity")
    out.number(Double(state.inherent.severity))
    out.field("rating")
    out.string(m.ratings[state.inherent.rating])
    out.field("aboveAppetite")
    out.bool(m.isAboveAppetite(state.inherent.rating))
    out.field("residual")
    if let r = state.residual {
      out.beginObject()
      out.field("likelihood")
      out.number(Double(r.likelihood))
      out.field("severity")
      out.number(Double(r.severity))
      out.field("rating")
      out.string(m.ratings[r.rating])
      out.field("aboveAppetite")
      out.bool(m.isAboveAppetite(r.rating))
      out.endObject()
    } else {
      out.null()
    }
    out.field("treatment")
    let edits = treatments[risk.id] ?? [:]
    if let t = edits.isEmpty ? risk.treatment : TreatmentEdits.apply(edits, to: risk.treatment) {
      out.beginObject()
      out.field("option")
      out.string(t.option.rawValue)
      out.field("controls")
      out.strings(t.controls)
      out.field("actions")
      out.strings(t.actions)
      out.field("owner")
      out.string(t.owner)
      out.field("due")
      out.string(t.due)
      out.field("status")
      out.string(t.status.rawValue)
      out.endObject()
    } else {
      out.null()
    }
    out.field("because")
    because(i, engine, reads: reads, into: &out)
    out.endObject()
  }

  /// The rules and answers that raised a risk and set its rating.
  static func because<Sink: JSONSink & ~Copyable>(_ i: Int, _ engine: Engine, reads: [Int]?, into out: inout Sink) {
    let risk = engine.questionnaire.risks[i]
    let state = engine.risks[i]
    func rule(_ name: String, _ source: String, _ value: Int?) {
      out.beginObject()
      out.field("rule")
      out.string(name)
      out.field("expression")
      out.string(source)
      if let value {
        out.field("value")
        out.number(Double(value))
      }
      out.endObject()
    }
    out.beginArray()
    if let when = risk.when { rule("when", when.source, nil) }
    rule("likelihood", risk.likelihood.source, state.inherent.likelihood)
    rule("severity", risk.severity.source, state.inherent.severity)
    if let r = state.residual {
      if let e = risk.residualLikelihood { rule("residual likelihood", e.source, r.likelihood) }
      if let e = risk.residualSeverity { rule("residual severity", e.source, r.severity) }
    }
    let read =
      reads
      ?? Engine.questionsRead(
        by: [risk.when, risk.likelihood, risk.severity, risk.residualLikelihood, risk.residualSeverity],
        in: engine.questionnaire)
    for question in read where engine.questionValue[question].isPresent {
      out.beginObject()
      out.field("answer")
      out.string(engine.questionnaire.questions[question].id)
      out.field("value")
      out.value(engine.questionValue[question])
      out.endObject()
    }
    for note in state.assumptions {
      out.beginObject()
      out.field("assumption")
      out.string(note)
      out.endObject()
    }
    out.endArray()
  }
}
