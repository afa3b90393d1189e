/// Reads one YAML mapping against the keys it may have, reporting unknown, missing and ill-typed ones.
struct MappingReader {
  let document: YAMLDocument
  let node: YAMLNode
  /// What the mapping describes, made into words only when a message needs them.
  let label: MappingLabel
  /// The keys this mapping may have.
  private let allowed: [String]
  /// A bit for the length and first byte of each key the mapping has (`filterBit`): most lookups
  /// are for keys a mapping does not have, and are answered without comparing texts.
  private let keyFilter: UInt64

  /// What the mapping describes, for messages (e.g. "question 'effect'").
  var what: String { label.text }

  /// Reads `node` as a mapping describing `what` (e.g. "question 'effect'").
  /// Returns `nil`, with an error, when it is not a mapping.
  init?(_ node: YAMLNode, in document: YAMLDocument, what: String, allowed: [String], required: [String] = []) {
    self.init(node, in: document, label: .text(what), allowed: allowed, required: required)
  }

  /// Reads `node` as a mapping described by `label`, whose words are made only for a message.
  /// Returns `nil`, with an error, when it is not a mapping.
  init?(
    _ node: YAMLNode, in document: YAMLDocument, label: MappingLabel, allowed: [String], required: [String] = []
  ) {
    self.document = document
    self.node = node
    self.label = label
    self.allowed = allowed
    guard node.kind == .mapping else {
      self.keyFilter = 0
      document.error("\(label.text) must be a mapping of keys to values, not \(node.kindName)", node)
      return nil
    }
    // The keys are checked in place: no table of them is built (a mapping has a handful, and
    // lookups scan its pairs).
    var filter: UInt64 = 0
    for (key, _) in node.pairs {
      guard key.isScalar else {
        document.error("keys of \(label.text) must be plain names", key)
        continue
      }
      let name = key.string
      filter |= Self.filterBit(name)
      guard allowed.contains(where: { $0.isSameText(name) }) else {
        let hint = Suggestions.hint(for: name, in: allowed)
        document.error("unknown key '\(name)' in \(label.text)\(hint)", key)
        continue
      }
    }
    self.keyFilter = filter
    for name in required where entryIndex(name) == nil {
      document.error("\(label.text) needs '\(name)'", node)
    }
  }

  /// The index of the known key `name` in the mapping's items (its value follows): the last key of
  /// that name, as a later key won in a dictionary (readers refuse duplicates first); `nil` for a
  /// key that is absent or not allowed. Read in place: a node is a value, and copying one out to
  /// compare its key is two retains and releases.
  private func entryIndex(_ name: String) -> Int? {
    guard keyFilter & Self.filterBit(name) != 0 else { return nil }
    return node.items.withUnsafeBufferPointer { items in
      var i = items.count - 2
      while i >= 0 {
        if items[i].kind == .scalar && items[i].string.isSameText(name) {
          return allowed.contains(name) ? i : nil
        }
        i -= 2
      }
      return nil
    }
  }

  /// The value of the known key `name`; `nil` when absent or not allowed.
  private func valueNode(_ name: String) -> YAMLNode? {
    guard let i = entryIndex(name) else { return nil }
    return node.items[i + 1]
  }

  /// One of 64 bits, from a text's length and first byte.
  @inline(__always) static func filterBit(_ text: String) -> UInt64 {
    let utf8 = text.utf8
    return 1 &<< UInt64(truncatingIfNeeded: (utf8.count &* 31 &+ Int(utf8.first ?? 0)) & 63)
  }

  var location: SourceLocation { document.location(node) }

  func has(_ key: String) -> Bool { entryIndex(key) != nil }

  func node(_ key: String) -> YAMLNode? { valueNode(key) }

  func keyNode(_ key: String) -> YAMLNode? { entryIndex(key).map { node.items[$0] } }

  /// A scalar's text. Reports an error if the value is not a scalar.
  func string(_ key: String) -> String? {
    guard let value = valueNode(key) else { return nil }
    guard value.isScalar else {
      document.error("'\(key)' of \(what) must be a single value, not \(value.kindName)", value)
      return nil
    }
    return value.string
  }

  /// A non-empty text. Reports an error if empty.
  func text(_ key: String) -> String? {
    guard let s = string(key) else { return nil }
    if s.trimmingWhitespace().isEmpty, let value = node(key) {
      document.error("'\(key)' of \(what) is empty", value)
      return nil
    }
    return s
  }

