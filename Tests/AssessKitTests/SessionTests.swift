import AssessBuiltins
import Testing

@testable import AssessKit

@Suite struct SessionTests {
  static let kinds: [SessionEvent.Kind] = [
    .created(questionnaire: "example", version: "1.0.0", hash: "sha256:abc", source: "example"),
    .answered(question: "effect", value: .string("significant")),
    .changed(question: "groups", old: .list([.string("public")]), new: .list([])),
    .cleared(question: "users", old: .number(3.5)),
    .noteAdded(question: "effect", text: "the group \"disagreed\"\nat first"),
    .noteAdded(question: nil, text: "session note"),
    .flagSet(question: "effect", text: nil),
    .skipped(question: "users"),
    .flagSet(question: "users", text: "check the figure"),
    .flagCleared(question: "effect"),
    .participantJoined(name: "Ana", role: "facilitator"),
    .participantJoined(name: "Bo", role: nil),
    .treatmentEdited(risk: "r1", fields: ["owner": "Ana", "actions": "one\ntwo"]),
    .signedOff(name: "Cy", role: "CISO", summary: "residual: 1 high", residual: [:], override: nil),
    .migrated(fromHash: "sha256:abc", toHash: "sha256:def", version: "1.1.0", aside: ["oversight"]),
    .completed,
    .reopened,
    .answered(question: "subgroup_tested", value: .bool(false)),
  ]

  @Test func everyEventKindRoundTrips() throws {
    for (i, kind) in Self.kinds.enumerated() {
      let event = SessionEvent(seq: i + 1, at: "2026-11-29T10:00:00Z", by: "Ana", kind: kind)
      let line = EventCodec.encode(event)
      #expect(!line.contains("\n"))
      #expect(try EventCodec.decode(line) == event)
    }
  }

  @Test func undecodableRecords() {
    #expect(throws: EventCodec.DecodeError(message: "not a valid event record")) { try EventCodec.decode("{\"seq\":1") }
    #expect(throws: EventCodec.DecodeError(message: "unknown event type 'exploded'")) {
      try EventCodec.decode(#"{"seq":1,"at":"t","by":"b","type":"exploded"}"#)
    }
    #expect(throws: EventCodec.DecodeError(message: "a 'answered' event needs 'question'")) {
      try EventCodec.decode(#"{"seq":1,"at":"t","by":"b","type":"answered","value":1}"#)
    }
  }

  func events(_ kinds: [SessionEvent.Kind]) -> [SessionEvent] {
    kinds.enumerated().map {
      SessionEvent(seq: $0.offset + 1, at: "t\($0.offset + 1)", by: "p\($0.offset % 2)", kind: $0.element)
    }
  }

  @Test func stateIsTheReplayOfTheLog() {
    let state = SessionState(
      events: events([
        .created(questionnaire: "example", version: "1.0.0", hash: "sha256:abc", source: "example"),
        .answered(question: "effect", value: .string("none")),
        .changed(question: "effect", old: .string("none"), new: .string("significant")),
        .answered(question: "users", value: .number(3)),
        .cleared(question: "users", old: .number(3)),
        .flagSet(question: "effect", text: "ask legal"),
        .flagSet(question: "users", text: nil),
        .flagCleared(question: "users"),
        .noteAdded(question: "effect", text: "long discussion"),
        .participantJoined(name: "Ana", role: nil),
        .participantJoined(name: "Ana", role: "facilitator"),
        .treatmentEdited(risk: "r1", fields: ["owner": "Ana"]),
        .treatmentEdited(risk: "r1", fields: ["due": "2027-01-31"]),
        .completed,
      ]))
    #expect(state.answers.values == ["effect": .string("significant")])
    #expect(state.flags.keys.sorted() == ["effect"] && state.flags["effect"]?.text == "ask legal")
    #expect(state.notes.map(\.text) == ["long discussion"])
    #expect(state.participants.count == 1 && state.participants[0].role == "facilitator")
    #expect(state.treatments == ["r1": ["owner": "Ana", "due": "2027-01-31"]])
    #expect(state.completed && state.eventCount == 14 && state.updatedAt == "t14")
    #expect(state.createdBy == "p0" && state.createdAt == "t1")
  }

  @Test func aLaterAnswerChangeVoidsTheSignOff() {
    var state = SessionState(
      events: events([
        .created(questionnaire: "example", version: "1.0.0", hash: "sha256:abc", source: "example"),
        .answered(question: "effect", value: .string("none")),
        .signedOff(name: "Cy", role: "CISO", summary: "no risks raised", residual: [:], override: nil),
      ]))
    #expect(state.currentSignOff?.name == "Cy")
    state.apply(
      SessionEvent(
        seq: 4, at: "t4", by: "Bo", kind: .changed(question: "effect", old: .string("none"), new: .string("advisory"))))
    #expect(state.currentSignOff == nil)
    #expect(state.signOffs.last?.voidedBy?.subject == "effect" && state.signOffs.last?.voidedBy?.by == "Bo")
    // Notes and flags do not void it.
    state.apply(
      SessionEvent(
        seq: 5, at: "t5", by: "Cy",
        kind: .signedOff(name: "Cy", role: nil, summary: "again", residual: [:], override: nil)))
    state.apply(SessionEvent(seq: 6, at: "t6", by: "Bo", kind: .noteAdded(question: nil, text: "fine")))
    #expect(state.currentSignOff?.summary == "again")
  }

