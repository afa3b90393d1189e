import Foundation
import Testing

@testable import AssessKit

/// Keeps events in memory: enough for a recorder in unit tests.
final class MemoryWriter: SessionWriter {
  var events: [SessionEvent] = []
  func append(_ event: SessionEvent) throws(StoreError) { events.append(event) }
  func pin(_ questionnaire: PinnedQuestionnaire) throws(StoreError) {}
  func close() {}
}

@Suite struct TreatmentPlanTests {
  /// A recorder on a new session of `q` with `values` answered.
  func recorder(_ q: Questionnaire, _ values: [String: Value], today: String = "2026-12-05") throws -> SessionRecorder {
    let created = SessionEvent(
      seq: 1, at: "2026-11-29T10:00:00Z", by: "ana",
      kind: .created(questionnaire: q.id, version: q.version, hash: q.hash, source: q.id))
    let recorder = SessionRecorder(
      session: Session(id: "s", events: [created], questionnaire: q), writer: MemoryWriter(),
      clock: { Timestamp(stringLiteral: "\(today)T10:00:00Z") })
    for (id, value) in values.sorted(by: { $0.key < $1.key }) { try recorder.answer(id, value, by: "ana") }
    return recorder
  }

  var exampleAnswers: [String: Value] {
    [
      "purpose": .string("Screen loan applications"), "effect": .string("significant"), "users": .number(50000),
      "groups": .list([.string("public"), .string("children")]), "harm_by_group[public]": .number(3),
      "harm_by_group[children]": .number(4), "subgroup_tested": .bool(false), "oversight": .string("none"),
      "appeal_days": .number(30),
    ]
  }

  func refusal(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch let error as SessionError {
      return error.message
    } catch {
      return "\(error)"
    }
  }

