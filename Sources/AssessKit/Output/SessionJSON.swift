/// JSON views of sessions: `status --json`, `history --json`, and the sessions of `list --json`.
public enum SessionJSON {
  /// The session's place, then everything `evaluate --json` gives, then the plan's untreated and
  /// overdue risks (overdue by `today`, `yyyy-mm-dd`), flags, notes and sign-off.
  public static func status(_ session: Session, today: String? = nil) -> JSON {
    let state = session.state
    let (answered, onPath) = session.progress
    var pairs: [(String, JSON)] = [
      (
        "session",
        .object([
          ("id", .string(session.id)), ("status", .string(session.status.rawValue)),
          ("archived", .bool(state.archived)),
          ("reassessmentOf", state.reassessmentOf.map(JSON.string) ?? .null),
          ("toConfirm", .array(state.proposed.sorted().map(JSON.string))),
          ("source", .string(state.source)),
          ("created", time(state.createdAt)), ("createdBy", .string(state.createdBy)),
          ("updated", time(state.updatedAt)), ("events", .number(Double(state.eventCount))),
          ("answered", .number(Double(answered))), ("onPath", .number(Double(onPath))),
          ("integrity", session.integrity.json),
          (
            "participants",
            .array(
              state.participants.map {
                .object([("name", .string($0.name)), ("role", $0.role.map(JSON.string) ?? .null)])
              })
          ),
        ])
      )
    ]
    if case .object(let evaluation) = EvaluationJSON.make(session.engine, treatments: state.treatments) {
      pairs += evaluation
    }
    let plan = TreatmentPlan(session, today: today)
    pairs.append(
      (
        "plan",
        .object([
          ("untreated", .array(plan.untreated.map { .string($0.risk.id) })),
          ("overdue", .array((plan.items + plan.retained).filter(\.overdue).map { .string($0.risk.id) })),
        ])
      ))
    pairs.append(
      (
        "possible",
        .array(
          session.engine.possibleRisks.map { item in
            .object([
              ("id", .string(session.questionnaire.risks[item.risk].id)),
              ("title", .string(session.questionnaire.risks[item.risk].title)),
              ("decidedBy", .array(item.decidedBy.map(JSON.string))),
            ])
          })
      ))
    pairs.append(
      (
        "flags",
        .array(
          state.flags.values.sorted { $0.at < $1.at }.map {
            .object([
              ("question", .string($0.question)), ("text", $0.text.map(JSON.string) ?? .null), ("by", .string($0.by)),
              ("at", .string($0.at.text)),
            ])
          })
      ))
    pairs.append(
      (
        "notes",
        .array(
          state.notes.map {
            .object([
              ("question", $0.question.map(JSON.string) ?? .null), ("text", .string($0.text)), ("by", .string($0.by)),
              ("at", .string($0.at.text)),
            ])
          })
      ))
    pairs.append(("agreement", agreement(Agreement(session))))
    if let copy = state.raterCopy {
      pairs.append(("raterCopy", .object([("session", .string(copy.session)), ("rater", .string(copy.rater))])))
    }
    pairs.append(("migrationAside", .object(state.aside.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) })))
    if let last = state.signOffs.last {
      var fields: [(String, JSON)] = [
        ("name", .string(last.name)), ("role", last.role.map(JSON.string) ?? .null), ("at", .string(last.at.text)),
        ("summary", .string(last.summary)), ("valid", .bool(last.voidedBy == nil)),
        ("residual", .object(last.residual.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ("override", last.override.map(JSON.string) ?? .null),
      ]
      if let voided = last.voidedBy {
        fields.append(
          (
            "voidedBy",
            .object([
              ("event", .number(Double(voided.seq))), ("type", .string(voided.type)),
              ("question", voided.type == "treatment" ? .null : voided.subject.map(JSON.string) ?? .null),
              ("risk", voided.type == "treatment" ? voided.subject.map(JSON.string) ?? .null : .null),
              ("reason", .string(voided.reason)), ("by", .string(voided.by)), ("at", .string(voided.at.text)),
            ])
          ))
      }
      pairs.append(("signOff", .object(fields)))
    } else {
      pairs.append(("signOff", .null))
    }
    return .object(pairs)
  }

  /// The audit trail.
  public static func history(_ session: Session) -> JSON {
    .object([("session", .string(session.id)), ("events", .array(session.events.map(EventCodec.json)))])
  }

  /// One line of `list --json`.
  public static func summary(_ session: Session) -> JSON {
    let (answered, onPath) = session.progress
    return .object([
      ("id", .string(session.id)), ("questionnaire", .string(session.questionnaire.id)),
      ("version", .string(session.questionnaire.version)), ("status", .string(session.status.rawValue)),
      ("archived", .bool(session.state.archived)),
      ("answered", .number(Double(answered))), ("onPath", .number(Double(onPath))),
      ("rating", session.highestRating.map(JSON.string) ?? .null), ("updated", time(session.state.updatedAt)),
      ("integrity", session.integrity.json),
    ])
  }

  private static func time(_ t: Timestamp?) -> JSON { t.map { .string($0.text) } ?? .null }
}
