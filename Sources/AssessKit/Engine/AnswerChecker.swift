import Foundation

/// A given answer that the questionnaire does not accept.
public struct AnswerError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The question (or instance) id as given.
  public internal(set) var id: String
  /// One sentence: what is wrong and what the question accepts.
  public internal(set) var message: String

  public var description: String { message }
}

/// Checks given answers against their questions, turning accepted ones into canonical values.
public enum AnswerChecker {
  /// Checks one answer.
  ///
  /// - Parameters:
  ///   - id: a question id, or `question[option]` for an instance of a repeated question.
  ///   - value: the value as given (`.null` clears the answer).
  ///   - rawText: the text of a plain YAML scalar, so `no` or `2024` can be read as the question needs.
  ///   - questionnaire: where the question is.
  /// - Returns: the canonical value (`.null` for a cleared answer).
  /// - Throws: `AnswerError` naming the question and what it accepts.
  public static func check(_ id: String, _ value: Value, rawText: String? = nil, in questionnaire: Questionnaire)
    throws(AnswerError) -> Value
  {
    func fail(_ message: String) -> AnswerError { AnswerError(id: id, message: message) }
    let question: Question
    if let q = questionnaire.question(id) {
      question = q
      if question.repeatOver != nil, !value.isNull {
        let source = questionnaire.questions[question.repeatOver ?? 0]
        throw fail(
          "'\(id)' is asked once per option chosen in '\(source.id)'; answer it as '\(id)[OPTION]', e.g. '\(AnswerSet.instanceId(id, source.options.first?.value ?? "x"))'"
        )
      }
    } else if let (base, option) = AnswerSet.splitInstance(id), let q = questionnaire.question(base) {
      guard let sourceIndex = q.repeatOver else { throw fail("'\(base)' is not repeated, so '\(id)' names nothing") }
      let source = questionnaire.questions[sourceIndex]
      guard let sourceOption = source.option(option), !sourceOption.exclusive else {
        let hint = Suggestions.hint(for: option, in: source.options.filter { !$0.exclusive }.map(\.value))
        throw fail("'\(base)' repeats over the options of '\(source.id)', and '\(option)' is not one of them\(hint)")
      }
      question = q
    } else {
      let ids = questionnaire.questions.filter { $0.type.isAnswerable }.map(\.id)
      throw fail("'\(questionnaire.id)' has no question '\(id)'\(Suggestions.hint(for: id, in: ids))")
    }
    if value.isNull { return .null }
    return try coerce(value, rawText: rawText, for: question, id: id)
  }

  private static func coerce(_ value: Value, rawText: String?, for q: Question, id: String) throws(AnswerError) -> Value
  {
    func fail(_ message: String) -> AnswerError { AnswerError(id: id, message: message) }
    switch q.type {
    case .note:
      throw fail("'\(id)' is a note and takes no answer")
    case .text:
      if let rawText { return .string(rawText) }
      switch value {
      case .string: return value
      case .number(let n): return .string(JSON.format(n))
      default: throw fail("'\(id)' takes text, not \(value)")
      }
    case .single:
      return .string(try choice(value, rawText: rawText, q, id))
    case .multi:
      let items: [Value]
      switch value {
      case .list(let l): items = l
      default: items = [value]
      }
      var chosen: [String] = []
      for item in items {
        let v = try choice(item, rawText: items.count == 1 ? rawText : nil, q, id)
        if chosen.contains(v) { throw fail("'\(id)' lists '\(v)' twice") }
        chosen.append(v)
      }
      if chosen.count > 1, let exclusive = chosen.first(where: { q.option($0)?.exclusive == true }) {
        throw fail("'\(exclusive)' in '\(id)' excludes the other options, so it must be chosen alone")
      }
      // Canonical order: the options' order.
      return .list(q.optionValues.filter(chosen.contains).map(Value.string))
    case .yesno:
      switch value {
      case .bool: return value
      case .string(let s):
        switch s.lowercased() {
        case "yes", "y", "true": return .bool(true)
        case "no", "n", "false": return .bool(false)
        default: break
        }
      default: break
      }
      throw fail("'\(id)' takes yes or no (true or false), not \(value)")
    case .scale, .number:
      var number = value.number
      if number == nil, case .string(let s) = value {
        // Decimal only: Swift would read "0x10" as 16 and "inf" as infinity.
        let text = s.trimmingCharacters(in: .whitespaces)
        if text.allSatisfy({ "0123456789+-.eE".contains($0) }) { number = Double(text) }
      }
      let range = describeRange(q)
      guard let n = number else { throw fail("'\(id)' takes \(range), not \(value)") }
      guard n.isFinite else {
        // NaN and infinities (also a literal too large for a number, like 1e400) are no answer.
        let shown = rawText.map { "'\($0)'" } ?? (n.isNaN ? "NaN" : "an infinite number")
        throw fail("'\(id)' takes \(range), not \(shown), which is \(n.isNaN ? "not a number" : "too large to be one")")
      }
      if q.type == .scale, n != n.rounded() { throw fail("'\(id)' takes \(range), not \(JSON.format(n))") }
      if let lo = q.min, n < lo { throw fail("'\(id)' takes \(range), not \(JSON.format(n))") }
      if let hi = q.max, n > hi { throw fail("'\(id)' takes \(range), not \(JSON.format(n))") }
      return .number(n)
    }
  }

  private static func choice(_ value: Value, rawText: String?, _ q: Question, _ id: String) throws(AnswerError)
    -> String
  {
    if case .list = value {
      throw AnswerError(id: id, message: "'\(id)' takes one option, not a list")
    }
    var candidates: [String] = []
    if let rawText { candidates.append(rawText) }
    switch value {
    case .string(let s): candidates.append(s)
    case .number(let n): candidates.append(JSON.format(n))
    case .bool(let b): candidates += b ? ["true", "yes"] : ["false", "no"]
    default: break
    }
    if let match = candidates.first(where: { q.option($0) != nil }) { return match }
    // An option value written in another case or with spaces around it is still that option.
    for candidate in candidates {
      let wanted = candidate.trimmingCharacters(in: .whitespaces).lowercased()
      let matches = q.options.filter { $0.value.lowercased() == wanted }
      if matches.count == 1 { return matches[0].value }
    }
    let given = candidates.first ?? value.description
    let hint = Suggestions.hint(for: given, in: q.optionValues)
    let options = q.optionValues.map { "'\($0)'" }.joined(separator: ", ")
    throw AnswerError(id: id, message: "'\(id)' has no option '\(given)'\(hint); its options are \(options)")
  }

  /// What a number or scale question accepts, in words.
  public static func describeRange(_ q: Question) -> String {
    let kind = q.type == .scale ? "a whole number" : "a number"
    switch (q.min, q.max) {
    case (let lo?, let hi?): return "\(kind) from \(JSON.format(lo)) to \(JSON.format(hi))"
    case (let lo?, nil): return "\(kind) of at least \(JSON.format(lo))"
    case (nil, let hi?): return "\(kind) of at most \(JSON.format(hi))"
    default: return kind
    }
  }
}
