/// Finds conditions that can never hold as written: a warning, not an error.
enum NeverHolds {
  /// Why `condition` can never be true, or `nil` if it may be.
  static func reason(
    _ condition: CompiledExpr, names: (Symbol) -> String, ranges: QuestionnaireScope
  ) -> String? {
    if condition.dependencies.isEmpty {
      return condition.evaluate(in: EmptyContext()).holds ? nil : "the condition is always false"
    }
    let terms = conjuncts(condition)
    var equalities: [Symbol: Value] = [:]
    for term in terms {
      if case .constant(let v) = term, !v.holds { return "it requires false to hold" }
      guard case .binary(let op, let l, let r) = term else { continue }
      let (symbol, constant, flipped): (Symbol, Value, Bool)
      switch (l, r) {
      case (.ref(let s), .constant(let v)): (symbol, constant, flipped) = (s, v, false)
      case (.constant(let v), .ref(let s)): (symbol, constant, flipped) = (s, v, true)
      default: continue
      }
      if op == .equal {
        if let other = equalities[symbol], other != constant {
          return "'\(names(symbol))' cannot be both \(other) and \(constant)"
        }
        equalities[symbol] = constant
      }
      if let range = ranges.range(of: symbol), let n = constant.number {
        let impossible: Bool
        switch (op, flipped) {
        case (.greater, false), (.less, true): impossible = n >= range.upperBound
        case (.greaterEqual, false), (.lessEqual, true): impossible = n > range.upperBound
        case (.less, false), (.greater, true): impossible = n <= range.lowerBound
        case (.lessEqual, false), (.greaterEqual, true): impossible = n < range.lowerBound
        case (.equal, _): impossible = !range.contains(n)
        default: impossible = false
        }
        if impossible {
          return "'\(names(symbol))' ranges from \(JSON.format(range.lowerBound)) to \(JSON.format(range.upperBound))"
        }
      }
    }
    for term in terms {
      if case .binary(.notEqual, let l, let r) = term {
        for (ref, constant) in [(l, r), (r, l)] {
          if case .ref(let s) = ref, case .constant(let v) = constant, equalities[s] == v {
            return "'\(names(s))' cannot be both \(v) and not \(v)"
          }
        }
      }
    }
    return nil
  }

  private static func conjuncts(_ e: CompiledExpr) -> [CompiledExpr] {
    if case .binary(.and, let l, let r) = e { return conjuncts(l) + conjuncts(r) }
    return [e]
  }

  private struct EmptyContext: EvaluationContext {
    func value(of symbol: Symbol) -> Value { .null }
    func isAnswered(_ symbol: Symbol) -> Bool { false }
    func points(ofQuestion index: Int) -> Double { 0 }
  }
}
