extension Questionnaire {
  /// For each of `scaleCount` scales, the indices of the questions that have an option scoring on
  /// it, in question order.
  ///
  /// One pass over the options' scores (not one search of every question per scale), reading the
  /// questions in place.
  static func scaleContributors(of questions: [Question], scaleCount: Int) -> [[Int]] {
    var contributors = [[Int]](repeating: [], count: scaleCount)
    // The last question entered for each scale: a question with several options scoring on one
    // scale is entered once, without a set of scales per question.
    var last = [Int](repeating: -1, count: scaleCount)
    for i in questions.indices {
      for option in questions[i].options {
        for s in option.score.keys where s >= 0 && s < scaleCount && last[s] != i {
          last[s] = i
          contributors[s].append(i)
        }
      }
    }
    return contributors
  }
}
