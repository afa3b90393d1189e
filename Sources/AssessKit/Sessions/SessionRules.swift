/// The rules of a session that follow from its events, in one place: what voids a sign-off and
/// what completes or reopens a session. `SessionState` replays them and `SessionRecorder` settles
/// them as changes are made.
public enum SessionRules {
  /// Why an event voids the sign-off in force, or `nil` when it does not: any later change that
  /// can move a result (an answer given, changed or cleared, a migration, a treatment edit).
  public static func voidingReason(_ kind: SessionEvent.Kind) -> String? {
    switch kind {
    case .answered(let question, _): return "'\(question)' was answered"
    case .changed(let question, _, _): return "the answer to '\(question)' changed"
    case .cleared(let question, _): return "the answer to '\(question)' was cleared"
    case .migrated(_, _, let version, _): return "the session moved to version \(version) of its questionnaire"
    case .treatmentEdited(let risk, _): return "the treatment of '\(risk)' was edited"
    default: return nil
    }
  }

  /// The event that settles completion after a change: `completed` when every required answer on
  /// the path is given and the session was not complete, `reopened` when a complete session has
  /// required answers missing again; `nil` when nothing changes.
  public static func completionEvent(complete: Bool, wasComplete: Bool) -> SessionEvent.Kind? {
    if complete && !wasComplete { return .completed }
    if !complete && wasComplete { return .reopened }
    return nil
  }
}

extension SessionEvent.Kind {
  /// The question or risk an event concerns, if any.
  public var subject: String? {
    switch self {
    case .answered(let question, _), .changed(let question, _, _), .cleared(let question, _), .skipped(let question),
      .parked(let question),
      .flagSet(let question, _), .flagCleared(let question):
      return question
    case .noteAdded(let question, _): return question
    case .treatmentEdited(let risk, _): return risk
    case .participantJoined(let name, _), .signedOff(let name, _, _, _, _): return name
    case .applicability(let control, _, _): return control
    default: return nil
    }
  }
}

extension SessionRules {
  /// What stands in the way of a sign-off besides missing answers, in words, or `nil`: risks
  /// above appetite that are not treated (each with what it lacks) and open flags.
  public static func signOffGaps(_ session: Session) -> String? {
    var parts: [String] = []
    let untreated = TreatmentPlan(session).untreated
    if !untreated.isEmpty {
      let named = untreated.map { "'\($0.risk.id)': \($0.missing.joined(separator: ", "))" }
      parts.append(
        "\(untreated.count) risk\(untreated.count == 1 ? " above appetite is" : "s above appetite are") untreated ("
          + named.joined(separator: "; ") + ")")
    }
    let flags = session.state.flags.keys.sorted()
    if !flags.isEmpty {
      parts.append(
        "\(flags.count) flag\(flags.count == 1 ? " is" : "s are") open (\(flags.joined(separator: ", ")))")
    }
    return parts.isEmpty ? nil : parts.joined(separator: " and ")
  }
}

extension SessionRules {
  /// Why `id` (`q` or `q[option]`) names no question of `questionnaire` for a note or a flag, or
  /// `nil` when it names one. The recorder and strict replay both check with it.
  static func unknownQuestion(_ id: String, in questionnaire: Questionnaire) -> String? {
    let base = AnswerSet.splitInstance(id)?.question ?? id
    guard questionnaire.question(base) == nil else { return nil }
    let ids = questionnaire.questions.filter(\.type.isAnswerable).map(\.id)
    return "'\(questionnaire.id)' has no question '\(id)'\(Suggestions.hint(for: id, in: ids))"
  }
}
