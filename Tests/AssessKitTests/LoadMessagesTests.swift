import Testing

@testable import AssessKit

/// Messages about a questionnaire's text and numbers say what is there and where (issue 15, "Messages").
@Suite struct LoadMessagesTests {
  /// A NUL byte on line 3 is reported at its own line and column, and named.
  @Test func aNulByteIsReportedWhereItIs() {
    let text = "assess: 1\nid: t\ntitle: T\u{0}x\nversion: '1'\n"
    #expect(
      diagnostics(text) == [
        "3:9: error: the file holds a NUL byte (U+0000), which YAML does not allow; remove it (a text saved as UTF-16 has one in every other byte: save it as UTF-8)"
      ])
    #expect(
      diagnostics("a: 1\n  b: \u{7}\n") == [
        "2:6: error: the file holds the control character U+0007, which YAML does not allow; remove it"
      ])
  }

  /// A whole number beyond the limit says so, with the number as written (not "9007199254740991.0").
  @Test func largeWholeNumbersPrintAsWritten() {
    let scale = { (max: String) in
      wrap("  - id: s\n    title: S\n    questions:\n      - {id: a, type: scale, prompt: A?, min: 1, max: \(max)}")
    }
    let limit = "'max' of question 'a' is too large: %@; whole numbers here go from -999999999999999 to 999999999999999"
    for written in ["9007199254740991", "9007199254740993", "1e16", "1000000000000000"] {
      let messages = diagnostics(scale(written)).map { String($0.drop { $0 != "e" }) }
      #expect(messages == ["error: " + limit.replacingOccurrences(of: "%@", with: written)], "\(written)")
    }
    #expect(diagnostics(scale("999999999999999")).isEmpty)
    #expect(
      diagnostics(scale("2.50")).map { String($0.drop { $0 != "e" }) } == [
        "error: 'max' of question 'a' must be a whole number, not 2.50"
      ])
  }

  /// A number literal beyond a Double's range is refused at load, in an expression or as a value.
  @Test func numbersThatOverflowAreRefused() {
    let computed = { (value: String) in
      wrap(
        "  - id: s\n    title: S\n    questions:\n      - {id: a, type: text, prompt: A?}",
        head: "computed:\n  - {id: big, value: \(value)}")
    }
    let line = diagnostics(computed("1e309"))
    #expect(line.count == 1)
    #expect(
      line.first?.hasSuffix(
        "error: the number 1e309 is out of range: numbers go up to about 1.8e308 (in computed value 'big')") == true)
    #expect(diagnostics(computed("\"2 * 1e309 + 1\"")).first?.contains("the number 1e309 is out of range") == true)
    #expect(diagnostics(computed("1e308")).isEmpty)
    let bounds = wrap("  - id: s\n    title: S\n    questions:\n      - {id: a, type: number, prompt: A?, max: 1e309}")
    #expect(
      diagnostics(bounds).map { String($0.drop { $0 != "e" }) } == [
        "error: 'max' of question 'a' is out of range: 1e309; numbers go up to about 1.8e308"
      ])
    #expect(
      diagnostics(wrap("  - id: s\n    title: S\n    questions:\n      - {id: a, type: number, prompt: A?, max: nan}"))
        .map { String($0.drop { $0 != "e" }) } == ["error: 'max' of question 'a' must be a number, not 'nan'"])
  }
}
