/// Steps along the path without building it: what the interview needs after each answer (is this
/// item still on the path, which comes next or before it, which item an id names). Each costs the
/// questions it passes over, counted in `EngineWork`, where `pathItems` costs the whole questionnaire.
extension Engine {
  /// How many path items question `index` has now: 0 off the path, 1, or one per instance.
  package func itemCount(ofQuestion index: Int) -> Int {
    guard questionVisible[index] && questionnaire.questions[index].type.isAnswerable else { return 0 }
    return questionnaire.questions[index].repeatOver == nil ? 1 : instances[index].count
  }

  /// The path item whose answer is kept under `id`, if it is on the path now:
  /// `pathItems.first { $0.id == id }` without building the path.
  package func pathItem(id: String) -> PathItem? {
    if let index = questionnaire.questionIndex[id] {
      guard questionnaire.questions[index].repeatOver == nil, itemCount(ofQuestion: index) > 0 else { return nil }
      return PathItem(id: id, question: index, option: nil)
    }
    guard let split = AnswerSet.splitInstance(id), let index = questionnaire.questionIndex[split.question],
      questionnaire.questions[index].repeatOver != nil, itemCount(ofQuestion: index) > 0,
      AnswerSet.instanceId(split.question, split.option) == id,
      instances[index].contains(where: { $0.option == split.option })
    else { return nil }
    return PathItem(id: id, question: index, option: split.option)
  }

  /// Whether `item` is on the path now: `pathItems.contains(item)` without building the path.
  package func isOnPath(_ item: PathItem) -> Bool {
    EngineWork.current?.add(1)
    return pathItem(id: item.id) == item
  }

  /// The first path item after `item` that `accept` takes, searching from the start when `item` is
  /// `nil` or off the path; `nil` when none after it does (no wrapping round).
  /// - Complexity: the questions passed over.
  package func firstItem(after item: PathItem?, where accept: (PathItem) -> Bool) -> PathItem? {
    var start = 0
    if let item, isOnPath(item) {
      if let option = item.option, let k = instances[item.question].firstIndex(where: { $0.option == option }) {
        let id = questionnaire.questions[item.question].id
        for instance in instances[item.question][(k + 1)...] {
          let candidate = PathItem(
            id: AnswerSet.instanceId(id, instance.option), question: item.question, option: instance.option)
          if accept(candidate) { return candidate }
        }
      }
      start = item.question + 1
    }
    var passed = 0
    defer { EngineWork.current?.add(passed) }
    for q in Swift.min(start, questionnaire.questions.count)..<questionnaire.questions.count {
      passed += 1
      guard itemCount(ofQuestion: q) > 0 else { continue }
      if let found = items(ofQuestion: q).first(where: accept) { return found }
    }
    return nil
  }

  /// The path item just before `item`; the last one when `item` is `nil` or off the path; `nil`
  /// when `item` is the first.
  /// - Complexity: the questions passed over.
  package func item(before item: PathItem?) -> PathItem? {
    var end = questionnaire.questions.count
    if let item, isOnPath(item) {
      if let option = item.option, let k = instances[item.question].firstIndex(where: { $0.option == option }), k > 0 {
        let previous = instances[item.question][k - 1].option
        let id = AnswerSet.instanceId(questionnaire.questions[item.question].id, previous)
        return PathItem(id: id, question: item.question, option: previous)
      }
      end = item.question
    }
    var passed = 0
    defer { EngineWork.current?.add(passed) }
    for q in stride(from: end - 1, through: 0, by: -1) {
      passed += 1
      guard itemCount(ofQuestion: q) > 0 else { continue }
      if let last = items(ofQuestion: q).last { return last }
    }
    return nil
  }

  /// Whether the answer kept under `id` is kept aside now: given, and not on the path.
  package func isAside(_ id: String) -> Bool { answers.values[id] != nil && pathItem(id: id) == nil }

  /// The ids an answer of question `index` can be kept under: its id, or one per option of the
  /// question it is repeated over.
  package func answerIds(ofQuestion index: Int) -> [String] {
    let question = questionnaire.questions[index]
    guard let source = question.repeatOver else { return [question.id] }
    return questionnaire.questions[source].options.map { AnswerSet.instanceId(question.id, $0.value) }
  }
}
