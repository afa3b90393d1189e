import Foundation

/// How far independent ratings of one question lie apart, and the answer they suggest.
///
/// Numbers and scales: the lowest, the highest and the median, and an agreement of
/// `1 - (max - min) / span` (span: the question's range, else the largest magnitude rated).
/// Single choice, yes/no and text: how many chose each value, and an agreement of
/// `(size of the largest group - 1) / (raters - 1)`. Multiple choice: how many chose each option,
/// the options everyone chose, and an agreement of `|chosen by all| / |chosen by any|`.
/// Agreement is 1 when the ratings are unanimous and 0 when they are as far apart as they can be.
public struct Spread: Sendable, Hashable {
  /// One rater's value.
  public struct Entry: Sendable, Hashable {
    /// Who rated.
    public let rater: String
    /// Their value.
    public let value: Value
  }

  /// One value (or, for multiple choice, one option) and who chose it.
  public struct Group: Sendable, Hashable {
    /// The value chosen (an option's value for multiple choice).
    public let value: Value
    /// Who chose it, in rating order.
    public let raters: [String]
  }

  /// The question (or instance) id.
  public let question: String
  /// The question's kind.
  public let type: QuestionType
  /// Every rating, in the order given.
  public let entries: [Entry]
  /// For numbers and scales: the lowest value.
  public let min: Double?
  /// For numbers and scales: the highest value.
  public let max: Double?
  /// For numbers and scales: the median (the mean of the middle two for an even count).
  public let median: Double?
  /// For choices and text: who chose each value, largest group first (ties in option order); for
  /// multiple choice, who chose each option.
  public let groups: [Group]
  /// For multiple choice: the options every rater chose, in option order.
  public let common: [String]
  /// From 0 (as far apart as can be) to 1 (unanimous).
  public let agreement: Double
  /// The answer the ratings suggest: the median for numbers (rounded half up for a scale), the
  /// most chosen value for single choice, yes/no and text (the first in option order on a tie),
  /// the options chosen by more than half for multiple choice.
  public let suggestion: Value

  /// Whether at least two people rated and all gave the same value (one rating alone is not an agreement).
  public var unanimous: Bool { entries.count >= 2 && entries.allSatisfy { $0.value == entries.first?.value } }

  /// The spread of `ratings` of `question` (`q` or `q[option]`) in `questionnaire`, or `nil` when
  /// there are no ratings or no such question.
  public init?(question id: String, ratings: [Entry], in questionnaire: Questionnaire) {
    let base = AnswerSet.splitInstance(id)?.question ?? id
    guard !ratings.isEmpty, let question = questionnaire.question(base) else { return nil }
    self.question = id
    type = question.type
    entries = ratings
    let n = ratings.count
    switch question.type {
    case .scale, .number:
      let numbers = ratings.compactMap(\.value.number).sorted()
      guard let lo = numbers.first, let hi = numbers.last else { return nil }
      let middle = numbers.count / 2
      let median = numbers.count % 2 == 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2
      min = lo
      max = hi
      self.median = median
      groups = []
      common = []
      let span: Double
      if let qlo = question.min, let qhi = question.max, qhi > qlo {
        span = qhi - qlo
      } else {
        span = Swift.max(abs(lo), abs(hi), 1)
      }
      agreement = Swift.max(0, Swift.min(1, 1 - (hi - lo) / span))
      suggestion = .number(question.type == .scale ? (median + 0.5).rounded(.down) : median)
    case .multi:
      let sets = ratings.map { Set(($0.value.list ?? []).compactMap(\.string)) }
      let all = sets.reduce(Set<String>()) { $0.union($1) }
      let shared = sets.dropFirst().reduce(sets[0]) { $0.intersection($1) }
      let order = question.options.map(\.value) + all.subtracting(question.options.map(\.value)).sorted()
      groups = order.filter(all.contains).map { option in
        Group(
          value: .string(option),
          raters: ratings.filter { ($0.value.list ?? []).contains(.string(option)) }.map(\.rater))
      }
      common = order.filter(shared.contains)
      agreement = all.isEmpty ? 1 : Double(shared.count) / Double(all.count)
      suggestion = .list(groups.filter { $0.raters.count * 2 > n }.map(\.value))
      min = nil
      max = nil
      median = nil
    default:
      var order: [Value] = []
      switch question.type {
      case .single: order = question.options.map { .string($0.value) }
      case .yesno: order = [.bool(true), .bool(false)]
      default: break
      }
      for entry in ratings where !order.contains(entry.value) { order.append(entry.value) }
      let found = order.map { value in Group(value: value, raters: ratings.filter { $0.value == value }.map(\.rater)) }
        .filter { !$0.raters.isEmpty }
      // Largest first; a stable sort keeps option order among equals.
      groups = found.enumerated().sorted { a, b in
        a.element.raters.count != b.element.raters.count
          ? a.element.raters.count > b.element.raters.count : a.offset < b.offset
      }.map(\.element)
      let largest = groups.first?.raters.count ?? 0
      agreement = n <= 1 ? 1 : Double(largest - 1) / Double(n - 1)
      suggestion = groups.first?.value ?? .null
      common = []
      min = nil
      max = nil
      median = nil
    }
  }
}

/// How far a session's independent ratings agree: every rated question's spread, and the summary
/// `status` and reports show.
public struct Agreement: Sendable, Hashable {
  /// The spread of every rated question, in the order first rated.
  public let spreads: [Spread]

  /// The agreement of `session`'s ratings (its `rated` events).
  public init(_ session: Session) {
    self.init(ratings: session.state.ratings, in: session.questionnaire)
  }

  /// The agreement of `ratings` on `questionnaire`.
  public init(ratings: [SessionState.Rating], in questionnaire: Questionnaire) {
    var order: [String] = []
    var byQuestion: [String: [Spread.Entry]] = [:]
    for rating in ratings {
      if byQuestion[rating.question] == nil { order.append(rating.question) }
      byQuestion[rating.question, default: []].append(Spread.Entry(rater: rating.rater, value: rating.value))
    }
    spreads = order.compactMap { Spread(question: $0, ratings: byQuestion[$0] ?? [], in: questionnaire) }
  }

  /// How many questions were rated.
  public var rated: Int { spreads.count }
  /// How many of them unanimously.
  public var unanimous: Int { spreads.filter(\.unanimous).count }
  /// The rated question with the lowest agreement (the first such), if any was rated.
  public var lowest: Spread? {
    spreads.enumerated().min { a, b in
      a.element.agreement != b.element.agreement ? a.element.agreement < b.element.agreement : a.offset < b.offset
    }?.element
  }
  /// The spread of `question`, if it was rated.
  public func spread(of question: String) -> Spread? { spreads.first { $0.question == question } }
  /// The questions where raters differ, largest spread (lowest agreement) first.
  public var differing: [Spread] {
    spreads.enumerated().filter { !$0.element.unanimous }.sorted { a, b in
      a.element.agreement != b.element.agreement ? a.element.agreement < b.element.agreement : a.offset < b.offset
    }.map(\.element)
  }
}
