import AssessKit

/// The end-of-interview summary: levels, scores, risks by rating with the heat map, the risks
/// above appetite with their treatment, open flags, and the commands that come next.
enum Summary {
  static func render(_ session: Session, output out: ShellOutput, program: String = "assess", today: String? = nil)
    -> String
  {
    let engine = session.engine
    var text = out.bold(out.cyan("== Summary ==")) + "\n"
    let (answered, onPath) = session.progress
    text += "\(answered) of \(onPath) questions on the path answered; session '\(session.id)' is \(session.status).\n"
    text += EvaluationText.results(
      engine, style: out.style, width: out.width, treatments: session.state.treatments, titles: true)
    if engine.risks.contains(where: \.raised) {
      text += out.bold("Heat map") + " (likelihood by severity, inherent):\n"
      text += Text.wrap(HeatMap.render(engine, style: out.style), width: out.width, indent: 4)
    }
    text += Text.wrap(
      PlanText.render(TreatmentPlan(session, today: today), style: out.style, compact: true), width: out.width,
      indent: 4)
    if !session.state.flags.isEmpty {
      text += out.bold("Open flags") + "\n"
      for flag in session.state.flags.values.sorted(by: { $0.at < $1.at }) {
        text += "  \(flag.question)" + (flag.text.map { ": \($0)" } ?? "") + " (\(flag.by))\n"
      }
    }
    text += out.bold("Next") + "\n"
    let next = [
      ("status \(session.id)", "where it stands"), ("history \(session.id)", "who answered what, and when"),
      ("plan \(session.id) [--list]", "walk the treatment plan (or :plan here), or list it in full"),
      ("explain \(session.id) RISK", "how a rating came about (or :why RISK here)"),
      ("sign \(session.id) --by NAME", "accept the residual risk"),
      ("resume \(session.id)", "change answers"),
    ]
    let width = next.map { program.count + 1 + $0.0.count }.max() ?? 0
    for (command, what) in next {
      text += "  " + "\(program) \(command)".padding(toLength: width, withPad: " ", startingAt: 0) + "    \(what)\n"
    }
    return text
  }
}
