extension Engine {
  /// The path items of question `index`: none off the path, one per instance for a repeated question.
  func items(ofQuestion index: Int) -> [PathItem] {
    let question = questionnaire.questions[index]
    guard questionVisible[index] && question.type.isAnswerable else { return [] }
    guard question.repeatOver != nil else { return [PathItem(id: question.id, question: index, option: nil)] }
    return instances[index].map {
      PathItem(id: AnswerSet.instanceId(question.id, $0.option), question: index, option: $0.option)
    }
  }

  /// The first path item of a question after question `index` that `accept` takes, else the first
  /// from the start; without building the whole path (cost: the questions passed over).
  package func nextItem(after index: Int, where accept: (PathItem) -> Bool) -> PathItem? {
    let count = questionnaire.questions.count
    for q in Swift.min(index + 1, count)..<count {
      if let item = items(ofQuestion: q).first(where: accept) { return item }
    }
    for q in 0..<Swift.min(index + 1, count) {
      if let item = items(ofQuestion: q).first(where: accept) { return item }
    }
    return nil
  }

  /// Progress: path items answered, and the number of path items (as `pathItems` would count them).
  package var progress: (answered: Int, onPath: Int) { (pathAnswered, pathCount) }

  /// How many path items need an answer and have none: `unanswered.count`, without building the path.
  package var missingCount: Int { pathMissing }
}
