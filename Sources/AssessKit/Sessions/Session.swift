/// A session: its event log replayed into state, on its questionnaire, with the engine evaluated.
///
/// Pure: the caller supplies timestamps and persists each event before applying it.
public struct Session: Sendable {
  /// The session id.
  public let id: String
  /// The state derived from the events.
  public private(set) var state: SessionState
  /// The questionnaire the session is on now (its pinned copy).
  public private(set) var questionnaire: Questionnaire
  /// The engine over the session's answers.
  public private(set) var engine: Engine
  /// Every event, in order.
  public private(set) var events: [SessionEvent]
  /// What the hash chain of the stored log shows (docs/SESSIONS.md, "Tamper evidence").
  public internal(set) var integrity: ChainState
  /// The hash of the last stored line: the `prev` of the next event.
  package var chainHead: String?

  /// Rebuilds a session from its events and the questionnaire its state is on; its chain is checked
  /// over the events as `EventCodec.encode` writes them.
  public init(id: String, events: [SessionEvent], questionnaire: Questionnaire) {
    let record = SessionRecord(id: id, events: events, pinned: [:])
    self.init(id: id, events: events, questionnaire: questionnaire, integrity: record.chain, head: record.head)
  }

  /// Rebuilds a session whose chain a store checked.
  package init(
    id: String, events: [SessionEvent], questionnaire: Questionnaire, integrity: ChainState, head: String?,
    state: SessionState? = nil
  ) {
    self.id = id
    self.events = events
    self.state = state ?? SessionState(events: events)
    self.questionnaire = questionnaire
    engine = Engine(questionnaire: questionnaire, answers: self.state.answers)
    self.integrity = integrity
    chainHead = head
  }

  /// The sequence number the next event gets.
  public var nextSeq: Int { (events.last?.seq ?? 0) + 1 }

  /// Makes an event (not yet applied).
  func event(_ kind: SessionEvent.Kind, at: Timestamp, by: String) -> SessionEvent {
    SessionEvent(seq: nextSeq, at: at, by: by, kind: kind, prev: chainHead ?? EventChain.origin(questionnaire.hash))
  }

  /// The event that sets `question` to a checked `value` (`.null` clears), or `nil` when nothing changes.
  func answerKind(_ question: String, _ value: Value) -> SessionEvent.Kind? {
    let old = state.answers[question]
    switch (old, value) {
    case (nil, .null): return nil
    case (let old?, .null): return .cleared(question: question, old: old)
    case (nil, let new): return .answered(question: question, value: new)
    case (let old?, let new): return old == new ? nil : .changed(question: question, old: old, new: new)
    }
  }

  /// Applies an event that has been persisted (only `SessionRecorder` changes a session).
  mutating func apply(_ event: SessionEvent) {
    record(event)
    state.apply(event)
    switch event.kind {
    case .answered(let question, let value), .changed(let question, _, let value):
      engine.set(question, to: value)
    case .cleared(let question, _):
      engine.set(question, to: nil)
    default:
      break
    }
  }

  /// Moves the session onto another questionnaire (after a `migrated` event has been persisted).
  mutating func apply(_ event: SessionEvent, movingTo newQuestionnaire: Questionnaire) {
    record(event)
    state.apply(event)
    questionnaire = newQuestionnaire
    engine = Engine(questionnaire: newQuestionnaire, answers: state.answers)
  }

  /// Keeps a stored event and moves the chain's head to its line.
  private mutating func record(_ event: SessionEvent) {
    events.append(event)
    chainHead = EventChain.hash(EventCodec.encode(event))
    if integrity == .unchained, event.prev != nil { integrity = .chainedFrom(event.seq) }
  }

  /// Progress: answers on the path, and the number of path items.
  public var progress: (answered: Int, onPath: Int) { engine.progress }

  /// The highest inherent rating among raised risks, if any is raised.
  public var highestRating: String? {
    let ratings = engine.risks.filter(\.raised).map(\.inherent.rating)
    return ratings.max().map { questionnaire.matrix.ratings[$0] }
  }

  /// Where the session stands.
  public var status: SessionStatus {
    if state.currentSignOff != nil { return .signedOff }
    return state.completed && engine.missingCount == 0 && state.proposed.isEmpty ? .complete : .inProgress
  }

  /// A one-line summary of the residual risk, recorded with a sign-off.
  public var residualSummary: String {
    let m = questionnaire.matrix
    var counts = [Int](repeating: 0, count: m.ratings.count)
    for risk in engine.risks where risk.raised { counts[(risk.residual ?? risk.inherent).rating] += 1 }
    let parts = m.ratings.indices.reversed().filter { counts[$0] > 0 }.map { "\(counts[$0]) \(m.ratings[$0])" }
    return parts.isEmpty ? "no risks raised" : "residual: " + parts.joined(separator: ", ")
  }
}

/// Where a session stands.
public enum SessionStatus: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// Required answers are still missing on the path.
  case inProgress = "in progress"
  /// Every required answer on the path is given.
  case complete
  /// The residual risk was accepted and nothing has voided the sign-off since.
  case signedOff = "signed off"

  /// The status in words, as `status` and JSON output show it.
  public var description: String { rawValue }
}
