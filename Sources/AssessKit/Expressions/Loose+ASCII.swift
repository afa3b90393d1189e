extension Loose {
  /// `s` without the white space Foundation's `.whitespacesAndNewlines` (or, without `newlines`,
  /// `.whitespaces`) would trim, when `s` is ASCII; `nil` otherwise (the caller trims with Foundation).
  /// For ASCII text the result is the same, without bridging to `NSString` (which dominated
  /// evaluating SurveyJS conditions in `evaluate --batch`).
  static func asciiTrimmed(_ s: String, newlines: Bool) -> Substring? {
    var text = s
    guard let (first, end) = text.withUTF8({ trimmedRange($0, newlines: newlines) }) else { return nil }
    let utf8 = s.utf8
    return s[utf8.index(utf8.startIndex, offsetBy: first)..<utf8.index(utf8.startIndex, offsetBy: end)]
  }

  /// Whether two ASCII texts are equal once trimmed and lowercased; `nil` when either is not ASCII.
  static func asciiEqualFolded(_ a: String, _ b: String) -> Bool? {
    var a = a
    var b = b
    // The bytes in place (a `String`'s UTF-8 view is read through its index, a call a byte).
    return a.withUTF8 { x in
      b.withUTF8 { y -> Bool? in
        guard let (xs, xe) = trimmedRange(x, newlines: true), let (ys, ye) = trimmedRange(y, newlines: true) else {
          return nil
        }
        guard xe - xs == ye - ys else { return false }
        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
        for k in 0..<(xe - xs) where lower(x[xs + k]) != lower(y[ys + k]) { return false }
        return true
      }
    }
  }

  /// The byte range of `bytes` without leading and trailing ASCII white space (space, tab, and
  /// with `newlines` the line feed, vertical tab, form feed and carriage return); `nil` when a
  /// byte is not ASCII.
  private static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, newlines: Bool) -> (Int, Int)? {
    var any: UInt8 = 0
    for b in bytes { any |= b }
    guard any < 0x80 else { return nil }
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || (newlines && b >= 0x0A && b <= 0x0D) }
    var first = 0
    var end = bytes.count
    while first < end && isSpace(bytes[first]) { first += 1 }
    while end > first && isSpace(bytes[end - 1]) { end -= 1 }
    return (first, end)
  }
}
