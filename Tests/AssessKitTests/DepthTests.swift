import Foundation
import Testing

@testable import AssessKit

/// Deep inputs of every shape give an error naming the place, never a crash: the parsers bound the
/// nesting of the text and the height of the tree they build, so nothing after them (checker,
/// evaluator, translator) recurses without bound.
@Suite struct DepthTests {
  /// Expressions of our language, `n` levels deep, by shape.
  static let shapes: [(String, @Sendable (Int) -> String)] = [
    ("parentheses", { String(repeating: "(", count: $0) + "a" + String(repeating: ")", count: $0) }),
    ("not", { String(repeating: "not ", count: $0) + "a" }),
    ("minus", { String(repeating: "-", count: $0) + "a" }),
    ("calls", { String(repeating: "max(", count: $0) + "1" + String(repeating: ")", count: $0) }),
    ("lists", { String(repeating: "[", count: $0) + "1" + String(repeating: "]", count: $0) }),
    ("sum chain", { Array(repeating: "a", count: $0).joined(separator: " + ") }),
    ("product chain", { Array(repeating: "a", count: $0).joined(separator: " * ") }),
    ("or chain", { Array(repeating: "a", count: $0).joined(separator: " or ") }),
    ("and chain", { Array(repeating: "a", count: $0).joined(separator: " and ") }),
    ("right-nested", { String(repeating: "a + (", count: $0) + "a" + String(repeating: ")", count: $0) }),
    ("mixed", { String(repeating: "not (-[", count: $0) + "1" + String(repeating: "])", count: $0) }),
    ("unclosed", { String(repeating: "(", count: $0) }),
  ]

