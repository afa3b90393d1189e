import AssessBuiltins
import Testing

@testable import AssessKit

/// Damaged questionnaires never crash the loader: each gives a questionnaire or errors with a place,
/// and what loads evaluates.
@Suite struct RobustnessTests {
  func check(_ text: String) {
    let result = QuestionnaireLoader.load(text: text, file: "m.yaml")
    if let q = result.questionnaire {
      let engine = Engine(questionnaire: q)
      _ = EvaluationJSON.make(engine)
    } else {
      #expect(result.diagnostics.hasErrors)
      #expect(result.diagnostics.allSatisfy { $0.location != nil })
    }
  }

  @Test func everyLineDeletedDuplicatedOrDamaged() throws {
    let source = try #require(Builtins.source(fileName: "example.yaml")).text
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let damage: [(String) -> String] = [
      { _ in "" },
      { $0 + "\n" + $0 },
      { $0.replacingOccurrences(of: ":", with: "") },
      { $0.replacingOccurrences(of: "'", with: "") },
      { $0.replacingOccurrences(of: "[", with: "{") },
      { String($0.prefix($0.count / 2)) },
      { $0.replacingOccurrences(of: "1", with: "-7") },
    ]
    for i in lines.indices {
      for change in damage {
        var copy = lines
        copy[i] = change(copy[i])
        check(copy.joined(separator: "\n"))
      }
    }
  }

  @Test func everyPrefix() throws {
    let source = try #require(Builtins.source(fileName: "example.yaml")).text
    let scalars = Array(source.unicodeScalars)
    for end in stride(from: 0, to: scalars.count, by: 37) {
      check(String(String.UnicodeScalarView(scalars[..<end])))
    }
  }
}

/// Damaged SurveyJS forms and random expressions never crash the importer or the parsers.
@Suite struct ImportRobustnessTests {
  @Test func damagedFormsImportOrFailCleanly() throws {
    let source = try fixture("surveyjs/constructs.json")
    let seed = testSeed(42)
    var random = SplitMix64(seed: seed)
    let replacements: [(String, String)] = [
      ("\"radiogroup\"", "\"rating\""), ("\"checkbox\"", "\"boolean\""), ("5", "1e308"), ("1", "-1"),
      ("\"elements\"", "\"questions\""),
      ("\"visibleIf\": \"", "\"visibleIf\": \"{"), ("'", ""), ("[", "{"), ("\"text\"", "\"expression\""),
      ("true", "\"x\""),
    ]
    for _ in 0..<120 {
      var text = source
      let (from, to) = replacements[Int(random.next() % UInt64(replacements.count))]
      let occurrences = text.components(separatedBy: from).count - 1
      guard occurrences > 0 else { continue }
      let pick = Int(random.next() % UInt64(occurrences))
      var parts = text.components(separatedBy: from)
      parts[pick] = parts[pick] + to + parts[pick + 1]
      parts.remove(at: pick + 1)
      text = parts.joined(separator: from)
      if random.next() % 4 == 0 {
        let cut = Int(random.next() % UInt64(text.count))
        text = String(text.prefix(cut))
      }
      if let result = try? SurveyJSImporter.importForm(json: text, fileName: "m.json") {
        #expect(QuestionnaireLoader.load(text: result.yaml, file: "m.yaml").questionnaire != nil, "seed \(seed)")
      }
    }
  }

  @Test func randomExpressionsParseOrFailCleanly() {
    var random = SplitMix64(seed: testSeed(7))
    let pieces = [
      "{a}", "'x'", "\"y\"", "1", "2.5", "-", "+", "*", "/", "%", "^", "(", ")", "[", "]", ",", "=", "==", "!=", "<>",
      "<", ">=",
      "and", "or", "!", "not", "contains", "anyof", "empty", "iif(", "sum(", "true", "null", "{", "}", "in", "if(",
    ]
    for _ in 0..<2000 {
      let count = 1 + Int(random.next() % 8)
      let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(separator: " ")
      _ = try? SurveyJSExpression.parse(text)
      _ = try? ExpressionParser.parse(text)
      var translator = SurveyJSTranslator(names: ["a"])
      _ = try? translator.condition(text)
    }
  }
}
