extension AnswerChecker {
  /// `check` for the usual answer of a plain question (by its index, without copying the
  /// `Question`): the canonical value (`.null` for a cleared answer) when `check` would accept
  /// `value` as it is written, and `nil` for anything else (an answer `check` refuses, or one it
  /// accepts only after reading it another way: a choice in another case, `"yes"` for a yes/no
  /// question, a number written as text), which the caller then gives to `check`.
  ///
  /// Where it gives a value it is the one `check(id, value, in:)` gives: `BatchCheckTests`
  /// compares the two on every question of the built-ins with values of every kind.
  static func acceptedAsIs(_ value: Value, question i: Int, in questionnaire: Questionnaire) -> Value? {
    let questions = questionnaire.questions
    guard questions[i].repeatOver == nil else { return nil }
    if case .null = value { return .null }
    switch questions[i].type {
    case .note:
      return nil
    case .text:
      switch value {
      case .string: return value
      case .number(let n): return .string(JSON.format(n))
      default: return nil
      }
    case .single:
      guard case .string(let s) = value, hasOption(s, questions[i].options) else { return nil }
      return value
    case .multi:
      switch value {
      case .string(let s):
        guard let o = optionIndex(s, questions[i].options) else { return nil }
        return .list([.string(questions[i].options[o].value)])
      case .list(let items):
        return chosen(items, questions[i].options)
      default:
        return nil
      }
    case .yesno:
      guard case .bool = value else { return nil }
      return value
    case .scale, .number:
      guard case .number(let n) = value, n.isFinite else { return nil }
      if questions[i].type == .scale, n != n.rounded() { return nil }
      if let lo = questions[i].min, n < lo { return nil }
      if let hi = questions[i].max, n > hi { return nil }
      return value
    }
  }

  private static func hasOption(_ s: String, _ options: [AnswerOption]) -> Bool {
    optionIndex(s, options) != nil
  }

  private static func optionIndex(_ s: String, _ options: [AnswerOption]) -> Int? {
    for o in options.indices where options[o].value == s { return o }
    return nil
  }

  /// A multiple choice's items, each an option's value given once, an exclusive option alone:
  /// the options chosen, in the options' order; `nil` otherwise.
  private static func chosen(_ items: [Value], _ options: [AnswerOption]) -> Value? {
    var marks = [Bool](repeating: false, count: options.count)
    for item in items {
      guard case .string(let s) = item, let o = optionIndex(s, options), !marks[o] else { return nil }
      if items.count > 1 && options[o].exclusive { return nil }
      marks[o] = true
    }
    var out: [Value] = []
    out.reserveCapacity(items.count)
    for o in options.indices where marks[o] { out.append(.string(options[o].value)) }
    return .list(out)
  }
}