  @Test func migrationKeepsUnfittingAnswersAside() {
    let state = SessionState(
      events: events([
        .created(questionnaire: "example", version: "1.0.0", hash: "sha256:abc", source: "example"),
        .answered(question: "oversight", value: .string("none")),
        .answered(question: "effect", value: .string("none")),
        .migrated(fromHash: "sha256:abc", toHash: "sha256:def", version: "1.1.0", aside: ["oversight"]),
      ]))
    #expect(state.hash == "sha256:def" && state.version == "1.1.0" && state.hashes == ["sha256:abc", "sha256:def"])
    #expect(state.answers.values == ["effect": .string("none")])
    #expect(state.aside == ["oversight": .string("none")])
  }

  @Test(arguments: [
    ("", "a session id cannot be empty"),
    ("../x", "session id '../x' cannot start with '.'"),
    ("a/b", "session id 'a/b' may hold only letters, digits, '.', '_' and '-'"),
    ("a b", "session id 'a b' may hold only letters, digits, '.', '_' and '-'"),
    ("a\u{7}b", "session id 'a?b' may hold only letters, digits, '.', '_' and '-'"),
    ("-rf", "session id '-rf' cannot start with '-'"),
    (String(repeating: "x", count: 65), "session id 'xxxxxxxxxxxxxxxxxxxx...' is longer than 64 characters"),
  ])
  func invalidIds(id: String, message: String) {
    #expect(SessionId.problem(with: id) == message)
  }

  @Test func generatedIdsAreUniqueAndValid() {
    #expect(SessionId.make(questionnaire: "ai-impact", date: "2026-11-29", existing: []) == "ai-impact-2026-11-29")
    #expect(
      SessionId.make(
        questionnaire: "ai-impact", date: "2026-11-29", existing: ["ai-impact-2026-11-29", "ai-impact-2026-11-29-2"])
        == "ai-impact-2026-11-29-3")
    let odd = SessionId.make(questionnaire: "Canada AIA / v2", date: "2026-11-29", existing: [])
    #expect(SessionId.problem(with: odd) == nil)
  }

  @Test func sessionAnswerEvents() throws {
    let q = try example()
    let session = Session(
      id: "s", events: events([.created(questionnaire: q.id, version: q.version, hash: q.hash, source: "example")]),
      questionnaire: q)
    #expect(session.answerKind("effect", .null) == nil)
    #expect(session.answerKind("effect", .string("none")) == .answered(question: "effect", value: .string("none")))
    var s = session
    s.apply(s.event(.answered(question: "effect", value: .string("none")), at: "t", by: "a"))
    #expect(s.answerKind("effect", .string("none")) == nil)
    #expect(s.answerKind("effect", .null) == .cleared(question: "effect", old: .string("none")))
    #expect(
      s.answerKind("effect", .string("advisory"))
        == .changed(question: "effect", old: .string("none"), new: .string("advisory")))
    #expect(!s.engine.path.contains("groups"))
  }

  @Test func changesThatConcernTheSession() throws {
    let old = try example()
    let source = try #require(AssessBuiltinsSource.example)
    let changed = source.replacingOccurrences(of: "version: 1.0.0", with: "version: 2.0.0")
      .replacingOccurrences(
        of: "{value: sample, label: A person reviews a sample, score: {mitigation: 1}}",
        with: "{value: sampled, label: A sample, score: {mitigation: 2}}"
      )
      .replacingOccurrences(
        of: "{value: every, label: A person reviews every decision before it takes effect, score: {mitigation: 3}}",
        with: "{value: every, label: Every decision, score: {mitigation: 4}}"
      )
      .replacingOccurrences(
        of: "prompt: In one or two sentences, what is the system for?", with: "prompt: What is the system for?")
    let new = try load(changed)
    let answers = AnswerSet(["purpose": .string("x"), "effect": .string("significant"), "oversight": .string("sample")])
    let changes = QuestionnaireChanges(from: old, to: new, answers: answers)
    #expect(!changes.identical)
    #expect(
      changes.changes.map(\.description) == [
        "reworded: 'purpose' now asks: What is the system for?",
        "options: 'oversight' options: added 'sampled'; removed 'sample'",
        "scores: 'oversight' scores changed for 'every'",
      ])
    #expect(changes.aside.map(\.id) == ["oversight"])
    #expect(changes.kept.values.keys.sorted() == ["effect", "purpose"])
  }
}

enum AssessBuiltinsSource {
  static var example: String? { Builtins.source(fileName: "example.yaml")?.text }
}
