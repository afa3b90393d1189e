/// The independent ratings behind an explained number: the spread of each rated answer it reads.
public enum ExplainRatings {
  /// The questions a risk, score, computed value or level reads, directly or through the scores,
  /// computed values and levels it reads, in questionnaire order.
  public static func questionsRead(by target: Explanation.Target, in q: Questionnaire) -> [String] {
    var questions = Set<Int>()
    var seen = Set<Symbol>()
    func visit(_ symbol: Symbol) {
      guard seen.insert(symbol).inserted else { return }
      switch symbol {
      case .question(let i), .instance(let i, _): questions.insert(i)
      case .scale(let s): questions.formUnion(q.contributors[s])
      case .computed(let c): q.computed[c].value.compiled.dependencies.forEach(visit)
      case .level(let l): q.levels[l].value.compiled.dependencies.forEach(visit)
      }
    }
    switch target {
    case .risk(let i):
      let risk = q.risks[i]
      for expression in [risk.when, risk.likelihood, risk.severity, risk.residualLikelihood, risk.residualSeverity] {
        expression?.compiled.dependencies.forEach(visit)
      }
    case .scale(let s): visit(.scale(s))
    case .computed(let c): visit(.computed(c))
    case .level(let l): visit(.level(l))
    }
    return questions.sorted().map { q.questions[$0].id }
  }

  /// The spreads of the rated answers `target` reads, under a heading; empty when none was rated.
  public static func render(
    _ target: Explanation.Target, in session: Session, style: any TextStyler = PlainStyler()
  ) -> String {
    let agreement = Agreement(session)
    guard !agreement.spreads.isEmpty else { return "" }
    let read = Set(questionsRead(by: target, in: session.questionnaire))
    let spreads = agreement.spreads.filter {
      read.contains(AnswerSet.splitInstance($0.question)?.question ?? $0.question)
    }
    guard !spreads.isEmpty else { return "" }
    var out = style.apply(.heading, "Independent ratings of the answers it reads") + "\n"
    for spread in spreads {
      let base = AnswerSet.splitInstance(spread.question)?.question ?? spread.question
      out += "  \"\(session.questionnaire.question(base)?.prompt ?? spread.question)\"\n"
      out += SpreadText.render(spread, in: session.questionnaire, style: style)
    }
    return out
  }
}
