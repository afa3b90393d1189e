/// Reads one YAML mapping against the keys it may have, reporting unknown, missing and ill-typed ones.
struct MappingReader {
  let document: YAMLDocument
  let node: YAMLNode
  let what: String
  /// The known keys found, in order, with their key and value nodes: a mapping has a handful, so
  /// they are looked up by a scan, without a dictionary to build and hash.
  private var entries: [(name: String, key: YAMLNode, value: YAMLNode)] = []

  /// Reads `node` as a mapping describing `what` (e.g. "question 'effect'").
  /// Returns `nil`, with an error, when it is not a mapping.
  init?(_ node: YAMLNode, in document: YAMLDocument, what: String, allowed: [String], required: [String] = []) {
    self.document = document
    self.node = node
    self.what = what
    guard node.kind == .mapping else {
      document.error("\(what) must be a mapping of keys to values, not \(node.kindName)", node)
      return nil
    }
    entries.reserveCapacity(node.pairCount)
    for (key, value) in node.pairs {
      guard key.isScalar else {
        document.error("keys of \(what) must be plain names", key)
        continue
      }
      let name = key.string
      guard allowed.contains(name) else {
        let hint = Suggestions.hint(for: name, in: allowed)
        document.error("unknown key '\(name)' in \(what)\(hint)", key)
        continue
      }
      // A later key of the same name wins, as it did in a dictionary (readers refuse duplicates first).
      if let i = entries.firstIndex(where: { $0.name == name }) {
        entries[i] = (name, key, value)
      } else {
        entries.append((name, key, value))
      }
    }
    for name in required where entry(name) == nil {
      document.error("\(what) needs '\(name)'", node)
    }
  }

  private func entry(_ name: String) -> (name: String, key: YAMLNode, value: YAMLNode)? {
    for e in entries where e.name == name { return e }
    return nil
  }

  var location: SourceLocation { document.location(node) }

  func has(_ key: String) -> Bool { entry(key) != nil }

  func node(_ key: String) -> YAMLNode? { entry(key)?.value }

  func keyNode(_ key: String) -> YAMLNode? { entry(key)?.key }

  /// A scalar's text. Reports an error if the value is not a scalar.
  func string(_ key: String) -> String? {
    guard let value = entry(key)?.value else { return nil }
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
    guard let value = entry(key)?.value, let s = string(key) else { return nil }
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
    guard let value = entry(key)?.value, let n = number(key) else { return nil }
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
    guard let value = entry(key)?.value, let s = string(key) else { return nil }
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
    guard let value = entry(key)?.value else { return nil }
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
    guard let value = entry(key)?.value else { return nil }
    guard let sequence = value.sequenceItems else {
      document.error("'\(key)' of \(what) must be a list, not \(value.kindName)", value)
      return nil
    }
    return sequence
  }
}

extension String {
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
