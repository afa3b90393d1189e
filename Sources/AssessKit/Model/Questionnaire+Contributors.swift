extension Questionnaire {
  /// For each of `scaleCount` scales, the indices of the questions that have an option scoring on
  /// it, in question order.
  ///
  /// One pass over the options' scores (not one search of every question per scale), reading the
  /// questions in place.
  static func scaleContributors(of questions: [Question], scaleCount: Int) -> [[Int]] {
    var contributors = [[Int]](repeating: [], count: scaleCount)
    guard scaleCount > 0 else { return contributors }
    for i in questions.indices {
      // The scales one question touches: a bit each for the first 64, a short list beyond.
      var low: UInt64 = 0
      var high: [Int] = []
      for option in questions[i].options {
        for s in option.score.keys where s >= 0 && s < scaleCount {
          if s < 64 {
            low |= 1 << UInt64(s)
          } else if !high.contains(s) {
            high.append(s)
          }
        }
      }
      while low != 0 {
        contributors[low.trailingZeroBitCount].append(i)
        low &= low - 1
      }
      for s in high { contributors[s].append(i) }
    }
    return contributors
  }
}
