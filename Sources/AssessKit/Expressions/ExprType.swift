/// The static type of an expression, inferred by the checker.
package indirect enum ExprType: Sendable, Hashable, CustomStringConvertible {
  case number
  case string
  case bool
  case list(ExprType)
  /// The literal `null`: fits any type.
  case null
  /// Unknown (after an error, or an empty list): fits any type, so one mistake is reported once.
  case any

  /// Whether values of the two types can be compared or combined.
  package func fits(_ other: ExprType) -> Bool {
    switch (self, other) {
    case (.any, _), (_, .any), (.null, _), (_, .null): return true
    case (.list(let a), .list(let b)): return a.fits(b)
    default: return self == other
    }
  }

  /// The more specific of two fitting types.
  func unified(with other: ExprType) -> ExprType {
    switch (self, other) {
    case (.any, let t), (.null, let t): return t
    case (let t, .any), (let t, .null): return t
    case (.list(let a), .list(let b)): return .list(a.unified(with: b))
    default: return self
    }
  }

  /// The element type of a list, or `nil` for a non-list (`.any` for unknown).
  var element: ExprType? {
    switch self {
    case .list(let e): return e
    case .any: return .any
    default: return nil
    }
  }

  /// How the type reads in an error message.
  package var description: String {
    switch self {
    case .number: return "number"
    case .string: return "text"
    case .bool: return "true/false"
    case .list(let e): return "list of \(e)"
    case .null: return "null"
    case .any: return "any value"
    }
  }
}
