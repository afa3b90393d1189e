import Foundation

/// The audit trail in words, one event a line.
public enum HistoryText {
  /// Every event: number, time, who, what.
  public static func render(_ session: Session) -> String {
    let width = String(session.events.count).count
    return session.events.map { event in
      let number = String(event.seq)
      let padded = String(repeating: " ", count: max(0, width - number.count)) + number
      return "#\(padded)  \(event.at)  \(event.by): \(describe(event.kind))\n"
    }.joined()
  }

  /// One event's kind, in words.
  public static func describe(_ kind: SessionEvent.Kind) -> String {
    switch kind {
    case .created(let questionnaire, let version, let hash, let source):
      return "started the session on '\(questionnaire)' \(version) (\(hash.prefix(19))...) from \(source)"
    case .answered(let question, let value): return "answered \(question) = \(value)"
    case .changed(let question, let old, let new): return "changed \(question) from \(old) to \(new)"
    case .cleared(let question, let old): return "cleared \(question) (was \(old))"
    case .skipped(let question): return "skipped \(question)"
    case .parked(let question): return "parked \(question) (required; to come back to)"
    case .noteAdded(let question, let text): return "noted" + (question.map { " on \($0)" } ?? "") + ": \(text)"
    case .flagSet(let question, let text): return "flagged \(question)" + (text.map { ": \($0)" } ?? "")
    case .flagCleared(let question): return "cleared the flag on \(question)"
    case .participantJoined(let name, let role): return "\(name) joined" + (role.map { " as \($0)" } ?? "")
    case .treatmentEdited(let risk, let fields):
      return "edited the treatment of \(risk): "
        + fields.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value.replacingOccurrences(of: "\n", with: "; "))" }
        .joined(separator: ", ")
    case .signedOff(let name, let role, let summary, _, let override):
      return "signed off as \(name)" + (role.map { " (\($0))" } ?? "") + ": \(summary)"
        + (override.map { "; forced past what was missing: \($0)" } ?? "")
    case .applicability(let control, let included, let reason):
      return "\(included ? "included" : "excluded") \(control) in the Statement of Applicability: \(reason)"
    case .migrated(let from, let to, let version, let aside):
      return "migrated from \(from.prefix(19))... to \(version) (\(to.prefix(19))...)"
        + (aside.isEmpty ? "" : "; kept aside: \(aside.joined(separator: ", "))")
    case .signOffVoided(let reason, let cause): return "the sign-off is void: \(reason) (event #\(cause))"
    case .archived(let reason): return "archived the session" + (reason.map { ": \($0)" } ?? "")
    case .restored: return "restored the session from the archive"
    case .completed: return "every required question on the path is answered: complete"
    case .reopened: return "required questions are open again: reopened"
    case .rated(let question, let rater, let value): return "\(rater) rated \(question) = \(value)"
    case .raterCopy(let session, let rater): return "independent ratings by \(rater) for session '\(session)'"
    case .reassessment(let of, let version, let proposed):
      return
        "re-assesses session '\(of)' (\(version)); \(proposed.count) carried answer\(proposed.count == 1 ? "" : "s") to confirm"
    case .confirmed(let question): return "confirmed the carried answer to \(question)"
    }
  }
}
