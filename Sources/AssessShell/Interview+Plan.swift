import AssessKit

extension Interview {
  /// `:why NAME`: how a risk rating, score, computed value or level came about, as `assess explain` says it.
  func explain(_ name: String) -> Step {
    guard !name.isEmpty else {
      out.line("Say what to explain: :why RISK, SCORE or LEVEL (Tab completes the names).")
      return .stay
    }
    guard let target = Explanation.target(name, in: questionnaire) else {
      let names = Explanation.names(in: questionnaire)
      out.line(
        out.yellow(
          "There is no risk, score, computed value or level '\(name)'\(Suggestions.hint(for: name, in: names))."))
      return .stay
    }
    let plan = TreatmentPlan(session, today: recorder.today)
    let text = ExplainText.render(target, in: session, plan: plan, style: out.style)
    // Wrapped to the terminal, continuation lines indented under their line.
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      out.line(String(line), indent: 2)
    }
    return .stay
  }

  /// `:plan`: the treatment plan walk, with everyone in the room; back to the same prompt after.
  func plan() throws(InterviewError) -> Step {
    let walk = PlanWalk(recorder: recorder, editor: editor, output: out, who: who)
    _ = try walk.run()
    return .stay
  }
}
