/// Where JSON output goes, one token at a time: a tree (`JSONTreeBuilder`) or text (`JSONWriter`).
///
/// Writers of a result (`EvaluationJSON`) describe it once through this protocol, so the tree an
/// embedding program gets and the text the command line prints cannot drift apart.
package protocol JSONSink: ~Copyable {
  mutating func null()
  mutating func bool(_ b: Bool)
  mutating func number(_ n: Double)
  mutating func string(_ s: String)
  mutating func beginArray()
  mutating func endArray()
  mutating func beginObject()
  /// The key of the next value in the current object.
  mutating func key(_ k: String)
  /// A key written in the source: ASCII, with nothing to escape (`JSONWriter` copies it as it is).
  mutating func field(_ k: StaticString)
  mutating func endObject()
}

extension JSONSink where Self: ~Copyable {
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

  /// A key written in the source, as any other key.
  package mutating func field(_ k: StaticString) { key(k.description) }

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
///
/// Each token reserves the room it needs once, then stores its bytes through a pointer: no byte
/// goes through `Array.append` (a uniqueness and capacity check each). The writer cannot be copied
/// (`~Copyable`), so it owns its memory alone and needs no uniqueness check at all.
package struct JSONWriter: JSONSink, ~Copyable {
  /// The buffer: its first `used` bytes are the text.
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var used = 0
  private let pretty: Bool
  private var level = 0
  /// Whether the innermost open container has nothing in it yet.
  private var empty = true
  /// Whether a key was just written, so the value needs no separator.
  private var afterKey = false

  /// A writer; `pretty` indents by two spaces, otherwise the text is on one line.
  package init(pretty: Bool, capacity: Int = 1024) {
    self.pretty = pretty
    self.capacity = Swift.max(64, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The text written so far (UTF-8).
  package var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: used)) }

  /// The length of the text written so far, in bytes.
  package var count: Int { used }

  /// The text written so far.
  package var text: String { String(decoding: UnsafeBufferPointer(start: base, count: used), as: UTF8.self) }

  /// Empties the buffer, keeping its capacity (for writing one result after another).
  package mutating func removeAll() {
    used = 0
    level = 0
    empty = true
    afterKey = false
  }

  /// Appends raw bytes (a newline between results).
  package mutating func raw(_ byte: UInt8) {
    reserve(1)
    put(byte)
  }

  /// Makes room for `n` more bytes.
  @inline(__always)
  private mutating func reserve(_ n: Int) {
    if used + n > capacity { grow(n) }
  }

  private mutating func grow(_ n: Int) {
    let size = Swift.max(used + n, 2 * capacity)
    let new = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
    new.initialize(from: base, count: used)
    base.deallocate()
    base = new
    capacity = size
  }

  /// Stores one byte in room already reserved.
  @inline(__always)
  private mutating func put(_ byte: UInt8) {
    base[used] = byte
    used += 1
  }

  /// Stores ASCII text known to need no escape in room already reserved.
  @inline(__always)
  private mutating func put(_ text: StaticString) {
    // `withUTF8Buffer` also serves a text of one character, which may be kept without a pointer.
    text.withUTF8Buffer { utf8 in
      if let start = utf8.baseAddress { (base + used).update(from: start, count: utf8.count) }
      used += utf8.count
    }
  }

  /// The separator before a value or key: a comma after an earlier one, and in pretty text a
  /// newline and indentation. Reserves `n` more bytes for what follows.
  @inline(__always)
  private mutating func separate(reserving n: Int) {
    if afterKey {
      afterKey = false
      reserve(n)
      return
    }
    guard level > 0 else {
      reserve(n)
      return
    }
    guard pretty else {
      reserve(n + 1)
      if !empty { put(UInt8(ascii: ",")) }
      empty = false
      return
    }
    reserve(n + 2 + 2 * level)
    if !empty { put(UInt8(ascii: ",")) }
    empty = false
    newline(level)
  }

  /// A newline and indentation, in pretty text, in room already reserved.
  private mutating func newline(_ level: Int) {
    guard pretty else { return }
    base[used] = UInt8(ascii: "\n")
    (base + used + 1).update(repeating: UInt8(ascii: " "), count: 2 * level)
    used += 1 + 2 * level
  }

  package mutating func null() {
    separate(reserving: 4)
    put("null")
  }

  package mutating func bool(_ b: Bool) {
    separate(reserving: 5)
    put(b ? "true" : "false")
  }

