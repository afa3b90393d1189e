/// Parses expression text into an `Expr` by precedence climbing.
///
/// Precedence, loosest first: `or`; `and`; `not`; comparisons and `in`, `contains`; `+ -`; `* /`;
/// unary `-`; literals, names, calls, parentheses and lists.
package struct ExpressionParser {
  private var tokens: [Token]
  private var index = 0

  /// Parses `text`.
  /// - Throws: `ExpressionError` with the offset of the offending token.
  package static func parse(_ text: String) throws(ExpressionError) -> Expr {
    var parser = ExpressionParser(tokens: try Lexer.tokenize(text))
    if parser.current.kind == .end { throw ExpressionError("empty expression", at: 0) }
    let expr = try parser.parseOr()
    if parser.current.kind != .end {
      throw ExpressionError(
        "unexpected \(parser.current.display) after a complete expression", at: parser.current.offset)
    }
    return expr
  }

  private init(tokens: [Token]) { self.tokens = tokens }

  private var current: Token { tokens[index] }

  private mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  private func isKeyword(_ word: String) -> Bool { current.kind == .keyword(word) }
  private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

  private mutating func expect(_ symbol: String, context: String) throws(ExpressionError) {
    guard isSymbol(symbol) else {
      throw ExpressionError("expected '\(symbol)' \(context), found \(current.display)", at: current.offset)
    }
    _ = advance()
  }

  private mutating func parseOr() throws(ExpressionError) -> Expr {
    var left = try parseAnd()
    while isKeyword("or") {
      let op = advance()
      let right = try parseAnd()
      left = Expr(.binary(.or, left, right), at: left.offset, operatorAt: op.offset)
    }
    return left
  }

  private mutating func parseAnd() throws(ExpressionError) -> Expr {
    var left = try parseNot()
    while isKeyword("and") {
      let op = advance()
      let right = try parseNot()
      left = Expr(.binary(.and, left, right), at: left.offset, operatorAt: op.offset)
    }
    return left
  }

  private mutating func parseNot() throws(ExpressionError) -> Expr {
    if isKeyword("not") {
      let op = advance()
      let operand = try parseNot()
      return Expr(.unary(.not, operand), at: op.offset)
    }
    return try parseComparison()
  }

  private mutating func comparisonOperator() -> Expr.BinaryOp? {
    switch current.kind {
    case .symbol(let s): return Expr.BinaryOp(rawValue: s).flatMap { $0.isComparison ? $0 : nil }
    case .keyword("in"): return .in
    case .keyword("contains"): return .contains
    default: return nil
    }
  }

  private mutating func parseComparison() throws(ExpressionError) -> Expr {
    let left = try parseAdditive()
    guard let op = comparisonOperator() else { return left }
    let opToken = advance()
    let right = try parseAdditive()
    if comparisonOperator() != nil {
      throw ExpressionError(
        "comparisons do not chain; join them with 'and' (or add parentheses)", at: current.offset)
    }
    return Expr(.binary(op, left, right), at: left.offset, operatorAt: opToken.offset)
  }

  private mutating func parseAdditive() throws(ExpressionError) -> Expr {
    var left = try parseMultiplicative()
    while isSymbol("+") || isSymbol("-") {
      let opToken = advance()
      let op: Expr.BinaryOp = opToken.kind == .symbol("+") ? .add : .subtract
      let right = try parseMultiplicative()
      left = Expr(.binary(op, left, right), at: left.offset, operatorAt: opToken.offset)
    }
    return left
  }

  private mutating func parseMultiplicative() throws(ExpressionError) -> Expr {
    var left = try parseUnary()
    while isSymbol("*") || isSymbol("/") {
      let opToken = advance()
      let op: Expr.BinaryOp = opToken.kind == .symbol("*") ? .multiply : .divide
      let right = try parseUnary()
      left = Expr(.binary(op, left, right), at: left.offset, operatorAt: opToken.offset)
    }
    return left
  }

  private mutating func parseUnary() throws(ExpressionError) -> Expr {
    if isSymbol("-") {
      let op = advance()
      let operand = try parseUnary()
      if case .literal(.number(let n)) = operand.kind { return Expr(.literal(.number(-n)), at: op.offset) }
      return Expr(.unary(.negate, operand), at: op.offset)
    }
    return try parsePrimary()
  }

  private mutating func parsePrimary() throws(ExpressionError) -> Expr {
    let token = advance()
    switch token.kind {
    case .number(let n): return Expr(.literal(.number(n)), at: token.offset)
    case .string(let s): return Expr(.literal(.string(s)), at: token.offset)
    case .keyword("true"): return Expr(.literal(.bool(true)), at: token.offset)
    case .keyword("false"): return Expr(.literal(.bool(false)), at: token.offset)
    case .keyword("null"): return Expr(.literal(.null), at: token.offset)
    case .name(let name, let braced):
      if !braced, isSymbol("(") {
        _ = advance()
        var arguments: [Expr] = []
        if !isSymbol(")") {
          arguments.append(try parseOr())
          while isSymbol(",") {
            _ = advance()
            arguments.append(try parseOr())
          }
        }
        try expect(")", context: "to close the arguments of '\(name)'")
        return Expr(.call(name, arguments), at: token.offset)
      }
      return Expr(.name(name), at: token.offset)
    case .symbol("("):
      let inner = try parseOr()
      try expect(")", context: "to close '('")
      return inner
    case .symbol("["):
      var items: [Expr] = []
      if !isSymbol("]") {
        items.append(try parseOr())
        while isSymbol(",") {
          _ = advance()
          items.append(try parseOr())
        }
      }
      try expect("]", context: "to close the list")
      return Expr(.list(items), at: token.offset)
    case .end:
      throw ExpressionError("the expression ends too early", at: token.offset)
    default:
      throw ExpressionError("unexpected \(token.display)", at: token.offset)
    }
  }
}
