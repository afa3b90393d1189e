import Foundation
import Testing

@testable import AssessKit

/// Our path equals what the real SurveyJS engine shows, answer set by answer set, for the Canada AIA
/// and for forms of our own; and our answer validation accepts every answer SurveyJS took.
/// The reference data is stored in Tests/Fixtures/surveyjs; it came from `../shared/tools/surveyjs-oracle`
/// (scripts/surveyjs-fixtures regenerates it). These tests need neither Node nor `../shared`; the live
/// comparisons, with fresh walks, are `SurveyJSOracleTests` (`make test-oracle`).
@Suite struct SurveyJSDifferentialTests {
  struct Reference: Decodable {
    var answers: [String: DecodedValue]
    var visible: [String]
  }

  /// The Canada AIA form, vendored in Tests/Fixtures/aia (MIT; SOURCE.md says from where).
  static let aiaPath = repositoryRoot.appendingPathComponent("Tests/Fixtures/aia/survey-enfr.json")

  static func form(_ path: URL) throws -> (Questionnaire, SurveyJSImport) {
    let json = try String(contentsOf: path, encoding: .utf8)
    let imported = try SurveyJSImporter.importForm(json: json, fileName: path.lastPathComponent)
    let result = QuestionnaireLoader.load(text: imported.yaml, file: path.lastPathComponent)
    return (try #require(result.questionnaire), imported)
  }

  static func references(_ name: String) throws -> [Reference] {
    let text = try fixture("surveyjs/\(name)")
    return try text.split(separator: "\n").map { try JSONDecoder().decode(Reference.self, from: Data($0.utf8)) }
  }

  /// Every difference between our import and the references: answers SurveyJS took that we reject,
  /// and paths that differ from what SurveyJS showed, one line each.
  static func differences(form path: URL, references: [Reference]) throws -> [String] {
    let (q, imported) = try form(path)
    var found: [String] = []
    for (n, reference) in references.enumerated() {
      let pairs = reference.answers.map { ($0.key, $0.value.value) }.sorted { $0.0 < $1.0 }
      let (answers, errors) = AnswersReader.check(pairs, for: q)
      if !errors.isEmpty { found.append("answer set \(n + 1): SurveyJS took answers we reject: \(errors)") }
      let engine = Engine(questionnaire: q, answers: answers)
      let theirs = reference.visible.filter { !imported.inexact.contains($0) }
      let ours = engine.path.filter { !imported.inexact.contains($0) }
      if ours != theirs {
        found.append(
          "answer set \(n + 1) of \(path.lastPathComponent) (\(reference.answers.keys.sorted())): we show \(ours), SurveyJS showed \(theirs)"
        )
      }
    }
    return found
  }

  /// Compares every reference answer set, each difference a failure; returns how many were compared.
  @discardableResult
  static func compare(
    form path: URL, references: [Reference], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws
    -> Int
  {
    for difference in try differences(form: path, references: references) {
      Issue.record(Comment(rawValue: difference), sourceLocation: sourceLocation)
    }
    return references.count
  }

  @Test func canadaAIAWalks() throws {
    let references = try Self.references("aia-walks.jsonl")
    #expect(references.count >= 300)
    try Self.compare(form: Self.aiaPath, references: references)
    // Every question of the AIA is imported exactly: nothing is left out of the comparison.
    #expect(try Self.form(Self.aiaPath).1.inexact.isEmpty)
  }

  @Test func constructsWalks() throws {
    let references = try Self.references("constructs-walks.jsonl")
    #expect(references.count >= 200)
    try Self.compare(
      form: repositoryRoot.appendingPathComponent("Tests/Fixtures/surveyjs/constructs.json"), references: references)
  }

  @Test func constructsEdgeCases() throws {
    try Self.compare(
      form: repositoryRoot.appendingPathComponent("Tests/Fixtures/surveyjs/constructs.json"),
      references: try Self.references("constructs-crafted.jsonl"))
  }

  @Test func numbersAndNumericStrings() throws {
    let references = try Self.references("numeric-oracle.jsonl")
    #expect(references.count >= 100)
    try Self.compare(
      form: repositoryRoot.appendingPathComponent("Tests/Fixtures/surveyjs/numeric.json"), references: references)
  }

  /// The comparison can fail: a reference that differs from what we show (one question fewer, one
  /// more, the same in another order, an answer we would reject) is reported; unchanged, it is not.
  @Test func theComparisonNoticesADifference() throws {
    let form = repositoryRoot.appendingPathComponent("Tests/Fixtures/surveyjs/numeric.json")
    let reference = try #require(try Self.references("numeric-oracle.jsonl").first { $0.visible.count > 1 })
    #expect(try Self.differences(form: form, references: [reference]).isEmpty)
    var fewer = reference
    fewer.visible.removeLast()
    var more = reference
    more.visible.append("not-in-the-form")
    var reordered = reference
    reordered.visible.reverse()
    var rejected = reference
    rejected.answers["age"] = try JSONDecoder().decode(DecodedValue.self, from: Data(#""not a number""#.utf8))
    for (name, wrong) in [("fewer", fewer), ("more", more), ("reordered", reordered), ("rejected", rejected)] {
      let found = try Self.differences(form: form, references: [wrong])
      #expect(!found.isEmpty, "\(name): not noticed")
      if name == "rejected" { #expect(found.first?.contains("SurveyJS took answers we reject") == true) }
    }
  }
}
