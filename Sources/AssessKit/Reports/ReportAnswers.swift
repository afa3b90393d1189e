/// Answers as people read them: option labels instead of values, scale labels, units.
package enum ReportAnswers {
  /// The answer `value` to `question` in words.
  package static func label(_ value: Value, of question: Question) -> String {
    switch value {
    case .null: return ""
    case .bool(let b):
      let key = b ? "yes" : "no"
      return question.option(key)?.label ?? (b ? "Yes" : "No")
    case .string(let s):
      return question.option(s)?.label ?? s
    case .number(let n):
      let text = NumberText.format(n)
      if question.type == .scale, n == n.rounded(), let label = question.labels[Int(n)] { return "\(text) (\(label))" }
      return question.unit.map { "\(text) \($0)" } ?? text
    case .list(let items):
      return items.map { label($0, of: question) }.joined(separator: "; ")
    }
  }

  /// The question of an answer id (`q` or `q[option]`), and the instance's option label, if any.
  package static func question(
    _ id: String, in questionnaire: Questionnaire
  ) -> (question: Question, instance: String?)? {
    if let q = questionnaire.question(id) { return (q, nil) }
    guard let (base, option) = AnswerSet.splitInstance(id), let q = questionnaire.question(base) else { return nil }
    let source = q.repeatOver.map { questionnaire.questions[$0] }
    return (q, source?.option(option)?.label ?? option)
  }

  /// The question's text for an answer id, with the instance it is for.
  package static func text(_ id: String, in questionnaire: Questionnaire) -> String {
    guard let (q, instance) = question(id, in: questionnaire) else { return id }
    guard let instance else { return q.prompt }
    return q.prompt.contains("{item}")
      ? q.prompt.replacingOccurrences(of: "{item}", with: instance) : "\(q.prompt) (\(instance))"
  }
}
