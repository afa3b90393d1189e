import Testing

@testable import AssessKit

/// A context with fixed values for the names of `TestScope`.
struct FixedContext: EvaluationContext {
  var values: [Symbol: Value]
  func value(of symbol: Symbol) -> Value { values[symbol] ?? .null }
  func isAnswered(_ symbol: Symbol) -> Bool { values[symbol]?.isPresent ?? false }
  func points(ofQuestion index: Int) -> Double { index == 0 ? 3 : 0 }
}

@Suite struct EvaluatorTests {
  /// effect = 'significant', groups = ['public'], size = 3, users unanswered (null), purpose = 'loans',
  /// tested unanswered, impact = 4.
  let context = FixedContext(values: [
    .question(0): .string("significant"), .question(1): .list([.string("public")]), .question(3): .number(3),
    .question(5): .string("loans"), .scale(0): .number(4),
  ])

  func evaluate(_ text: String) throws -> Value {
    guard case .success(let compiled, _) = ExpressionChecker.check(text, in: TestScope(), expecting: nil) else {
      throw ExpressionError("does not check: \(text)", at: 0)
    }
    return compiled.evaluate(in: context)
  }

  // Null semantics, case by case (docs/FORMAT.md, "Null").
  @Test(arguments: [
    ("users == null", Value.bool(true)),
    ("users != null", .bool(false)),
    ("users == 5", .bool(false)),
    ("users != 5", .bool(true)),
    ("users > 5", .bool(false)),
    ("users <= 5", .bool(false)),
    ("users + 1", .null),
    ("-users", .null),
    ("users * 0", .null),
    ("tested and true", .bool(false)),
    ("tested or true", .bool(true)),
    ("not tested", .bool(true)),
    ("tested == false", .bool(false)),
    ("if(tested, 1, 2)", .number(2)),
    ("users in [1, 2]", .bool(false)),
    ("count(users)", .number(0)),
    ("sum(users, 2)", .number(2)),
    ("max(users, size)", .number(3)),
    ("min(users)", .null),
    ("round(users)", .null),
    ("answered(users)", .bool(false)),
    ("answered(effect)", .bool(true)),
    ("size / 0", .null),
  ])
  func nullSemantics(source: String, expected: Value) throws {
    #expect(try evaluate(source) == expected)
  }

  @Test(arguments: [
    ("effect == 'significant'", Value.bool(true)),
    ("effect in ['advisory', 'significant']", .bool(true)),
    ("'public' in groups", .bool(true)),
    ("'children' in groups", .bool(false)),
    ("groups contains 'public'", .bool(true)),
    ("groups contains ['public', 'children']", .bool(false)),
    ("purpose contains 'oan'", .bool(true)),
    ("count(groups)", .number(1)),
    ("size * 2 + impact / 4", .number(7)),
    ("round(2.5)", .number(3)),
    ("round(-2.5)", .number(-3)),
    ("round(1.2345, 2)", .number(1.23)),
    ("abs(0 - size)", .number(3)),
    ("floor(3.7) + ceil(0.2)", .number(4)),
    ("max(1, [5, 2], size)", .number(5)),
    ("sum([1, 2], 3)", .number(6)),
    ("score(effect)", .number(3)),
    ("'b' > 'a'", .bool(true)),
    ("if(size >= 3, 'high', 'low')", .string("high")),
  ])
  func values(source: String, expected: Value) throws {
    #expect(try evaluate(source) == expected)
  }

  /// `and` and `or` read their right side only when the left does not settle the result: the
  /// right side here reads `purpose`, and the context records every read.
  @Test(arguments: [
    ("size > 5 and purpose == 'loans'", false, false),
    ("size < 5 and purpose == 'loans'", true, true),
    ("size < 5 and purpose == 'other'", false, true),
    ("size < 5 or purpose == 'loans'", true, false),
    ("size > 5 or purpose == 'loans'", true, true),
    ("size > 5 or purpose == 'other'", false, true),
  ])
  func andAndOrShortCircuit(source: String, result: Bool, readsRightSide: Bool) throws {
    guard case .success(let compiled, _) = ExpressionChecker.check(source, in: TestScope(), expecting: .bool) else {
      Issue.record("does not check: \(source)")
      return
    }
    let recording = RecordingContext(context)
    #expect(compiled.evaluate(in: recording) == .bool(result))
    #expect(recording.read.contains(.question(5)) == readsRightSide, "read: \(recording.read)")
    #expect(recording.read.first == .question(3))
  }
}

/// A context that records every symbol read, to observe what an evaluation looked at.
final class RecordingContext: EvaluationContext {
  let base: FixedContext
  private(set) var read: [Symbol] = []
  init(_ base: FixedContext) { self.base = base }
  func value(of symbol: Symbol) -> Value {
    read.append(symbol)
    return base.value(of: symbol)
  }
  func isAnswered(_ symbol: Symbol) -> Bool {
    read.append(symbol)
    return base.isAnswered(symbol)
  }
  func points(ofQuestion index: Int) -> Double { base.points(ofQuestion: index) }
}
