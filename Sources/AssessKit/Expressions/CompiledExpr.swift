/// A checked expression with names resolved, ready to evaluate many times.
package indirect enum CompiledExpr: Sendable, Hashable {
  case constant(Value)
  case list([CompiledExpr])
  case ref(Symbol)
  case not(CompiledExpr)
  case negate(CompiledExpr)
  case binary(Expr.BinaryOp, CompiledExpr, CompiledExpr)
  case call(Function, [CompiledExpr])
  case answered(Symbol)
  case score(Int)

  /// The built-in functions.
  package enum Function: String, Sendable, Hashable, CaseIterable {
    case answered, count, sum, min, max, round, abs, floor, ceil, `if`, score, maxScore
    // Loose comparisons with the SurveyJS engine's semantics (docs/FORMAT.md, "Loose functions").
    case truthy, empty, notempty, equal, includes, excludes, anyof, allof, greater, less
    // SurveyJS's values and arithmetic (LooseArithmetic.swift), for imported scored forms.
    case looseValue, loosePlus, looseMinus, looseMul, looseDiv, looseMod, loosePow, looseIf, looseSum, looseMin
    case looseMax
  }

  /// Every symbol this expression reads.
  package var dependencies: Set<Symbol> {
    var out = Set<Symbol>()
    collect(into: &out)
    return out
  }

  private func collect(into out: inout Set<Symbol>) {
    switch self {
    case .constant: break
    case .ref(let s), .answered(let s): out.insert(s)
    case .score(let q): out.insert(.question(q))
    case .list(let items), .call(_, let items): for item in items { item.collect(into: &out) }
    case .not(let e), .negate(let e): e.collect(into: &out)
    case .binary(_, let l, let r):
      l.collect(into: &out)
      r.collect(into: &out)
    }
  }
}

/// An expression as written in a questionnaire, checked and compiled.
public struct Expression: Sendable, Hashable, CustomStringConvertible {
  /// The text as written.
  public let source: String
  /// The compiled form.
  package let compiled: CompiledExpr
  /// Its static type.
  package let type: ExprType
  /// Where the text starts in its file.
  public let location: SourceLocation?

  /// Creates an expression.
  package init(source: String, compiled: CompiledExpr, type: ExprType, location: SourceLocation?) {
    self.source = source
    self.compiled = compiled
    self.type = type
    self.location = location
  }

  /// A constant number (for literal likelihoods and the like).
  package static func constant(_ n: Double, location: SourceLocation?) -> Expression {
    Expression(source: JSON.format(n), compiled: .constant(.number(n)), type: .number, location: location)
  }

  /// The text as written.
  public var description: String { source }
}
