/// One problem found in a questionnaire or an answers file, with the place it concerns.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  /// Error or warning.
  public internal(set) var severity: Severity
  /// Where the problem is; `nil` only when no place is known (for example an unreadable file).
  public internal(set) var location: SourceLocation?
  /// The message: lower case, no trailing period, the user's own names in quotes.
  public internal(set) var message: String

  /// Creates a diagnostic.
  public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  /// Creates an error.
  public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
    Diagnostic(.error, message, at: location)
  }

  /// Creates a warning.
  public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
    Diagnostic(.warning, message, at: location)
  }

  /// `FILE:LINE:COL: error: message`, the contract's one-line form.
  public var description: String {
    if let location {
      return "\(location): \(severity.rawValue): \(message)"
    }
    return "\(severity.rawValue): \(message)"
  }
}

extension Array where Element == Diagnostic {
  /// Whether any of these is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// The diagnostics in file order (stable for equal places).
  public func sortedByLocation() -> [Diagnostic] {
    enumerated().sorted { a, b in
      switch (a.element.location, b.element.location) {
      case (let l?, let r?): return l == r ? a.offset < b.offset : l < r
      case (nil, _?): return true
      case (_?, nil): return false
      case (nil, nil): return a.offset < b.offset
      }
    }.map(\.element)
  }
}
