/// Independent ratings in words: for the interview's `:poll` and `:why`, `reconcile` and `status`.
public enum SpreadText {
  /// The spread of one question's ratings, a few lines, each ending with a newline.
  public static func render(_ spread: Spread, in questionnaire: Questionnaire, style: any TextStyler = PlainStyler())
    -> String
  {
    let base = AnswerSet.splitInstance(spread.question)?.question ?? spread.question
    guard let question = questionnaire.question(base) else { return "" }
    func say(_ value: Value) -> String { words(value, question) }
    let n = spread.entries.count
    let head = style.apply(.heading, "Ratings (\(n))") + ": "
    if n == 1, let only = spread.entries.first {
      return head + "only \(only.rater) rated: \(say(only.value))\n"
    }
    if spread.unanimous, let first = spread.entries.first {
      return head + style.apply(.success, "all gave \(say(first.value))") + "\n"
        + "  " + spread.entries.map(\.rater).joined(separator: ", ") + "\n"
    }
    let agreement = style.apply(.warning, "agreement \(percent(spread.agreement))")
    var out = ""
    switch spread.type {
    case .scale, .number:
      let lo = spread.min.map(JSON.format) ?? "?"
      let hi = spread.max.map(JSON.format) ?? "?"
      let median = spread.median.map(JSON.format) ?? "?"
      out += head + "lowest \(lo), highest \(hi), median \(median); \(agreement)\n"
      out += "  " + spread.entries.map { "\($0.rater) \(say($0.value))" }.joined(separator: " · ") + "\n"
    case .multi:
      out += head + agreement + "\n"
      let common = spread.common.map { say(.string($0)) }
      out += "  chosen by all: " + (common.isEmpty ? "none" : common.joined(separator: ", ")) + "\n"
      let width = String(n).count
      for group in spread.groups where group.raters.count < n {
        out +=
          "  \(String(group.raters.count).leftPadded(to: width)) of \(n)  \(say(group.value)) (\(group.raters.joined(separator: ", ")))\n"
      }
    default:
      out += head + agreement + "\n"
      let width = String(n).count
      for group in spread.groups {
        out +=
          "  \(String(group.raters.count).leftPadded(to: width)) of \(n)  \(say(group.value)) (\(group.raters.joined(separator: ", ")))\n"
      }
    }
    return out
  }

  /// The summary line for `status`: how many were rated, how many unanimously, where agreement was lowest.
  public static func summary(_ agreement: Agreement, style: any TextStyler = PlainStyler()) -> String {
    guard agreement.rated > 0 else { return "" }
    var line =
      style.apply(.heading, "Agreement") + ": \(agreement.rated) question\(agreement.rated == 1 ? "" : "s") rated "
      + "independently, \(agreement.unanimous) unanimous"
    if let lowest = agreement.lowest, !lowest.unanimous {
      line += "; lowest: \(lowest.question) (\(percent(lowest.agreement)))"
    }
    return line + "\n"
  }

  /// An agreement as a whole percentage.
  public static func percent(_ agreement: Double) -> String { "\(Int((agreement * 100).rounded()))%" }

  /// A value in words: option labels rather than values, yes/no by their labels.
  public static func words(_ value: Value, _ question: Question) -> String {
    switch value {
    case .string(let s) where question.type == .single || question.type == .multi: return question.option(s)?.label ?? s
    case .list(let items) where question.type == .multi:
      let labels = items.compactMap(\.string).map { question.option($0)?.label ?? $0 }
      return labels.isEmpty ? "none" : labels.joined(separator: ", ")
    case .bool(let b): return question.option(b ? "yes" : "no")?.label ?? (b ? "yes" : "no")
    case .string(let s): return s
    default: return value.description
    }
  }

  /// A value as a person would type it at the question's prompt (for a suggested answer).
  package static func typed(_ value: Value, _ question: Question) -> String {
    switch value {
    case .string(let s) where question.type == .single: return question.option(s)?.label ?? s
    case .list(let items): return items.compactMap(\.string).joined(separator: ", ")
    case .bool(let b): return b ? "yes" : "no"
    case .string(let s): return s
    case .number(let n): return JSON.format(n)
    case .null: return ""
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
