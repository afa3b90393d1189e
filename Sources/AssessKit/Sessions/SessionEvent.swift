/// One record of a session's append-only event log.
public struct SessionEvent: Sendable, Hashable {
  /// What happened.
  public enum Kind: Sendable, Hashable {
    /// The session was started on a questionnaire, pinned by content hash.
    case created(questionnaire: String, version: String, hash: String, source: String)
    /// A question was answered for the first time (or again after being cleared).
    case answered(question: String, value: Value)
    /// An answer was changed.
    case changed(question: String, old: Value, new: Value)
    /// An answer was cleared.
    case cleared(question: String, old: Value)
    /// An optional question was passed over without an answer.
    case skipped(question: String)
    /// A required question was put off: the interview comes back to it at the end, and the session
    /// cannot complete until it is answered.
    case parked(question: String)
    /// A note, on a question or on the session.
    case noteAdded(question: String?, text: String)
    /// A flag for follow-up was set on a question.
    case flagSet(question: String, text: String?)
    /// A flag was cleared.
    case flagCleared(question: String)
    /// A person joined the session.
    case participantJoined(name: String, role: String?)
    /// A risk's treatment was edited; only the fields given change.
    case treatmentEdited(risk: String, fields: [String: String])
    /// The residual risk was accepted: `residual` is the rating each raised risk is left with, by
    /// risk id; `override` is the reason given when the sign-off was forced past what was missing.
    case signedOff(name: String, role: String?, summary: String, residual: [String: String], override: String?)
    /// The sign-off in force was voided by event `cause`, a change that can move a result.
    case signOffVoided(reason: String, cause: Int)
    /// An Annex A control was declared in the Statement of Applicability: included (for a reason
    /// outside the assessment) or excluded, with the justification.
    case applicability(control: String, included: Bool, reason: String)
    /// The session moved to another version of its questionnaire.
    case migrated(fromHash: String, toHash: String, version: String, aside: [String])
    /// The session was archived: kept and readable, but closed to changes and hidden from lists.
    case archived(reason: String?)
    /// An archived session was opened to changes again.
    case restored
    /// The interview reached its end.
    case completed
    /// A completed session was opened again for changes.
    case reopened
    /// One person's own rating of a question, kept beside the agreed answer (independent ratings).
    case rated(question: String, rater: String, value: Value)
    /// This session is `rater`'s independent rating copy of session `session`.
    case raterCopy(session: String, rater: String)
    /// This session re-assesses session `of` (on its questionnaire `version`); the answers listed were
    /// carried from it and are proposed until confirmed or changed.
    case reassessment(of: String, version: String, proposed: [String])
    /// A carried answer was confirmed as it stands.
    case confirmed(question: String)

    /// The event's type name in the log.
    public var name: String {
      switch self {
      case .created: return "created"
      case .answered: return "answered"
      case .changed: return "changed"
      case .cleared: return "cleared"
      case .skipped: return "skipped"
      case .parked: return "parked"
      case .noteAdded: return "note"
      case .flagSet: return "flag"
      case .flagCleared: return "unflag"
      case .participantJoined: return "joined"
      case .treatmentEdited: return "treatment"
      case .signedOff: return "signed"
      case .signOffVoided: return "voided"
      case .applicability: return "soa"
      case .migrated: return "migrated"
      case .archived: return "archived"
      case .restored: return "restored"
      case .completed: return "completed"
      case .reopened: return "reopened"
      case .rated: return "rated"
      case .raterCopy: return "rater"
      case .reassessment: return "reassessment"
      case .confirmed: return "confirmed"
      }
    }
  }

  /// Position in the log, from 1.
  public let seq: Int
  /// When, given by the caller (the core never reads the clock).
  public let at: Timestamp
  /// Whom it is attributed to.
  public let by: String
  /// What happened.
  public let kind: Kind
  /// The hash chain link: the SHA-256 (64 hex digits) of the previous event's stored line, or of the
  /// pinned questionnaire for the first event; `nil` in a log written before chaining.
  public var prev: String? { link?.text ?? otherPrev }
  /// The link when it is a digest (as it always is in a log: the codec refuses anything else).
  package let link: ChainLink?
  /// A `prev` given to `init` that is not a digest, kept as given.
  private let otherPrev: String?

  /// Creates an event.
  public init(seq: Int, at: Timestamp, by: String, kind: Kind, prev: String? = nil) {
    self.seq = seq
    self.at = at
    self.by = by
    self.kind = kind
    link = prev.flatMap { ChainLink($0) }
    otherPrev = link == nil ? prev : nil
  }

  /// Creates an event whose link is a digest.
  package init(seq: Int, at: Timestamp, by: String, kind: Kind, link: ChainLink?) {
    self.seq = seq
    self.at = at
    self.by = by
    self.kind = kind
    self.link = link
    otherPrev = nil
  }
}
