extension SessionState {
  /// One person's own rating of a question, recorded before (or beside) the agreed answer.
  public struct Rating: Sendable, Hashable {
    /// The question id (`q` or `q[option]`).
    public let question: String
    /// Who rated.
    public let rater: String
    /// Their value, as an answer would hold it.
    public let value: Value
    /// When it was recorded.
    public let at: Timestamp
  }

  /// The link from a rater copy to the session it rates.
  public struct RaterCopy: Sendable, Hashable {
    /// The main session's id.
    public let session: String
    /// The person whose copy it is.
    public let rater: String
  }

  /// The ratings of `question`, in the order they were first given.
  public func ratings(of question: String) -> [Rating] { ratings.filter { $0.question == question } }

  mutating func recordRating(_ rating: Rating) {
    if let i = ratings.firstIndex(where: { $0.question == rating.question && $0.rater == rating.rater }) {
      ratings[i] = rating
    } else {
      ratings.append(rating)
    }
  }
}
