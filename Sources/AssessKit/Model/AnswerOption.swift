/// One option of a choice question.
public struct AnswerOption: Sendable, Hashable {
  /// The value stored in answers (for yes/no questions, `yes` or `no`).
  public var value: String
  /// The label shown.
  public var label: String
  /// Optional help for this option.
  public var help: String?
  /// Points per scale, by scale index.
  public var score: [Int: Double]
  /// Whether choosing it excludes every other option of a multiple choice ("none of these").
  public var exclusive: Bool
  /// Where it is written.
  public var location: SourceLocation?

  /// Creates an option.
  public init(
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