  @Test func everyRiskAboveAppetiteHasAnItemWorstFirstAndProposedOwnersDoNotCount() throws {
    let r = try recorder(try example(), exampleAnswers)
    let plan = TreatmentPlan(r.session, today: "2026-12-05")
    #expect(plan.items.map(\.risk.id) == ["unfair-outcomes", "unchecked-automation", "high-impact-level"])
    #expect(plan.retained.isEmpty)
    #expect(plan.untreated.count == 3)
    #expect(plan.items[0].missing == ["owner 'ML lead' only proposed, not confirmed"])
    #expect(
      plan.items[2].missing == ["owner 'Governance lead' only proposed, not confirmed", "no reason for accepting"])
    try r.editTreatment(risk: "unfair-outcomes", fields: ["owner": "Dana", "due": "2026-12-01"], by: "ana")
    let after = TreatmentPlan(r.session, today: "2026-12-05")
    #expect(after.items[0].treated && after.items[0].overdue)
    #expect(!TreatmentPlan(r.session, today: "2026-11-30").items[0].overdue)
    try r.editTreatment(risk: "unfair-outcomes", fields: ["status": "done"], by: "ana")
    #expect(!TreatmentPlan(r.session, today: "2026-12-05").items[0].overdue)
    #expect(TreatmentPlan(r.session).untreated(atOrAbove: 3).map(\.risk.id) == ["unchecked-automation"])
  }

  @Test func editsAreValidated() throws {
    let r = try recorder(try example(), exampleAnswers)
    #expect(
      refusal { try r.editTreatment(risk: "unfair-outcomes", fields: ["due": "someday"], by: "ana") }
        == "the due date of 'unfair-outcomes' must be an ISO 8601 date like 2026-12-31, not 'someday'")
    #expect(refusal { try r.editTreatment(risk: "unfair-outcomes", fields: ["due": "2026-02-30"], by: "ana") } != nil)
    #expect(refusal { try r.editTreatment(risk: "unfair-outcomes", fields: ["due": "2026-2-3"], by: "ana") } != nil)
    #expect(refusal { try r.editTreatment(risk: "unfair-outcomes", fields: ["due": "2028-02-29"], by: "ana") } == nil)
    #expect(
      refusal { try r.editTreatment(risk: "unfair-outcomes", fields: ["controls": "A.7.4\nA.7.44"], by: "ana") }
        == "'A.7.44' is not an ISO/IEC 42001 Annex A control (did you mean 'A.7.4'?); qualify controls from elsewhere, e.g. 'ISO 27001 A.8.12'"
    )
    #expect(
      refusal {
        try r.editTreatment(risk: "unfair-outcomes", fields: ["controls": "A.7.4\nISO 27001 A.8.12"], by: "ana")
      }
        == nil)
    #expect(
      refusal { try r.editTreatment(risk: "unfair-outcomes", fields: ["option": "accept"], by: "ana") }
        == "accepting 'unfair-outcomes' needs a reason: who accepts it and why (--reason)")
    #expect(
      refusal { try r.editTreatment(risk: "unfair-outcomes", fields: ["option": "avoid"], by: "ana") }
        == "avoiding 'unfair-outcomes' needs what is stopped to avoid it (--stops)")
    try r.editTreatment(
      risk: "unfair-outcomes", fields: ["option": "avoid", "stops": "automated scoring of applicants"], by: "ana")
    #expect(TreatmentPlan(r.session).items[0].treatment?.stops == "automated scoring of applicants")
    #expect(
      refusal { try r.editTreatment(risk: "unfair-outcomes", fields: ["option": "ignore"], by: "ana") }
        == "unknown treatment option 'ignore'; options are avoid, mitigate, transfer, accept")
  }

  @Test func signOffIsGuardedAndRecordsTheResidualAccepted() throws {
    let r = try recorder(try example(), exampleAnswers)
    try r.flag("oversight", text: "ask legal", by: "ana")
    let refused = refusal { try r.signOff(by: "Cy", role: nil) }
    #expect(
      refused
        == "session 's' cannot be signed off: 3 risks above appetite are untreated ('unfair-outcomes': owner 'ML lead' only proposed, not confirmed; 'unchecked-automation': owner 'Product owner' only proposed, not confirmed; 'high-impact-level': owner 'Governance lead' only proposed, not confirmed, no reason for accepting) and 1 flag is open (oversight); treat them, or sign with --force --reason"
    )
    #expect(r.session.state.signOffs.isEmpty)
    #expect(
      refusal { try r.signOff(by: "Cy", role: nil, override: "  ") } == "a forced sign-off needs a reason (--reason)")
    try r.signOff(by: "Cy", role: "CISO", override: "release is blocked until the plan is done")
    let signed = try #require(r.session.state.currentSignOff)
    #expect(signed.override == "release is blocked until the plan is done")
    #expect(
      signed.residual == ["unfair-outcomes": "critical", "unchecked-automation": "medium", "high-impact-level": "high"])
    // The plan completed and the flag cleared, a plain sign-off is accepted.
    try r.editTreatment(risk: "unfair-outcomes", fields: ["owner": "Dana"], by: "ana")
    #expect(r.session.state.currentSignOff == nil)
    try r.editTreatment(risk: "unchecked-automation", fields: ["owner": "Eve"], by: "ana")
    try r.editTreatment(
      risk: "high-impact-level", fields: ["owner": "Gil", "reason": "Gil (COO) accepts: pilot only"], by: "ana")
    #expect(
      refusal { try r.signOff(by: "Cy", role: nil) }?.hasSuffix(
        "1 flag is open (oversight); treat them, or sign with --force --reason") == true)
    try r.unflag("oversight", by: "ana")
    try r.signOff(by: "Cy", role: nil)
    #expect(r.session.state.currentSignOff?.override == nil)
  }

  @Test func newEventsReadBackAsWritten() throws {
    let events: [SessionEvent] = [
      SessionEvent(
        seq: 1, at: "2026-11-29T10:00:00Z", by: "Cy",
        kind: .signedOff(
          name: "Cy", role: nil, summary: "residual: 1 high", residual: ["a": "high"], override: "pilot only")),
      SessionEvent(
        seq: 2, at: "2026-11-29T10:00:00Z", by: "Cy",
        kind: .applicability(control: "A.7.5", included: false, reason: "no training data is acquired")),
    ]
    for event in events {
      let line = EventCodec.encode(event)
      #expect(try EventCodec.decode(line) == event, "\(line)")
    }
    #expect(
      EventCodec.encode(events[1])
        == #"{"seq":2,"at":"2026-11-29T10:00:00Z","by":"Cy","type":"soa","control":"A.7.5","decision":"exclude","reason":"no training data is acquired"}"#
    )
  }

  @Test func statementOfApplicabilityListsAll38Controls() throws {
    let r = try recorder(try example(), exampleAnswers)
    try r.declareApplicability(control: "A.7.5", included: false, reason: "no training data is acquired", by: "ana")
    try r.declareApplicability(
      control: "A.2.2", included: true, reason: "the AI policy applies to all systems", by: "ana")
    try r.declareApplicability(control: "A.7.4", included: false, reason: "oops", by: "ana")
    #expect(
      refusal { try r.declareApplicability(control: "A.7.7", included: false, reason: "x", by: "ana") }
        == "'A.7.7' is not an ISO/IEC 42001 Annex A control (did you mean 'A.7.2'?)")
    #expect(refusal { try r.declareApplicability(control: "A.7.6", included: false, reason: " ", by: "ana") } != nil)
    let soa = StatementOfApplicability(r.session)
    #expect(soa.rows.count == 38)
    #expect(Set(soa.rows.map(\.control.id)).count == 38)
    let row = { (id: String) in soa.rows.first { $0.control.id == id } }
    #expect(row("A.6.2.4")?.risks == ["unfair-outcomes"] && row("A.6.2.4")?.status == .included)
    #expect(row("A.7.5")?.status == .excluded && row("A.2.2")?.status == .included)
    #expect(row("A.7.4")?.status == .included && row("A.7.4")?.contradicted == true)
    #expect(soa.count(.included) + soa.count(.excluded) + soa.count(.open) == 38)
    #expect(soa.count(.excluded) == 1)
    // A declaration moves no rating, so it voids no sign-off.
    try r.signOff(by: "Cy", role: nil, override: "test")
    try r.declareApplicability(control: "A.10.4", included: false, reason: "no customers", by: "ana")
    #expect(r.session.state.currentSignOff != nil)
  }

  @Test func numbersAreRoundedForReading() {
    #expect(NumberText.format(69.23076923076923) == "69.2")
    #expect(NumberText.format(75) == "75")
    #expect(NumberText.format(0.256) == "0.26")
    #expect(NumberText.format(0.001) == "0.001")
    #expect(NumberText.format(.list([.number(1.25), .string("a")])) == "[1.3, 'a']")
  }
}
