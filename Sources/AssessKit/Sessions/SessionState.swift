/// What a session's event log adds up to: derived by replaying the events in order.
public struct SessionState: Sendable, Hashable {
  /// A note on a question (or on the session, with no question).
  public struct Note: Sendable, Hashable {
    public var question: String?
    public var text: String
    public var by: String
    public var at: String
  }

  /// A flag for follow-up.
  public struct Flag: Sendable, Hashable {
    public var question: String
    public var text: String?
    public var by: String
    public var at: String
  }

  /// Someone taking part.
  public struct Participant: Sendable, Hashable {
    public var name: String
    public var role: String?
    public var at: String
  }

  /// An acceptance of the residual risk, and what voided it, if anything did.
  public struct SignOff: Sendable, Hashable {
    public var name: String
    public var role: String?
    public var at: String
    public var summary: String
    /// The answer change that voided it: question id, who, when.
    public var voidedBy: (question: String, by: String, at: String)?

    public static func == (a: SignOff, b: SignOff) -> Bool {
      a.name == b.name && a.role == b.role && a.at == b.at && a.summary == b.summary
        && a.voidedBy?.question == b.voidedBy?.question && a.voidedBy?.at == b.voidedBy?.at
    }
    public func hash(into hasher: inout Hasher) {
      hasher.combine(name)
      hasher.combine(at)
    }
  }

  /// The questionnaire's id.
  public var questionnaireId = ""
  /// The version and hash of the questionnaire the session is on now.
  public var version = ""
  public var hash = ""
  /// How the questionnaire was named when the session started (a built-in id or a path).
  public var source = ""
  /// Every hash the session has been on, oldest first.
  public var hashes: [String] = []
  public var createdAt = ""
  public var createdBy = ""
  /// Every answer given, on the path or not.
  public var answers = AnswerSet()
  /// Optional questions passed over without an answer.
  public var skipped: Set<String> = []
  /// Answers that no longer fit after a migration: kept, listed, not counted.
  public var aside: [String: Value] = [:]
  public var notes: [Note] = []
  /// Open flags by question id.
  public var flags: [String: Flag] = [:]
  public var participants: [Participant] = []
  /// Treatment fields edited in the session, by risk id.
  public var treatments: [String: [String: String]] = [:]
  /// Sign-offs, oldest first.
  public var signOffs: [SignOff] = []
  /// Whether the interview reached its end (and was not reopened since).
  public var completed = false
  /// The number of events and the time of the last one.
  public var eventCount = 0
  public var updatedAt = ""

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
      aside[question] = nil
      skipped.remove(question)
      voidSignOff(question, event)
    case .cleared(let question, _):
      answers[question] = nil
      voidSignOff(question, event)
    case .skipped(let question):
      skipped.insert(question)
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
    case .signedOff(let name, let role, let summary):
      signOffs.append(SignOff(name: name, role: role, at: event.at, summary: summary, voidedBy: nil))
    case .migrated(_, let toHash, let version, let movedAside):
      hash = toHash
      self.version = version
      hashes.append(toHash)
      for id in movedAside {
        if let value = answers[id] { aside[id] = value }
        answers[id] = nil
      }
    case .completed:
      completed = true
    case .reopened:
      completed = false
    }
  }

  private mutating func voidSignOff(_ question: String, _ event: SessionEvent) {
    guard let last = signOffs.indices.last, signOffs[last].voidedBy == nil else { return }
    signOffs[last].voidedBy = (question, event.by, event.at)
  }
}
