/// A lexical token of the expression language, with its place in the expression text.
struct Token: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case number(Double)
    case string(String)
    /// A plain name, or a `{braced}` one.
    case name(String, braced: Bool)
    case symbol(String)
    case keyword(String)
    case end
  }

  var kind: Kind
  /// Offset of the first character, in Unicode scalars from the start of the expression.
  var offset: Int
  var length: Int

  static let keywords: Set<String> = ["and", "or", "not", "in", "contains", "true", "false", "null"]

  /// How the token reads in an error message.
  var display: String {
    switch kind {
    case .number(let n): return JSON.format(n)
    case .string(let s): return "'\(s)'"
    case .name(let n, let braced): return braced ? "{\(n)}" : n
    case .symbol(let s), .keyword(let s): return s
    case .end: return "end of expression"
    }
  }
}
