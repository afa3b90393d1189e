import Testing

@testable import AssessKit

/// The source line under a diagnostic: whole when short, a window around the column when long.
@Suite struct DiagnosticWindowTests {
  func rendered(_ text: String, line: Int, column: Int) -> [String] {
    let renderer = DiagnosticRenderer(sources: ["f": text])
    let d = Diagnostic.error("m", at: SourceLocation(file: "f", line: line, column: column))
    return renderer.render(d).components(separatedBy: "\n")
  }

  @Test func shortLinesAreShownWhole() {
    #expect(rendered("a: 1\nbb:\tx\r\nc", line: 2, column: 5) == ["f:2:5: error: m", " 2 | bb: x", "   |     ^"])
    #expect(rendered("a: 1\nb", line: 2, column: 9) == ["f:2:9: error: m", " 2 | b", "   |  ^"])
    #expect(rendered("a\n", line: 2, column: 1) == ["f:2:1: error: m", " 2 | ", "   | ^"])
    #expect(rendered("a\n", line: 3, column: 1) == ["f:3:1: error: m"])
  }

  @Test func longLinesShowAWindowAroundTheColumn() {
    let line = (0..<300).map { String($0 % 10) }.joined()
    // Near the start: no cut on the left.
    let start = rendered(line, line: 1, column: 5)
    #expect(start[1] == " 1 | " + String(line.prefix(80)) + "...")
    #expect(start[2] == "   | " + String(repeating: " ", count: 4) + "^")
    // In the middle: cut on both sides, 40 columns of context before the caret.
    let middle = rendered(line, line: 1, column: 151)
    let shown = String(Array(line)[110..<190])
    #expect(middle[1] == " 1 | ..." + shown + "...")
    #expect(middle[2] == "   | " + String(repeating: " ", count: 43) + "^")
    // At the end: cut on the left only, the caret just past the last character.
    let end = rendered(line, line: 1, column: 301)
    #expect(end[1] == " 1 | ..." + String(line.suffix(80)))
    #expect(end[2] == "   | " + String(repeating: " ", count: 83) + "^")
  }

  @Test func theWindowCountsUnicodeScalars() {
    let line = String(repeating: "é", count: 100) + "X" + String(repeating: "é", count: 100)
    let r = rendered(line, line: 1, column: 101)
    #expect(r[1] == " 1 | ..." + String(repeating: "é", count: 40) + "X" + String(repeating: "é", count: 39) + "...")
    #expect(r[2].firstIndex(of: "^").map { r[2].distance(from: r[2].startIndex, to: $0) } == 5 + 43)
  }

  @Test func digestKeepsTheFirstFiftyOfEach() {
    let errors = (1...120).map { Diagnostic.error("e\($0)", at: nil) }
    let warnings = (1...51).map { Diagnostic.warning("w\($0)", at: nil) }
    let digest = DiagnosticDigest(errors + warnings)
    #expect(digest.shown.count == 100)
    #expect(digest.shown.first?.message == "e1" && digest.shown.last?.message == "w50")
    #expect(digest.remainder(file: "f") == ["f: and 70 more errors", "f: and 1 more warning"])
    #expect(DiagnosticDigest(errors, warnings: false).remainder(file: "f") == ["f: and 70 more errors"])
    #expect(DiagnosticDigest(Array(errors.prefix(50))).remainder(file: "f").isEmpty)
  }

  @Test func lineIndexFindsEveryLine() {
    let index = LineIndex("a\r\n\nb\nc")
    #expect(index.count == 4)
    #expect((1...4).map { index.line($0).map(String.init) } == ["a", "", "b", "c"])
    #expect(index.line(0) == nil && index.line(5) == nil)
  }
}
