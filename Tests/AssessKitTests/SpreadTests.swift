import Testing

@testable import AssessKit

/// The spread of independent ratings: numbers and scales by range, choices by the largest group,
/// multiple choice by set difference; the suggestion; the session's agreement.
@Suite struct SpreadTests {
  func spread(_ question: String, _ ratings: [(String, Value)]) throws -> Spread {
    try #require(
      Spread(
        question: question, ratings: ratings.map { Spread.Entry(rater: $0.0, value: $0.1) }, in: try example()))
  }

  @Test func scaleRatingsGiveRangeMedianAndAgreementOverTheScale() throws {
    // harm_by_group is a 1-4 scale: a spread of 2 over a range of 3.
    let s = try spread("harm_by_group[public]", [("Ana", .number(3)), ("Ben", .number(4)), ("Chloe", .number(2))])
    #expect(s.min == 2 && s.max == 4 && s.median == 3)
    #expect(abs(s.agreement - (1 - 2.0 / 3)) < 1e-9)
    #expect(s.suggestion == .number(3))
    #expect(!s.unanimous)
  }

  @Test func anEvenCountOfScaleRatingsSuggestsTheMedianRoundedHalfUp() throws {
    let s = try spread("harm_by_group[public]", [("Ana", .number(2)), ("Ben", .number(3))])
    #expect(s.median == 2.5)
    #expect(s.suggestion == .number(3))
  }

  @Test func numbersWithoutAnUpperBoundAreMeasuredAgainstTheLargestValue() throws {
    let s = try spread("users", [("Ana", .number(1000)), ("Ben", .number(5000)), ("Chloe", .number(2000))])
    #expect(s.median == 2000)
    #expect(abs(s.agreement - 0.2) < 1e-9)
    #expect(s.suggestion == .number(2000))
  }

  @Test func singleChoiceCountsPerOptionLargestGroupFirst() throws {
    let s = try spread(
      "effect", [("Ana", .string("significant")), ("Ben", .string("advisory")), ("Chloe", .string("significant"))])
    #expect(s.groups.map(\.value) == [.string("significant"), .string("advisory")])
    #expect(s.groups[0].raters == ["Ana", "Chloe"])
    #expect(s.agreement == 0.5)
    #expect(s.suggestion == .string("significant"))
    let allApart = try spread(
      "effect", [("Ana", .string("none")), ("Ben", .string("advisory")), ("Chloe", .string("significant"))])
    #expect(allApart.agreement == 0)
    // A tie suggests the first in option order.
    #expect(allApart.suggestion == .string("none"))
  }

  @Test func multipleChoiceBySetDifference() throws {
    let s = try spread(
      "groups",
      [
        ("Ana", .list([.string("public"), .string("children")])), ("Ben", .list([.string("public")])),
        ("Chloe", .list([.string("public"), .string("children"), .string("workers")])),
      ])
    #expect(s.common == ["public"])
    #expect(abs(s.agreement - 1.0 / 3) < 1e-9)
    #expect(s.groups.map(\.raters) == [["Ana", "Ben", "Chloe"], ["Ana", "Chloe"], ["Chloe"]])
    // Options chosen by more than half.
    #expect(s.suggestion == .list([.string("public"), .string("children")]))
  }

  @Test func unanimityNeedsTwoRatersWhoAgree() throws {
    #expect(try spread("children_affected", [("Ana", .bool(false)), ("Ben", .bool(false))]).unanimous)
    let one = try spread("children_affected", [("Ana", .bool(true))])
    #expect(!one.unanimous)
    #expect(one.agreement == 1)
    #expect(
      Spread(question: "nosuch", ratings: [Spread.Entry(rater: "Ana", value: .number(1))], in: try example()) == nil)
  }

  @Test func agreementSummarisesASessionsRatingsAndALaterRatingReplacesAnEarlierOne() throws {
    let q = try example()
    let events: [SessionEvent] = [
      SessionEvent(
        seq: 1, at: "t1", by: "dave",
        kind: .created(questionnaire: q.id, version: q.version, hash: q.hash, source: "example")),
      SessionEvent(
        seq: 2, at: "t2", by: "dave", kind: .rated(question: "effect", rater: "Ana", value: .string("none"))),
      SessionEvent(
        seq: 3, at: "t3", by: "dave", kind: .rated(question: "effect", rater: "Ben", value: .string("significant"))),
      SessionEvent(seq: 4, at: "t4", by: "dave", kind: .rated(question: "users", rater: "Ana", value: .number(10))),
      SessionEvent(seq: 5, at: "t5", by: "dave", kind: .rated(question: "users", rater: "Ben", value: .number(10))),
      SessionEvent(
        seq: 6, at: "t6", by: "dave", kind: .rated(question: "effect", rater: "Ana", value: .string("significant"))),
      SessionEvent(
        seq: 7, at: "t7", by: "dave", kind: .rated(question: "groups", rater: "Ana", value: .list([.string("public")]))),
      SessionEvent(seq: 8, at: "t8", by: "dave", kind: .rated(question: "groups", rater: "Ben", value: .list([]))),
    ]
    let session = Session(id: "s", events: events, questionnaire: q)
    #expect(session.state.ratings.count == 6)
    let agreement = Agreement(session)
    #expect(agreement.rated == 3)
    #expect(agreement.unanimous == 2)
    #expect(agreement.lowest?.question == "groups")
    #expect(agreement.differing.map(\.question) == ["groups"])
    // Ratings are kept beside the answers: they answer nothing.
    #expect(session.state.answers["effect"] == nil)
    #expect(SpreadText.summary(agreement).contains("3 questions rated independently, 2 unanimous; lowest: groups (0%)"))
  }

  @Test func ratingEventsReadBackAsWritten() throws {
    let events = [
      SessionEvent(
        seq: 4, at: "t4", by: "dave", kind: .rated(question: "groups", rater: "Ana", value: .list([.string("a")]))),
      SessionEvent(seq: 2, at: "t2", by: "ana", kind: .raterCopy(session: "w1", rater: "Ana")),
    ]
    for event in events {
      let line = EventCodec.encode(event)
      #expect(try EventCodec.decode(line) == event)
    }
    #expect(
      EventCodec.encode(events[0])
        == #"{"seq":4,"at":"1970-01-01T00:00:04Z","by":"dave","type":"rated","question":"groups","rater":"Ana","value":["a"]}"#
    )
    #expect(throws: EventCodec.DecodeError.self) {
      try EventCodec.decode(#"{"seq":1,"at":"2026-11-29T10:00:00Z","by":"a","type":"rated","question":"q","value":1}"#)
    }
  }

  @Test func raterCopyIdsAreReadableAndSafe() {
    #expect(RaterCopies.id(for: "w1", rater: "Ana") == "w1.ana")
    #expect(RaterCopies.id(for: "w1", rater: "Ana López-Díaz") == "w1.ana-lopez-diaz")
    #expect(RaterCopies.id(for: "w1", rater: "!!") == "w1.rater")
    #expect(SessionId.problem(with: RaterCopies.id(for: "w1", rater: "../x")) == nil)
  }
}