  @Test(arguments: [2_000, 100_000])
  func deepExpressionsAreRefused(depth: Int) throws {
    for (shape, make) in Self.shapes {
      let text = make(depth)
      let error = try #require(throws: ExpressionError.self, "\(shape), \(depth) deep") {
        try ExpressionParser.parse(text)
      }
      #expect(error.message.contains("more than 250 levels deep"), "\(shape): \(error.message)")
      #expect(error.offset > 0 && error.offset < text.unicodeScalars.count, "\(shape): at \(error.offset)")
    }
  }

  /// The error points at the token one level too deep.
  @Test func theErrorNamesThePlace() throws {
    let limit = ExpressionParser.maxDepth
    let parentheses = String(repeating: "(", count: limit + 5) + "a" + String(repeating: ")", count: limit + 5)
    let error = try #require(throws: ExpressionError.self) { try ExpressionParser.parse(parentheses) }
    #expect(error.offset == limit)
    let chain = Array(repeating: "a", count: limit + 10).joined(separator: " + ")
    // Terms are 4 scalars apart ("a + "): the operator that would make the tree one too tall.
    let chainError = try #require(throws: ExpressionError.self) { try ExpressionParser.parse(chain) }
    #expect(chainError.offset == 4 * limit - 2)
  }

  /// Just within the limit, every shape parses, checks and evaluates (the later passes recurse as
  /// deep as the tree, and must not overflow either).
  @Test func atTheLimitEverythingWorks() throws {
    let limit = ExpressionParser.maxDepth
    // Each holds for n = 2 (an even number of `not`), except the list of lists, which the checker
    // refuses (one type per list).
    let conditions = [
      String(repeating: "(", count: limit) + "n > 1" + String(repeating: ")", count: limit),
      String(repeating: "not ", count: limit - 2) + "n > 1",
      Array(repeating: "n > 1", count: limit - 1).joined(separator: " or "),
      Array(repeating: "n > 1", count: limit - 1).joined(separator: " and "),
      Array(repeating: "n", count: limit - 1).joined(separator: " + ") + " > 1",
      "n in " + String(repeating: "[", count: limit - 2) + "1" + String(repeating: "]", count: limit - 2),
      String(repeating: "max(", count: limit - 2) + "n" + String(repeating: ")", count: limit - 2) + " > 1",
    ]
    var evaluated = 0
    for condition in conditions {
      #expect(throws: Never.self, "\(condition.prefix(40))") { try ExpressionParser.parse(condition) }
      let yaml = wrap(
        """
          - id: s
            title: S
            questions:
              - {id: n, type: number, prompt: N}
              - {id: m, type: text, prompt: M, when: "\(condition)"}
        """)
      let result = QuestionnaireLoader.load(text: yaml, file: "q.yaml")
      guard let q = result.questionnaire else {
        #expect(condition.hasPrefix("n in [[["), "\(result.diagnostics)")
        #expect(result.diagnostics.hasErrors && result.diagnostics.allSatisfy { $0.location != nil })
        continue
      }
      let engine = Engine(questionnaire: q, answers: try answers(["n": .number(2)], for: q))
      #expect(engine.path.contains("m"), "\(condition.prefix(40))")
      _ = EvaluationJSON.make(engine)
      evaluated += 1
    }
    #expect(evaluated == conditions.count - 1)
  }

  /// A deep condition in a questionnaire file is an error at its line, not a crash.
  @Test func deepConditionInAFile() throws {
    let deep = String(repeating: "(", count: 20_000) + "n > 1" + String(repeating: ")", count: 20_000)
    let yaml = wrap(
      """
        - id: s
          title: S
          questions:
            - {id: n, type: number, prompt: N}
            - {id: m, type: text, prompt: M, when: "\(deep)"}
      """)
    let lines = diagnostics(yaml)
    #expect(lines.count == 1)
    #expect(
      lines.first?.hasPrefix("11:") == true && lines.first?.hasSuffix("(in the condition of 'm')") == true, "\(lines)")
    #expect(lines.first?.contains("more than 250 levels deep") == true, "\(lines)")
  }

  /// SurveyJS expressions of every shape, `n` levels deep.
  static let surveyJSShapes: [(String, @Sendable (Int) -> String)] = [
    ("parentheses", { String(repeating: "(", count: $0) + "{a}" + String(repeating: ")", count: $0) }),
    ("!", { String(repeating: "!", count: $0) + "{a}" }),
    ("negate", { String(repeating: "negate ", count: $0) + "{a}" }),
    ("minus", { String(repeating: "-", count: $0) + "{a}" }),
    ("calls", { String(repeating: "sum(", count: $0) + "1" + String(repeating: ")", count: $0) }),
    ("arrays", { String(repeating: "[", count: $0) + "1" + String(repeating: "]", count: $0) }),
    ("plus chain", { Array(repeating: "{a}", count: $0).joined(separator: " + ") }),
    ("or chain", { Array(repeating: "{a} = 1", count: $0).joined(separator: " or ") }),
    ("&& chain", { Array(repeating: "{a}", count: $0).joined(separator: " && ") }),
    ("product chain", { Array(repeating: "{a}", count: $0).joined(separator: " * ") }),
    ("empty", { String(repeating: "(", count: $0) + "{a} empty" + String(repeating: ") empty", count: $0) }),
  ]

  @Test(arguments: [1_000, 20_000])
  func deepSurveyJSExpressionsAreRefused(depth: Int) throws {
    for (shape, make) in Self.surveyJSShapes {
      let text = make(depth)
      #expect(throws: SurveyJSExpression.ParseError.self, "\(shape)") { try SurveyJSExpression.parse(text) }
      var translator = SurveyJSTranslator(names: ["a"])
      let error = try #require(throws: SurveyJSTranslator.Unsupported.self) { try translator.condition(text) }
      #expect(error.reason.contains("more than 100 levels deep"), "\(shape): \(error.reason)")
    }
  }

  /// At the SurveyJS limit, every shape imports into an expression our parser still takes.
  @Test func atTheSurveyJSLimitTheTranslationParses() throws {
    let limit = SurveyJSExpression.maxDepth
    for (shape, make) in Self.surveyJSShapes {
      // Find the deepest text of this shape that SurveyJS's parser takes.
      var n = limit + 1
      while n > 1, (try? SurveyJSExpression.parse(make(n))) == nil { n -= 1 }
      #expect(n >= limit / 2, "\(shape): only \(n) levels parse")
      var translator = SurveyJSTranslator(names: ["a"])
      for translated in [try translator.condition(make(n)), try translator.value(make(n))] {
        #expect(throws: Never.self, "\(shape)") { try ExpressionParser.parse(translated) }
      }
    }
    // The comparisons that write their sides twice, nested: refused before the text doubles out of hand.
    for op in [">=", "<="] {
      let nested = String(repeating: "(", count: 60) + "{a}" + String(repeating: " \(op) 1)", count: 60)
      var translator = SurveyJSTranslator(names: ["a"])
      let error = try #require(throws: SurveyJSTranslator.Unsupported.self) { try translator.condition(nested) }
      #expect(error.reason.contains("grows too long"))
    }
  }

  /// A SurveyJS form with a deep condition imports with an issue naming the element, not a crash.
  @Test func deepConditionInAForm() throws {
    let deep = String(repeating: "(", count: 20_000) + "{a} = 1" + String(repeating: ")", count: 20_000)
    let form = """
      {"pages": [{"name": "p", "elements": [
        {"type": "text", "name": "a"},
        {"type": "text", "name": "b", "visibleIf": "\(deep)"}
      ]}]}
      """
    let imported = try SurveyJSImporter.importForm(json: form, fileName: "deep.json")
    let issues = imported.issues.map(\.description).joined(separator: "\n")
    #expect(issues.contains("'b'") && issues.contains("more than 100 levels deep"), "\(issues)")
    #expect(QuestionnaireLoader.load(text: imported.yaml, file: "deep.yaml").questionnaire != nil)
  }
}
