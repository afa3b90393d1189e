extension Loose {
  /// `s` without the white space Foundation's `.whitespacesAndNewlines` (or, without `newlines`,
  /// `.whitespaces`) would trim, when `s` is ASCII; `nil` otherwise (the caller trims with Foundation).
  /// For ASCII text the result is the same, without bridging to `NSString` (which dominated
  /// evaluating SurveyJS conditions in `evaluate --batch`).
  static func asciiTrimmed(_ s: String, newlines: Bool) -> Substring? {
    let utf8 = s.utf8
    guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || (newlines && b >= 0x0A && b <= 0x0D) }
    guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) })
    else { return s[s.endIndex...] }
    return s[first...last]
  }

  /// Whether two ASCII texts are equal once trimmed and lowercased; `nil` when either is not ASCII.
  static func asciiEqualFolded(_ a: String, _ b: String) -> Bool? {
    guard let x = asciiTrimmed(a, newlines: true), let y = asciiTrimmed(b, newlines: true) else { return nil }
    guard x.utf8.count == y.utf8.count else { return false }
    func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
    return zip(x.utf8, y.utf8).allSatisfy { lower($0) == lower($1) }
  }
}
