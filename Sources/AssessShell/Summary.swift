import AssessKit

/// The end-of-interview summary: levels, scores, risks by rating with the heat map, the risks
/// above appetite with their treatment, open flags, and the commands that come next.
enum Summary {
  static func render(_ session: Session, output out: ShellOutput, program: String = "assess") -> String {
    let engine = session.engine
    let q = session.questionnaire
    let m = q.matrix
    var text = out.bold(out.cyan("== Summary ==")) + "\n"
    let (answered, onPath) = session.progress
    text += "\(answered) of \(onPath) questions on the path answered; session '\(session.id)' is \(session.status).\n"
    text += EvaluationText.results(engine, style: out.style, width: out.width)
    if engine.risks.contains(where: \.raised) {
      text += out.bold("Heat map") + " (likelihood by severity, inherent):\n"
      text += HeatMap.render(engine, style: out.style)
    }
    let above = q.risks.indices.filter {
      engine.risks[$0].raised && m.isAboveAppetite(engine.risks[$0].inherent.rating)
    }
    if !above.isEmpty {
      text += out.bold("Above appetite (\(m.ratings[m.appetite])): proposed treatment") + "\n"
      for i in above {
        let risk = q.risks[i]
        let treatment = TreatmentEdits.apply(session.state.treatments[risk.id] ?? [:], to: risk.treatment)
        text +=
          "  \(risk.id): "
          + (treatment.map { t in
            var line = t.option.rawValue
            if !t.controls.isEmpty { line += " with " + t.controls.joined(separator: ", ") }
            if let owner = t.owner { line += "; owner \(owner)" }
            if let due = t.due { line += "; due \(due)" }
            return line + "\n" + t.actions.map { "      - \($0)\n" }.joined()
          } ?? out.yellow("no treatment proposed") + "\n")
      }
    }
    if !session.state.flags.isEmpty {
      text += out.bold("Open flags") + "\n"
      for flag in session.state.flags.values.sorted(by: { $0.at < $1.at }) {
        text += "  \(flag.question)" + (flag.text.map { ": \($0)" } ?? "") + " (\(flag.by))\n"
      }
    }
    text += out.bold("Next") + "\n"
    let next = [
      ("status \(session.id)", "where it stands"), ("history \(session.id)", "who answered what, and when"),
      ("treat \(session.id) RISK ...", "edit a treatment"),
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
