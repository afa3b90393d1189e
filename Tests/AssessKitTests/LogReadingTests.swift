import Foundation
import Testing

@testable import AssessKit

/// What reading a log faster must keep exactly: links kept as bytes, timestamps kept without their
/// text, the strict replay folded into the one replay (issue 13, `status` of 100,000 events).
@Suite struct LogReadingTests {
  // MARK: Links as bytes

  @Test func aLinkReadsBackAsItsHexDigits() throws {
    let hex = EventChain.hash("a line")
    let link = try #require(ChainLink(hex))
    #expect(link.text == hex)
    var bytes = hex
    #expect(bytes.withUTF8 { ChainLink(hex: UnsafeRawBufferPointer($0)) } == link)
    let digest = "a line".utf8.withContiguousStorageIfAvailable { LineHash.digest(UnsafeRawBufferPointer($0)) }
    #expect(ChainLink(digest: try #require(digest)) == link)
  }

  @Test func onlySixtyFourLowerCaseHexDigitsAreALink() {
    let hex = String(repeating: "0123456789abcdef", count: 4)
    #expect(ChainLink(hex) != nil)
    #expect(ChainLink(hex.uppercased()) == nil)
    #expect(ChainLink(String(hex.dropLast())) == nil)
    #expect(ChainLink(hex + "0") == nil)
    #expect(ChainLink(String(hex.dropLast()) + "g") == nil)
    #expect(ChainLink("") == nil)
  }

  @Test func anEventKeepsAPrevThatIsNotADigestAsGiven() throws {
    let at = try #require(Timestamp("2026-01-01T00:00:00Z"))
    let odd = SessionEvent(seq: 1, at: at, by: "a", kind: .completed, prev: "not a digest")
    #expect(odd.prev == "not a digest" && odd.link == nil)
    let hex = EventChain.hash("x")
    let linked = SessionEvent(seq: 1, at: at, by: "a", kind: .completed, prev: hex)
    #expect(linked.prev == hex && linked.link != nil)
    #expect(linked == SessionEvent(seq: 1, at: at, by: "a", kind: .completed, link: ChainLink(hex)))
    #expect(linked != odd)
    #expect(SessionEvent(seq: 1, at: at, by: "a", kind: .completed).prev == nil)
    // The line written and read again is the same event.
    #expect(try EventCodec.decode(EventCodec.encode(linked)) == linked)
    #expect(EventCodec.encode(linked).hasSuffix(",\"prev\":\"\(hex)\"}"))
  }

  // MARK: Timestamps without their text

  @Test func aCanonicalTimestampGivesBackItsText() throws {
    for text in ["2026-11-29T13:07:20Z", "0999-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z"] {
      let t = try #require(Timestamp(text))
      #expect(t.text == text)
      #expect(t == Timestamp(seconds: t.seconds))
      #expect(t.hashValue == Timestamp(seconds: t.seconds).hashValue)
    }
  }

