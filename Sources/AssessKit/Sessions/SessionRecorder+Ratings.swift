extension SessionRecorder {
  /// Records `rater`'s own rating of `question` (`q` or `q[option]`), checked like an answer.
  ///
  /// A rating is kept beside the answer, never instead of it: it does not change the path, the
  /// scores, the completion or a sign-off. A second rating by the same person replaces the first.
  /// - Returns: whether anything was recorded (`false` when the person already gave that value).
  @discardableResult
  public func rate(_ question: String, _ value: Value, rater: String, by: String) throws(SessionError) -> Bool {
    let name = rater.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw SessionError(.invalid, "a rating needs the rater's name") }
    try requireQuestion(question)
    guard value.isPresent else { throw SessionError(.invalid, "a rating of '\(question)' needs a value") }
    let checked: Value
    do {
      checked = try AnswerChecker.check(question, value, in: session.questionnaire)
    } catch {
      throw SessionError(.invalid, "\(name)'s rating: \(error.message)")
    }
    if session.state.ratings.contains(where: { $0.question == question && $0.rater == name && $0.value == checked }) {
      return false
    }
    try record(.rated(question: question, rater: name, value: checked), by: by)
    return true
  }

  /// Creates `rater`'s independent rating copy of session `main`: a session of its own (id
  /// `RaterCopies.id(for:rater:)`), pinned on exactly the main session's questionnaire text, whose
  /// `rater` event links it back. The rater answers it with the ordinary interview; `reconcile`
  /// brings the answers into the main session as ratings.
  ///
  /// - Throws: `SessionError` when the copy exists or the store cannot create it.
  public static func createRaterCopy(
    of main: Session, text: String, rater: String, in store: any SessionStore, clock: @escaping () -> Timestamp
  ) throws(SessionError) -> SessionRecorder {
    let name = rater.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw SessionError(.invalid, "a rater needs a name") }
    guard main.state.raterCopy == nil else {
      throw SessionError(.invalid, "session '\(main.id)' is itself a rater copy; join the session it rates")
    }
    let id = RaterCopies.id(for: main.id, rater: name)
    if let problem = SessionId.problem(with: id) { throw SessionError(.invalid, problem) }
    let now = clock()
    let q = main.questionnaire
    var events = [
      SessionEvent(
        seq: 1, at: now, by: name,
        kind: .created(questionnaire: q.id, version: q.version, hash: q.hash, source: main.state.source)),
      SessionEvent(seq: 2, at: now, by: name, kind: .raterCopy(session: main.id, rater: name)),
      SessionEvent(seq: 3, at: now, by: name, kind: .participantJoined(name: name, role: "rater")),
    ]
    events = EventChain.link(events, from: q.hash)
    let writer: any SessionWriter
    do {
      writer = try store.create(id, pinned: PinnedQuestionnaire(text: text), events: events)
    } catch {
      throw SessionError(.store(error.kind), error.message)
    }
    return SessionRecorder(session: Session(id: id, events: events, questionnaire: q), writer: writer, clock: clock)
  }
}
