/// Where JSON output goes, one token at a time: a tree (`JSONTreeBuilder`) or text (`JSONWriter`).
///
/// Writers of a result (`EvaluationJSON`) describe it once through this protocol, so the tree an
/// embedding program gets and the text the command line prints cannot drift apart.
package protocol JSONSink {
  mutating func null()
  mutating func bool(_ b: Bool)
  mutating func number(_ n: Double)
  mutating func string(_ s: String)
  mutating func beginArray()
  mutating func endArray()
  mutating func beginObject()
  /// The key of the next value in the current object.
  mutating func key(_ k: String)
  mutating func endObject()
}

extension JSONSink {
  /// A value as JSON.
  mutating func value(_ v: Value) {
    switch v {
    case .null: null()
    case .bool(let b): bool(b)
    case .number(let n): number(n)
    case .string(let s): string(s)
    case .list(let items):
      beginArray()
      for item in items { value(item) }
      endArray()
    }
  }

  /// A JSON tree.
  mutating func json(_ j: JSON) {
    switch j {
    case .null: null()
    case .bool(let b): bool(b)
    case .number(let n): number(n)
    case .string(let s): string(s)
    case .array(let items):
      beginArray()
      for item in items { json(item) }
      endArray()
    case .object(let pairs):
      beginObject()
      for (k, v) in pairs {
        key(k)
        json(v)
      }
      endObject()
    }
  }

  /// A string, or `null` for `nil`.
  mutating func string(_ s: String?) {
    if let s { string(s) } else { null() }
  }

  /// An array of strings.
  mutating func strings<S: Sequence<String>>(_ items: S) {
    beginArray()
    for item in items { string(item) }
    endArray()
  }
}

/// Writes JSON text straight into a byte buffer: compact on one line, or indented by two spaces,
/// byte for byte as `JSON.serialized()` and `JSON.pretty()` write the same value (they use it).
package struct JSONWriter: JSONSink {
  /// The text written so far (UTF-8).
  package private(set) var bytes: [UInt8] = []
  private let pretty: Bool
  private var level = 0
  /// Whether the innermost open container has nothing in it yet.
  private var empty = true
  /// Whether a key was just written, so the value needs no separator.
  private var afterKey = false

  /// A writer; `pretty` indents by two spaces, otherwise the text is on one line.
  package init(pretty: Bool, capacity: Int = 1024) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  /// The text written so far.
  package var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Empties the buffer, keeping its capacity (for writing one result after another).
  package mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    level = 0
    empty = true
    afterKey = false
  }

  /// Appends raw bytes (a newline between results).
  package mutating func raw(_ byte: UInt8) { bytes.append(byte) }

  private mutating func separate() {
    if afterKey {
      afterKey = false
      return
    }
    guard level > 0 else { return }
    if !empty { bytes.append(UInt8(ascii: ",")) }
    empty = false
    newline(level)
  }

  private mutating func newline(_ level: Int) {
    guard pretty else { return }
    bytes.append(UInt8(ascii: "\n"))
    for _ in 0..<level {
      bytes.append(UInt8(ascii: " "))
      bytes.append(UInt8(ascii: " "))
    }
  }

  package mutating func null() {
    separate()
    bytes.append(contentsOf: "null".utf8)
  }

  package mutating func bool(_ b: Bool) {
    separate()
    bytes.append(contentsOf: (b ? "true" : "false").utf8)
  }

  package mutating func number(_ n: Double) {
    separate()
    guard n.isFinite else {
      bytes.append(contentsOf: "null".utf8)
      return
    }
    // As `JSON.format`: whole numbers below 1e15 without a fraction, others in Swift's shortest form.
    if n == n.rounded(), abs(n) < 1e15 {
      var v = Int64(n)
      if v < 0 {
        bytes.append(UInt8(ascii: "-"))
        v = -v
      }
      if v < 10 {
        bytes.append(UInt8(ascii: "0") + UInt8(v))
        return
      }
      var digits: (UInt64, UInt64) = (0, 0)  // up to 16 digits, kept without allocating
      var count = 0
      withUnsafeMutableBytes(of: &digits) { buffer in
        while v > 0 {
          buffer[count] = UInt8(ascii: "0") + UInt8(v % 10)
          v /= 10
          count += 1
        }
        for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
      }
      return
    }
    bytes.append(contentsOf: String(n).utf8)
  }

  package mutating func string(_ s: String) {
    separate()
    quote(s)
  }

  package mutating func key(_ k: String) {
    separate()
    quote(k)
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(UInt8(ascii: " ")) }
    afterKey = true
  }

  package mutating func beginArray() { open(UInt8(ascii: "[")) }
  package mutating func endArray() { close(UInt8(ascii: "]")) }
  package mutating func beginObject() { open(UInt8(ascii: "{")) }
  package mutating func endObject() { close(UInt8(ascii: "}")) }

  private mutating func open(_ bracket: UInt8) {
    separate()
    bytes.append(bracket)
    level += 1
    empty = true
  }

  private mutating func close(_ bracket: UInt8) {
    level -= 1
    if !empty { newline(level) }
    bytes.append(bracket)
    empty = false
  }

  private mutating func quote(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { utf8 in
      // Most texts need no escape: append them whole.
      var needsEscape = false
      for b in utf8 where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
        needsEscape = true
        break
      }
      guard needsEscape else {
        bytes.append(contentsOf: utf8)
        return
      }
      for b in utf8 {
        switch b {
        case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
        case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
        case UInt8(ascii: "\n"): bytes.append(contentsOf: "\\n".utf8)
        case UInt8(ascii: "\r"): bytes.append(contentsOf: "\\r".utf8)
        case UInt8(ascii: "\t"): bytes.append(contentsOf: "\\t".utf8)
        case 0..<0x20:
          let hex: [UInt8] = Array("0123456789abcdef".utf8)
          bytes.append(contentsOf: "\\u00".utf8)
          bytes.append(hex[Int(b >> 4)])
          bytes.append(hex[Int(b & 0xF)])
        default: bytes.append(b)
        }
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}

/// Builds a `JSON` tree from the same calls `JSONWriter` takes.
package struct JSONTreeBuilder: JSONSink {
  private enum Frame {
    case array([JSON])
    case object([(String, JSON)], key: String?)
  }

  private var stack: [Frame] = []
  /// The finished value (once every container is closed).
  package private(set) var result: JSON = .null

  package init() {}

  private mutating func add(_ j: JSON) {
    guard let top = stack.popLast() else {
      result = j
      return
    }
    switch top {
    case .array(var items):
      items.append(j)
      stack.append(.array(items))
    case .object(var pairs, let key):
      pairs.append((key ?? "", j))
      stack.append(.object(pairs, key: nil))
    }
  }

  package mutating func null() { add(.null) }
  package mutating func bool(_ b: Bool) { add(.bool(b)) }
  package mutating func number(_ n: Double) { add(.number(n)) }
  package mutating func string(_ s: String) { add(.string(s)) }
  package mutating func beginArray() { stack.append(.array([])) }
  package mutating func beginObject() { stack.append(.object([], key: nil)) }

  package mutating func key(_ k: String) {
    guard case .object(let pairs, _) = stack.popLast() else { return }
    stack.append(.object(pairs, key: k))
  }

  package mutating func endArray() {
    guard case .array(let items) = stack.popLast() else { return }
    add(.array(items))
  }

  package mutating func endObject() {
    guard case .object(let pairs, _) = stack.popLast() else { return }
    add(.object(pairs))
  }
}
