import Foundation
import Testing

@testable import AssessKit

/// Our path equals what the real SurveyJS engine shows, answer set by answer set, for the Canada AIA
/// and for forms of our own; and our answer validation accepts every answer SurveyJS took.
/// The reference data comes from `../shared/tools/surveyjs-oracle` (scripts/surveyjs-fixtures regenerates it).
@Suite struct SurveyJSDifferentialTests {
  struct Reference: Decodable {
    var answers: [String: DecodedValue]
    var visible: [String]
  }

  static let aiaPath = repositoryRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/fixtures/aia/survey-enfr.json")

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

  /// Compares every reference answer set; returns how many were compared.
  @discardableResult
  static func compare(
    form path: URL, references: [Reference], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws
    -> Int
  {
    let (q, imported) = try form(path)
    var compared = 0
    for (n, reference) in references.enumerated() {
      let pairs = reference.answers.map { ($0.key, $0.value.value) }.sorted { $0.0 < $1.0 }
      let (answers, errors) = AnswersReader.check(pairs, for: q)
      #expect(
        errors.isEmpty, "answer set \(n + 1): SurveyJS took answers we reject: \(errors)",
        sourceLocation: sourceLocation)
      let engine = Engine(questionnaire: q, answers: answers)
      let theirs = reference.visible.filter { !imported.inexact.contains($0) }
      let ours = engine.path.filter { !imported.inexact.contains($0) }
      #expect(
        ours == theirs, "answer set \(n + 1) of \(path.lastPathComponent): \(reference.answers.keys.sorted())",
        sourceLocation: sourceLocation)
      compared += 1
    }
    return compared
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

  /// The comparison can fail: a visibility the importer got wrong is caught.
  @Test func theComparisonNoticesADifference() throws {
    let (q, _) = try Self.form(repositoryRoot.appendingPathComponent("Tests/Fixtures/surveyjs/numeric.json"))
    let engine = Engine(questionnaire: q, answers: try answers(["age": .number(20)], for: q))
    #expect(engine.path.contains("adult"))
    let wrong = Engine(questionnaire: q, answers: try answers(["age": .number(10)], for: q))
    #expect(!wrong.path.contains("adult"))
  }
}
