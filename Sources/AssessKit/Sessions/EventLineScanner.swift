#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fast reader for the JSON lines the event log is written in: the common subset only.
///
/// It reads what `EventCodec.encode` writes (objects, arrays, strings with their escapes, whole
/// numbers, true, false, null) and gives up, returning `nil`, on anything else: a fraction or an
/// exponent, a number of more than 15 digits, a surrogate escape, invalid UTF-8, a duplicate key,
/// bytes after the object. The caller then reads the line with `JSONDecoder` as before, so what is
/// accepted and every error message stay exactly as they were; this only makes the usual line fast
/// (a log of 100,000 events is read about ten times faster).
struct EventLineScanner {
  /// A scanned JSON value (not `indirect`: the arrays and dictionaries already hold their items
  /// apart, and boxing every scalar cost an allocation per field).
  enum Node {
    case null
    case bool(Bool)
    case integer(Int)
    case string(String)
    case array([Node])
    case object([String: Node])
  }

  let bytes: UnsafeRawBufferPointer
  var i = 0

  /// Scans one line; `nil` when it is outside the subset (or not JSON).
  static func scan(_ line: String) -> [String: Node]? {
    var line = line
    return line.withUTF8 { scan(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// Scans one line's UTF-8 bytes (in place: nothing is copied but the values).
  static func scan(bytes: UnsafeRawBufferPointer) -> [String: Node]? {
    var scanner = EventLineScanner(bytes: bytes)
    guard case .object(let fields)? = scanner.value() else { return nil }
    scanner.skipSpace()
    return scanner.i == scanner.bytes.count ? fields : nil
  }

  init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  mutating func skipSpace() {
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
  }

  mutating func literal(_ word: StaticString, _ node: Node) -> Node? {
    let count = word.utf8CodeUnitCount
    guard i + count <= bytes.count else { return nil }
    for k in 0..<count where bytes[i + k] != word.utf8Start[k] { return nil }
    i += count
    return node
  }

  mutating func value() -> Node? {
    skipSpace()
    guard i < bytes.count else { return nil }
    switch bytes[i] {
    case UInt8(ascii: "{"): return object()
    case UInt8(ascii: "["): return array()
    case UInt8(ascii: "\""): return string().map(Node.string)
    case UInt8(ascii: "t"): return literal("true", .bool(true))
    case UInt8(ascii: "f"): return literal("false", .bool(false))
    case UInt8(ascii: "n"): return literal("null", .null)
    default: return integer()
    }
  }

  mutating func object() -> Node? {
    i += 1
    var fields: [String: Node] = [:]
    fields.reserveCapacity(8)
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
      i += 1
      return .object(fields)
    }
    while true {
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let key = string() else { return nil }
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
      i += 1
      guard let item = value(), fields.updateValue(item, forKey: key) == nil else { return nil }
      skipSpace()
      guard i < bytes.count else { return nil }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
      } else if bytes[i] == UInt8(ascii: "}") {
        i += 1
        return .object(fields)
      } else {
        return nil
      }
    }
  }

  mutating func array() -> Node? {
    i += 1
    var items: [Node] = []
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      i += 1
      return .array(items)
    }
    while true {
      guard let item = value() else { return nil }
      items.append(item)
      skipSpace()
      guard i < bytes.count else { return nil }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
      } else if bytes[i] == UInt8(ascii: "]") {
        i += 1
        return .array(items)
      } else {
        return nil
      }
    }
  }

  /// `-?(0|[1-9][0-9]{0,14})`, not followed by a fraction or an exponent.
  mutating func integer() -> Node? {
    var negative = false
    if bytes[i] == UInt8(ascii: "-") {
      negative = true
      i += 1
    }
    let start = i
    var n = 0
    while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
      // Past 15 digits the number is refused below: stop accumulating so a long one cannot overflow.
      if i - start < 16 { n = n * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
      i += 1
    }
    let digits = i - start
    guard digits > 0, digits <= 15, !(digits > 1 && bytes[start] == UInt8(ascii: "0")) else { return nil }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")
    {
      return nil
    }
    // -0 reads as the Double -0 in JSONDecoder; leave it to JSONDecoder.
    if negative && n == 0 { return nil }
    return .integer(negative ? -n : n)
  }

  mutating func string() -> String? {
    i += 1
    // The usual text: ASCII without escapes up to the closing quote, taken in one piece.
    if i < bytes.count, let base = bytes.baseAddress, let found = memchr(base + i, 0x22, bytes.count - i) {
      let end = base.distance(to: UnsafeRawPointer(found))
      if Self.isPlainASCII(UnsafeRawBufferPointer(rebasing: bytes[i..<end])) {
        defer { i = end + 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
      }
    }
    var out: [UInt8] = []
    var ascii = true
    while i < bytes.count {
      let b = bytes[i]
      i += 1
      switch b {
      case UInt8(ascii: "\""):
        if ascii { return String(decoding: out, as: UTF8.self) }
        return String(validating: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard i < bytes.count else { return nil }
        let e = bytes[i]
        i += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          guard i + 4 <= bytes.count else { return nil }
          var code: UInt32 = 0
          for b in bytes[i..<i + 4] {
            guard let digit = Self.hexDigit(b) else { return nil }
            code = code * 16 + digit
          }
          guard !(0xD800...0xDFFF).contains(code), let scalar = Unicode.Scalar(code) else { return nil }
          i += 4
          out.append(contentsOf: Array(String(Character(scalar)).utf8))
          if code >= 0x80 { ascii = false }
        default: return nil
        }
      default:
        if b < 0x20 { return nil }
        if b >= 0x80 { ascii = false }
        out.append(b)
      }
    }
    return nil
  }

  /// Whether every byte is printable ASCII other than a backslash (`0x20...0x7F` but `\\`): a JSON
  /// string's text with nothing to unescape. Eight bytes at a time: a word has a byte under 0x20, or a
  /// zero byte after `^ 0x5C` (a backslash), exactly when the classic "has a byte less than" test
  /// sets a high bit; any high bit of the word itself is a byte of 0x80 or more.
  static func isPlainASCII(_ text: UnsafeRawBufferPointer) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high = ones &* 0x80
    var k = 0
    if let base = text.baseAddress {
      while k + 8 <= text.count {
        let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: k, as: UInt64.self))
        let y = x ^ (ones &* 0x5C)
        if ((x &- ones &* 0x20) & ~x | (y &- ones) & ~y | x) & high != 0 { return false }
        k += 8
      }
    }
    while k < text.count {
      let b = text[k]
      if b < 0x20 || b >= 0x80 || b == 0x5C { return false }
      k += 1
    }
    return true
  }

  private static func hexDigit(_ b: UInt8) -> UInt32? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }
}
