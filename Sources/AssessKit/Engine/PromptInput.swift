import Foundation

/// Reads what a person types at a question's prompt: option numbers, values, starts of labels,
/// lists and ranges for multiple choice, y/n, numbers in range.
package enum PromptInput {
  /// The value for `text` typed at `question`, checked; or one sentence saying what is accepted.
  ///
  /// - Parameters:
  ///   - text: the line typed (not empty).
  ///   - question: the question asked.
  ///   - id: the id answered (`q` or `q[option]`).
  ///   - questionnaire: where it is.
  package static func parse(_ text: String, for question: Question, id: String, in questionnaire: Questionnaire)
    -> Result<Value, AnswerError>
  {
    let input = text.trimmingCharacters(in: .whitespaces)
    func fail(_ message: String) -> Result<Value, AnswerError> { .failure(AnswerError(id: id, message: message)) }
    let value: Value
    switch question.type {
    case .single:
      guard let option = choose(input, question) else {
        return fail("type an option number (1 to \(question.options.count)), its value, or the start of its label")
      }
      value = .string(option)
    case .multi:
      var chosen: [String] = []
      for part in split(input) {
        if let range = range(part, count: question.options.count) {
          chosen += range.map { question.options[$0 - 1].value }
        } else if let option = choose(part, question) {
          chosen.append(option)
        } else {
          return fail(
            "'\(part)' is not an option: type numbers (1,3 or 1 3 or 2-4), values, or starts of labels, separated by commas"
          )
        }
      }
      var unique: [String] = []
      for option in chosen where !unique.contains(option) { unique.append(option) }
      value = .list(unique.map(Value.string))
    case .yesno:
      switch input.lowercased() {
      case "y", "yes", "true", "1": value = .bool(true)
      case "n", "no", "false", "2": value = .bool(false)
      default:
        if let option = choose(input, question) {
          value = .bool(option == "yes")
        } else {
          return fail("type y or n (yes or no)")
        }
      }
    case .scale:
      if let n = Double(input) {
        value = .number(n)
      } else if let point = question.labels.sorted(by: { $0.key < $1.key }).first(where: {
        $0.value.lowercased().hasPrefix(input.lowercased())
      }) {
        value = .number(Double(point.key))
      } else {
        return fail("type \(AnswerChecker.describeRange(question))")
      }
    case .number:
      guard let n = Double(input.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")) else {
        return fail("type \(AnswerChecker.describeRange(question))")
      }
      value = .number(n)
    case .text:
      value = .string(text)
    case .note:
      return fail("a note takes no answer")
    }
    do {
      return .success(try AnswerChecker.check(id, value, in: questionnaire))
    } catch {
      return .failure(error)
    }
  }

  /// An option by number, exact value, exact label, or unambiguous start of a label or value.
  static func choose(_ input: String, _ question: Question) -> String? {
    if let n = Int(input), n >= 1, n <= question.options.count { return question.options[n - 1].value }
    let lower = input.lowercased()
    guard !lower.isEmpty else { return nil }
    if let exact = question.options.first(where: { $0.value.lowercased() == lower || $0.label.lowercased() == lower }) {
      return exact.value
    }
    let starting = question.options.filter {
      $0.label.lowercased().hasPrefix(lower) || $0.value.lowercased().hasPrefix(lower)
    }
    return starting.count == 1 ? starting[0].value : nil
  }

  /// `2-4` as 2...4, when within 1...count.
  static func range(_ part: String, count: Int) -> ClosedRange<Int>? {
    let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    guard bounds.count == 2, let lo = bounds[0], let hi = bounds[1], lo >= 1, lo <= hi, hi <= count else { return nil }
    return lo...hi
  }

  /// Splits a multiple-choice line on commas, or on spaces when it is only numbers and ranges.
  static func split(_ input: String) -> [String] {
    if input.contains(",") {
      return input.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
    let words = input.split(separator: " ").map(String.init)
    if words.allSatisfy({ Int($0) != nil || $0.contains("-") && $0.allSatisfy { $0.isNumber || $0 == "-" } }) {
      return words
    }
    return [input]
  }
}
