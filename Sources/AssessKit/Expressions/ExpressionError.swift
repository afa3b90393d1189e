/// A problem in an expression, at an offset (in Unicode scalars) into its text.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The message, lower case, no trailing period.
  public var message: String
  /// Offset of the offending token from the start of the expression, in Unicode scalars.
  public var offset: Int
  /// Whether this is only a warning.
  public var isWarning: Bool

  /// Creates an error at `offset`.
  public init(_ message: String, at offset: Int, warning: Bool = false) {
    self.message = message
    self.offset = offset
    self.isWarning = warning
  }

  public var description: String { message }
}
