/// The kinds of question.
public enum QuestionType: String, Sendable, Hashable, CaseIterable {
  /// One option from a list; the answer is the option's value.
  case single
  /// Any number of options from a list; the answer is a list of values.
  case multi
  /// Yes or no; the answer is true or false.
  case yesno
  /// A whole number between `min` and `max`, with optional labels.
  case scale
  /// A number, optionally bounded and with a unit.
  case number
  /// Free text.
  case text
  /// Display-only text; never answered, never on the path.
  case note

  /// Whether the question takes an answer.
  public var isAnswerable: Bool { self != .note }

  /// Whether the question has a list of options.
  public var hasOptions: Bool { self == .single || self == .multi || self == .yesno }

  /// The static type of its answer in expressions.
  package var valueType: ExprType {
    switch self {
    case .single, .text: return .string
    case .multi: return .list(.string)
    case .yesno: return .bool
    case .scale, .number: return .number
    case .note: return .null
    }
  }
}
