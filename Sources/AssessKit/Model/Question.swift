/// One question (or display-only note) of a questionnaire.
public struct Question: Sendable, Hashable {
  /// Its id, unique among questions, scales, computed values and levels.
  public internal(set) var id: String
  /// Its kind.
  public internal(set) var type: QuestionType
  /// The question as asked; for a repeated question, `{item}` stands for the option's label.
  public internal(set) var prompt: String
  /// Why we ask, and what a good answer contains.
  public internal(set) var help: String?
  /// References (standards clauses, controls).
  public internal(set) var refs: [String]
  /// Whether an answer is required when the question is on the path.
  public internal(set) var required: Bool
  /// The condition that puts it on the path, if any.
  public internal(set) var when: Expression?
  /// A condition under which it is required (`required: "<expression>"`); `nil` when `required` says it all.
  public internal(set) var requiredWhen: Expression?
  /// Options of a choice question; for yes/no, the optional `yes` and `no` entries.
  public internal(set) var options: [AnswerOption]
  /// Lower bound (scale, number).
  public internal(set) var min: Double?
  /// Upper bound (scale, number).
  public internal(set) var max: Double?
  /// Labels of scale points, by value.
  public internal(set) var labels: [Int: String]
  /// Unit of a number.
  public internal(set) var unit: String?
  /// For a repeated question: the index of the multiple-choice question it repeats over.
  public internal(set) var repeatOver: Int?
  /// Index of its section.
  public internal(set) var section: Int
  /// Where it is written.
  public internal(set) var location: SourceLocation?

  /// Creates a question.
  package init(
    id: String, type: QuestionType, prompt: String, help: String? = nil, refs: [String] = [], required: Bool = true,
    when: Expression? = nil, options: [AnswerOption] = [], min: Double? = nil, max: Double? = nil,
    labels: [Int: String] = [:],
    unit: String? = nil, repeatOver: Int? = nil, section: Int = 0, location: SourceLocation? = nil
  ) {
    self.id = id
    self.type = type
    self.prompt = prompt
    self.help = help
    self.refs = refs
    self.required = required
    self.when = when
    self.options = options
    self.min = min
    self.max = max
    self.labels = labels
    self.unit = unit
    self.repeatOver = repeatOver
    self.section = section
    self.location = location
  }

  /// The option with this value, if any.
  public func option(_ value: String) -> AnswerOption? { options.first { $0.value == value } }

  /// The option values, in order.
  public var optionValues: [String] { options.map(\.value) }
}
