/// What can go wrong rendering a report.
public enum ReportError: Error, CustomStringConvertible, Equatable {
  /// The template does not parse.
  case template(String)

  public var description: String {
    switch self {
    case .template(let message): return "the template does not parse: \(message)"
    }
  }
}
