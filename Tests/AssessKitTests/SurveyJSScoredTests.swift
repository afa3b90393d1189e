import Foundation
import Testing

@testable import AssessKit

/// Scored SurveyJS forms: `expression` elements become computed values equal to SurveyJS's own
/// `values` for the same answers, and conditions that read them show what SurveyJS shows. The
/// reference data (Tests/Fixtures/surveyjs/phq9-*.jsonl) came from the real engine
/// (scripts/surveyjs-fixtures); `SurveyJSOracleTests` runs the live comparison.
@Suite struct SurveyJSScoredTests {
  struct Reference: Decodable {
    var answers: [String: DecodedValue]
    var visible: [String]
    var values: [String: DecodedValue]
  }

  static let phq9 = repositoryRoot.appendingPathComponent("Tests/Fixtures/surveyjs/phq9.json")

  static func references(_ name: String) throws -> [Reference] {
    try fixture("surveyjs/\(name)").split(separator: "\n").map {
      try JSONDecoder().decode(Reference.self, from: Data($0.utf8))
    }
  }

  /// Our value and SurveyJS's agree: the same kind, numbers within rounding, null the same as absent.
  static func same(_ ours: Value, _ theirs: Value?) -> Bool {
    switch (ours, theirs ?? .null) {
    case (.number(let a), .number(let b)): return abs(a - b) <= 1e-9 * max(1, abs(b))
    case (let a, let b): return a == b
    }
  }

  /// Every difference between our import and the references (paths, computed values, rejected answers).
  static func differences(form path: URL, references: [Reference]) throws -> [String] {
    let json = try String(contentsOf: path, encoding: .utf8)
    let imported = try SurveyJSImporter.importForm(json: json, fileName: path.lastPathComponent)
    let q = try #require(QuestionnaireLoader.load(text: imported.yaml, file: path.lastPathComponent).questionnaire)
    var found: [String] = []
    for (n, reference) in references.enumerated() {
      let pairs = reference.answers.map { ($0.key, $0.value.value) }.sorted { $0.0 < $1.0 }
      let (answers, errors) = AnswersReader.check(pairs, for: q)
      if !errors.isEmpty { found.append("answer set \(n + 1): SurveyJS took answers we reject: \(errors)") }
      let engine = Engine(questionnaire: q, answers: answers)
      // Expression elements are computed values here, not questions on the path.
      let computedIds = Set(q.computed.map(\.id))
      let theirs = reference.visible.filter { !computedIds.contains($0) }
      if engine.path != theirs {
        found.append(
          "answer set \(n + 1) (\(reference.answers.keys.sorted())): we show \(engine.path), SurveyJS \(theirs)")
      }
      for (i, c) in q.computed.enumerated() where !same(engine.computedValues[i], reference.values[c.id]?.value) {
        found.append(
          "answer set \(n + 1): '\(c.id)' is \(engine.computedValues[i]) here, \(reference.values[c.id]?.value ?? .null) in SurveyJS"
        )
      }
    }
    return found
  }

  @Test func phq9ImportsEveryExpression() throws {
    let json = try String(contentsOf: Self.phq9, encoding: .utf8)
    let imported = try SurveyJSImporter.importForm(json: json, fileName: "phq9.json")
    let q = try #require(QuestionnaireLoader.load(text: imported.yaml, file: "phq9.json").questionnaire)
    #expect(q.computed.map(\.id) == ["total", "core", "severity", "average", "doubled", "worst", "screen"])
    // The page of expressions only has nothing to ask here (SurveyJS shows their values on it).
    #expect(
      imported.issues.map(\.description) == [
        "pages[1] ('scores'): the page has nothing to ask after import, so it is left out"
      ])
  }

  @Test func phq9Walks() throws {
    let references = try Self.references("phq9-walks.jsonl")
    #expect(references.count >= 200)
    for difference in try Self.differences(form: Self.phq9, references: references) {
      Issue.record(Comment(rawValue: difference))
    }
  }

  @Test func phq9CraftedAnswers() throws {
    let references = try Self.references("phq9-crafted.jsonl")
    #expect(references.count >= 150)
    for difference in try Self.differences(form: Self.phq9, references: references) {
      Issue.record(Comment(rawValue: difference))
    }
  }

  /// The comparison notices a wrong value and a wrong path.
  @Test func theComparisonNoticesADifference() throws {
    var reference = try #require(try Self.references("phq9-crafted.jsonl").first)
    #expect(try Self.differences(form: Self.phq9, references: [reference]).isEmpty)
    let total = try #require(reference.values["total"]?.value.number)
    reference.values["total"] = DecodedValue(value: .number(total + 1))
    #expect(try Self.differences(form: Self.phq9, references: [reference]).count == 1)
    reference.visible.append("support")
    #expect(try Self.differences(form: Self.phq9, references: [reference]).count == 2)
  }

  /// SurveyJS's arithmetic, case by case (each checked against SurveyJS v1.9.84).
  @Test func looseArithmetic() {
    #expect(Loose.variable(.string("3")) == .number(3))
    #expect(Loose.variable(.string("03")) == .string("03"))
    #expect(Loose.variable(.string("-3")) == .string("-3"))
    #expect(Loose.variable(.string("TRUE")) == .bool(true))
    #expect(Loose.variable(.string("1,5")) == .number(1))
    #expect(Loose.plus(.number(1), .null) == .number(1))
    #expect(Loose.plus(.null, .null) == .number(0))
    #expect(Loose.plus(.string("a"), .number(1)) == .string("a1"))
    #expect(Loose.plus(.number(0.1), .number(0.2)) == .number(0.3))
    #expect(Loose.minus(.number(0.3), .number(0.1)) == .number(0.2))
    #expect(Loose.mul(.number(1.1), .number(3)) == .number(3.3))
    #expect(Loose.div(.number(1), .number(0)) == .null)
    #expect(Loose.sum([.string("2"), .number(3), .null, .list([.string("1"), .number(1)])]) == .number(7))
    #expect(Loose.extreme([.null], least: true) == .null)
    #expect(Loose.extreme([.number(3), .string("10")], least: false) == .number(10))
  }
}

/// Expressions that read later ones are put in order; a cycle is listed, not imported. SurveyJS
/// v1.9.84 on this form with q = 3: a2 4, b 8, `big` shown (x and y run away to 21 and 22).
@Suite struct SurveyJSExpressionOrderTests {
  @Test func laterExpressionsAreReadInOrderAndCyclesListed() throws {
    let json = """
      {"elements":[{"type":"text","name":"q","inputType":"number"},
        {"type":"expression","name":"b","expression":"{a2} * 2"},
        {"type":"expression","name":"a2","expression":"{q} + 1"},
        {"type":"expression","name":"x","expression":"{y} + 1"},
        {"type":"expression","name":"y","expression":"{x} + 1"},
        {"type":"text","name":"big","visibleIf":"{b} > 7"}]}
      """
    let imported = try SurveyJSImporter.importForm(json: json, fileName: "order.json")
    let q = imported.questionnaire
    #expect(q.computed.map(\.id) == ["a2", "b"])
    #expect(
      imported.issues.map(\.description).prefix(2) == [
        "elements[3] ('x'): the expression reads itself through other expressions (a cycle), which never settles; it is not imported",
        "elements[4] ('y'): the expression reads itself through other expressions (a cycle), which never settles; it is not imported",
      ])
    let engine = Engine(questionnaire: q, answers: AnswersReader.check([("q", .number(3))], for: q).0)
    #expect(engine.computedValues == [.number(4), .number(8)])
    #expect(engine.path == ["q", "big"])
  }
}
