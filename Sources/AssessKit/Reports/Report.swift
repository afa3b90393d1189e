/// The report of a session: everything an approver or an auditor reads, as one ordered JSON value
/// (the `report --format json` output, and the context the Markdown and HTML templates render).
///
/// Deterministic: built from the session's log and questionnaire only. Times come from the log;
/// "overdue" is judged as of the session's last change, never the clock.
public struct Report: Sendable {
  /// The version of the report's JSON shape; it gains fields, never loses or changes them.
  public static let schema = 1

  /// The report as ordered JSON.
  public let json: JSON

  /// The report of `session`.
  public init(_ session: Session) {
    json = ReportBuilder(session).make()
  }
}

/// Builds the report's parts.
struct ReportBuilder {
  let session: Session
  let q: Questionnaire
  let engine: Engine
  let plan: TreatmentPlan
  let asOf: String?

  init(_ session: Session) {
    self.session = session
    q = session.questionnaire
    engine = session.engine
    asOf = session.state.updatedAt.map { String($0.text.prefix(10)) }
    plan = TreatmentPlan(session, today: asOf)
  }

  func make() -> JSON {
    .object([
      ("schema", .number(Double(Report.schema))),
      ("title", .string("\(q.title): assessment report")),
      ("questionnaire", questionnaire()),
      ("session", sessionPart()),
      ("summary", summary()),
      ("heatMap", heatMap()),
      ("risks", .array(raised.map { risk($0) })),
      ("plan", planPart()),
      ("soa", soa()),
      ("sections", .array(sections())),
      ("unanswered", .array(unanswered())),
      ("aside", .array(aside())),
      ("sessionNotes", .array(session.state.notes.filter { $0.question == nil }.map(note))),
      ("agreement", agreement()),
      ("history", .array(session.events.map(historyLine))),
      ("integrity", session.integrity.json),
    ])
  }

  var raised: [Int] { q.risks.indices.filter { engine.risks[$0].raised } }

