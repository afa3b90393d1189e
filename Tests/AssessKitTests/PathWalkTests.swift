import AssessBuiltins
import Testing

@testable import AssessKit

/// The path lookups that do not build the path (`Engine+PathWalk.swift`: used by the interview
/// and the recorder's skip and park) equal what the whole path gives, on random walks of every
/// built-in (the example has repeated questions).
@Suite struct PathWalkTests {
  @Test(arguments: ["example.yaml", "ai-impact.yaml", "ai-risk.yaml", "eu-ai-act.yaml"])
  func lookupsEqualTheWholePath(file: String) throws {
    let q = try IncrementalStateTests.builtin(file)
    let ids = RandomAnswers.ids(in: q) + ["no-such-question", "\(q.questions[0].id)[nope]"]
    for seed in [21, 22] as [UInt64] {
      var random = SplitMix64(seed: seed)
      var e = Engine(questionnaire: q)
      for step in 0..<60 {
        let id = ids[Int(random.next() % UInt64(ids.count - 2))]
        e.set(id, to: RandomAnswers.value(for: id, in: q, using: &random))
        let items = e.pathItems
        for candidate in ids {
          let expected = items.first { $0.id == candidate }
          #expect(e.pathItem(id: candidate) == expected, "step \(step): \(candidate)")
          #expect(e.isAside(candidate) == (e.answers.values[candidate] != nil && expected == nil))
        }
        // Walking forward and back from every item, and from none, gives its neighbours.
        let unanswered: (PathItem) -> Bool = { !e.answer($0).isPresent }
        #expect(e.firstItem(after: nil, where: { _ in true }) == items.first)
        #expect(e.item(before: nil) == items.last)
        #expect(e.firstItem(after: nil, where: unanswered) == items.first(where: unanswered))
        for (k, item) in items.enumerated() {
          #expect(e.isOnPath(item))
          let later = items[(k + 1)...]
          #expect(e.firstItem(after: item, where: { _ in true }) == later.first, "after \(item.id)")
          #expect(e.firstItem(after: item, where: unanswered) == later.first(where: unanswered))
          #expect(e.item(before: item) == (k > 0 ? items[k - 1] : nil), "before \(item.id)")
        }
      }
    }
  }
}
