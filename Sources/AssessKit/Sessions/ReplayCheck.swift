/// Strict replay: every event read from a log is checked as strictly as the recorder checks a new
/// change, against the questionnaire the session was on when it was recorded (its pinned copy,
/// and after a `migrated` event the copy it moved to). Answers go through `AnswerChecker` and must be
/// stored as it would store them; questions and risks must exist; treatment edits must name known
/// fields, options and statuses. docs/SESSIONS.md, "Strict replay", says what each command does.
package enum ReplayCheck {
  /// The pinned questionnaire the record's session is on now, loaded.
  package static func currentQuestionnaire(of record: SessionRecord) throws(StoreError) -> Questionnaire {
    // The hash of the last `created` or `migrated` event (what replaying the state would give).
    var hash = ""
    for event in record.events.reversed() {
      if case .created(_, _, let h, _) = event.kind {
        hash = h
      } else if case .migrated(_, let h, _, _) = event.kind {
        hash = h
      }
      if !hash.isEmpty { break }
    }
    guard !hash.isEmpty else {
      throw StoreError(.corrupt, "session '\(record.id)' has no 'created' event")
    }
    guard let pinned = record.pinned[hash] else {
      throw StoreError(.corrupt, "session '\(record.id)' lacks its pinned questionnaire \(hash.prefix(19))")
    }
    let result = QuestionnaireLoader.load(text: pinned.text, file: "\(record.id)/questionnaire")
    guard let questionnaire = result.questionnaire else {
      let first = result.diagnostics.first.map { ": \($0.message)" } ?? ""
      throw StoreError(.corrupt, "the pinned questionnaire of session '\(record.id)' does not load\(first)")
    }
    return questionnaire
  }

  /// The problems in `record`, oldest first; `current` is the questionnaire of its last hash, already loaded.
  package static func problems(_ record: SessionRecord, current: Questionnaire, stoppingAtFirst: Bool) -> [LogProblem] {
    replay(record, current: current, stoppingAtFirst: stoppingAtFirst).problems
  }

  /// Replays `record` once: checks each event against the state before it (so a `changed` or
  /// `cleared` event's `old` value is compared with the answer it replaces) and applies it.
  /// Every event is applied, even one that fails, so that one bad line does not make every later
  /// one fail after it. `current` is the questionnaire of its last hash, already loaded.
  /// - Returns: the state after every event, and the problems, oldest first (only the first with
  ///   `stoppingAtFirst`, and then the state is partial).
  package static func replay(_ record: SessionRecord, current: Questionnaire, stoppingAtFirst: Bool) -> (
    state: SessionState, problems: [LogProblem]
  ) {
    var loaded: [String: Questionnaire] = [current.hash: current]
    return replay(record.events, places: record.places, stoppingAtFirst: stoppingAtFirst) { hash in
      if let q = loaded[hash] { return q }
      guard let pinned = record.pinned[hash],
        let q = QuestionnaireLoader.load(text: pinned.text, file: "\(record.id)/questionnaire").questionnaire
      else { return nil }
      loaded[hash] = q
      return q
    }
  }

  /// Replays `events`, finding each questionnaire by its hash through `questionnaire`.
  package static func replay(
    _ events: [SessionEvent], places: EventPlaces, stoppingAtFirst: Bool,
    questionnaire: (String) -> Questionnaire?
  ) -> (state: SessionState, problems: [LogProblem]) {
    var problems: [LogProblem] = []
    var state = SessionState()
    var q: InForce?
    var accepted = AcceptedAnswers()
    for (index, event) in events.enumerated() {
      if let message = problem(
        event, index: index, on: &q, state: state, accepted: &accepted, questionnaire: questionnaire)
      {
        problems.append(
          LogProblem(
            event: places.number(index), place: places.place(index),
            message: "event \(event.seq) ('\(event.kind.name)'): \(message)"))
        if stoppingAtFirst { break }
      }
      state.apply(event)
    }
    return (state, problems)
  }

  /// What is wrong with one event, or `nil`; moves `q` on at `created` and `migrated`.
  private static func problem(
    _ event: SessionEvent, index: Int, on q: inout InForce?, state: SessionState,
    accepted: inout AcceptedAnswers, questionnaire: (String) -> Questionnaire?
  ) -> String? {
    if case .created(_, _, let hash, _) = event.kind {
      guard index == 0 else { return "a session is created once, by its first event" }
      guard let found = questionnaire(hash) else { return "its questionnaire \(hash.prefix(19)) is not pinned" }
      q = InForce(found)
      accepted = AcceptedAnswers()
      return nil
    }
    // Read through the reference: binding the questionnaire itself would copy it (and retain every
    // array it holds) for every event.
    guard let inForce = q else { return "the first event must be 'created'" }
    switch event.kind {
    case .answered(let question, let value), .rated(let question, _, let value):
      // A pair already accepted is settled before the questionnaire is passed on (passing it copies it).
      if accepted.contains(question, value) { return nil }
      return answerProblem(question, value, in: inForce.questionnaire, accepted: &accepted)
    case .changed(let question, let old, let value):
      if !accepted.contains(question, value),
        let problem = answerProblem(question, value, in: inForce.questionnaire, accepted: &accepted)
      {
        return problem
      }
      return oldProblem(question, old, state: state)
    case .cleared(let question, let old):
      if let problem = SessionRules.unknownQuestion(question, in: inForce.questionnaire) { return problem }
      return oldProblem(question, old, state: state)
    case .skipped(let question), .parked(let question), .flagSet(let question, _),
      .flagCleared(let question), .confirmed(let question), .noteAdded(let question?, _):
      return SessionRules.unknownQuestion(question, in: inForce.questionnaire)
    case .treatmentEdited(let risk, let fields):
      guard inForce.questionnaire.risks.contains(where: { $0.id == risk }) else {
        return
          "'\(inForce.questionnaire.id)' has no risk '\(risk)'\(Suggestions.hint(for: risk, in: inForce.questionnaire.risks.map(\.id)))"
      }
      return TreatmentEdits.fieldProblem(fields)
    case .migrated(let from, let to, _, _):
      guard from == inForce.questionnaire.hash else {
        return
          "it moves from questionnaire \(from.prefix(19)), but the session is on \(inForce.questionnaire.hash.prefix(19))"
      }
      guard let next = questionnaire(to) else { return "its questionnaire \(to.prefix(19)) is not pinned" }
      q = InForce(next)
      accepted = AcceptedAnswers()
    default:
      break
    }
    return nil
  }

  /// What is wrong with `value` as the stored answer to `question`, or `nil`.
  private static func answerProblem(
    _ question: String, _ value: Value, in current: Questionnaire, accepted: inout AcceptedAnswers
  ) -> String? {
    guard !value.isNull else { return "'\(question)' is given no value (null)" }
    if accepted.contains(question, value) { return nil }
    let checked: Value
    do { checked = try AnswerChecker.check(question, value, in: current) } catch { return error.message }
    guard checked == value else {
      return "'\(question)' is stored as \(value.json.serialized()), where an answer is stored as "
        + "\(checked.json.serialized())"
    }
    accepted.insert(question, value)
    return nil
  }

  /// What is wrong with the `old` value a `changed` or `cleared` event gives: the recorder writes the
  /// answer it replaces, so any other value means the line was edited, or lines before it were.
  private static func oldProblem(_ question: String, _ old: Value, state: SessionState) -> String? {
    let before = state.answers[question]
    guard let before else {
      return "its 'old' value is \(old.json.serialized()), but '\(question)' had no answer before it"
    }
    guard before != old else { return nil }
    return "its 'old' value is \(old.json.serialized()), but '\(question)' was \(before.json.serialized()) before it"
  }
}

/// The questionnaire in force during a replay, held by reference: a `Questionnaire` is a struct of
/// many arrays, and taking it out of an optional for every event would retain each of them.
private final class InForce {
  let questionnaire: Questionnaire
  init(_ questionnaire: Questionnaire) { self.questionnaire = questionnaire }
}

/// The (question, value) pairs already accepted on the questionnaire in force, so that a value given
/// again (a log that goes back and forth between two answers) is not checked again. Cleared whenever
/// the questionnaire changes.
struct AcceptedAnswers {
  private var pairs: [String: [Value]] = [:]

  func contains(_ question: String, _ value: Value) -> Bool {
    pairs[question]?.contains(value) ?? false
  }

  /// Remembers a pair; a question keeps its last few values only, so the memory stays bounded.
  mutating func insert(_ question: String, _ value: Value) {
    pairs[question, default: []].append(value)
    if let count = pairs[question]?.count, count > 8 { pairs[question]?.removeFirst() }
  }
}
