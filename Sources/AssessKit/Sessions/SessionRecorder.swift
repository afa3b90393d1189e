import Foundation

/// A change to a session that was refused or could not be saved: one sentence naming the session,
/// question or risk concerned.
public struct SessionError: Error, Sendable, CustomStringConvertible {
  /// Why the change did not happen.
  public enum Kind: Sendable, Hashable {
    /// The change is not valid: an unknown question or risk, a value of the wrong kind.
    case invalid
    /// The change is valid but not allowed now: e.g. a sign-off while required answers are missing.
    case refused
    /// The store could not keep it: nothing was applied.
    case store(StoreError.Kind)
  }

  /// Why.
  public let kind: Kind
  /// The sentence for the person.
  public let message: String

  /// Creates an error.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}

/// The one place where a session changes.
///
/// Every change (an answer, a clear, a skip, a note, a flag, a participant, a treatment edit, a
/// sign-off, a migration) is checked, appended durably through the store's writer, then applied;
/// then what follows from it is settled and recorded the same way: a sign-off voided (with the
/// reason), the session completed or reopened. The command line and the interview only call it,
/// so the same actions make the same events whichever front end takes them.
///
/// The recorder holds the session's writer (and so its lock) until `close()`.
public final class SessionRecorder {
  /// The session as it stands after every recorded event.
  public private(set) var session: Session
  private let writer: any SessionWriter
  private let clock: () -> Timestamp
  private var isOpen = true

  /// Records on `session`, open for writing through `writer`, with times from `clock`.
  public init(session: Session, writer: any SessionWriter, clock: @escaping () -> Timestamp) {
    self.session = session
    self.writer = writer
    self.clock = clock
  }

  deinit { close() }

  /// Starts a session: pins the questionnaire's text and records who started it and who takes part.
  ///
  /// - Parameters:
  ///   - id: a valid, unused session id.
  ///   - text: the questionnaire's source text, pinned with the session.
  ///   - source: how the questionnaire was named (a built-in id or a path), for `resume`.
  ///   - facilitator: who runs the session; first participant, with the role `facilitator`.
  ///   - participants: others taking part.
  /// - Throws: `SessionError` when the id is taken or the store cannot create it.
  public static func create(
    _ id: String, questionnaire: Questionnaire, text: String, source: String, facilitator: String,
    participants: [String] = [], in store: any SessionStore, clock: @escaping () -> Timestamp
  ) throws(SessionError) -> SessionRecorder {
    if let problem = SessionId.problem(with: id) { throw SessionError(.invalid, problem) }
    let now = clock()
    var events = [
      SessionEvent(
        seq: 1, at: now, by: facilitator,
        kind: .created(
          questionnaire: questionnaire.id, version: questionnaire.version, hash: questionnaire.hash, source: source)),
      SessionEvent(seq: 2, at: now, by: facilitator, kind: .participantJoined(name: facilitator, role: "facilitator")),
    ]
    var seen: Set<String> = [facilitator]
    for name in participants where seen.insert(name).inserted {
      events.append(
        SessionEvent(
          seq: events.count + 1, at: now, by: facilitator, kind: .participantJoined(name: name, role: "participant")))
    }
    events = EventChain.link(events, from: questionnaire.hash)
    let writer: any SessionWriter
    do {
      writer = try store.create(id, pinned: PinnedQuestionnaire(text: text), events: events)
    } catch {
      throw SessionError(.store(error.kind), error.message)
    }
    return SessionRecorder(
      session: Session(id: id, events: events, questionnaire: questionnaire), writer: writer, clock: clock)
  }

  /// Opens a stored session for writing (taking its lock) and rebuilds it.
  /// - Returns: the recorder, and what the store had to skip (e.g. a torn last record).
  /// - Throws: `SessionError` when the session is locked, missing or unreadable.
  public static func open(_ id: String, in store: any SessionStore, clock: @escaping () -> Timestamp)
    throws(SessionError) -> (recorder: SessionRecorder, warnings: [String])
  {
    let writer: any SessionWriter
    do { writer = try store.openForWriting(id) } catch { throw SessionError(.store(error.kind), error.message) }
    do {
      let (session, warnings) = try store.load(id)
      return (SessionRecorder(session: session, writer: writer, clock: clock), warnings)
    } catch {
      writer.close()
      throw SessionError(.store(error.kind), error.message)
    }
  }

  /// Releases the session's lock; later changes are refused.
  public func close() {
    guard isOpen else { return }
    isOpen = false
    writer.close()
  }

  private var questionnaire: Questionnaire { session.questionnaire }

  /// Today (`yyyy-mm-dd`) by the recorder's clock, for marking overdue plan items.
  public var today: String { clock().date }

  // MARK: Answers

