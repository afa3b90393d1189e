extension EventLineScanner {
  /// Reads a line straight into a record, without the intermediate dictionary of `scan`: the same
  /// subset and the same rules as `scan` then `Record(scanned:)` (a key given twice, a key `Record`
  /// does not have, a value of another type, anything outside the subset: `nil`, and the caller reads
  /// the line with `JSONDecoder`). `null` reads as absent, as `JSONDecoder` reads it for an optional.
  static func record(bytes: UnsafeRawBufferPointer) -> EventCodec.Record? {
    var scanner = EventLineScanner(bytes: bytes)
    guard let record = scanner.record() else { return nil }
    scanner.skipSpace()
    return scanner.i == bytes.count ? record : nil
  }

  private static let keys = [
    "seq", "at", "by", "type", "questionnaire", "version", "hash", "source", "question", "value", "old", "text",
    "name", "role", "risk", "fields", "summary", "from", "to", "aside", "reason", "cause", "proposed", "rater",
    "session", "residual", "override", "control", "decision", "prev",
  ]
  private static let keyBytes: [[UInt8]] = keys.map { Array($0.utf8) }

  /// The index in `keys` of the key whose text is `bytes[start..<end]` (no escapes), matched on the
  /// bytes without making a string.
  private func key(_ start: Int, _ end: Int) -> Int? {
    let count = end - start
    for (k, key) in Self.keyBytes.enumerated() where key.count == count && key[0] == bytes[start] {
      var same = true
      for j in 1..<count where key[j] != bytes[start + j] {
        same = false
        break
      }
      if same { return k }
    }
    return nil
  }

  /// Reads a key: a string without escapes, as all of `Record`'s are.
  private mutating func key() -> Int? {
    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
    let start = i + 1
    var end = start
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
    guard end < bytes.count, bytes[end] == UInt8(ascii: "\""), end > start else { return nil }
    i = end + 1
    return key(start, end)
  }

  private mutating func record() -> EventCodec.Record? {
    skipSpace()
    guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
    i += 1
    var record = EventCodec.Record(seq: 0, at: "", by: "", type: "")
    var seen: UInt64 = 0
    while true {
      skipSpace()
      guard let k = key() else { return nil }
      guard seen & (1 << k) == 0 else { return nil }
      seen |= 1 << k
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
      i += 1
      guard let node = value(), set(k, node, in: &record) else { return nil }
      skipSpace()
      guard i < bytes.count else { return nil }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
      } else if bytes[i] == UInt8(ascii: "}") {
        i += 1
        // seq, at, by and type are required.
        return seen & 0b1111 == 0b1111 ? record : nil
      } else {
        return nil
      }
    }
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
    switch Self.keys[k] {
    case "value", "old":
      guard let v = Self.answer(node) else { return false }
      if k == 9 { r.value = DecodedValue(value: v) } else { r.old = DecodedValue(value: v) }
    case "cause":
      guard case .integer(let n) = node else { return false }
      r.cause = n
    case "fields", "residual":
      guard case .object(let object) = node else { return false }
      var strings: [String: String] = [:]
      for (name, item) in object {
        guard case .string(let s) = item else { return false }
        strings[name] = s
      }
      if Self.keys[k] == "fields" { r.fields = strings } else { r.residual = strings }
    case "aside", "proposed":
      guard case .array(let items) = node else { return false }
      var strings: [String] = []
      for item in items {
        guard case .string(let s) = item else { return false }
        strings.append(s)
      }
      if Self.keys[k] == "aside" { r.aside = strings } else { r.proposed = strings }
    default:
      guard case .string(let s) = node else { return false }
      switch Self.keys[k] {
      case "questionnaire": r.questionnaire = s
      case "version": r.version = s
      case "hash": r.hash = s
      case "source": r.source = s
      case "question": r.question = s
      case "text": r.text = s
      case "name": r.name = s
      case "role": r.role = s
      case "risk": r.risk = s
      case "summary": r.summary = s
      case "from": r.from = s
      case "to": r.to = s
      case "reason": r.reason = s
      case "rater": r.rater = s
      case "session": r.session = s
      case "override": r.override = s
      case "control": r.control = s
      case "decision": r.decision = s
      case "prev": r.prev = s
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
