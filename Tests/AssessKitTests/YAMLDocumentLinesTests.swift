import AssessBuiltins
import Testing

@testable import AssessKit

/// The document's lines, found by bytes, are the lines a split by characters gives (issue 13): CR LF
/// is one character, so a line feed after a carriage return does not end a line there.
@Suite struct YAMLDocumentLinesTests {
  @Test func sameLinesAsASplitByCharacters() throws {
    var texts = [
      "", "\n", "a", "a\n", "a\nb", "a\r\nb\n", "\r\n\r\n", "x\r\n\ny\r", "é\nü\u{301}\n \u{301}x\n", "\n\n\n",
      "  |\n    lit\n  ok\r\n",
    ]
    texts += Builtins.all().map(\.text)
    for text in texts {
      let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
      let document = YAMLDocument(file: "t.yaml", text: text)
      #expect(document.lineCount == expected.count, "\(text.debugDescription)")
      for (i, line) in expected.enumerated() where i < document.lineCount {
        #expect(document.line(at: i) == line, "\(text.debugDescription) line \(i)")
      }
    }
  }

  /// A place inside a literal block is found on its own line and column.
  @Test func placesInBlockScalars() throws {
    let text = "a: |\n    first\n    second x\nb: 1\n"
    let document = YAMLDocument(file: "t.yaml", text: text)
    let root = try #require(document.tree())
    let a = root.items[1]
    #expect(document.location(ofOffset: 13, in: a) == SourceLocation(file: "t.yaml", line: 3, column: 12))
    #expect(document.location(ofOffset: 0, in: a) == SourceLocation(file: "t.yaml", line: 2, column: 5))
  }
}
