/// A problem in an expression, at an offset (in Unicode scalars) into its text.
package struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The message, lower case, no trailing period.
  package var message: String
  /// Offset of the offending token from the start of the expression, in Unicode scalars.
  package var offset: Int
  /// Whether this is only a warning.
  package var isWarning: Bool

  /// Creates an error at `offset`.
  package init(_ message: String, at offset: Int, warning: Bool = false) {
    self.message = message
    self.offset = offset
    self.isWarning = warning
  }

  package var description: String { message }
}
