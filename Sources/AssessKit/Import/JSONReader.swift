import Foundation

/// Reads JSON text (RFC 8259) into a `JSONNode` tree, keeping where the root and each of its members
/// start, so that import messages point into the JSON file (elements deeper down are named by their
/// JSON path). One pass over the UTF-8 bytes.
struct JSONReader {
  /// A place in the JSON text: 1-based line and column (in Unicode scalars).
  struct Position: Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var description: String { "\(line):\(column)" }
  }

  /// Why the text is not JSON, and where.
  struct Failure: Error, Equatable {
    var message: String
    var position: Position
  }

  /// The deepest objects and lists may nest (each level is a stack frame here).
  static let maxDepth = 500

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  /// A column already counted on the current line, so counting stays linear on long lines.
  private var counted = (offset: 0, column: 1)
  private var depth = 0
  /// Where the root (`""`) and each of its members (by key) start.
  private(set) var positions: [String: Position] = [:]

  private init(_ text: String) {
    bytes = Array(text.utf8)
  }

  /// Parses `text`; the tree and the place of every object and list.
  static func parse(_ text: String) throws(Failure) -> (JSONNode, [String: Position]) {
    var reader = JSONReader(text)
    if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
    reader.skipSpace()
    reader.positions[""] = reader.position()
    let root = try reader.value(key: nil)
    reader.skipSpace()
    guard reader.index == reader.bytes.count else { throw reader.failure("unexpected text after the JSON value") }
    return (root, reader.positions)
  }

  private mutating func position() -> Position {
    if counted.offset < lineStart || counted.offset > index { counted = (lineStart, 1) }
    var column = counted.column
    var i = counted.offset
    while i < index {
      if bytes[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    counted = (index, column)
    return Position(line: line, column: column)
  }

  private mutating func failure(_ message: String) -> Failure {
    Failure(message: message, position: position())
  }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  /// A value; `key` is set for the root's members, whose place is kept.
  private mutating func value(key: String?) throws(Failure) -> JSONNode {
    guard index < bytes.count else { throw failure("the JSON ends too early") }
    if let key { positions[key] = position() }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw failure("unexpected character \(describe(bytes[index]))")
    }
  }

  private func describe(_ byte: UInt8) -> String {
    byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : String(format: "0x%02X", byte)
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > Self.maxDepth { throw failure("objects and lists nest more than \(Self.maxDepth) levels deep") }
  }

  private mutating func object() throws(Failure) -> JSONNode {
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [String: JSONNode] = [:]
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw failure(index < bytes.count ? "expected a key in double quotes" : "the JSON ends inside an object")
      }
      let key = try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
      index += 1
      skipSpace()
      members[key] = try value(key: depth == 1 ? key : nil)
      skipSpace()
      guard index < bytes.count else { throw failure("the JSON ends inside an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
      index += 1
      return .object(members)
    }
  }

  private mutating func array() throws(Failure) -> JSONNode {
    try enter()
    defer { depth -= 1 }
    index += 1
    var items: [JSONNode] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      skipSpace()
      items.append(try value(key: nil))
      skipSpace()
      guard index < bytes.count else { throw failure("the JSON ends inside a list") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
      index += 1
      return .array(items)
    }
  }

  private mutating func literal(_ word: String, _ node: JSONNode) throws(Failure) -> JSONNode {
    let utf8 = Array(word.utf8)
    guard index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 else {
      throw failure("unexpected character \(describe(bytes[index]))")
    }
    index += utf8.count
    return node
  }

  private mutating func number() throws(Failure) -> JSONNode {
    let start = index
    func digits() -> Int {
      let from = index
      while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
      return index - from
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let whole = index
    guard digits() > 0 else { throw failure("a number needs digits") }
    if bytes[whole] == UInt8(ascii: "0"), index - whole > 1 {
      index = whole
      throw failure("a number cannot start with 0")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw failure("a number needs digits after '.'") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { throw failure("a number needs digits in its exponent") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let n = Double(text), n.isFinite else {
      index = start
      throw failure("the number \(text) is too large")
    }
    return .number(n)
  }

  private mutating func string() throws(Failure) -> String {
    index += 1
    let start = index
    // The usual string has no escapes: take its bytes whole.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw failure("a control character (\(describe(byte))) inside a string must be escaped") }
      index += 1
    }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars)
    var pending: [UInt8] = []
    func flush() {
      if !pending.isEmpty {
        scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
        pending.removeAll(keepingCapacity: true)
      }
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        flush()
        index += 1
        return String(scalars)
      }
      if byte < 0x20 { throw failure("a control character (\(describe(byte))) inside a string must be escaped") }
      guard byte == UInt8(ascii: "\\") else {
        pending.append(byte)
        index += 1
        continue
      }
      flush()
      index += 1
      guard index < bytes.count else { break }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""): scalars.append("\"")
      case UInt8(ascii: "\\"): scalars.append("\\")
      case UInt8(ascii: "/"): scalars.append("/")
      case UInt8(ascii: "b"): scalars.append("\u{8}")
      case UInt8(ascii: "f"): scalars.append("\u{C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"):
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        {
          let mark = index
          index += 2
          let low = try hex4()
          if (0xDC00..<0xE000).contains(low) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          } else {
            index = mark
          }
        }
        // A lone surrogate cannot be text: it reads as U+FFFD, as JSONSerialization reads it.
        scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
      default:
        index -= 1
        throw failure("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
      }
    }
    throw failure("a string is not closed")
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    guard index + 4 <= bytes.count else { throw failure("'\\u' needs 4 hex digits") }
    var code: UInt32 = 0
    for _ in 0..<4 {
      guard let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else {
        throw failure("'\\u' needs 4 hex digits")
      }
      code = code * 16 + UInt32(digit)
      index += 1
    }
    return code
  }
}
