/// Reads the usual line of an `evaluate --batch` file straight from its bytes: one JSON object whose
/// values are texts without escapes, numbers without an exponent, `true`, `false`, `null`, or lists of those.
///
/// Anything else (escapes, nested objects, a key given twice, invalid UTF-8, a number out of range,
/// any syntax error) gives `nil`, and `AnswersReader.parseJSONLine` decides as it always did: what
/// is accepted and every message stay the same, the scanner only makes the usual case cheap.
package enum AnswerLineScanner {
  /// The line's id-value pairs, sorted by id as `AnswersReader.parseJSONLine` gives them; `nil`
  /// when the line is outside the subset.
  package static func scan(_ line: UnsafeBufferPointer<UInt8>) -> [(String, Value)]? {
    var scanner = Cursor(bytes: line)
    guard let pairs = scanner.object() else { return nil }
    scanner.skipSpace()
    guard scanner.i == line.count else { return nil }
    let sorted = pairs.sorted { $0.0 < $1.0 }
    for k in sorted.indices.dropFirst() where sorted[k].0 == sorted[k - 1].0 { return nil }
    return sorted
  }

  /// Reads the line's pairs in file order, each key as its bytes (between the quotes: no escape,
  /// no control character; valid UTF-8 is not checked, so a caller matches it against known ids),
  /// each value as `scan` reads it. `visit` returns whether to go on.
  /// - Returns: whether the whole line was read and every `visit` returned true; when false,
  ///   `scan` (or the decoder) decides what the line holds.
  package static func visit(
    _ line: UnsafeBufferPointer<UInt8>, _ visit: (UnsafeBufferPointer<UInt8>, Value) -> Bool
  ) -> Bool {
    var scanner = Cursor(bytes: line)
    guard scanner.take(UInt8(ascii: "{")) else { return false }
    if !scanner.take(UInt8(ascii: "}")) {
      while true {
        scanner.skipSpace()
        guard let key = scanner.rawString(), scanner.take(UInt8(ascii: ":")), let value = scanner.value(nested: false),
          visit(key, value)
        else { return false }
        if scanner.take(UInt8(ascii: ",")) { continue }
        guard scanner.take(UInt8(ascii: "}")) else { return false }
        break
      }
    }
    scanner.skipSpace()
    return scanner.i == line.count
  }

  /// `scan` over an array of bytes.
  package static func scan(_ line: ArraySlice<UInt8>) -> [(String, Value)]? {
    line.withUnsafeBufferPointer { scan($0) }
  }

  private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func skipSpace() {
      while i < bytes.count {
        switch bytes[i] {
        case 0x20, 0x09, 0x0A, 0x0D: i += 1
        default: return
        }
      }
    }

    mutating func take(_ byte: UInt8) -> Bool {
      skipSpace()
      guard peek == byte else { return false }
      i += 1
      return true
    }

    mutating func object() -> [(String, Value)]? {
      guard take(UInt8(ascii: "{")) else { return nil }
      var pairs: [(String, Value)] = []
      if take(UInt8(ascii: "}")) { return pairs }
      while true {
        skipSpace()
        guard let key = string(), take(UInt8(ascii: ":")), let value = value(nested: false) else { return nil }
        pairs.append((key, value))
        if take(UInt8(ascii: ",")) { continue }
        guard take(UInt8(ascii: "}")) else { return nil }
        return pairs
      }
    }

    mutating func value(nested: Bool) -> Value? {
      skipSpace()
      guard let c = peek else { return nil }
      switch c {
      case UInt8(ascii: "\""): return string().map(Value.string)
      case UInt8(ascii: "t"): return word("true") ? .bool(true) : nil
      case UInt8(ascii: "f"): return word("false") ? .bool(false) : nil
      case UInt8(ascii: "n"): return word("null") ? .null : nil
      case UInt8(ascii: "["):
        // A list of scalars (a list in a list is left to the decoder).
        guard !nested else { return nil }
        i += 1
        var items: [Value] = []
        if take(UInt8(ascii: "]")) { return .list(items) }
        while true {
          guard let item = value(nested: true) else { return nil }
          items.append(item)
          if take(UInt8(ascii: ",")) { continue }
          guard take(UInt8(ascii: "]")) else { return nil }
          return .list(items)
        }
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
      default: return nil
      }
    }

    mutating func word(_ w: StaticString) -> Bool {
      let n = w.utf8CodeUnitCount
      guard i + n <= bytes.count else { return false }
      for k in 0..<n where bytes[i + k] != w.utf8Start[k] { return false }
      i += n
      return true
    }

    /// The bytes of a text with no escape and no control character (not checked as UTF-8).
    mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
      guard peek == UInt8(ascii: "\"") else { return nil }
      let start = i + 1
      var j = start
      while j < bytes.count {
        let b = bytes[j]
        if b == UInt8(ascii: "\"") { break }
        if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
        j += 1
      }
      guard j < bytes.count else { return nil }
      i = j + 1
      return UnsafeBufferPointer(rebasing: bytes[start..<j])
    }

    /// A text with no escape and no control character, valid UTF-8.
    mutating func string() -> String? {
      guard peek == UInt8(ascii: "\"") else { return nil }
      let start = i + 1
      var j = start
      var ascii = true
      while j < bytes.count {
        let b = bytes[j]
        if b == UInt8(ascii: "\"") { break }
        if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
        if b >= 0x80 { ascii = false }
        j += 1
      }
      guard j < bytes.count else { return nil }
      i = j + 1
      let slice = UnsafeBufferPointer(rebasing: bytes[start..<j])
      if ascii { return String(decoding: slice, as: UTF8.self) }
      return String(validating: slice, as: UTF8.self)
    }

    /// A number in JSON's grammar, without an exponent.
    mutating func number() -> Value? {
      let start = i
      if peek == UInt8(ascii: "-") { i += 1 }
      guard let first = peek, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
      i += 1
      var whole = Int64(first - UInt8(ascii: "0"))
      var simple = true  // digits only, few enough to be exact in a Double
      if first == UInt8(ascii: "0") {
        if let c = peek, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { return nil }
      } else {
        while let c = peek, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
          if i - start >= 15 { simple = false } else { whole = whole * 10 + Int64(c - UInt8(ascii: "0")) }
          i += 1
        }
      }
      if peek == UInt8(ascii: ".") {
        simple = false
        i += 1
        guard digits() else { return nil }
      }
      // An exponent can overflow or underflow: the decoder decides.
      if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") { return nil }
      if simple {
        let negative = bytes[start] == UInt8(ascii: "-")
        // -0 is a Double's negative zero, as the decoder reads it.
        return .number(negative ? -Double(whole) : Double(whole))
      }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
      return Double(text).map(Value.number)
    }

    mutating func digits() -> Bool {
      let start = i
      while let c = peek, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { i += 1 }
      return i > start
    }
  }
}
