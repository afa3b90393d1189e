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
    case .string(let s): return Self.quoted(s)
    case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
    }
  }

  /// `s` as a string literal of the expression language, which reads it back as `s`. Escapes by
  /// Unicode scalar, as the lexer reads: a quote or backslash followed by a combining mark is one
  /// `Character` in Swift, but its quote still ends the string.
  static func quoted(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    out.append("'")
    for scalar in s.unicodeScalars {
      if scalar == "'" || scalar == "\\" { out.append("\\") }
      out.append(scalar)
    }
    out.append("'")
    return String(out)
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
