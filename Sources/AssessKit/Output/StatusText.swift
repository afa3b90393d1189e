/// Where a session stands, in words: for `assess status` and after `assess start --no-input`.
public enum StatusText {
  /// The status, ending with a newline.
  /// - Parameters:
  ///   - width: wrap long lines to this many columns (a terminal's width), or `nil`.
  ///   - today: `yyyy-mm-dd`, to mark overdue plan items.
  public static func render(
    _ session: Session, style: any TextStyler = PlainStyler(), width: Int? = nil, today: String? = nil
  ) -> String {
    let q = session.questionnaire
    let state = session.state
    func bold(_ s: String) -> String { style.apply(.heading, s) }
    var out =
      bold("Session '\(session.id)'") + " on '\(q.id)' \(q.version): \(session.status)"
      + (state.archived ? " (archived: read-only)" : "") + "\n"
    out +=
      "Started \(state.createdAt?.text ?? "?") by \(state.createdBy); last change \(state.updatedAt?.text ?? "?")\n"
    out += session.integrity.statusLine(session: session.id, style: style) ?? ""
    if !state.participants.isEmpty {
      out +=
        "Participants: "
        + state.participants.map { p in p.role.map { "\(p.name) (\($0))" } ?? p.name }
        .joined(separator: ", ") + "\n"
    }
    if let old = state.reassessmentOf {
      let n = state.proposed.count
      out +=
        "Re-assessment of session '\(old)'"
        + (n == 0
          ? ": every carried answer confirmed\n" : ": \(n) carried answer\(n == 1 ? "" : "s") still to confirm\n")
    }
    let (answered, onPath) = session.progress
    out += "Progress: \(answered) of \(onPath) answered"
    let missing = session.engine.unanswered
    out += missing.isEmpty ? "\n" : "; required and unanswered: \(missing.joined(separator: ", "))\n"
    let offPath = session.engine.answersAside
    if !offPath.isEmpty {
      // Under SurveyJS semantics a hidden question's answer still counts, as in SurveyJS.
      let how = q.semantics == .surveyjs ? "kept, and still read as SurveyJS does" : "kept, not counted"
      out += "Off the path (\(how)): \(offPath.joined(separator: ", "))\n"
    }
    if !state.aside.isEmpty {
      out += "Kept aside by a migration: \(state.aside.keys.sorted().joined(separator: ", "))\n"
    }
    if let copy = state.raterCopy {
      out +=
        "Independent ratings by \(copy.rater) for session '\(copy.session)' (brought in by 'assess reconcile \(copy.session)')\n"
    }
    out += SpreadText.summary(Agreement(session), style: style)
    out += EvaluationText.results(
      session.engine, style: style, width: width, treatments: state.treatments, titles: true)
    out += EvaluationText.possible(session.engine, style: style, width: width)
    out += PlanText.render(TreatmentPlan(session, today: today), style: style, compact: true)
    if !state.flags.isEmpty {
      out += bold("Flags") + "\n"
      for flag in state.flags.values.sorted(by: { $0.at < $1.at }) {
        out += "  \(flag.question)" + (flag.text.map { ": \($0)" } ?? "") + " (\(flag.by), \(flag.at))\n"
      }
    }
    if !state.notes.isEmpty {
      out += bold("Notes") + "\n"
      for note in state.notes {
        out += "  " + (note.question.map { "\($0): " } ?? "") + "\(note.text) (\(note.by), \(note.at))\n"
      }
    }
    if let last = state.signOffs.last {
      let who = last.name + (last.role.map { ", \($0)" } ?? "")
      if let voided = last.voidedBy {
        out +=
          style.apply(.warning, "Sign-off by \(who) at \(last.at) is void")
          + ": \(voided.reason) (event #\(voided.seq), by \(voided.by) at \(voided.at))\n"
      } else {
        out += "Signed off by \(who) at \(last.at): \(last.summary)"
        out += last.override.map { "; " + style.apply(.warning, "forced") + ": \($0)\n" } ?? "\n"
      }
    }
    return width.map { TextLayout.wrap(out, width: $0, indent: 4) } ?? out
  }
}
