/// What a session's event log adds up to: derived by replaying the events in order.
public struct SessionState: Sendable, Hashable {
  /// A note on a question (or on the session, with no question).
  public struct Note: Sendable, Hashable {
    /// The question it is on, or `nil` for the session.
    public let question: String?
    /// The text.
    public let text: String
    /// Whom it is attributed to.
    public let by: String
    /// When it was recorded.
    public let at: Timestamp
  }

  /// A flag for follow-up.
  public struct Flag: Sendable, Hashable {
    /// The question id.
    public let question: String
    /// The text.
    public let text: String?
    /// Whom it is attributed to.
    public let by: String
    /// When it was recorded.
    public let at: Timestamp
  }

  /// Someone taking part.
  public struct Participant: Sendable, Hashable {
    /// The person's name.
    public let name: String
    /// Their role (`facilitator`, `participant`, a job title), if given.
    public internal(set) var role: String?
    /// When it was recorded.
    public let at: Timestamp
  }

  /// An acceptance of the residual risk, and what voided it, if anything did.
  public struct SignOff: Sendable, Hashable {
    /// The person's name.
    public let name: String
    /// Their role (`facilitator`, `participant`, a job title), if given.
    public let role: String?
    /// When it was recorded.
    public let at: Timestamp
    /// The residual risk accepted, in words.
    public let summary: String
    /// The rating each raised risk was left with when it was accepted, by risk id.
    public let residual: [String: String]
    /// The reason the sign-off was forced past what was missing, if it was.
    public let override: String?
    /// The event that voided it, if one did.
    public internal(set) var voidedBy: Voiding?
  }

  /// What voided a sign-off: a later change that can move a result.
  public struct Voiding: Sendable, Hashable {
    /// The sequence number of the event that voided it.
    public let seq: Int
    /// The event's type (`changed`, `migrated`, `treatment`, ...).
    public let type: String
    /// The question or risk it concerned, if any.
    public let subject: String?
    /// Whom it is attributed to.
    public let by: String
    /// When it was recorded.
    public let at: Timestamp
    /// The reason in words, e.g. "the answer to 'effect' changed".
    public let reason: String
  }

  /// A control declared in the Statement of Applicability.
  public struct Applicability: Sendable, Hashable {
    /// The Annex A control id.
    public let control: String
    /// Included (for a reason outside the assessment) or excluded.
    public let included: Bool
    /// The justification.
    public let reason: String
    /// Whom it is attributed to.
    public let by: String
    /// When it was recorded.
    public let at: Timestamp
  }

  /// The questionnaire's id.
  public internal(set) var questionnaireId = ""
  /// The version and hash of the questionnaire the session is on now.
  public internal(set) var version = ""
  /// Its content hash.
  public internal(set) var hash = ""
  /// How the questionnaire was named when the session started (a built-in id or a path).
  public internal(set) var source = ""
  /// Every hash the session has been on, oldest first.
  public internal(set) var hashes: [String] = []
  /// When the session started.
  public internal(set) var createdAt: Timestamp?
  /// Who started it.
  public internal(set) var createdBy = ""
  /// Every answer given, on the path or not.
  public internal(set) var answers = AnswerSet()
  /// Optional questions passed over without an answer.
  public internal(set) var skipped: Set<String> = []
  /// Required questions put off until the end; answering one takes it off.
  public internal(set) var parked: Set<String> = []
  /// Answers that no longer fit after a migration: kept, listed, not counted.
  public internal(set) var aside: [String: Value] = [:]
  /// Notes, oldest first.
  public internal(set) var notes: [Note] = []
  /// Open flags by question id.
  public internal(set) var flags: [String: Flag] = [:]
  /// Everyone who took part, in the order they joined.
  public internal(set) var participants: [Participant] = []
  /// Treatment fields edited in the session, by risk id.
  public internal(set) var treatments: [String: [String: String]] = [:]
  /// Statement of Applicability declarations, by control id (the latest for each).
  public internal(set) var applicability: [String: Applicability] = [:]
  /// Sign-offs, oldest first.
  public internal(set) var signOffs: [SignOff] = []
  /// Whether the session is archived: read-only, hidden from `list` and the register.
  public internal(set) var archived = false
  /// Whether the interview reached its end (and was not reopened since).
  public internal(set) var completed = false
  /// Each person's own ratings (`rated` events), in the order first given; a later rating of the
  /// same question by the same person replaces the earlier one. `Agreement` reads them.
  public internal(set) var ratings: [Rating] = []
  /// When this session is one person's independent rating copy of another session: whose, and of which.
  public internal(set) var raterCopy: RaterCopy?
  /// The session this one re-assesses (`start --from`), if any.
  public internal(set) var reassessmentOf: String?
  /// Answers carried from that session and not yet confirmed or changed.
  public internal(set) var proposed: Set<String> = []
  /// The number of events and the time of the last one.
  public internal(set) var eventCount = 0
  /// When the last event was recorded.
  public internal(set) var updatedAt: Timestamp?

