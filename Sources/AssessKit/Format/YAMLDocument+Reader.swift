import Yams

extension YAMLDocument {
  /// A diagnostic for a character libyaml's reader refused, at its own line and column.
  ///
  /// libyaml reports the offset of the place it stopped reading, not a line, so the character is
  /// found here: the first that YAML does not allow in a text (control characters other than tab and
  /// line breaks, the non-characters U+FFFE and U+FFFF).
  static func readerDiagnostic(problem: String, offset: Int?, text: String, file: String) -> Diagnostic {
    var line = 1
    var column = 1
    for scalar in text.unicodeScalars {
      if !allowedInYAML(scalar) {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        let what =
          scalar.value == 0
          ? "a NUL byte (\(code)), which YAML does not allow; remove it (a text saved as UTF-16 has one in every other byte: save it as UTF-8)"
          : "the control character \(code), which YAML does not allow; remove it"
        return .error("the file holds \(what)", at: SourceLocation(file: file, line: line, column: column))
      }
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    let place = offset.map { " (at character \($0 + 1))" } ?? ""
    return .error(
      "cannot read the file as text: \(problem)\(place)", at: SourceLocation(file: file, line: 1, column: 1))
  }

  /// Whether libyaml's reader accepts `scalar` (YAML 1.1's printable characters).
  static func allowedInYAML(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
