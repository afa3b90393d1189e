import Testing

@testable import AssessKit

@Suite struct TerminalTextTests {
  @Test func controlsAndBidiOverridesAreShownEscaped() {
    #expect(TerminalText.sanitize("a\u{1B}[2J\u{1B}]0;pwned\u{7}b") == #"a\e[2J\e]0;pwned\ab"#)
    #expect(TerminalText.sanitize("x\ry\u{8}z\u{0}\u{B}\u{C}") == #"x\ry\bz\0\v\f"#)
    #expect(TerminalText.sanitize("\u{1}\u{1F}\u{7F}\u{80}\u{9B}\u{9F}") == #"\u{01}\u{1F}\u{7F}\u{80}\u{9B}\u{9F}"#)
    #expect(TerminalText.sanitize("\u{202A}\u{202E}\u{2066}\u{2069}") == #"\u{202A}\u{202E}\u{2066}\u{2069}"#)
  }

  /// The edge keeps what its hook recognizes at an ESC (its own styling) and escapes every other ESC.
  @Test func theKeepHookSeesEveryEscape() {
    var seen: [Int] = []
    let out = TerminalText.sanitize("a\u{1B}[1;7mb\u{1B}[2Jc\u{9B}") { bytes, index in
      seen.append(index)
      guard bytes[index + 3] == UInt8(ascii: ";") else { return nil }
      return (Array("\u{1B}[1m".utf8), 6)
    }
    #expect(out == "a\u{1B}[1mb\\e[2Jc\\u{9B}")
    #expect(seen == [1, 8])
  }

  @Test func newlinesTabsMarksAndOtherTextAreKept() {
    #expect(TerminalText.sanitize("one\ntwo") == "one\ntwo")
    #expect(TerminalText.sanitize("a\tb") == "a    b")
    // Right-to-left text and its marks, a backslash, and letters beyond ASCII stay as they are.
    let text = "שלום \u{200F}abc\u{200E} C:\\dir é 😀 \u{A0}"
    #expect(TerminalText.sanitize(text) == text)
  }
}
