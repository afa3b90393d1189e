/// Parses expression text into an `Expr` by precedence climbing.
///
/// Precedence, loosest first: `or`; `and`; `not`; comparisons and `in`, `contains`; `+ -`; `* /`;
/// unary `-`; literals, names, calls, parentheses and lists.
///
/// Depth is bounded (`maxDepth`), so that neither the parser nor the passes over the tree it builds
/// (checker, evaluator, printers) can recurse without bound: both the nesting of the text
/// (parentheses, lists, calls, unary operators) and the height of the built tree (a long flat chain
/// `a + a + a ...` builds a tree as tall as it is long) are limited.
package struct ExpressionParser {
  /// A parsed subexpression and the height of its tree (a leaf is 1).
  private typealias Built = (expr: Expr, height: Int)

  /// The deepest an expression may go: levels of nesting in its text, and levels of its tree.
  static let maxDepth = 250

  private var tokens: [Token]
  private var index = 0
  /// How many parentheses, lists, calls and unary operators are open at the current token.
  private var nesting = 0

  /// Parses `text`.
  /// - Throws: `ExpressionError` with the offset of the offending token.
  package static func parse(_ text: String) throws(ExpressionError) -> Expr {
    var parser = ExpressionParser(tokens: try Lexer.tokenize(text))
    if parser.current.kind == .end { throw ExpressionError("empty expression", at: 0) }
    let expr = try parser.parseOr().expr
    if parser.current.kind != .end {
      throw ExpressionError(
        "unexpected \(parser.current.display) after a complete expression", at: parser.current.offset)
    }
    return expr
  }

  private static func tooDeep(at offset: Int) -> ExpressionError {
    ExpressionError(
      "the expression goes more than \(maxDepth) levels deep (nested parentheses, lists, calls or operators);"
        + " split it into computed values", at: offset)
  }

  /// Opens one level of nesting at `offset`; the caller closes it with `leave()`.
  private mutating func enter(at offset: Int) throws(ExpressionError) {
    nesting += 1
    if nesting > Self.maxDepth { throw Self.tooDeep(at: offset) }
  }

  private mutating func leave() { nesting -= 1 }

  /// A node over children at most `childHeight` tall (0 for none), refused when the tree would grow
  /// taller than `maxDepth`.
  private func node(_ kind: Expr.Kind, at offset: Int, operatorAt: Int? = nil, over childHeight: Int)
    throws(ExpressionError) -> Built
  {
    let height = 1 + childHeight
    if height > Self.maxDepth { throw Self.tooDeep(at: operatorAt ?? offset) }
    return (Expr(kind, at: offset, operatorAt: operatorAt), height)
  }

  /// The height of the tallest of `built`, 0 for none.
  private static func tallest(_ built: [Built]) -> Int {
    var height = 0
    for item in built where item.height > height { height = item.height }
    return height
  }

  private func leaf(_ kind: Expr.Kind, at offset: Int) -> Built { (Expr(kind, at: offset), 1) }

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

  private mutating func parseOr() throws(ExpressionError) -> Built {
    var left = try parseAnd()
    while isKeyword("or") {
      let op = advance()
      let right = try parseAnd()
      left = try node(
        .binary(.or, left.expr, right.expr), at: left.expr.offset, operatorAt: op.offset,
        over: Swift.max(left.height, right.height))
    }
    return left
  }

  private mutating func parseAnd() throws(ExpressionError) -> Built {
    var left = try parseNot()
    while isKeyword("and") {
      let op = advance()
      let right = try parseNot()
      left = try node(
        .binary(.and, left.expr, right.expr), at: left.expr.offset, operatorAt: op.offset,
        over: Swift.max(left.height, right.height))
    }
    return left
  }

  private mutating func parseNot() throws(ExpressionError) -> Built {
    if isKeyword("not") {
      let op = advance()
      try enter(at: op.offset)
      defer { leave() }
      let operand = try parseNot()
      return try node(.unary(.not, operand.expr), at: op.offset, over: operand.height)
    }
    return try parseComparison()
  }

  private mutating func comparisonOperator() -> Expr.BinaryOp? {
    switch current.kind {
    case .symbol(let s):
      switch s {
      case "==": return .equal
      case "!=": return .notEqual
      case "<": return .less
      case "<=": return .lessEqual
      case ">": return .greater
      case ">=": return .greaterEqual
      default: return nil
      }
    case .keyword("in"): return .in
    case .keyword("contains"): return .contains
    default: return nil
    }
  }

  private mutating func parseComparison() throws(ExpressionError) -> Built {
    let left = try parseAdditive()
    guard let op = comparisonOperator() else { return left }
    let opToken = advance()
    let right = try parseAdditive()
    if comparisonOperator() != nil {
      throw ExpressionError(
        "comparisons do not chain; join them with 'and' (or add parentheses)", at: current.offset)
    }
    return try node(
      .binary(op, left.expr, right.expr), at: left.expr.offset, operatorAt: opToken.offset,
      over: Swift.max(left.height, right.height))
  }

  private mutating func parseAdditive() throws(ExpressionError) -> Built {
    var left = try parseMultiplicative()
    while isSymbol("+") || isSymbol("-") {
      let opToken = advance()
      let op: Expr.BinaryOp = opToken.kind == .symbol("+") ? .add : .subtract
      let right = try parseMultiplicative()
      left = try node(
        .binary(op, left.expr, right.expr), at: left.expr.offset, operatorAt: opToken.offset,
        over: Swift.max(left.height, right.height))
    }
    return left
  }

  private mutating func parseMultiplicative() throws(ExpressionError) -> Built {
    var left = try parseUnary()
    while isSymbol("*") || isSymbol("/") {
      let opToken = advance()
      let op: Expr.BinaryOp = opToken.kind == .symbol("*") ? .multiply : .divide
      let right = try parseUnary()
      left = try node(
        .binary(op, left.expr, right.expr), at: left.expr.offset, operatorAt: opToken.offset,
        over: Swift.max(left.height, right.height))
    }
    return left
  }

  private mutating func parseUnary() throws(ExpressionError) -> Built {
    if isSymbol("-") {
      let op = advance()
      try enter(at: op.offset)
      defer { leave() }
      let operand = try parseUnary()
      if case .literal(.number(let n)) = operand.expr.kind { return leaf(.literal(.number(-n)), at: op.offset) }
      return try node(.unary(.negate, operand.expr), at: op.offset, over: operand.height)
    }
    return try parsePrimary()
  }

  private mutating func parsePrimary() throws(ExpressionError) -> Built {
    let token = advance()
    switch token.kind {
    case .number(let n): return leaf(.literal(.number(n)), at: token.offset)
    case .string(let s): return leaf(.literal(.string(s)), at: token.offset)
    case .keyword("true"): return leaf(.literal(.bool(true)), at: token.offset)
    case .keyword("false"): return leaf(.literal(.bool(false)), at: token.offset)
    case .keyword("null"): return leaf(.literal(.null), at: token.offset)
    case .name(let name, let braced):
      if !braced, isSymbol("(") {
        try enter(at: token.offset)
        defer { leave() }
        _ = advance()
        var arguments: [Built] = []
        if !isSymbol(")") {
          arguments.append(try parseOr())
          while isSymbol(",") {
            _ = advance()
            arguments.append(try parseOr())
          }
        }
        try expect(")", context: "to close the arguments of '\(name)'")
        return try node(.call(name, arguments.map(\.expr)), at: token.offset, over: Self.tallest(arguments))
      }
      return leaf(.name(name), at: token.offset)
    case .symbol("("):
      try enter(at: token.offset)
      defer { leave() }
      let inner = try parseOr()
      try expect(")", context: "to close '('")
      return inner
    case .symbol("["):
      try enter(at: token.offset)
      defer { leave() }
      var items: [Built] = []
      if !isSymbol("]") {
        items.append(try parseOr())
        while isSymbol(",") {
          _ = advance()
          items.append(try parseOr())
        }
      }
      try expect("]", context: "to close the list")
      return try node(.list(items.map(\.expr)), at: token.offset, over: Self.tallest(items))
    case .end:
      throw ExpressionError("the expression ends too early", at: token.offset)
    default:
      throw ExpressionError("unexpected \(token.display)", at: token.offset)
    }
  }
}
