extension ReportBuilder {
  /// Independent ratings (`:poll`, rater copies): how far the raters agreed, and each rater's answer
  /// in words beside the agreed one, question by question, lowest agreement first.
  func agreement() -> JSON {
    let agreement = Agreement(session)
    func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
    let questions = agreement.spreads.sorted { $0.agreement < $1.agreement }.map { spread -> JSON in
      let base = AnswerSet.splitInstance(spread.question)?.question ?? spread.question
      let question = q.question(base)
      func words(_ value: Value) -> String { question.map { ReportAnswers.label(value, of: $0) } ?? value.description }
      let agreed = session.state.answers[spread.question]
      return .object([
        ("id", .string(spread.question)), ("text", .string(ReportAnswers.text(spread.question, in: q))),
        ("agreement", .string(percent(spread.agreement))), ("unanimous", .bool(spread.unanimous)),
        (
          "ratings",
          .array(spread.entries.map { .object([("rater", .string($0.rater)), ("answer", .string(words($0.value)))]) })
        ),
        ("agreed", agreed.map { .string(words($0)) } ?? .null),
      ])
    }
    return .object([
      ("rated", .number(Double(agreement.rated))), ("unanimous", .number(Double(agreement.unanimous))),
      ("lowest", agreement.lowest.map { .string(percent($0.agreement)) } ?? .null),
      ("questions", .array(questions)),
    ])
  }
}
