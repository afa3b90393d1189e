import Foundation

/// Supplies the values that compiled expressions read.
package protocol EvaluationContext {
  /// The current value of a symbol; `.null` for an answer that is off the path or not given.
  func value(of symbol: Symbol) -> Value
  /// Whether a question (or instance) is on the path and answered.
  func isAnswered(_ symbol: Symbol) -> Bool
  /// The points a question currently contributes, over all scales.
  func points(ofQuestion index: Int) -> Double
}

extension CompiledExpr {
  /// Evaluates the expression. Never fails: the checker has ruled out what cannot run, and
  /// null semantics (see docs/FORMAT.md) cover missing answers.
  package func evaluate(in context: some EvaluationContext) -> Value {
    switch self {
    case .constant(let v): return v
    case .ref(let symbol): return context.value(of: symbol)
    case .answered(let symbol): return .bool(context.isAnswered(symbol))
    case .score(let q): return .number(context.points(ofQuestion: q))
    case .list(let items): return .list(items.map { $0.evaluate(in: context) })
    case .not(let e): return .bool(!e.evaluate(in: context).holds)
    case .negate(let e):
      guard let n = e.evaluate(in: context).number else { return .null }
      return .number(-n)
    case .binary(let op, let l, let r):
      return Self.binary(op, l, r, context)
    case .call(let function, let arguments):
      return Self.call(function, arguments, context)
    }
  }

  private static func binary(
    _ op: Expr.BinaryOp, _ l: CompiledExpr, _ r: CompiledExpr, _ context: some EvaluationContext
  )
    -> Value
  {
    switch op {
    case .and:
      guard l.evaluate(in: context).holds else { return .bool(false) }
      return .bool(r.evaluate(in: context).holds)
    case .or:
      if l.evaluate(in: context).holds { return .bool(true) }
      return .bool(r.evaluate(in: context).holds)
    default: break
    }
    let a = l.evaluate(in: context)
    let b = r.evaluate(in: context)
    switch op {
    case .equal: return .bool(a == b)
    case .notEqual: return .bool(a != b)
    case .less, .lessEqual, .greater, .greaterEqual:
      guard let order = compare(a, b) else { return .bool(false) }
      switch op {
      case .less: return .bool(order < 0)
      case .lessEqual: return .bool(order <= 0)
      case .greater: return .bool(order > 0)
      default: return .bool(order >= 0)
      }
    case .in:
      guard !a.isNull, let list = b.list else { return .bool(false) }
      return .bool(list.contains(a))
    case .contains:
      switch (a, b) {
      case (.string(let s), .string(let t)): return .bool(s.contains(t))
      case (.list(let items), .list(let wanted)): return .bool(!wanted.isEmpty && wanted.allSatisfy(items.contains))
      case (.list(let items), _) where !b.isNull: return .bool(items.contains(b))
      default: return .bool(false)
      }
    case .add, .subtract, .multiply, .divide:
      guard let x = a.number, let y = b.number else { return .null }
      switch op {
      case .add: return .number(x + y)
      case .subtract: return .number(x - y)
      case .multiply: return .number(x * y)
      default: return y == 0 ? .null : .number(x / y)
      }
    default: return .null
    }
  }

  /// -1, 0, 1 for two numbers or two texts; `nil` when they cannot be ordered (null among them).
  static func compare(_ a: Value, _ b: Value) -> Int? {
    switch (a, b) {
    case (.number(let x), .number(let y)): return x < y ? -1 : x > y ? 1 : 0
    case (.string(let x), .string(let y)): return x < y ? -1 : x > y ? 1 : 0
    default: return nil
    }
  }

  /// Numbers among the values, lists flattened, nulls skipped.
  private static func numbers(_ values: [Value]) -> [Double] {
    values.flatMap { value -> [Double] in
      switch value {
      case .number(let n): return [n]
      case .list(let items): return numbers(items)
      default: return []
      }
    }
  }