  /// Creates an empty state; apply events to fill it.
  public init() {}

  /// The state after all `events`.
  public init(events: [SessionEvent]) {
    for event in events { apply(event) }
  }

  /// The sign-off in force: the latest, unless an answer changed since.
  public var currentSignOff: SignOff? {
    guard let last = signOffs.last, last.voidedBy == nil else { return nil }
    return last
  }

  /// Applies one event.
  public mutating func apply(_ event: SessionEvent) {
    eventCount += 1
    updatedAt = event.at
    switch event.kind {
    case .created(let questionnaire, let version, let hash, let source):
      questionnaireId = questionnaire
      self.version = version
      self.hash = hash
      self.source = source
      hashes = [hash]
      createdAt = event.at
      createdBy = event.by
    case .answered(let question, let value), .changed(let question, _, let value):
      answers[question] = value
      // Each only when not empty: a lookup hashes the id, and most logs never fill them.
      if !aside.isEmpty { aside[question] = nil }
      if !skipped.isEmpty { skipped.remove(question) }
      if !parked.isEmpty { parked.remove(question) }
      // A carried answer stays proposed while it is being carried (`answered` after `reassessment`);
      // changing it settles it.
      if case .changed = event.kind, !proposed.isEmpty { proposed.remove(question) }
    case .cleared(let question, _):
      answers[question] = nil
      proposed.remove(question)
    case .skipped(let question):
      skipped.insert(question)
    case .parked(let question):
      parked.insert(question)
    case .noteAdded(let question, let text):
      notes.append(Note(question: question, text: text, by: event.by, at: event.at))
    case .flagSet(let question, let text):
      flags[question] = Flag(question: question, text: text, by: event.by, at: event.at)
    case .flagCleared(let question):
      flags[question] = nil
    case .participantJoined(let name, let role):
      if let i = participants.firstIndex(where: { $0.name == name }) {
        participants[i].role = role ?? participants[i].role
      } else {
        participants.append(Participant(name: name, role: role, at: event.at))
      }
    case .treatmentEdited(let risk, let fields):
      treatments[risk, default: [:]].merge(fields) { $1 }
    case .signedOff(let name, let role, let summary, let residual, let override):
      signOffs.append(
        SignOff(
          name: name, role: role, at: event.at, summary: summary, residual: residual, override: override,
          voidedBy: nil))
    case .applicability(let control, let included, let reason):
      applicability[control] = Applicability(
        control: control, included: included, reason: reason, by: event.by, at: event.at)
    case .signOffVoided:
      break
    case .migrated(_, let toHash, let version, let movedAside):
      hash = toHash
      self.version = version
      hashes.append(toHash)
      for id in movedAside {
        if let value = answers[id] { aside[id] = value }
        answers[id] = nil
      }
    case .archived:
      archived = true
    case .restored:
      archived = false
    case .completed:
      completed = true
    case .reopened:
      completed = false
    case .rated(let question, let rater, let value):
      recordRating(Rating(question: question, rater: rater, value: value, at: event.at))
    case .reassessment(let of, _, let carried):
      reassessmentOf = of
      proposed = Set(carried)
    case .confirmed(let question):
      proposed.remove(question)
    case .raterCopy(let session, let rater):
      raterCopy = RaterCopy(session: session, rater: rater)
    }
    // The sign-off in force first: the reason is text, made only when there is a sign-off to void.
    if let last = signOffs.indices.last, signOffs[last].voidedBy == nil,
      let reason = SessionRules.voidingReason(event.kind)
    {
      signOffs[last].voidedBy = Voiding(
        seq: event.seq, type: event.kind.name, subject: event.kind.subject, by: event.by, at: event.at, reason: reason)
    }
  }
}
