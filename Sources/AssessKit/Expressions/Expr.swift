/// The syntax tree of an expression, as parsed, before names are resolved.
package struct Expr: Sendable, Equatable {
  /// Unary operators.
  package enum UnaryOp: String, Sendable {
    case not
    case negate = "-"
  }

  /// Binary operators, in the spelling of the language.
  package enum BinaryOp: String, Sendable {
    case or, and
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case `in`, contains
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"

    var isComparison: Bool {
      switch self {
      case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
      default: return false
      }
    }
  }

  /// The kinds of expression.
  package indirect enum Kind: Sendable, Equatable {
    case literal(Value)
    case list([Expr])
    case name(String)
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    case call(String, [Expr])
  }

  /// What this expression is.
  package var kind: Kind
  /// Offset of its first token in the expression text, in Unicode scalars.
  package var offset: Int
  /// Offset of its operator token (for binary and unary), else the same as `offset`.
  package var operatorOffset: Int

  init(_ kind: Kind, at offset: Int, operatorAt: Int? = nil) {
    self.kind = kind
    self.offset = offset
    self.operatorOffset = operatorAt ?? offset
  }
}