  private static func call(_ function: Function, _ arguments: [CompiledExpr], _ context: some EvaluationContext)
    -> Value
  {
    if function == .if {
      return arguments[0].evaluate(in: context).holds
        ? arguments[1].evaluate(in: context) : arguments[2].evaluate(in: context)
    }
    // The loose functions of imported forms take one or two arguments: read without an array
    // of values (one allocation a call, most of a SurveyJS condition's cost).
    if arguments.count == 1, let value = looseUnary(function, arguments[0], context) { return value }
    if arguments.count == 2, let value = looseBinary(function, arguments[0], arguments[1], context) { return value }
    let values = arguments.map { $0.evaluate(in: context) }
    switch function {
    case .count:
      switch values[0] {
      case .null: return .number(0)
      case .list(let items): return .number(Double(items.filter { !$0.isNull }.count))
      default: return .number(1)
      }
    case .sum: return .number(numbers(values).reduce(0, +))
    case .min: return numbers(values).min().map(Value.number) ?? .null
    case .max: return numbers(values).max().map(Value.number) ?? .null
    case .round:
      guard let x = values[0].number else { return .null }
      let digits = values.count > 1 ? (values[1].number ?? 0).rounded() : 0
      let factor = pow(10, digits)
      return .number((x * factor).rounded(.toNearestOrAwayFromZero) / factor)
    case .abs: return values[0].number.map { .number(Swift.abs($0)) } ?? .null
    case .floor: return values[0].number.map { .number($0.rounded(.down)) } ?? .null
    case .ceil: return values[0].number.map { .number($0.rounded(.up)) } ?? .null
    case .truthy: return .bool(Loose.truthy(values[0]))
    case .empty: return .bool(Loose.isEmpty(values[0]))
    case .notempty: return .bool(!Loose.isEmpty(values[0]))
    case .equal: return .bool(Loose.equals(values[0], values[1]))
    case .includes: return .bool(Loose.contains(values[0], values[1], wanted: true))
    case .excludes: return .bool(Loose.notContains(values[0], values[1]))
    case .anyof: return .bool(Loose.anyOf(values[0], values[1]))
    case .allof: return .bool(Loose.allOf(values[0], values[1]))
    case .greater: return .bool(Loose.greater(values[0], values[1]))
    case .less: return .bool(Loose.greater(values[1], values[0]))
    case .looseValue: return Loose.variable(values[0])
    case .loosePlus: return Loose.plus(values[0], values[1])
    case .looseMinus: return Loose.minus(values[0], values[1])
    case .looseMul: return Loose.mul(values[0], values[1])
    case .looseDiv: return Loose.div(values[0], values[1])
    case .looseMod: return Loose.mod(values[0], values[1])
    case .loosePow: return Loose.power(values[0], values[1])
    case .looseIf: return Loose.truthy(values[0]) ? values[1] : values[2]
    case .looseSum: return Loose.sum(values)
    case .looseMin: return Loose.extreme(values, least: true)
    case .looseMax: return Loose.extreme(values, least: false)
    case .if, .answered, .score, .maxScore: return .null
    }
  }

  /// The loose functions of one value; `nil` for the others.
  private static func looseUnary(_ function: Function, _ x: CompiledExpr, _ context: some EvaluationContext)
    -> Value?
  {
    func a() -> Value { x.evaluate(in: context) }
    switch function {
    case .truthy: return .bool(Loose.truthy(a()))
    case .empty: return .bool(Loose.isEmpty(a()))
    case .notempty: return .bool(!Loose.isEmpty(a()))
    case .looseValue: return Loose.variable(a())
    default: return nil
    }
  }

  /// The loose functions of two values; `nil` for the others.
  private static func looseBinary(
    _ function: Function, _ x: CompiledExpr, _ y: CompiledExpr, _ context: some EvaluationContext
  ) -> Value? {
    switch function {
    case .equal, .includes, .excludes, .anyof, .allof, .greater, .less, .loosePlus, .looseMinus, .looseMul, .looseDiv,
      .looseMod, .loosePow:
      break
    default: return nil
    }
    // Both sides, left first (evaluating has no effects; the order is the array's).
    let a = x.evaluate(in: context)
    let b = y.evaluate(in: context)
    switch function {
    case .equal: return .bool(Loose.equals(a, b))
    case .includes: return .bool(Loose.contains(a, b, wanted: true))
    case .excludes: return .bool(Loose.notContains(a, b))
    case .anyof: return .bool(Loose.anyOf(a, b))
    case .allof: return .bool(Loose.allOf(a, b))
    case .greater: return .bool(Loose.greater(a, b))
    case .less: return .bool(Loose.greater(b, a))
    case .loosePlus: return Loose.plus(a, b)
    case .looseMinus: return Loose.minus(a, b)
    case .looseMul: return Loose.mul(a, b)
    case .looseDiv: return Loose.div(a, b)
    case .looseMod: return Loose.mod(a, b)
    case .loosePow: return Loose.power(a, b)
    default: return nil
    }
  }
}
