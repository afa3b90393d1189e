/// One option of a choice question.
public struct AnswerOption: Sendable, Hashable {
  /// The value stored in answers (for yes/no questions, `yes` or `no`).
  public internal(set) var value: String
  /// The label shown.
  public internal(set) var label: String
  /// Optional help for this option.
  public internal(set) var help: String?
  /// Points per scale, by scale index.
  public internal(set) var score: [Int: Double]
  /// Whether choosing it excludes every other option of a multiple choice ("none of these").
  public internal(set) var exclusive: Bool
  /// Where it is written.
  public internal(set) var location: SourceLocation?

  /// Creates an option.
  package init(
    value: String, label: String, help: String? = nil, score: [Int: Double] = [:], exclusive: Bool = false,
    location: SourceLocation? = nil
  ) {
    self.value = value
    self.label = label
    self.help = help
    self.score = score
    self.exclusive = exclusive
    self.location = location
  }
}
