import Foundation
import Testing

@testable import AssessKit

/// The worked example of docs/IMPORT.md: AIA-style scoring on an imported form.
@Suite struct ImportScoringTests {
  @Test func theWorkedExampleImportsAndScoresAsTheDocSays() throws {
    let json = try String(
      contentsOf: repositoryRoot.appendingPathComponent("docs/examples/mini-aia.json"), encoding: .utf8)
    let imported = try SurveyJSImporter.importForm(json: json, fileName: "mini-aia.json")
    #expect(imported.issues.isEmpty)
    let raw = try load(imported.yaml)
    #expect(raw.scales.map(\.id) == ["score"] && raw.scales[0].maxScore == 19)

    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent("docs/examples/mini-aia.yaml"), encoding: .utf8)
    let q = try load(text, file: "mini-aia.yaml")
    #expect(q.scales.map(\.maxScore) == [14, 7])
    let base: [String: Value] = [
      "reversible": .string("never"), "duration": .string("long"),
      "rights": .list([.string("privacy"), .string("liberty")]),
      "gba": .bool(true),
    ]
    var first = base
    first["review"] = .string("all")
    let a = Engine(questionnaire: q, answers: try answers(first, for: q))
    #expect(a.scaleValues == [12, 5] && a.computed == [.bool(false), .number(12)])
    #expect(a.levels[0].label == "IV" && a.risks[0].raised)

    var second = base
    second["review"] = .string("sample")
    second["recourse"] = .string("yes")
    let b = Engine(questionnaire: q, answers: try answers(second, for: q))
    #expect(b.scaleValues == [12, 6] && b.computed == [.bool(true), .number(12 * 0.85)])
    #expect(b.levels[0].label == "III" && !b.risks[0].raised)
  }
}