  /// Answers `question` (`q` or `q[option]`), checking the value against the question; `.null`
  /// clears the answer.
  /// - Parameter rawText: the text the value was read from, for a message that quotes it.
  /// - Returns: whether anything was recorded (`false` when the answer is the same).
  @discardableResult
  public func answer(_ question: String, _ value: Value, rawText: String? = nil, by: String) throws(SessionError)
    -> Bool
  {
    let checked: Value
    if value == .null {
      checked = .null
    } else {
      do {
        checked = try AnswerChecker.check(question, value, rawText: rawText, in: questionnaire)
      } catch {
        throw SessionError(.invalid, error.message)
      }
    }
    guard let kind = session.answerKind(question, checked) else { return false }
    try record(kind, by: by)
    return true
  }

  /// Takes an answer back.
  /// - Returns: whether there was an answer to clear.
  @discardableResult
  public func clear(_ question: String, by: String) throws(SessionError) -> Bool {
    try answer(question, .null, by: by)
  }

  /// Passes over an optional question on the path, clearing its answer if it had one, so that a
  /// resumed interview does not ask it again.
  /// - Throws: `SessionError` when the question is not on the path or is required.
  public func skip(_ question: String, by: String) throws(SessionError) {
    guard let item = session.engine.pathItem(id: question) else {
      throw SessionError(.invalid, "'\(question)' is not a question on the path of session '\(session.id)'")
    }
    guard !session.engine.isRequired(item) else {
      throw SessionError(.refused, "'\(question)' is required; it cannot be skipped")
    }
    try clear(question, by: by)
    if !session.state.skipped.contains(question) { try record(.skipped(question: question), by: by) }
  }

  /// Puts off a required question on the path: the interview comes back to it at the end, and
  /// the session cannot complete while it has no answer. An optional question is skipped instead.
  /// - Returns: whether the question was parked (`false` when it was optional and skipped).
  @discardableResult
  public func park(_ question: String, by: String) throws(SessionError) -> Bool {
    guard let item = session.engine.pathItem(id: question) else {
      throw SessionError(.invalid, "'\(question)' is not a question on the path of session '\(session.id)'")
    }
    guard session.engine.isRequired(item) else {
      try skip(question, by: by)
      return false
    }
    if !session.state.parked.contains(question) { try record(.parked(question: question), by: by) }
    return true
  }

  // MARK: Notes, flags, people

