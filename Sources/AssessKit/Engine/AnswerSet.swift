/// Answers by question id; a repeated question's answers are under `id[option]`.
///
/// Answers to questions that are off the path are kept here too: they do not count while off the
/// path, and count again when the branch returns.
public struct AnswerSet: Sendable, Hashable {
  /// The answers, by question or instance id.
  public var values: [String: Value]

  /// Creates an answer set.
  public init(_ values: [String: Value] = [:]) {
    self.values = values
  }

  /// The answer for `id`, if given.
  public subscript(id: String) -> Value? {
    get { values[id] }
    set { values[id] = newValue }
  }

  /// Splits `q[option]` into its question id and option; `nil` for a plain id.
  public static func splitInstance(_ id: String) -> (question: String, option: String)? {
    guard id.hasSuffix("]"), let open = id.firstIndex(of: "["), open > id.startIndex else { return nil }
    return (String(id[..<open]), String(id[id.index(after: open)..<id.index(before: id.endIndex)]))
  }

  /// The id of one instance of a repeated question.
  public static func instanceId(_ question: String, _ option: String) -> String { "\(question)[\(option)]" }
}
