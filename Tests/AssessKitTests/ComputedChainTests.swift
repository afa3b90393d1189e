import Testing

@testable import AssessKit

/// A long chain of computed values, each reading the one before, checks in linear time (issue 15).
@Suite struct ComputedChainTests {
  func chain(_ n: Int) -> String {
    var head = "computed:\n  - {id: c0, value: \"1\"}\n"
    for i in 1..<n { head += "  - {id: c\(i), value: \"c\(i - 1) + 1\"}\n" }
    return wrap("  - id: s\n    title: S\n    questions:\n      - {id: a, type: text, prompt: A?}", head: head)
  }

  /// The checker's name tables receive each name a bounded number of times, not once per computed
  /// value (the old code rebuilt the whole table for each: n^2 / 2 entries for a chain of n).
  @Test func namesAreEnteredOncePerComputedValue() throws {
    for n in [10, 1000] {
      let document = YAMLDocument(file: "q.yaml", text: chain(n))
      let root = try #require(document.root())
      let builder = QuestionnaireBuilder(document: document)
      let q = try #require(builder.build(root))
      #expect(document.diagnostics.isEmpty, "\(document.diagnostics.prefix(3))")
      #expect(q.computed.count == n)
      // Names: n computed values and one question; each entered once, and each computed type once more.
      #expect(builder.namesEntered <= 2 * (n + 1), "\(n): \(builder.namesEntered)")
    }
  }

  /// The chain evaluates to its length.
  @Test func theChainStillEvaluates() throws {
    let q = try load(chain(300))
    #expect(Engine(questionnaire: q).computed.last == .number(300))
  }
}
