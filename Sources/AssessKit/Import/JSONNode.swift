/// A JSON document as read for import: objects, arrays and scalars, numbers kept apart from Booleans.
enum JSONNode: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONNode])
  case object([String: JSONNode])

  init(from decoder: any Decoder) throws {
    // Each JSON value decodes as one kind only, so the order only saves failed attempts (each throws):
    // texts and objects, the most common, first; a Boolean before a number, as always.
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let s = try? container.decode(String.self) {
      self = .string(s)
    } else if let o = try? container.decode([String: JSONNode].self) {
      self = .object(o)
    } else if let a = try? container.decode([JSONNode].self) {
      self = .array(a)
    } else if let b = try? container.decode(Bool.self) {
      self = .bool(b)
    } else {
      self = .number(try container.decode(Double.self))
    }
  }

  subscript(key: String) -> JSONNode? {
    if case .object(let o) = self { return o[key] }
    return nil
  }

  var string: String? { if case .string(let s) = self { return s } else { return nil } }
  var number: Double? { if case .number(let n) = self { return n } else { return nil } }
  var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
  var array: [JSONNode]? { if case .array(let a) = self { return a } else { return nil } }
  var object: [String: JSONNode]? { if case .object(let o) = self { return o } else { return nil } }

  /// A scalar as text (numbers without a trailing `.0`).
  var scalarText: String? {
    switch self {
    case .string(let s): return s
    case .number(let n): return JSON.format(n)
    case .bool(let b): return b ? "true" : "false"
    default: return nil
    }
  }
}