  func string(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
  func number(_ n: Int) -> JSON { .number(Double(n)) }

  func questionnaire() -> JSON {
    .object([
      ("id", .string(q.id)), ("title", .string(q.title)), ("version", .string(q.version)), ("hash", .string(q.hash)),
      ("source", .string(session.state.source)),
    ])
  }

  func sessionPart() -> JSON {
    let state = session.state
    let facilitator = state.participants.first { $0.role == "facilitator" }?.name ?? state.createdBy
    var signOff: JSON = .null
    if let last = state.signOffs.last {
      var fields: [(String, JSON)] = [
        ("name", .string(last.name)), ("role", string(last.role)), ("at", .string(last.at.text)),
        ("summary", .string(last.summary)), ("override", string(last.override)),
        ("inForce", .bool(last.voidedBy == nil)),
      ]
      fields.append(
        (
          "voided",
          last.voidedBy.map { v in
            .object([
              ("reason", .string(v.reason)), ("by", .string(v.by)), ("at", .string(v.at.text)), ("seq", number(v.seq)),
            ])
          } ?? .null
        ))
      signOff = .object(fields)
    }
    return .object([
      ("id", .string(session.id)),
      ("facilitator", .string(facilitator)),
      ("startedBy", .string(state.createdBy)),
      (
        "participants",
        .array(
          state.participants.map { p in
            .object([("name", .string(p.name)), ("role", string(p.role)), ("joined", .string(p.at.text))])
          })
      ),
      ("started", string(state.createdAt?.text)),
      ("lastChange", string(state.updatedAt?.text)),
      ("status", .string(session.status.description)),
      ("events", number(state.eventCount)),
      (
        "progress",
        .object([("answered", number(session.progress.answered)), ("onPath", number(session.progress.onPath))])
      ),
      ("signOff", signOff),
    ])
  }

  func summary() -> JSON {
    let levels = engine.levels
    let m = q.matrix
    var counts = [Int](repeating: 0, count: m.ratings.count)
    var residualCounts = counts
    for i in raised {
      counts[engine.risks[i].inherent.rating] += 1
      residualCounts[(engine.risks[i].residual ?? engine.risks[i].inherent).rating] += 1
    }
    var scores: [JSON] = q.scales.enumerated().map { s, scale in
      .object([
        ("id", .string(scale.id)), ("title", .string(scale.title ?? scale.id)),
        ("value", .number(engine.scaleValues[s])), ("text", .string(NumberText.format(engine.scaleValues[s]))),
        ("max", .number(scale.maxScore)),
      ])
    }
    for (i, c) in q.computed.enumerated() {
      guard case .number(let n) = engine.computed[i] else { continue }
      scores.append(
        .object([
          ("id", .string(c.id)), ("title", .string(c.title ?? c.id)), ("value", .number(n)),
          ("text", .string(NumberText.format(n))), ("max", .null),
        ]))
    }
    return .object([
      (
        "levels",
        .array(
          q.levels.enumerated().map { i, level in
            .object([
              ("id", .string(level.id)), ("title", .string(level.title ?? level.id)), ("value", levels[i].value.json),
              ("label", string(levels[i].label)),
              ("description", string(levels[i].value.number.flatMap { level.band(for: $0)?.description })),
            ])
          })
      ),
      ("scores", .array(scores)),
      (
        "ratings",
        .array(
          m.ratings.indices.reversed().map { r in
            .object([
              ("rating", .string(m.ratings[r])), ("inherent", number(counts[r])),
              ("residual", number(residualCounts[r])),
              ("aboveAppetite", .bool(m.isAboveAppetite(r))),
            ])
          })
      ),
      ("appetite", .string(m.ratings[m.appetite])),
      ("risksRaised", number(raised.count)),
      ("untreated", number(plan.untreated.count)),
      ("overdue", number((plan.items + plan.retained).filter(\.overdue).count)),
      ("openFlags", number(session.state.flags.count)),
      ("unanswered", number(engine.unanswered.count)),
      ("asOf", string(asOf)),
    ])
  }

  /// Rows from the highest likelihood down; each cell counts the raised risks there (inherent).
  func heatMap() -> JSON {
    let m = q.matrix
    var grid = [[Int]](repeating: [Int](repeating: 0, count: m.severity.count), count: m.likelihood.count)
    for i in raised {
      let r = engine.risks[i].inherent
      grid[m.clampLikelihood(r.likelihood) - 1][m.clampSeverity(r.severity) - 1] += 1
    }
    return .object([
      ("likelihood", .array(m.likelihood.map(JSON.string))),
      ("severity", .array(m.severity.map(JSON.string))),
      ("ratings", .array(m.ratings.map(JSON.string))),
      (
        "rows",
        .array(
          m.likelihood.indices.reversed().map { l in
            .object([
              ("likelihood", .string(m.likelihood[l])), ("level", number(l + 1)),
              (
                "cells",
                .array(
                  m.severity.indices.map { s in
                    let rating = m.rating(likelihood: l + 1, severity: s + 1)
                    return .object([
                      ("severity", .string(m.severity[s])), ("rating", .string(m.ratings[rating])),
                      ("ratingIndex", number(rating)), ("count", number(grid[l][s])),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }

  func rating(_ r: RiskState.Rating) -> JSON {
    let m = q.matrix
    return .object([
      ("likelihood", number(r.likelihood)),
      ("likelihoodLabel", .string(m.likelihood[m.clampLikelihood(r.likelihood) - 1])),
      ("severity", number(r.severity)), ("severityLabel", .string(m.severity[m.clampSeverity(r.severity) - 1])),
      ("rating", .string(m.ratings[r.rating])), ("ratingIndex", number(r.rating)),
      ("aboveAppetite", .bool(m.isAboveAppetite(r.rating))),
    ])
  }

  func risk(_ i: Int) -> JSON {
    let risk = q.risks[i]
    let state = engine.risks[i]
    let t = TreatmentEdits.apply(session.state.treatments[risk.id] ?? [:], to: risk.treatment)
    let because = engine.answersRead(by: [risk.when, risk.likelihood, risk.severity]).map { a in
      JSON.object([
        ("question", .string(a.id)), ("text", .string(ReportAnswers.text(a.id, in: q))),
        ("answer", .string(answerLabel(a.id, a.value))),
      ])
    }
    return .object([
      ("id", .string(risk.id)), ("title", .string(risk.title)), ("dimension", .string(risk.dimension)),
      ("description", string(risk.description)),
      ("inherent", rating(state.inherent)),
      ("residual", state.residual.map(rating) ?? .null),
      ("option", string(t?.option.rawValue)), ("owner", string(t?.owner)), ("due", string(t?.due)),
      ("status", string(t?.status.rawValue)),
      ("because", .array(because)),
    ])
  }

  func answerLabel(_ id: String, _ value: Value) -> String {
    ReportAnswers.question(id, in: q).map { ReportAnswers.label(value, of: $0.question) } ?? NumberText.format(value)
  }

  func planItem(_ item: TreatmentPlan.Item) -> JSON {
    let t = item.treatment
    return .object([
      ("risk", .string(item.risk.id)), ("title", .string(item.risk.title)),
      ("rating", .string(q.matrix.ratings[item.state.inherent.rating])),
      ("residual", string(item.state.residual.map { q.matrix.ratings[$0.rating] })),
      ("option", string(t?.option.rawValue)), ("owner", string(t?.owner)),
      ("ownerConfirmed", .bool(!(item.edits["owner"] ?? "").isEmpty)),
      ("due", string(t?.due)), ("status", string(t?.status.rawValue)),
      (
        "controls",
        .array(
          (t?.controls ?? []).map { c in
            .object([("id", .string(c)), ("title", string(AnnexA.controls.first { $0.id == c }?.title))])
          })
      ),
      ("actions", .array((t?.actions ?? []).map(JSON.string))),
      ("reason", string(t?.reason)), ("stops", string(t?.stops)),
      ("treated", .bool(item.treated)), ("missing", .array(item.missing.map(JSON.string))),
      ("overdue", .bool(item.overdue)),
    ])
  }

  func planPart() -> JSON {
    .object([
      ("items", .array(plan.items.map(planItem))),
      ("retained", .array(plan.retained.map(planItem))),
    ])
  }

  func soa() -> JSON {
    let statement = StatementOfApplicability(session)
    return .object([
      (
        "counts",
        .object([
          ("included", number(statement.count(.included))), ("excluded", number(statement.count(.excluded))),
          ("open", number(statement.count(.open))),
        ])
      ),
      (
        "rows",
        .array(
          statement.rows.map { row in
            .object([
              ("control", .string(row.control.id)), ("title", .string(row.control.title)),
              ("status", .string(row.status.rawValue)), ("risks", .array(row.risks.map(JSON.string))),
              ("reason", string(row.declaration?.reason)), ("by", string(row.declaration?.by)),
              ("contradicted", .bool(row.contradicted)),
            ])
          })
      ),
      (
        "otherControls",
        .array(
          statement.otherControls.map { o in
            .object([("control", .string(o.control)), ("risks", .array(o.risks.map(JSON.string)))])
          })
      ),
    ])
  }

  func note(_ n: SessionState.Note) -> JSON {
    .object([("text", .string(n.text)), ("by", .string(n.by)), ("at", .string(n.at.text))])
  }

  /// Who last set each answer, and when: from the log.
  var answeredBy: [String: (by: String, at: Timestamp)] {
    var out: [String: (by: String, at: Timestamp)] = [:]
    for event in session.events {
      switch event.kind {
      case .answered(let question, _), .changed(let question, _, _): out[question] = (event.by, event.at)
      case .cleared(let question, _): out[question] = nil
      default: break
      }
    }
    return out
  }

  func sections() -> [JSON] {
    let who = answeredBy
    var bySection: [Int: [JSON]] = [:]
    for item in engine.pathItems {
      let value = engine.answer(item)
      let question = q.questions[item.question]
      let notes = session.state.notes.filter { $0.question == item.id }
      let flag = session.state.flags[item.id]
      guard value.isPresent || !notes.isEmpty || flag != nil else { continue }
      bySection[question.section, default: []].append(
        .object([
          ("id", .string(item.id)), ("text", .string(ReportAnswers.text(item.id, in: q))),
          ("answer", value.isPresent ? .string(ReportAnswers.label(value, of: question)) : .null),
          ("value", value.json),
          ("by", string(who[item.id]?.by)), ("at", string(who[item.id]?.at.text)),
          ("notes", .array(notes.map(note))),
          (
            "flag",
            flag.map { f in .object([("text", string(f.text)), ("by", .string(f.by)), ("at", .string(f.at.text))]) }
              ?? .null
          ),
        ]))
    }
    return q.sections.enumerated().compactMap { s, section in
      guard let questions = bySection[s] else { return nil }
      return .object([("id", .string(section.id)), ("title", .string(section.title)), ("questions", .array(questions))])
    }
  }

  func unanswered() -> [JSON] {
    engine.unanswered.map { id in
      let section = ReportAnswers.question(id, in: q).map { q.sections[$0.question.section].title }
      return .object([
        ("id", .string(id)), ("text", .string(ReportAnswers.text(id, in: q))), ("section", string(section)),
        ("parked", .bool(session.state.parked.contains(id))),
      ])
    }
  }

  /// Answers kept but not counted: off the path, or set aside by a migration.
  func aside() -> [JSON] {
    var out: [JSON] = []
    for id in engine.answersAside {
      guard let value = engine.answers[id] else { continue }
      out.append(
        .object([
          ("id", .string(id)), ("text", .string(ReportAnswers.text(id, in: q))),
          ("answer", .string(answerLabel(id, value))), ("why", .string("off the path")),
        ]))
    }
    for id in session.state.aside.keys.sorted() {
      guard let value = session.state.aside[id] else { continue }
      out.append(
        .object([
          ("id", .string(id)), ("text", .string(ReportAnswers.text(id, in: q))),
          ("answer", .string(NumberText.format(value))), ("why", .string("no longer fits the questionnaire")),
        ]))
    }
    return out
  }

  func historyLine(_ event: SessionEvent) -> JSON {
    .object([
      ("seq", number(event.seq)), ("at", .string(event.at.text)), ("by", .string(event.by)),
      ("type", .string(event.kind.name)), ("what", .string(HistoryText.describe(event.kind))),
    ])
  }
}
