import AssessBuiltins
import Foundation
import Testing

@testable import AssessKit

/// The texts compiled into the binary are the repository's files, byte for byte, and each
/// built-in's id is its file name.
@Suite struct EmbeddedBuiltinsSourceTests {
  @Test func everyQuestionnaireFileIsEmbeddedExactly() throws {
    let folder = repositoryRoot.appendingPathComponent("questionnaires")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
      .sorted()
    #expect(!files.isEmpty)
    #expect(Builtins.all().map(\.fileName).sorted() == files)
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let embedded = try #require(Builtins.source(fileName: file))
      #expect(embedded.text == text, "\(file) differs from its embedded copy")
      let q = try #require(QuestionnaireLoader.load(text: embedded.text, file: file).questionnaire)
      #expect(q.id == embedded.id, "\(file): a built-in's id must be its file name")
    }
  }
}
