import Foundation
import Testing

@testable import AssessKit

/// Reading a line in place from the log's bytes gives what `JSONDecoder` gives, on every kind of event
/// (with and without its chain link) and on every odd line.
@Suite struct EventBytesReaderTests {
  static func decode(bytes line: String) -> Result<SessionEvent, EventCodec.DecodeError> {
    var line = line
    return line.withUTF8 { buffer in
      Result { () throws(EventCodec.DecodeError) in try EventCodec.decode(bytes: UnsafeRawBufferPointer(buffer)) }
    }
  }

  static func slow(_ line: String) -> Result<SessionEvent, EventCodec.DecodeError> {
    Result { () throws(EventCodec.DecodeError) in try EventCodec.decode(line, scanning: false) }
  }

  static let more: [SessionEvent.Kind] = [
    .reassessment(of: "old", version: "1.0.0", proposed: ["a", "b"]),
    .confirmed(question: "q"),
    .applicability(control: "A.5.1", included: false, reason: "not used"),
    .rated(question: "q", rater: "Bo", value: .list([.string("x")])),
  ]

  @Test func everyEventReadsBackTheSame() throws {
    for (n, kind) in (EventLineScannerTests.events + Self.more).enumerated() {
      for prev in [nil, String(repeating: "0f", count: 32)] {
        let event = SessionEvent(
          seq: n + 1, at: try #require(Timestamp(EventLineScannerTests.at)), by: "tester", kind: kind, prev: prev)
        let line = EventCodec.encode(event)
        #expect(try Self.decode(bytes: line).get() == event, "\(line)")
        #expect(Self.decode(bytes: line) == Self.slow(line))
      }
    }
  }

  @Test func theUsualLineTakesTheDirectPath() {
    let line =
      #"{"seq":3,"at":"2026-01-02T03:04:05Z","by":"a","type":"answered","question":"q","value":["x",1,true,null]}"#
    var copy = line
    var record = EventCodec.Record(seq: 0, at: "", by: "", type: "")
    #expect(copy.withUTF8 { EventLineScanner.read(bytes: UnsafeRawBufferPointer($0), into: &record) })
    #expect(record.seq == 3 && record.by == "a" && record.type == "answered" && record.question == "q")
    #expect(record.time == Timestamp("2026-01-02T03:04:05Z"))
  }

  @Test(arguments: [
    #"{"seq":1.0,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed"}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"answered","question":"q","value":-0}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed","extra":1}"#,
    #"{"seq":1,"seq":2,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed"}"#,
    #"{"seq":"1","at":"2026-01-02T03:04:05Z","by":"a","type":"completed"}"#,
    #"{"seq":null,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed"}"#,
    #"{"at":"2026-01-02T03:04:05Z","by":"a","type":"completed"}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"answered","question":"q","value":null}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"answered","question":"q","value":{"a":1}}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed"} x"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed""#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"treatment","risk":"r","fields":{"owner":null}}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"signed","name":"n","residual":{"r":"high","r":"low"}}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed","prev":"ABC"}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed","prev":null}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed","prev":1}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"reassessment","session":"s","proposed":["a",1]}"#,
    #"{"seq":1,"at":"x","by":"a","type":"completed"}"#,
    #"{}"#,
    "",
  ])
  func oddLinesReadAsJSONDecoderReadsThem(line: String) {
    #expect(Self.decode(bytes: line) == Self.slow(line))
  }
}

/// The hash chain and strict replay, in the core.
@Suite struct EventChainTests {
  static func questionnaire() throws -> Questionnaire {
    let text = """
      assess: 1
      id: t
      title: T
      version: 1.0.0
      sections:
        - id: s
          title: S
          questions:
            - {id: effect, type: single, prompt: E, options: [{value: none}, {value: significant}]}
            - {id: users, type: number, prompt: U, min: 0}
      """
    return try #require(QuestionnaireLoader.load(text: text, file: "t.yaml").questionnaire)
  }

  static func events(_ kinds: [SessionEvent.Kind]) throws -> [SessionEvent] {
    let q = try questionnaire()
    let all = [SessionEvent.Kind.created(questionnaire: "t", version: "1.0.0", hash: q.hash, source: "t")] + kinds
    return EventChain.link(
      all.enumerated().map { SessionEvent(seq: $0.offset + 1, at: "2026-01-01T00:00:00Z", by: "a", kind: $0.element) },
      from: q.hash)
  }

  @Test func linkedEventsVerifyAndAnEditBreaksTheNextLink() throws {
    let events = try Self.events([.answered(question: "effect", value: .string("none")), .skipped(question: "users")])
    var lines = events.map(EventCodec.encode)
    #expect(EventChain.check(events, lines: lines).state(.memory(id: "x")) == .verified)
    lines[1] = lines[1].replacingOccurrences(of: "none", with: "significant")
    guard case .broken(let problem) = EventChain.check(events, lines: lines).state(.memory(id: "x")) else {
      Issue.record("not broken")
      return
    }
    #expect(problem.event == 3 && problem.place == "session 'x', event 3")
  }

  @Test func unchainedAndPartlyChained() throws {
    let unlinked = try Self.events([.skipped(question: "users")]).map {
      SessionEvent(seq: $0.seq, at: $0.at, by: $0.by, kind: $0.kind)
    }
    #expect(SessionRecord(id: "x", events: unlinked, pinned: [:]).chain == .unchained)
    var session = Session(id: "x", events: unlinked, questionnaire: try Self.questionnaire())
    #expect(session.integrity == .unchained)
    let next = session.event(.skipped(question: "effect"), at: "2026-01-01T00:00:01Z", by: "a")
    #expect(next.prev == EventChain.hash(EventCodec.encode(unlinked[1])))
    session.apply(next)
    #expect(session.integrity == .chainedFrom(3))
    #expect(SessionRecord(id: "x", events: session.events, pinned: [:]).chain == .chainedFrom(3))
  }

  @Test func strictReplayNamesEveryBadEvent() throws {
    let q = try Self.questionnaire()
    let events = try Self.events([
      .answered(question: "effect", value: .string("zzz")),
      .answered(question: "users", value: .number(-1)),
      .answered(question: "users", value: .string("3")),
      .flagSet(question: "nope", text: nil),
      .treatmentEdited(risk: "r", fields: [:]),
      .answered(question: "effect", value: .string("none")),
    ])
    let record = SessionRecord(id: "x", events: events, pinned: [:])
    let problems = ReplayCheck.problems(record, current: q, stoppingAtFirst: false)
    #expect(problems.map(\.event) == [2, 3, 4, 5, 6])
    #expect(problems[0].message.hasPrefix("event 2 ('answered'): 'effect' has no option 'zzz'"))
    #expect(problems[2].message == "event 4 ('answered'): 'users' is stored as \"3\", where an answer is stored as 3")
    #expect(ReplayCheck.problems(record, current: q, stoppingAtFirst: true).count == 1)
  }
}
