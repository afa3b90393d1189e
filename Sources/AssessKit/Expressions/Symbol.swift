/// What a resolved name refers to; indices are positions in the questionnaire's arrays.
package enum Symbol: Sendable, Hashable {
  /// A question (its effective answer; a list of instance answers for a repeated question).
  case question(Int)
  /// One instance of a repeated question, for one option of the question it repeats over.
  case instance(Int, String)
  /// A score scale's total.
  case scale(Int)
  /// A computed value.
  case computed(Int)
  /// A level's band label.
  case level(Int)
}

/// What the checker knows about a name.
package struct NameInfo: Sendable {
  /// What the name refers to.
  package var symbol: Symbol
  /// Its static type.
  package var type: ExprType
  /// The values a choice question (or a level's labels) can take, for checking literals against.
  package var options: [String]?
  /// The range a number can take (scale questions, number questions with bounds), for warnings.
  package var range: ClosedRange<Double>?
  /// Whether `score()` applies (choice and yes/no questions).
  package var scored: Bool
  /// What kind of thing it is, for messages ("question", "scale", ...).
  package var kind: String
  /// Why the name cannot be used where it appears (a later question, a later computed value), if so.
  package var unavailable: String?

  /// Creates the information for one name.
  package init(
    symbol: Symbol, type: ExprType, options: [String]? = nil, range: ClosedRange<Double>? = nil,
    scored: Bool = false, kind: String
  ) {
    self.symbol = symbol
    self.type = type
    self.options = options
    self.range = range
    self.scored = scored
    self.kind = kind
  }
}

/// The names an expression may use, and the static facts the checker needs.
package protocol ExpressionScope {
  /// The information for `name`, or `nil` if it is unknown here.
  func lookup(_ name: String) -> NameInfo?
  /// Every name, for "did you mean" hints.
  var candidateNames: [String] { get }
  /// The static maximum of a scale.
  func maxScore(_ scale: Int) -> Double
}