  /// A number. Reports an error if the value is not one.
  func number(_ key: String) -> Double? {
    guard let value = valueNode(key), let s = string(key) else { return nil }
    let written = s.trimmingWhitespace()
    // Double also reads "nan" and "inf", which are not numbers a questionnaire can use.
    guard let n = Double(written), n.isFinite || (!n.isNaN && written.contains(where: \.isNumber)) else {
      document.error("'\(key)' of \(what) must be a number, not '\(s)'", value)
      return nil
    }
    guard n.isFinite else {
      document.error("'\(key)' of \(what) is out of range: \(written); numbers go up to about 1.8e308", value)
      return nil
    }
    return n
  }

  /// The largest whole number a questionnaire may write: below 10^15, every whole number and its
  /// sums with a few others are exact in a `Double` (exact up to 2^53, about 9.007e15) and print
  /// as written in text and JSON output.
  static let largestWhole = 999_999_999_999_999.0

  /// A whole number. Reports an error if the value is not one.
  func integer(_ key: String) -> Int? {
    guard let value = valueNode(key), let n = number(key) else { return nil }
    // Messages show the number as written: a Double prints 2^53-1 as 9.007199254740991e+15.
    let written = value.scalarText?.trimmingWhitespace() ?? JSON.format(n)
    guard n == n.rounded() else {
      document.error("'\(key)' of \(what) must be a whole number, not \(written)", value)
      return nil
    }
    guard abs(n) <= Self.largestWhole else {
      document.error(
        "'\(key)' of \(what) is too large: \(written); whole numbers here go from -999999999999999 to 999999999999999",
        value)
      return nil
    }
    return Int(n)
  }

  /// true or false (also yes/no). Reports an error otherwise.
  func bool(_ key: String) -> Bool? {
    guard let value = valueNode(key), let s = string(key) else { return nil }
    switch s.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      document.error("'\(key)' of \(what) must be true or false, not '\(s)'", value)
      return nil
    }
  }

  /// A list of texts; a single text is taken as a list of one.
  func strings(_ key: String) -> [String]? {
    guard let value = valueNode(key) else { return nil }
    if value.isScalar { return [value.string] }
    guard let sequence = value.sequenceItems else {
      document.error("'\(key)' of \(what) must be a list, not \(value.kindName)", value)
      return nil
    }
    var out: [String] = []
    for item in sequence {
      guard let s = item.scalarText else {
        document.error("each item of '\(key)' in \(what) must be a single value, not \(item.kindName)", item)
        continue
      }
      out.append(s)
    }
    return out
  }

  /// The items of a list. Reports an error if the value is not a list.
  func list(_ key: String) -> [YAMLNode]? {
    guard let value = valueNode(key) else { return nil }
    guard let sequence = value.sequenceItems else {
      document.error("'\(key)' of \(what) must be a list, not \(value.kindName)", value)
      return nil
    }
    return sequence
  }
}

/// What a mapping describes, for messages: the words are made only when a message is written (a
/// load of 100,000 questions built half a million of them, for no message at all).
enum MappingLabel {
  /// Words given as they are.
  case text(String)
  /// A section, by its `id` when it has one, else by its place (from 0) in the list.
  case section(YAMLNode, index: Int)
  /// A question, by its `id` when it has one.
  case question(YAMLNode)
  /// An option, by its `value` when it has one, of the question `owner`.
  case option(YAMLNode, owner: YAMLNode)

  /// The words.
  var text: String {
    switch self {
    case .text(let text): return text
    case .section(let node, let index):
      return node.text(forKey: "id").map { "section '\($0)'" } ?? "section \(index + 1)"
    case .question(let node): return Self.questionName(node)
    case .option(let node, let owner):
      let question = Self.questionName(owner)
      return node.text(forKey: "value").map { "option '\($0)' of \(question)" } ?? "an option of \(question)"
    }
  }

  private static func questionName(_ node: YAMLNode) -> String {
    node.text(forKey: "id").map { "question '\($0)'" } ?? "a question"
  }
}

extension String {
  /// `self == other` for texts of the same UTF-8 length, false for any other: keys are compared
  /// with every name a mapping may have, and most differ in length (a comparison of two texts that
  /// differ was a call into the library, 2.6% of a load). Unlike `==` it tells apart the same text
  /// in two Unicode forms (a composed and a decomposed `é`), so it is for names that are ASCII (a
  /// mapping's allowed keys), or followed by `==` on a miss.
  @inline(__always) func isSameText(_ other: String) -> Bool {
    utf8.count == other.utf8.count && self == other
  }

  func trimmingWhitespace() -> String {
    // Most values start and end with an ASCII letter, digit or mark: nothing to trim, and no
    // Unicode property to look up (that lookup was 3% of a load).
    let utf8 = self.utf8
    if let first = utf8.first, let last = utf8.last, Self.isASCIIGraphic(first), Self.isASCIIGraphic(last) {
      return self
    }
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }

  /// A printable ASCII character other than space (never whitespace).
  private static func isASCIIGraphic(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}
