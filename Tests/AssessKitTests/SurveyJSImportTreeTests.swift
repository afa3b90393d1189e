import Foundation
import Testing
import Yams

@testable import AssessKit

/// The import writes YAML and the tree Yams composes from it in one pass, and loads the tree: the
/// tree must be exactly what Yams makes of the text (every string, style, mark), or a session that
/// pins the text would load something else.
@Suite struct SurveyJSImportTreeTests {
  @Test(arguments: [
    "Tests/Fixtures/aia/survey-enfr.json", "Tests/Fixtures/surveyjs/constructs.json",
    "Tests/Fixtures/surveyjs/numeric.json", "Tests/Fixtures/surveyjs/phq9.json", "docs/examples/mini-aia.json",
  ])
  func theTreeIsWhatYamsComposes(path: String) throws {
    let json = try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    for locale in [nil, "fr"] where locale == nil || path.contains("aia/") || path.contains("constructs") {
      let (root, positions) = try JSONReader.parse(json)
      var builder = SurveyJSBuilder(root: root, fileName: path, positions: positions)
      try builder.chooseLocale(locale)
      let (yaml, tree) = builder.emit(dropping: [])
      let built = try #require(tree)
      let composed = try #require(try Yams.compose(yaml: yaml, Resolver.basic))
      #expect(YAMLTreeWriter.differences(built, composed) == [], "\(path) \(locale ?? "default")")
      // The text is what the import always wrote: the questionnaire from either loads the same.
      let fromTree = QuestionnaireLoader.load(tree: built, text: yaml, file: "x.yaml").questionnaire
      let fromText = QuestionnaireLoader.load(text: yaml, file: "x.yaml").questionnaire
      #expect(fromTree?.hash == fromText?.hash)
      #expect(fromTree?.questions.map(\.location) == fromText?.questions.map(\.location))
    }
  }

  /// A text YAML reads differently inside quotes (its own line breaks) is parsed, not trusted.
  @Test func exoticTextIsParsed() throws {
    let json = #"{"elements":[{"type":"text","name":"a","title":"one\u2028two"}]}"#
    let (root, positions) = try JSONReader.parse(json)
    var builder = SurveyJSBuilder(root: root, fileName: "f.json", positions: positions)
    try builder.chooseLocale(nil)
    #expect(builder.emit(dropping: []).tree == nil)
    let imported = try SurveyJSImporter.importForm(json: json, fileName: "f.json")
    #expect(imported.questionnaire.question("a") != nil)
  }

  /// Breaking the tree on purpose is noticed.
  @Test func aDifferenceIsNoticed() throws {
    let yaml = "a: \"x\"\nb: [1]\n"
    let composed = try #require(try Yams.compose(yaml: yaml, Resolver.basic))
    #expect(YAMLTreeWriter.differences(composed, composed) == [])
    let other = try #require(try Yams.compose(yaml: "a: \"y\"\nb: [1]\n", Resolver.basic))
    #expect(YAMLTreeWriter.differences(composed, other).count == 1)
    let moved = try #require(try Yams.compose(yaml: "a:  \"x\"\nb: [1]\n", Resolver.basic))
    #expect(YAMLTreeWriter.differences(composed, moved).count == 1)
  }
}