  /// Adds a note on a question, or on the session when `question` is `nil`.
  public func note(_ text: String, on question: String?, by: String) throws(SessionError) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw SessionError(.invalid, "a note needs some text") }
    if let question { try requireQuestion(question) }
    try record(.noteAdded(question: question, text: trimmed), by: by)
  }

  /// Flags a question for follow-up, with an optional reason.
  public func flag(_ question: String, text: String?, by: String) throws(SessionError) {
    try requireQuestion(question)
    let reason = text?.trimmingCharacters(in: .whitespacesAndNewlines)
    try record(.flagSet(question: question, text: reason?.isEmpty == false ? reason : nil), by: by)
  }

  /// Clears a question's flag.
  /// - Returns: whether it had one.
  @discardableResult
  public func unflag(_ question: String, by: String) throws(SessionError) -> Bool {
    guard session.state.flags[question] != nil else { return false }
    try record(.flagCleared(question: question), by: by)
    return true
  }

  /// Records that someone takes part, unless they already do in that role.
  /// - Returns: whether anything was recorded.
  @discardableResult
  public func join(_ name: String, role: String?, by: String) throws(SessionError) -> Bool {
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { throw SessionError(.invalid, "a participant needs a name") }
    if let known = session.state.participants.first(where: { $0.name == trimmed }), role == nil || known.role == role {
      return false
    }
    try record(.participantJoined(name: trimmed, role: role), by: by)
    return true
  }

  // MARK: Treatment, sign-off, migration

  /// Edits the treatment of a raised risk: only the given fields change.
  ///
  /// Fields are those of `TreatmentEdits.fields`; `option` and `status` must be known values.
  /// - Throws: `SessionError` for an unknown risk, field, option or status, or a risk not raised.
  public func editTreatment(risk: String, fields: [String: String], by: String) throws(SessionError) {
    guard !fields.isEmpty else {
      throw SessionError(
        .invalid, "say what to change: option, owner, due, status, controls, actions, reason or stops")
    }
    if let problem = TreatmentEdits.fieldProblem(fields) { throw SessionError(.invalid, problem) }
    guard let index = questionnaire.risks.firstIndex(where: { $0.id == risk }) else {
      let ids = questionnaire.risks.map(\.id)
      throw SessionError(.invalid, "'\(questionnaire.id)' has no risk '\(risk)'\(Suggestions.hint(for: risk, in: ids))")
    }
    guard session.engine.risks[index].raised else {
      throw SessionError(
        .refused, "risk '\(risk)' is not raised in session '\(session.id)', so it has no treatment to edit")
    }
    let current = TreatmentEdits.apply(session.state.treatments[risk] ?? [:], to: questionnaire.risks[index].treatment)
    if let problem = TreatmentEdits.problem(fields, risk: risk, current: current) {
      throw SessionError(.invalid, problem)
    }
    try record(.treatmentEdited(risk: risk, fields: fields), by: by)
  }

  /// Accepts the residual risk in `name`'s name, recording the residual rating of each raised risk.
  ///
  /// Refused while required answers are missing; refused, naming what is missing, while a risk
  /// above appetite is untreated or a flag is open, unless `override` gives the reason to sign
  /// anyway (recorded in the event).
  /// - Throws: `SessionError` (refused) naming what is missing.
  public func signOff(by name: String, role: String?, override: String? = nil) throws(SessionError) {
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { throw SessionError(.invalid, "a sign-off needs a name") }
    let missing = session.engine.unanswered
    guard missing.isEmpty else {
      let shown = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", ..." : "")
      throw SessionError(
        .refused,
        "session '\(session.id)' cannot be signed off: \(missing.count) required answer\(missing.count == 1 ? " is" : "s are") missing (\(shown))"
      )
    }
    let reason = override?.trimmingCharacters(in: .whitespacesAndNewlines)
    if override != nil && (reason ?? "").isEmpty {
      throw SessionError(.invalid, "a forced sign-off needs a reason (--reason)")
    }
    if reason == nil, let gaps = SessionRules.signOffGaps(session) {
      throw SessionError(
        .refused, "session '\(session.id)' cannot be signed off: \(gaps); treat them, or sign with --force --reason")
    }
    let plan = TreatmentPlan(session)
    try record(
      .signedOff(
        name: trimmed, role: role, summary: session.residualSummary, residual: plan.residualRatings, override: reason),
      by: trimmed)
  }

  /// Moves the session to another version of its questionnaire: pins `text`, keeps the answers
  /// that fit and sets the others aside (listed in the event, never dropped).
  /// - Returns: what changed, as it concerns this session.
  @discardableResult
  public func migrate(to new: Questionnaire, text: String, by: String) throws(SessionError) -> QuestionnaireChanges {
    let changes = QuestionnaireChanges(from: questionnaire, to: new, answers: session.state.answers)
    guard !changes.identical else { return changes }
    guard isOpen else { throw SessionError(.store(.io), "session '\(session.id)' is closed") }
    do { try writer.pin(PinnedQuestionnaire(text: text)) } catch {
      throw SessionError(.store(error.kind), error.message)
    }
    let kind = SessionEvent.Kind.migrated(
      fromHash: questionnaire.hash, toHash: new.hash, version: new.version, aside: changes.aside.map(\.id))
    try record(kind, by: by, movingTo: new)
    return changes
  }

  /// Records `completed` or `reopened` when the session's completeness differs from its record.
  /// Every change that can move it settles this itself; a caller needs it only for a session
  /// that was complete from its start (no required questions).
  public func settleCompletion(by: String) throws(SessionError) {
    // Counted, not listed: building the path here made answering n questions cost O(n^2).
    let complete = session.engine.missingCount == 0 && session.state.proposed.isEmpty
    if let kind = SessionRules.completionEvent(complete: complete, wasComplete: session.state.completed) {
      try append(kind, by: by)
    }
  }

  // MARK: Recording

  /// Appends and applies `kind`, then settles what follows from it.
  func record(_ kind: SessionEvent.Kind, by: String, movingTo new: Questionnaire? = nil) throws(SessionError) {
    let signedOff = session.state.currentSignOff != nil
    let event = try append(kind, by: by, movingTo: new)
    if signedOff, let reason = SessionRules.voidingReason(kind) {
      try append(.signOffVoided(reason: reason, cause: event.seq), by: by)
    }
    switch kind {
    case .answered, .changed, .cleared, .skipped, .migrated, .reassessment, .confirmed: try settleCompletion(by: by)
    default: break
    }
  }

  // MARK: Archive

  /// Archives the session: it stays readable (status, history, reports) but takes no change until
  /// it is restored, and `list` and the register leave it out unless asked.
  public func archive(reason: String?, by: String) throws(SessionError) {
    guard !session.state.archived else { throw SessionError(.refused, "session '\(session.id)' is already archived") }
    let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
    try append(.archived(reason: trimmed?.isEmpty == false ? trimmed : nil), by: by)
  }

  /// Opens an archived session to changes again.
  public func restore(by: String) throws(SessionError) {
    guard session.state.archived else { throw SessionError(.refused, "session '\(session.id)' is not archived") }
    try append(.restored, by: by)
  }

  /// Persists an event, then applies it: nothing is applied that is not on disk.
  @discardableResult
  private func append(_ kind: SessionEvent.Kind, by: String, movingTo new: Questionnaire? = nil) throws(SessionError)
    -> SessionEvent
  {
    guard isOpen else { throw SessionError(.store(.io), "session '\(session.id)' is closed") }
    if session.state.archived, kind != .restored {
      throw SessionError(
        .refused,
        "session '\(session.id)' is archived and read-only; 'assess archive \(session.id) --restore' opens it again")
    }
    let event = session.event(kind, at: clock(), by: by)
    do { try writer.append(event) } catch { throw SessionError(.store(error.kind), error.message) }
    if let new {
      session.apply(event, movingTo: new)
    } else {
      session.apply(event)
    }
    return event
  }

  func requireQuestion(_ id: String) throws(SessionError) {
    if let problem = SessionRules.unknownQuestion(id, in: questionnaire) { throw SessionError(.invalid, problem) }
  }
}