  @Test func otherTimestampsKeepTheirTextAndDifferFromTheCanonicalOne() throws {
    let canonical = try #require(Timestamp("2026-11-29T13:07:20Z"))
    for text in [
      "2026-11-29T14:07:20+01:00", "2026-11-29t13:07:20Z", "2026-11-29T13:07:20z", "2026-11-29T13:07:20.0Z",
      "2026-11-29T13:07:20+00:00",
    ] {
      let t = try #require(Timestamp(text))
      #expect(t.text == text)
      #expect(t.seconds == canonical.seconds)
      // Equal when the texts are, as before.
      #expect(t != canonical)
      #expect(!(t < canonical) || !(canonical < t))
    }
    // A leap second is read, and written as given.
    let leap = try #require(Timestamp("2016-12-31T23:59:60Z"))
    #expect(leap.text == "2016-12-31T23:59:60Z")
    #expect(leap != Timestamp(seconds: leap.seconds))
    #expect(
      Set([canonical, Timestamp(seconds: canonical.seconds), try #require(Timestamp(canonical.text))]).count == 1)
  }

  @Test func aTimestampReadFromBytesIsTheOneReadFromText() throws {
    for text in ["2026-11-29T13:07:20Z", "2026-11-29T14:07:20.5+01:00", "2026-02-30T00:00:00Z", "x"] {
      var copy = text
      let fromBytes = copy.withUTF8 { Timestamp(utf8: UnsafeRawBufferPointer($0)) }
      #expect(fromBytes == Timestamp(text))
      #expect(fromBytes?.text == Timestamp(text)?.text)
    }
  }

  // MARK: One replay

  static let first = """
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

  static func events(_ kinds: [SessionEvent.Kind], on q: Questionnaire) -> [SessionEvent] {
    let all = [SessionEvent.Kind.created(questionnaire: "t", version: "1.0.0", hash: q.hash, source: "t")] + kinds
    return EventChain.link(
      all.enumerated().map { SessionEvent(seq: $0.offset + 1, at: "2026-01-01T00:00:00Z", by: "a", kind: $0.element) },
      from: q.hash)
  }

  @Test func oldValuesAreCheckedAgainstTheAnswerTheyReplace() throws {
    let q = try load(Self.first)
    let events = Self.events(
      [
        .answered(question: "effect", value: .string("none")),
        .changed(question: "effect", old: .string("none"), new: .string("significant")),
        .changed(question: "effect", old: .string("none"), new: .string("none")),
        .changed(question: "users", old: .number(1), new: .number(2)),
        .cleared(question: "effect", old: .string("significant")),
        .answered(question: "users", value: .number(3)),
        .cleared(question: "users", old: .number(4)),
      ], on: q)
    let (state, problems) = ReplayCheck.replay(
      events, places: .memory(id: "x"), stoppingAtFirst: false, questionnaire: { _ in q })
    #expect(
      problems.map(\.description) == [
        "session 'x', event 4: event 4 ('changed'): its 'old' value is \"none\", but 'effect' was \"significant\" "
          + "before it",
        "session 'x', event 5: event 5 ('changed'): its 'old' value is 1, but 'users' had no answer before it",
        "session 'x', event 6: event 6 ('cleared'): its 'old' value is \"significant\", but 'effect' was \"none\" "
          + "before it",
        "session 'x', event 8: event 8 ('cleared'): its 'old' value is 4, but 'users' was 3 before it",
      ])
    // Every event is applied, failing or not: the state is the events' own.
    #expect(state == SessionState(events: events))
    #expect(ReplayCheck.replay(events, places: .memory(id: "x"), stoppingAtFirst: true) { _ in q }.problems.count == 1)
  }

  @Test func aValueAcceptedOnOneVersionIsCheckedAgainOnTheNext() throws {
    let q1 = try load(Self.first)
    let q2 = try load(Self.first.replacingOccurrences(of: "{value: significant}", with: "{value: major}"))
    let events = Self.events(
      [
        .answered(question: "effect", value: .string("significant")),
        .changed(question: "effect", old: .string("significant"), new: .string("none")),
        .changed(question: "effect", old: .string("none"), new: .string("significant")),
        .migrated(fromHash: q1.hash, toHash: q2.hash, version: "1.0.0", aside: []),
        .changed(question: "effect", old: .string("significant"), new: .string("none")),
        .changed(question: "effect", old: .string("none"), new: .string("significant")),
      ], on: q1)
    let (_, problems) = ReplayCheck.replay(events, places: .memory(id: "x"), stoppingAtFirst: false) {
      [q1.hash: q1, q2.hash: q2][$0]
    }
    #expect(problems.map(\.event) == [7])
    #expect(problems.first?.message.hasPrefix("event 7 ('changed'): 'effect' has no option 'significant'") == true)
  }

  @Test func theFoldedReplayGivesTheStateOfTheEventsOnARandomWalk() throws {
    let q = try example()
    var generator = SplitMix64(seed: testSeed(13))
    var session = Session(id: "w", events: Self.events([], on: q), questionnaire: q)
    var seq = 1
    for _ in 0..<300 {
      let question = q.questions.filter { $0.type.isAnswerable && $0.repeatOver == nil }.randomElement(
        using: &generator)
      guard let question else { break }
      let value: Value
      switch question.type {
      case .single: value = question.options.randomElement(using: &generator).map { .string($0.value) } ?? .null
      case .yesno: value = .bool(Bool.random(using: &generator))
      default:
        value =
          Int.random(in: 0..<4, using: &generator) == 0
          ? .null : .number(Double(Int.random(in: 1...3, using: &generator)))
      }
      guard let checked = try? AnswerChecker.check(question.id, value, in: q),
        let kind = session.answerKind(question.id, checked)
      else { continue }
      seq += 1
      session.apply(session.event(kind, at: "2026-01-01T00:00:00Z", by: "a"))
    }
    #expect(seq > 50)
    let (state, problems) = ReplayCheck.replay(
      session.events, places: .memory(id: "w"), stoppingAtFirst: false, questionnaire: { _ in q })
    #expect(problems.isEmpty, "\(problems.prefix(3))")
    #expect(state == session.state)
  }
}
