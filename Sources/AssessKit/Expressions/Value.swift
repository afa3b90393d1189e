import Foundation

/// A runtime value: what an answer holds and what an expression yields.
///
/// An answer that is off the path, or not given, reads as `.null`.
public enum Value: Sendable, Hashable, CustomStringConvertible {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case list([Value])

  /// Whether this is `.null`.
  public var isNull: Bool { if case .null = self { return true } else { return false } }

  /// The number, if this is one.
  public var number: Double? { if case .number(let n) = self { return n } else { return nil } }

  /// The string, if this is one.
  public var string: String? { if case .string(let s) = self { return s } else { return nil } }

  /// The Boolean, if this is one.
  public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }

  /// The elements, if this is a list.
  public var list: [Value]? { if case .list(let l) = self { return l } else { return nil } }

  /// True only for `.bool(true)`: null and false are both "does not hold".
  public var holds: Bool { self == .bool(true) }

  /// Whether this counts as an answer: not null, not an empty string, not an empty list.
  public var isPresent: Bool {
    switch self {
    case .null: return false
    case .string(let s): return !s.isEmpty
    case .list(let l): return !l.isEmpty
    default: return true
    }
  }

  /// The value as written in an expression: `'text'`, `3`, `true`, `[1, 2]`, `null`.
  public var description: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return JSON.format(n)
    case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "\\'") + "'"
    case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
    }
  }

  /// The value as JSON.
  public var json: JSON {
    switch self {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .number(let n): return .number(n)
    case .string(let s): return .string(s)
    case .list(let l): return .array(l.map(\.json))
    }
  }
}
