import Yams

/// Reads one YAML mapping against the keys it may have, reporting unknown, missing and ill-typed ones.
struct MappingReader {
  let document: YAMLDocument
  let node: Node
  let what: String
  private var entries: [String: (key: Node, value: Node)] = [:]

  /// Reads `node` as a mapping describing `what` (e.g. "question 'effect'").
  /// Returns `nil`, with an error, when it is not a mapping.
  init?(_ node: Node, in document: YAMLDocument, what: String, allowed: [String], required: [String] = []) {
    self.document = document
    self.node = node
    self.what = what
    guard let mapping = node.mapping else {
      document.error("\(what) must be a mapping of keys to values, not \(node.kindName)", node)
      return nil
    }
    for (key, value) in mapping {
      guard let name = key.scalar?.string else {
        document.error("keys of \(what) must be plain names", key)
        continue
      }
      guard allowed.contains(name) else {
        let hint = Suggestions.hint(for: name, in: allowed)
        document.error("unknown key '\(name)' in \(what)\(hint)", key)
        continue
      }
      entries[name] = (key, value)
    }
    for name in required where entries[name] == nil {
      document.error("\(what) needs '\(name)'", node)
    }
  }

  var location: SourceLocation { document.location(node) }

  func has(_ key: String) -> Bool { entries[key] != nil }

  func node(_ key: String) -> Node? { entries[key]?.value }

  func keyNode(_ key: String) -> Node? { entries[key]?.key }

  /// A scalar's text. Reports an error if the value is not a scalar.
  func string(_ key: String) -> String? {
    guard let value = entries[key]?.value else { return nil }
    guard let scalar = value.scalar else {
      document.error("'\(key)' of \(what) must be a single value, not \(value.kindName)", value)
      return nil
    }
    return scalar.string
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
    guard let value = entries[key]?.value, let s = string(key) else { return nil }
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
    guard let value = entries[key]?.value, let n = number(key) else { return nil }
    // Messages show the number as written: a Double prints 2^53-1 as 9.007199254740991e+15.
    let written = value.scalar?.string.trimmingWhitespace() ?? JSON.format(n)
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
    guard let value = entries[key]?.value, let s = string(key) else { return nil }
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
    guard let value = entries[key]?.value else { return nil }
    if let scalar = value.scalar { return [scalar.string] }
    guard let sequence = value.sequence else {
      document.error("'\(key)' of \(what) must be a list, not \(value.kindName)", value)
      return nil
    }
    var out: [String] = []
    for item in sequence {
      guard let s = item.scalar?.string else {
        document.error("each item of '\(key)' in \(what) must be a single value, not \(item.kindName)", item)
        continue
      }
      out.append(s)
    }
    return out
  }

  /// The items of a list. Reports an error if the value is not a list.
  func list(_ key: String) -> [Node]? {
    guard let value = entries[key]?.value else { return nil }
    guard let sequence = value.sequence else {
      document.error("'\(key)' of \(what) must be a list, not \(value.kindName)", value)
      return nil
    }
    return Array(sequence)
  }
}

extension String {
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
