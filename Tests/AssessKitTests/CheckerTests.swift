import Testing

@testable import AssessKit

/// A scope with one name of each kind, for checking expressions alone.
struct TestScope: ExpressionScope {
  let table: [String: NameInfo] = [
    "effect": NameInfo(
      symbol: .question(0), type: .string, options: ["none", "advisory", "significant"], scored: true, kind: "question"),
    "groups": NameInfo(symbol: .question(1), type: .list(.string), options: ["public", "children"], kind: "question"),
    "tested": NameInfo(symbol: .question(2), type: .bool, scored: true, kind: "question"),
    "size": NameInfo(symbol: .question(3), type: .number, range: 1...4, kind: "question"),
    "users": NameInfo(symbol: .question(4), type: .number, kind: "question"),
    "purpose": NameInfo(symbol: .question(5), type: .string, kind: "question"),
    "impact": NameInfo(symbol: .scale(0), type: .number, kind: "scale"),
    "level": NameInfo(symbol: .level(0), type: .string, options: ["I", "II"], kind: "level"),
  ]
  func lookup(_ name: String) -> NameInfo? { table[name] }
  var candidateNames: [String] { Array(table.keys) }
  func maxScore(_ scale: Int) -> Double { 10 }
}

@Suite struct CheckerTests {
  func check(_ text: String, expecting: ExprType? = nil) -> ExpressionChecker.Outcome {
    ExpressionChecker.check(text, in: TestScope(), expecting: expecting)
  }

  @Test(arguments: [
    ("1️⃣efect == 'none'", "unknown name 'efect' (did you mean 'effect'?)"),
    ("effect == 1️⃣'significnt'", "'effect' has no option 'significnt' (did you mean 'significant'?)"),
    ("1️⃣'nobody' in groups", "'groups' has no option 'nobody'"),
    ("groups contains 1️⃣'kids'", "'groups' has no option 'kids'"),
    ("effect in ['none', 1️⃣'big']", "'effect' has no option 'big'"),
    ("level == 1️⃣'III'", "'level' has no band 'III' (did you mean 'II'?)"),
    ("tested == 1️⃣'yes'", "cannot compare true/false with text"),
    ("1️⃣purpose + 1", "'+' needs numbers, but its left is text"),
    ("size * 1️⃣groups", "'*' needs numbers, but its right is list of text"),
    ("1️⃣if(tested, 1)", "'if' takes 3 arguments, not 2"),
    ("if(tested, 1, 1️⃣'x')", "both branches of 'if' must have one type, not number and text"),
    ("if(1️⃣size, 1, 2)", "the condition of 'if' must be true/false, not number"),
    ("1️⃣answerd(effect)", "unknown function 'answerd' (did you mean 'answered'?)"),
    ("answered(1️⃣size + 1)", "'answered' takes the name of a question"),
    ("maxScore(1️⃣effect)", "'maxScore' takes the name of a scale; 'effect' is a question"),
    ("score(1️⃣size)", "'score' takes a choice or yes/no question; 'size' is a question"),
    ("1️⃣size and tested", "'and' needs true/false on its left, but this is number"),
    ("not 1️⃣purpose", "'not' needs true/false, but this is text"),
    ("size 1️⃣< 'a'", "'<' compares two numbers or two texts, not number with text"),
    ("effect in 1️⃣size", "'in' needs a list on its right, but this is number"),
    ("1️⃣size contains 1", "'contains' needs a list or a text on its left, but this is number"),
    ("1️⃣max", "'max' is a function; call it as max(...)"),
    ("sum(1️⃣purpose)", "'sum' takes numbers or lists of numbers, not text"),
    ("[1, 1️⃣'a']", "a list holds values of one type: text among number"),
  ])
  func rejects(source: String, message: String) {
    let (text, offset) = marked(source)
    guard case .failure(let errors) = check(text) else {
      Issue.record("'\(text)' was accepted")
      return
    }
    #expect(errors.first == ExpressionError(message, at: offset))
  }

  @Test func reportsEveryErrorNotOnlyTheFirst() {
    guard case .failure(let errors) = check("efect == 'x' or tsted") else {
      Issue.record("accepted")
      return
    }
    #expect(
      errors.map(\.message) == [
        "unknown name 'efect' (did you mean 'effect'?)", "unknown name 'tsted' (did you mean 'tested'?)",
      ])
  }

  @Test func expectedTypeOfTheContext() {
    guard case .failure(let errors) = check("size + 1", expecting: .bool) else {
      Issue.record("accepted")
      return
    }
    #expect(errors == [ExpressionError("expected true/false, but this is number", at: 0)])
  }

  @Test(arguments: [
    ("effect == 'none' and not tested", ExprType.bool),
    ("if(tested, size, 0) + impact", .number),
    ("'public' in groups", .bool),
    ("groups contains ['public', 'children']", .bool),
    ("purpose contains 'loan'", .bool),
    ("count(groups)", .number),
    ("max(size, users, 1)", .number),
    ("round(impact / maxScore(impact) * 100, 1)", .number),
    ("score(effect) + score(tested)", .number),
    ("answered(users) or users == null", .bool),
    ("level", .string),
    ("[1, 2]", .list(.number)),
  ])
  func accepts(source: String, type: ExprType) {
    guard case .success(_, let t) = check(source) else {
      Issue.record("'\(source)' was rejected: \(check(source))")
      return
    }
    #expect(t == type)
  }

  @Test func maxScoreIsFoldedToAConstant() {
    guard case .success(let compiled, _) = check("maxScore(impact)") else {
      Issue.record("rejected")
      return
    }
    #expect(compiled == .constant(.number(10)))
  }
}
