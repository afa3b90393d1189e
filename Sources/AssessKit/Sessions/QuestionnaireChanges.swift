/// What changed between two versions of a questionnaire, as it concerns one session.
public struct QuestionnaireChanges: Sendable {
  /// One change.
  public struct Change: Sendable, Hashable, CustomStringConvertible {
    /// What kind of change: a question added, removed, reworded or retyped, its options or scores changed.
    public enum Kind: String, Sendable, Hashable {
      case added, removed, reworded, retyped, options, scores
    }

    /// What kind of change or failure.
    public internal(set) var kind: Kind
    /// The question id.
    public internal(set) var question: String
    /// What changed, in words.
    public internal(set) var detail: String

    public var description: String { "\(kind.rawValue): '\(question)' \(detail)" }
  }

  /// The changes, in the new questionnaire's order (removed ones last).
  public internal(set) var changes: [Change]
  /// Answers that fit the new questionnaire, checked and canonical.
  public internal(set) var kept: AnswerSet
  /// Answers that do not fit, with why: they are kept aside, never dropped.
  public internal(set) var aside: [(id: String, reason: String)]
  /// Whether the two are the same content.
  public internal(set) var identical: Bool

  /// Compares `old` and `new` for a session with `answers`.
  public init(from old: Questionnaire, to new: Questionnaire, answers: AnswerSet) {
    identical = old.hash == new.hash
    var changes: [Change] = []
    let oldPath = Set(Engine(questionnaire: old, answers: answers).pathItems.map { old.questions[$0.question].id })
    var kept = AnswerSet()
    var aside: [(String, String)] = []
    for (id, value) in answers.values.sorted(by: { $0.key < $1.key }) {
      do {
        kept[id] = try AnswerChecker.check(id, value, in: new)
      } catch {
        aside.append((id, error.message))
      }
    }
    let newPath = Set(Engine(questionnaire: new, answers: kept).pathItems.map { new.questions[$0.question].id })
    let answeredBases = Set(answers.values.keys.map { AnswerSet.splitInstance($0)?.question ?? $0 })
    for question in new.questions where question.type.isAnswerable {
      guard let before = old.question(question.id) else {
        if newPath.contains(question.id) {
          changes.append(Change(kind: .added, question: question.id, detail: "is new on this session's path"))
        }
        continue
      }
      guard oldPath.contains(question.id) || newPath.contains(question.id) || answeredBases.contains(question.id) else {
        continue
      }
      if before.type != question.type {
        changes.append(
          Change(
            kind: .retyped, question: question.id, detail: "was \(before.type.rawValue), is \(question.type.rawValue)"))
      }
      if before.prompt != question.prompt {
        changes.append(Change(kind: .reworded, question: question.id, detail: "now asks: \(question.prompt)"))
      }
      let removedOptions = before.optionValues.filter { question.option($0) == nil }
      let addedOptions = question.optionValues.filter { before.option($0) == nil }
      if !removedOptions.isEmpty || !addedOptions.isEmpty {
        var parts: [String] = []
        if !addedOptions.isEmpty { parts.append("added " + addedOptions.map { "'\($0)'" }.joined(separator: ", ")) }
        if !removedOptions.isEmpty {
          parts.append("removed " + removedOptions.map { "'\($0)'" }.joined(separator: ", "))
        }
        changes.append(
          Change(kind: .options, question: question.id, detail: "options: " + parts.joined(separator: "; ")))
      }
      let rescored = question.options.filter { option in
        guard let was = before.option(option.value) else { return false }
        return Self.scoreNames(was, old) != Self.scoreNames(option, new)
      }
      if !rescored.isEmpty {
        changes.append(
          Change(
            kind: .scores, question: question.id,
            detail: "scores changed for " + rescored.map { "'\($0.value)'" }.joined(separator: ", ")))
      }
      if before.min != question.min || before.max != question.max {
        changes.append(
          Change(kind: .options, question: question.id, detail: "range is now \(AnswerChecker.describeRange(question))")
        )
      }
    }
    for question in old.questions where question.type.isAnswerable && new.question(question.id) == nil {
      if oldPath.contains(question.id) || answeredBases.contains(question.id) {
        changes.append(Change(kind: .removed, question: question.id, detail: "is no longer asked"))
      }
    }
    self.changes = changes
    self.kept = kept
    self.aside = aside
  }

  private static func scoreNames(_ option: AnswerOption, _ q: Questionnaire) -> [String: Double] {
    Dictionary(uniqueKeysWithValues: option.score.map { (q.scales[$0.key].id, $0.value) })
  }
}
