extension EventCodec.Record {
  /// The record from a scanned line, when every field is one `Record` knows, of the type it has
  /// (`null` reads as absent, as `JSONDecoder` reads it for an optional); else `nil`, and the caller
  /// reads the line with `JSONDecoder`.
  init?(scanned fields: [String: EventLineScanner.Node]) {
    typealias Node = EventLineScanner.Node
    func text(_ node: Node) -> String? { if case .string(let s) = node { s } else { nil } }
    func value(_ node: Node) -> Value? {
      switch node {
      case .null: return .null
      case .bool(let b): return .bool(b)
      case .integer(let n): return .number(Double(n))
      case .string(let s): return .string(s)
      case .array(let items):
        var list: [Value] = []
        for item in items {
          guard let v = value(item) else { return nil }
          list.append(v)
        }
        return .list(list)
      case .object: return nil
      }
    }
    guard case .integer(let seq)? = fields["seq"], let at = fields["at"].flatMap(text),
      let by = fields["by"].flatMap(text), let type = fields["type"].flatMap(text)
    else { return nil }
    self.init(seq: seq, at: at, by: by, type: type)
    for (key, node) in fields {
      switch key {
      case "seq", "at", "by", "type": continue
      case _ where node.isNull: continue
      case "value", "old":
        guard let v = value(node) else { return nil }
        if key == "value" { self.value = DecodedValue(value: v) } else { old = DecodedValue(value: v) }
      case "cause":
        guard case .integer(let n) = node else { return nil }
        cause = n
      case "fields":
        guard case .object(let object) = node else { return nil }
        var strings: [String: String] = [:]
        for (name, item) in object {
          guard let s = text(item) else { return nil }
          strings[name] = s
        }
        self.fields = strings
      case "aside":
        guard case .array(let items) = node else { return nil }
        var strings: [String] = []
        for item in items {
          guard let s = text(item) else { return nil }
          strings.append(s)
        }
        aside = strings
      default:
        guard let s = text(node), set(key, s) else { return nil }
      }
    }
  }

  /// Sets a text field by name; `false` for a name `Record` does not have.
  private mutating func set(_ key: String, _ s: String) -> Bool {
    switch key {
    case "questionnaire": questionnaire = s
    case "version": version = s
    case "hash": hash = s
    case "source": source = s
    case "question": question = s
    case "text": text = s
    case "name": name = s
    case "role": role = s
    case "risk": risk = s
    case "summary": summary = s
    case "from": from = s
    case "to": to = s
    case "reason": reason = s
    case "rater": rater = s
    case "session": session = s
    case "override": override = s
    case "control": control = s
    case "decision": decision = s
    case "prev": prev = s
    default: return false
    }
    return true
  }
}

extension EventLineScanner.Node {
  var isNull: Bool { if case .null = self { true } else { false } }
}
