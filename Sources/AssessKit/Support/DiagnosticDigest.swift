/// The diagnostics to show a person: the first few errors and the first few warnings, in file
/// order, and how many of each were left out.
///
/// A file with thousands of problems is best fixed a few at a time; printing them all costs time
/// and buries the first ones. Programs that need every diagnostic read `LoadResult.diagnostics`.
public struct DiagnosticDigest: Sendable {
  /// The diagnostics to print, in the order given.
  public let shown: [Diagnostic]
  /// Errors not in `shown`.
  public let moreErrors: Int
  /// Warnings not in `shown`.
  public let moreWarnings: Int

  /// How many errors, and separately how many warnings, are shown at most by default.
  public static let defaultLimit = 50

  /// Picks the first `limit` errors and the first `limit` warnings of `diagnostics`.
  ///
  /// - Parameters:
  ///   - diagnostics: every diagnostic, in the order to print them.
  ///   - limit: the most errors, and the most warnings, to keep.
  ///   - warnings: whether warnings are shown at all (when not, they are neither shown nor counted).
  /// - Complexity: O(n).
  public init(_ diagnostics: [Diagnostic], limit: Int = defaultLimit, warnings: Bool = true) {
    var shown: [Diagnostic] = []
    var errors = 0
    var warningCount = 0
    for diagnostic in diagnostics {
      switch diagnostic.severity {
      case .error:
        errors += 1
        if errors <= limit { shown.append(diagnostic) }
      case .warning:
        guard warnings else { continue }
        warningCount += 1
        if warningCount <= limit { shown.append(diagnostic) }
      }
    }
    self.shown = shown
    self.moreErrors = max(0, errors - limit)
    self.moreWarnings = max(0, warningCount - limit)
  }

  /// The closing lines for `file`: `FILE: and N more errors` (and warnings), none when all were shown.
  public func remainder(file: String) -> [String] {
    var lines: [String] = []
    if moreErrors > 0 { lines.append("\(file): and \(moreErrors) more error\(moreErrors == 1 ? "" : "s")") }
    if moreWarnings > 0 { lines.append("\(file): and \(moreWarnings) more warning\(moreWarnings == 1 ? "" : "s")") }
    return lines
  }
}
