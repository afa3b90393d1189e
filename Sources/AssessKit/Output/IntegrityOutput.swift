extension ChainState {
  /// `{"state": "verified" | "unchained" | "partly chained" | "broken", "summary": words, "chainedFrom": N | null,
  /// "problem": {"event", "place", "message"} | null}`: the `integrity` field of `status --json`,
  /// `list --json`, reports and `verify --json`.
  public var json: JSON {
    var from: JSON = .null
    var problemJSON: JSON = .null
    switch self {
    case .chainedFrom(let seq): from = .number(Double(seq))
    case .broken(let problem):
      problemJSON = .object([
        ("event", .number(Double(problem.event))), ("place", .string(problem.place)),
        ("message", .string(problem.message)),
      ])
    case .verified, .unchained: break
    }
    return .object([
      ("state", .string(name)), ("summary", .string(summary)), ("chainedFrom", from), ("problem", problemJSON),
    ])
  }

  /// The line `status` shows when the log is not verified (`nil` when it is).
  public func statusLine(session id: String, style: any TextStyler) -> String? {
    switch self {
    case .verified: return nil
    case .broken: return style.apply(.alert, "Audit trail \(summary)") + "; 'assess verify \(id)' explains\n"
    case .unchained, .chainedFrom: return style.apply(.dim, "Audit trail \(summary)") + "\n"
    }
  }
}
