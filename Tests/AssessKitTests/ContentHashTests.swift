import AssessBuiltins
import Testing

@testable import AssessKit

/// The questionnaire's content hash (swift-crypto's SHA-256 where the build has it) is the one the
/// package's own SHA-256 gives, so sessions pinned before keep their questionnaire (issue 13).
@Suite struct ContentHashTests {
  @Test func sameAsThePackagesOwnDigest() {
    var texts = ["", "a", "abc", "é après ü\n", String(repeating: "x", count: 55), String(repeating: "y", count: 64)]
    texts += Builtins.all().map(\.text)
    for text in texts {
      #expect(ContentHash.of(text) == "sha256:" + SHA256.hex(text), "\(text.prefix(20))")
    }
    #expect(
      ContentHash.of("abc") == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func loadedQuestionnairesCarryIt() throws {
    for source in Builtins.all() {
      let q = try #require(QuestionnaireLoader.load(text: source.text, file: source.fileName).questionnaire)
      #expect(q.hash == "sha256:" + SHA256.hex(source.text))
    }
  }
}
