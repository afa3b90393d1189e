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
    var problems: [LogProblem] = []
    var loaded: [String: Questionnaire] = [current.hash: current]
    func questionnaire(_ hash: String) -> Questionnaire? {
      if let q = loaded[hash] { return q }
      guard let pinned = record.pinned[hash],
        let q = QuestionnaireLoader.load(text: pinned.text, file: "\(record.id)/questionnaire").questionnaire
      else { return nil }
      loaded[hash] = q
      return q
    }
    var q: Questionnaire?
    for (index, event) in record.events.enumerated() {
      if let message = problem(event, index: index, on: &q, questionnaire: questionnaire) {
        problems.append(
          LogProblem(
            event: index + 1, place: record.places.place(index),
            message: "event \(event.seq) ('\(event.kind.name)'): \(message)"))
        if stoppingAtFirst { break }
      }
    }
    return problems
  }

  /// What is wrong with one event, or `nil`; moves `q` on at `created` and `migrated`.
  private static func problem(
    _ event: SessionEvent, index: Int, on q: inout Questionnaire?, questionnaire: (String) -> Questionnaire?
  ) -> String? {
    if case .created(_, _, let hash, _) = event.kind {
      guard index == 0 else { return "a session is created once, by its first event" }
      guard let found = questionnaire(hash) else { return "its questionnaire \(hash.prefix(19)) is not pinned" }
      q = found
      return nil
    }
    guard let current = q else { return "the first event must be 'created'" }
    switch event.kind {
    case .answered(let question, let value), .changed(let question, _, let value), .rated(let question, _, let value):
      guard !value.isNull else { return "'\(question)' is given no value (null)" }
      let checked: Value
      do { checked = try AnswerChecker.check(question, value, in: current) } catch { return error.message }
      guard checked == value else {
        return "'\(question)' is stored as \(value.json.serialized()), where an answer is stored as "
          + "\(checked.json.serialized())"
      }
    case .cleared(let question, _), .skipped(let question), .parked(let question), .flagSet(let question, _),
      .flagCleared(let question), .confirmed(let question), .noteAdded(let question?, _):
      return SessionRules.unknownQuestion(question, in: current)
    case .treatmentEdited(let risk, let fields):
      guard current.risks.contains(where: { $0.id == risk }) else {
        return "'\(current.id)' has no risk '\(risk)'\(Suggestions.hint(for: risk, in: current.risks.map(\.id)))"
      }
      return TreatmentEdits.fieldProblem(fields)
    case .migrated(let from, let to, _, _):
      guard from == current.hash else {
        return "it moves from questionnaire \(from.prefix(19)), but the session is on \(current.hash.prefix(19))"
      }
      guard let next = questionnaire(to) else { return "its questionnaire \(to.prefix(19)) is not pinned" }
      q = next
    default:
      break
    }
    return nil
  }
}
