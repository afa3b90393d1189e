/// What a re-assessment carried from the session it re-assesses.
public struct Reassessment: Sendable {
  /// The answers carried, proposed until confirmed or changed.
  public let proposed: [String]
  /// Notes and flags carried.
  public let notes: Int
  public let flags: Int
  /// The risks whose treatment was carried (still raised, same id).
  public let treatments: [String]
  /// The risks whose treatment could not be carried, with why.
  public let treatmentsLeft: [(risk: String, why: String)]
}

extension SessionRecorder {
  /// Starts a re-assessment of `old` in this (new) session: carries its answers that this
  /// questionnaire asks and accepts (proposed: the interview asks to confirm each), its notes and open
  /// flags, and its treatment plan for the risks raised here too; then records the link.
  ///
  /// Every carried item is an ordinary event (answered, note, flag, treatment), attributed to `by`;
  /// the closing `reassessment` event lists the proposed answers.
  public func reassess(from old: Session, by: String) throws(SessionError) -> Reassessment {
    let q = session.questionnaire
    var carried: [(String, Value)] = []
    for (key, value) in old.engine.pathAnswers where session.state.answers[key] == nil {
      let base = AnswerSet.splitInstance(key)?.question ?? key
      guard q.question(base) != nil, let checked = try? AnswerChecker.check(key, value, in: q) else { continue }
      carried.append((key, checked))
    }
    // The link first, naming what is proposed, so the session is not complete while it is carried.
    try record(.reassessment(of: old.id, version: old.questionnaire.version, proposed: carried.map(\.0)), by: by)
    for (key, value) in carried { try answer(key, value, by: by) }
    var notes = 0
    for note in old.state.notes {
      let on = note.question.flatMap { id in q.question(AnswerSet.splitInstance(id)?.question ?? id) != nil ? id : nil }
      let text = note.question != nil && on == nil ? "(on '\(note.question ?? "")') \(note.text)" : note.text
      try self.note("\(text) (\(note.by), \(note.at.date), from '\(old.id)')", on: on, by: by)
      notes += 1
    }
    var flags = 0
    for flag in old.state.flags.values.sorted(by: { $0.at < $1.at }) {
      let base = AnswerSet.splitInstance(flag.question)?.question ?? flag.question
      guard q.question(base) != nil else { continue }
      try self.flag(flag.question, text: flag.text, by: by)
      flags += 1
    }
    var treatments: [String] = []
    var left: [(String, String)] = []
    for (risk, fields) in old.state.treatments.sorted(by: { $0.key < $1.key }) where !fields.isEmpty {
      do {
        try editTreatment(risk: risk, fields: fields, by: by)
        treatments.append(risk)
      } catch {
        left.append((risk, error.message))
      }
    }
    return Reassessment(
      proposed: carried.map(\.0), notes: notes, flags: flags, treatments: treatments, treatmentsLeft: left)
  }

  /// Confirms a carried answer as it stands.
  /// - Returns: whether it was still to confirm.
  @discardableResult
  public func confirm(_ question: String, by: String) throws(SessionError) -> Bool {
    guard session.state.proposed.contains(question) else { return false }
    try record(.confirmed(question: question), by: by)
    return true
  }
}
