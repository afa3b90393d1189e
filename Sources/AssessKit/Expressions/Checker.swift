/// Resolves names and checks types of a parsed expression, collecting every error it finds.
package struct ExpressionChecker {
  /// What checking an expression gives: the compiled form and its type, or every error found.
  package enum Outcome: Sendable {
    case success(CompiledExpr, ExprType)
    case failure([ExpressionError])
  }

  private let scope: any ExpressionScope
  private(set) var errors: [ExpressionError] = []
  /// The symbols names resolved to, in order.
  private var resolved: [Symbol] = []

  /// Parses and checks `text` in `scope`.
  ///
  /// - Parameters:
  ///   - text: the expression as written.
  ///   - scope: the names it may use.
  ///   - expected: the type the context needs (`when` needs true/false), or `nil` for any.
  /// - Returns: the compiled expression and its type, or every error found (offsets into `text`).
  package static func check(_ text: String, in scope: any ExpressionScope, expecting expected: ExprType?)
    -> Outcome
  {
    var resolved: [Symbol] = []
    return check(text, in: scope, expecting: expected, resolved: &resolved)
  }

  /// Parses and checks `text` in `scope`, as `check(_:in:expecting:)`, and gives in `resolved` every
  /// symbol a name resolved to (the only places where the scope's availability rule was applied).
  ///
  /// The outcome depends only on the text, the expected type, the scope's names and whether each of
  /// those symbols is available; so a success holds again wherever they all are (the loader checks
  /// a repeated condition once).
  package static func check(
    _ text: String, in scope: any ExpressionScope, expecting expected: ExprType?, resolved: inout [Symbol]
  ) -> Outcome {
    let expr: Expr
    do {
      expr = try ExpressionParser.parse(text)
    } catch {
      return .failure([error])
    }
    var checker = ExpressionChecker(scope: scope)
    let (compiled, type) = checker.check(expr)
    resolved = checker.resolved
    if let expected, checker.errors.isEmpty, !type.fits(expected) {
      checker.errors.append(ExpressionError("expected \(expected), but this is \(type)", at: expr.offset))
    }
    if !checker.errors.isEmpty { return .failure(checker.errors) }
    return .success(compiled, type)
  }

  private init(scope: any ExpressionScope) { self.scope = scope }

  private mutating func fail(_ message: String, at offset: Int) -> (CompiledExpr, ExprType) {
    errors.append(ExpressionError(message, at: offset))
    return (.constant(.null), .any)
  }

  private mutating func check(_ expr: Expr) -> (CompiledExpr, ExprType) {
    switch expr.kind {
    case .literal(let value):
      switch value {
      case .number: return (.constant(value), .number)
      case .string: return (.constant(value), .string)
      case .bool: return (.constant(value), .bool)
      default: return (.constant(value), .null)
      }
    case .list(let items):
      var compiled: [CompiledExpr] = []
      var element: ExprType = .any
      for item in items {
        let (c, t) = check(item)
        if !t.fits(element) {
          errors.append(ExpressionError("a list holds values of one type: \(t) among \(element)", at: item.offset))
        }
        element = element.unified(with: t)
        compiled.append(c)
      }
      if let constants = constantValues(compiled) { return (.constant(.list(constants)), .list(element)) }
      return (.list(compiled), .list(element))
    case .name(let name):
      guard let info = resolve(name, at: expr.offset) else { return (.constant(.null), .any) }
      return (.ref(info.symbol), info.type)
    case .unary(.not, let operand):
      let (c, t) = check(operand)
      if !t.fits(.bool) { return fail("'not' needs true/false, but this is \(t)", at: operand.offset) }
      return (.not(c), .bool)
    case .unary(.negate, let operand):
      let (c, t) = check(operand)
      if !t.fits(.number) { return fail("'-' needs a number, but this is \(t)", at: operand.offset) }
      return (.negate(c), .number)
    case .binary(let op, let left, let right):
      return checkBinary(op, left, right, expr)
    case .call(let name, let arguments):
      return checkCall(name, arguments, expr)
    }
  }

  private func constantValues(_ items: [CompiledExpr]) -> [Value]? {
    var values: [Value] = []
    for item in items {
      guard case .constant(let v) = item else { return nil }
      values.append(v)
    }
    return values
  }

  private mutating func resolve(_ name: String, at offset: Int) -> NameInfo? {
    if let info = scope.lookup(name) {
      if let reason = info.unavailable {
        errors.append(ExpressionError(reason, at: offset))
        return nil
      }
      resolved.append(info.symbol)
      return info
    }
    if CompiledExpr.Function(rawValue: name) != nil {
      errors.append(ExpressionError("'\(name)' is a function; call it as \(name)(...)", at: offset))
      return nil
    }
    let hint = Suggestions.hint(for: name, in: scope.candidateNames)
    errors.append(ExpressionError("unknown name '\(name)'\(hint)", at: offset))
    return nil
  }

  /// The info of a bare name operand, to check literals against its options.
  private func info(of expr: Expr) -> NameInfo? {
    if case .name(let name) = expr.kind { return scope.lookup(name) }
    return nil
  }

  private mutating func checkOption(_ literal: Expr, against other: Expr) {
    guard let info = info(of: other), let options = info.options else { return }
    var literals: [(String, Int)] = []
    switch literal.kind {
    case .literal(.string(let s)): literals = [(s, literal.offset)]
    case .list(let items):
      for item in items { if case .literal(.string(let s)) = item.kind { literals.append((s, item.offset)) } }
    default: return
    }
    guard case .name(let name) = other.kind else { return }
    for (value, offset) in literals where !options.contains(value) {
      let what = info.kind == "level" ? "band" : "option"
      let hint = Suggestions.hint(for: value, in: options)
      errors.append(ExpressionError("'\(name)' has no \(what) '\(value)'\(hint)", at: offset))
    }
  }

  private mutating func checkBinary(_ op: Expr.BinaryOp, _ left: Expr, _ right: Expr, _ expr: Expr)
    -> (CompiledExpr, ExprType)
  {
    let before = errors.count
    let (l, lt) = check(left)
    let (r, rt) = check(right)
    let at = expr.operatorOffset
    guard errors.count == before else { return (.constant(.null), op.isComparison ? .bool : .any) }
    switch op {
    case .and, .or:
      if !lt.fits(.bool) {
        return fail("'\(op.rawValue)' needs true/false on its left, but this is \(lt)", at: left.offset)
      }
      if !rt.fits(.bool) {
        return fail("'\(op.rawValue)' needs true/false on its right, but this is \(rt)", at: right.offset)
      }
      return (.binary(op, l, r), .bool)
    case .equal, .notEqual:
      if !lt.fits(rt) { return fail("cannot compare \(lt) with \(rt)", at: right.offset) }
      checkOption(right, against: left)
      checkOption(left, against: right)
      return (.binary(op, l, r), .bool)
    case .less, .lessEqual, .greater, .greaterEqual:
      let orderable = lt.fits(.number) && rt.fits(.number) || lt.fits(.string) && rt.fits(.string)
      if !orderable || lt.element != nil && lt != .any || rt.element != nil && rt != .any {
        return fail("'\(op.rawValue)' compares two numbers or two texts, not \(lt) with \(rt)", at: at)
      }
      return (.binary(op, l, r), .bool)
    case .in:
      guard let element = rt.element else {
        return fail("'in' needs a list on its right, but this is \(rt)", at: right.offset)
      }
      if !lt.fits(element) { return fail("cannot look for \(lt) in a \(rt)", at: left.offset) }
      checkOption(left, against: right)
      checkOption(right, against: left)
      return (.binary(op, l, r), .bool)
    case .contains:
      if lt.fits(.string) && lt != .any && lt != .null {
        if !rt.fits(.string) { return fail("a text contains text, not \(rt)", at: right.offset) }
        return (.binary(op, l, r), .bool)
      }
      guard let element = lt.element else {
        return fail("'contains' needs a list or a text on its left, but this is \(lt)", at: left.offset)
      }
      if !rt.fits(element) && !rt.fits(.list(element)) {
        return fail("a \(lt) cannot contain \(rt)", at: right.offset)
      }
      checkOption(right, against: left)
      return (.binary(op, l, r), .bool)
    case .add, .subtract, .multiply, .divide:
      if !lt.fits(.number) { return fail("'\(op.rawValue)' needs numbers, but its left is \(lt)", at: left.offset) }
      if !rt.fits(.number) { return fail("'\(op.rawValue)' needs numbers, but its right is \(rt)", at: right.offset) }
      return (.binary(op, l, r), .number)
    }
  }

  private mutating func checkCall(_ name: String, _ arguments: [Expr], _ expr: Expr) -> (CompiledExpr, ExprType) {
    guard let function = CompiledExpr.Function(rawValue: name) else {
      let names = CompiledExpr.Function.allCases.map(\.rawValue)
      return fail("unknown function '\(name)'\(Suggestions.hint(for: name, in: names))", at: expr.offset)
    }
    let arity: ClosedRange<Int>
    switch function {
    case .answered, .count, .abs, .floor, .ceil, .score, .maxScore, .truthy, .empty, .notempty, .looseValue:
      arity = 1...1
    case .equal, .includes, .excludes, .anyof, .allof, .greater, .less: arity = 2...2
    case .loosePlus, .looseMinus, .looseMul, .looseDiv, .looseMod, .loosePow: arity = 2...2
    case .looseIf: arity = 3...3
    case .looseSum, .looseMin, .looseMax: arity = 1...Int.max
    case .round: arity = 1...2
    case .if: arity = 3...3
    case .sum, .min, .max: arity = 1...Int.max
    }
    guard arity.contains(arguments.count) else {
      let wanted =
        arity.lowerBound == arity.upperBound
        ? "\(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")"
        : arity.upperBound == Int.max
          ? "at least \(arity.lowerBound) argument" : "\(arity.lowerBound) or \(arity.upperBound) arguments"
      return fail("'\(name)' takes \(wanted), not \(arguments.count)", at: expr.offset)
    }

    switch function {
    case .answered, .score, .maxScore:
      guard case .name(let argName) = arguments[0].kind else {
        let what = function == .maxScore ? "a scale" : "a question"
        return fail("'\(name)' takes the name of \(what)", at: arguments[0].offset)
      }
      guard let info = resolve(argName, at: arguments[0].offset) else { return (.constant(.null), .any) }
      switch (function, info.symbol) {
      case (.answered, .question), (.answered, .instance):
        return (.answered(info.symbol), .bool)
      case (.score, .question(let q)) where info.scored:
        return (.score(q), .number)
      case (.maxScore, .scale(let s)):
        return (.constant(.number(scope.maxScore(s))), .number)
      case (.maxScore, _):
        return fail("'maxScore' takes the name of a scale; '\(argName)' is a \(info.kind)", at: arguments[0].offset)
      case (.score, _):
        return fail(
          "'score' takes a choice or yes/no question; '\(argName)' is a \(info.kind)", at: arguments[0].offset)
      default:
        return fail("'answered' takes a question; '\(argName)' is a \(info.kind)", at: arguments[0].offset)
      }
    default:
      break
    }

    let before = errors.count
    let checked = arguments.map { check($0) }
    guard errors.count == before else { return (.constant(.null), .any) }
    let compiled = checked.map(\.0)
    let types = checked.map(\.1)

    switch function {
    case .count:
      return (.call(function, compiled), .number)
    case .truthy, .empty, .notempty, .equal, .includes, .excludes, .anyof, .allof, .greater, .less:
      return (.call(function, compiled), .bool)
    case .looseValue, .loosePlus, .looseMinus, .looseMul, .looseDiv, .looseMod, .loosePow, .looseIf, .looseSum,
      .looseMin, .looseMax:
      // SurveyJS's values: any type, whatever the arguments' (a text plus a number is a text).
      return (.call(function, compiled), .any)
    case .sum, .min, .max:
      for (argument, type) in zip(arguments, types) where !type.fits(.number) && !type.fits(.list(.number)) {
        return fail("'\(name)' takes numbers or lists of numbers, not \(type)", at: argument.offset)
      }
      return (.call(function, compiled), .number)
    case .round, .abs, .floor, .ceil:
      for (argument, type) in zip(arguments, types) where !type.fits(.number) {
        return fail("'\(name)' takes a number, not \(type)", at: argument.offset)
      }
      return (.call(function, compiled), .number)
    case .if:
      if !types[0].fits(.bool) {
        return fail("the condition of 'if' must be true/false, not \(types[0])", at: arguments[0].offset)
      }
      if !types[1].fits(types[2]) {
        return fail(
          "both branches of 'if' must have one type, not \(types[1]) and \(types[2])", at: arguments[2].offset)
      }
      return (.call(function, compiled), types[1].unified(with: types[2]))
    case .answered, .score, .maxScore:
      return (.constant(.null), .any)
    }
  }
}
