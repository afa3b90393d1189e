#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension EventLineScanner {
  /// Reads a line straight into a record, without the intermediate dictionary of `scan`: the same
  /// subset and the same rules as `scan` then `Record(scanned:)` (a key given twice, a key `Record`
  /// does not have, a value of another type, anything outside the subset: `nil`, and the caller reads
  /// the line with `JSONDecoder`). `null` reads as absent, as `JSONDecoder` reads it for an optional.
  ///
  /// It fills `record`, which starts empty, in place: a record is thirty fields, and returning one
  /// (in an optional, then out of it) copied all of them several times a line.
  static func read(bytes: UnsafeRawBufferPointer, into record: inout EventCodec.Record) -> Bool {
    var scanner = EventLineScanner(bytes: bytes)
    guard scanner.record(&record) else { return false }
    scanner.skipSpace()
    return scanner.i == bytes.count
  }

  private static let keys = [
    "seq", "at", "by", "type", "questionnaire", "version", "hash", "source", "question", "value", "old", "text",
    "name", "role", "risk", "fields", "summary", "from", "to", "aside", "reason", "cause", "proposed", "rater",
    "session", "residual", "override", "control", "decision", "prev",
  ]
  /// Each key's length and its bytes as two little-endian words (the first eight bytes, then the rest,
  /// zero-padded; every key is at most 16 bytes), grouped by length: a key is found by comparing two
  /// words with the few keys of its length, not byte by byte with every key.
  private static let keysByLength: [[(index: Int, low: UInt64, high: UInt64)]] = {
    var table = [[(index: Int, low: UInt64, high: UInt64)]](repeating: [], count: 17)
    for (index, key) in keys.enumerated() {
      let bytes = Array(key.utf8)
      table[bytes.count].append((index, word(bytes[...].prefix(8)), word(bytes.dropFirst(8))))
    }
    return table
  }()

  /// Up to eight bytes as a little-endian word, the first byte lowest, zero-padded.
  private static func word<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
    var w: UInt64 = 0
    for (shift, b) in bytes.enumerated() { w |= UInt64(b) << (8 * shift) }
    return w
  }

  /// The `count` (at most 8) bytes of the line from `start` as a word, as `word(_:)` makes it: one load
  /// when eight bytes are there to read (a key is always followed by more of the line).
  private func word(at start: Int, count: Int) -> UInt64 {
    guard start + 8 <= bytes.count, let base = bytes.baseAddress else {
      return Self.word(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count)]))
    }
    let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start, as: UInt64.self))
    return count >= 8 ? w : w & ((1 << (8 * UInt64(count))) &- 1)
  }

  /// The index in `keys` of the key whose text is `bytes[start..<end]` (no escapes), matched on the
  /// bytes without making a string.
  private func key(_ start: Int, _ end: Int) -> Int? {
    let count = end - start
    guard count < Self.keysByLength.count else { return nil }
    let candidates = Self.keysByLength[count]
    guard !candidates.isEmpty else { return nil }
    let low = word(at: start, count: min(count, 8))
    let high = count > 8 ? word(at: start + 8, count: count - 8) : 0
    for candidate in candidates where candidate.low == low && candidate.high == high { return candidate.index }
    return nil
  }

  /// Reads a key: a string without escapes, as all of `Record`'s are.
  private mutating func key() -> Int? {
    guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let base = bytes.baseAddress else { return nil }
    let start = i + 1
    // The closing quote; a backslash before it means an escape, which no key of `Record` has.
    guard start < bytes.count, let found = memchr(base + start, 0x22, bytes.count - start) else { return nil }
    let end = base.distance(to: UnsafeRawPointer(found))
    guard end > start, memchr(base + start, 0x5C, end - start) == nil else { return nil }
    i = end + 1
    return key(start, end)
  }

  private mutating func record(_ record: inout EventCodec.Record) -> Bool {
    skipSpace()
    guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return false }
    i += 1
    var seen: UInt64 = 0
    while true {
      skipSpace()
      guard let k = key() else { return false }
      guard seen & (1 << k) == 0 else { return false }
      seen |= 1 << k
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return false }
      i += 1
      if !readInPlace(k, into: &record) {
        guard let node = value(), set(k, node, in: &record) else { return false }
      }
      skipSpace()
      guard i < bytes.count else { return false }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
      } else if bytes[i] == UInt8(ascii: "}") {
        i += 1
        // seq, at, by and type are required.
        return seen & 0b1111 == 0b1111
      } else {
        return false
      }
    }
  }

  /// Reads `at` and `prev` straight from the line's bytes when they are plain ASCII texts that read as
  /// a timestamp and a digest (no string made for them); `false` (nothing read) otherwise, and the
  /// field is read as any other.
  private mutating func readInPlace(_ k: Int, into r: inout EventCodec.Record) -> Bool {
    guard k == 1 || k == 29 else { return false }
    skipSpace()
    guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let base = bytes.baseAddress else { return false }
    let start = i + 1
    // The closing quote. The text before it is read as a timestamp or a digest, which accept neither
    // a backslash (an escape) nor a control or non-ASCII byte: any of those, and the field is read
    // as any other.
    guard start < bytes.count, let found = memchr(base + start, 0x22, bytes.count - start) else { return false }
    let end = base.distance(to: UnsafeRawPointer(found))
    let text = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    if k == 1 {
      guard let time = Timestamp(utf8: text) else { return false }
      r.time = time
    } else {
      guard let link = ChainLink(hex: text) else { return false }
      r.link = link
    }
    i = end + 1
    return true
  }

  /// Sets field `k` from `node`; `false` when the node is not of the field's type.
  private func set(_ k: Int, _ node: Node, in r: inout EventCodec.Record) -> Bool {
    if k < 4 {
      switch (k, node) {
      case (0, .integer(let n)): r.seq = n
      case (1, .string(let s)): r.at = s
      case (2, .string(let s)): r.by = s
      case (3, .string(let s)): r.type = s
      default: return false
      }
      return true
    }
    if case .null = node { return true }
    // By index in `keys` (a switch on the key's text would compare strings for every field).
    switch k {
    case 9, 10:  // value, old
      guard let v = Self.answer(node) else { return false }
      if k == 9 { r.value = DecodedValue(value: v) } else { r.old = DecodedValue(value: v) }
    case 21:  // cause
      guard case .integer(let n) = node else { return false }
      r.cause = n
    case 15, 25:  // fields, residual
      guard case .object(let object) = node else { return false }
      var strings: [String: String] = [:]
      for (name, item) in object {
        guard case .string(let s) = item else { return false }
        strings[name] = s
      }
      if k == 15 { r.fields = strings } else { r.residual = strings }
    case 19, 22:  // aside, proposed
      guard case .array(let items) = node else { return false }
      var strings: [String] = []
      for item in items {
        guard case .string(let s) = item else { return false }
        strings.append(s)
      }
      if k == 19 { r.aside = strings } else { r.proposed = strings }
    default:
      guard case .string(let s) = node else { return false }
      switch k {
      case 4: r.questionnaire = s
      case 5: r.version = s
      case 6: r.hash = s
      case 7: r.source = s
      case 8: r.question = s
      case 11: r.text = s
      case 12: r.name = s
      case 13: r.role = s
      case 14: r.risk = s
      case 16: r.summary = s
      case 17: r.from = s
      case 18: r.to = s
      case 20: r.reason = s
      case 23: r.rater = s
      case 24: r.session = s
      case 26: r.override = s
      case 27: r.control = s
      case 28: r.decision = s
      case 29: r.prev = s
      default: return false
      }
    }
    return true
  }

  /// An answer value: null, true/false, a whole number, a text, or a list of those (not an object).
  private static func answer(_ node: Node) -> Value? {
    switch node {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .integer(let n): return .number(Double(n))
    case .string(let s): return .string(s)
    case .array(let items):
      var list: [Value] = []
      list.reserveCapacity(items.count)
      for item in items {
        guard let v = answer(item) else { return nil }
        list.append(v)
      }
      return .list(list)
    case .object: return nil
    }
  }
}