  package mutating func number(_ n: Double) {
    // As `JSON.format`: whole numbers below 1e15 without a fraction, others in Swift's shortest form.
    guard n.isFinite else {
      null()
      return
    }
    guard n == n.rounded(), abs(n) < 1e15 else {
      let text = String(n)
      separate(reserving: text.utf8.count)
      ascii(text)
      return
    }
    separate(reserving: 17)  // a sign and up to 15 digits
    var v = Int64(n)
    if v < 0 {
      put(UInt8(ascii: "-"))
      v = -v
    }
    if v < 10 {
      put(UInt8(ascii: "0") + UInt8(v))
      return
    }
    var digits = 0
    var rest = v
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    var i = used + digits - 1
    while v > 0 {
      base[i] = UInt8(ascii: "0") + UInt8(v % 10)
      v /= 10
      i -= 1
    }
    used += digits
  }

  /// Stores text that needs no escape, in room already reserved.
  private mutating func ascii(_ text: String) {
    var text = text
    text.withUTF8 { source in
      if let start = source.baseAddress { (base + used).update(from: start, count: source.count) }
      used += source.count
    }
  }

  package mutating func string(_ s: String) {
    let n = s.utf8.count
    separate(reserving: n + 2)
    quote(s)
  }

  package mutating func key(_ k: String) {
    let n = k.utf8.count
    separate(reserving: n + 4)
    quote(k)
    reserve(2)
    put(UInt8(ascii: ":"))
    if pretty { put(UInt8(ascii: " ")) }
    afterKey = true
  }

  package mutating func field(_ k: StaticString) {
    separate(reserving: k.withUTF8Buffer { $0.count } + 4)
    put(UInt8(ascii: "\""))
    put(k)
    put(UInt8(ascii: "\""))
    put(UInt8(ascii: ":"))
    if pretty { put(UInt8(ascii: " ")) }
    afterKey = true
  }

  package mutating func beginArray() { open(UInt8(ascii: "[")) }
  package mutating func endArray() { close(UInt8(ascii: "]")) }
  package mutating func beginObject() { open(UInt8(ascii: "{")) }
  package mutating func endObject() { close(UInt8(ascii: "}")) }

  private mutating func open(_ bracket: UInt8) {
    separate(reserving: 1)
    put(bracket)
    level += 1
    empty = true
  }

  private mutating func close(_ bracket: UInt8) {
    level -= 1
    if !empty {
      reserve(2 + 2 * level)
      newline(level)
    } else {
      reserve(1)
    }
    put(bracket)
    empty = false
  }

  /// A quoted string, in room reserved for it unescaped.
  private mutating func quote(_ s: String) {
    let plain = s.utf8.withContiguousStorageIfAvailable { quotePlain($0) } ?? false
    guard !plain else { return }
    reserve(1)
    put(UInt8(ascii: "\""))
    escape(s)
    reserve(1)
    put(UInt8(ascii: "\""))
  }

  /// Stores `utf8` quoted and returns true when it needs no escape (most texts): copied eight
  /// bytes at a time, each word checked at once for a control character, a quote or a backslash.
  /// Otherwise stores nothing and returns false.
  @inline(__always)
  private mutating func quotePlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = utf8.count
    let out = base + used
    out[0] = UInt8(ascii: "\"")
    guard let source = utf8.baseAddress else {
      out[1] = UInt8(ascii: "\"")
      used += 2
      return true
    }
    var i = 0
    while i + 8 <= n {
      let word = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
      guard !Self.needsEscape(word) else { return false }
      UnsafeMutableRawPointer(out + 1 + i).storeBytes(of: word, as: UInt64.self)
      i += 8
    }
    while i < n {
      let b = source[i]
      if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return false }
      out[1 + i] = b
      i += 1
    }
    out[1 + n] = UInt8(ascii: "\"")
    used += n + 2
    return true
  }

  /// Whether any of the eight bytes of `word` is below 0x20, a quote or a backslash: the classic
  /// tests for a byte below n (`(w - n·0x01…) & ~w & 0x80…`) and for a zero byte, on `word` and on
  /// `word` XOR the quote and the backslash repeated. A borrow can only start at a byte that is
  /// itself flagged, so the answer for the word is exact; bytes of 0x80 and above (parts of
  /// non-ASCII characters) are never flagged.
  @inline(__always)
  static func needsEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let control = (word &- ones &* 0x20) & ~word
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    return (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & high != 0
  }

  /// A string that needs escapes, after its opening quote, byte by byte (at most six bytes each).
  private mutating func escape(_ s: String) {
    let hex: StaticString = "0123456789abcdef"
    for b in s.utf8 {
      reserve(6)
      switch b {
      case UInt8(ascii: "\""): put("\\\"")
      case UInt8(ascii: "\\"): put("\\\\")
      case UInt8(ascii: "\n"): put("\\n")
      case UInt8(ascii: "\r"): put("\\r")
      case UInt8(ascii: "\t"): put("\\t")
      case 0..<0x20:
        put("\\u00")
        put(hex.utf8Start[Int(b >> 4)])
        put(hex.utf8Start[Int(b & 0xF)])
      default: put(b)
      }
    }
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
