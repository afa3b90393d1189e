/// Conditions already checked while loading, by text and expected type, with the symbols their names
/// resolved to: a condition written again (`q1 != 'c'` on several questions) is parsed and checked
/// once.
///
/// A remembered success is reused at another place only when every one of those symbols is available
/// there, which is when checking it again would give the same compiled expression and type (see
/// `ExpressionChecker.check(_:in:expecting:resolved:)`); anywhere else the text is checked again, so
/// its errors are reported exactly as before. Only used while the scope's names are settled (the
/// conditions and risks, after every computed value's type is known).
final class CheckedExpressions {
  struct Key: Hashable {
    var text: String
    var expected: ExprType?
  }

  struct Entry {
    var compiled: CompiledExpr
    var type: ExprType
    var resolved: [Symbol]
  }

  private var entries: [Key: Entry]

  /// Room for `capacity` texts: a table grown step by step hashed every entry again at each step.
  init(capacity: Int = 0) {
    entries = [:]
    entries.reserveCapacity(capacity)
  }

  /// The remembered outcome of `text`, if every symbol it resolved is available in `scope`.
  func reusable(_ text: String, expecting expected: ExprType?, in scope: QuestionnaireScope) -> Entry? {
    guard let entry = entries[Key(text: text, expected: expected)] else { return nil }
    for symbol in entry.resolved where scope.availability(symbol) != nil { return nil }
    return entry
  }

  func remember(_ text: String, expecting expected: ExprType?, _ entry: Entry) {
    entries[Key(text: text, expected: expected)] = entry
  }
}
