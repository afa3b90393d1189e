import AssessKit

/// What `status` adds for a session that has rater copies: who is rating apart, and how far they are.
enum RaterStatus {
  /// The session's rater copies (none for a copy itself); unreadable ones are warned about.
  static func copies(of session: Session, context: SessionContext) -> [Session] {
    guard session.state.raterCopy == nil,
      let (copies, problems) = try? RaterCopies.find(of: session.id, in: context.store)
    else { return [] }
    for problem in problems { Terminal.error("warning: \(problem)") }
    return copies
  }

  /// `Rating apart: Ana 6 of 9 (w1.ana), Ben 6 of 6 (w1.ben); settle with: assess reconcile w1`.
  static func text(_ copies: [Session], main: String) -> String {
    guard !copies.isEmpty else { return "" }
    let parts = copies.map { copy in
      let (answered, onPath) = copy.progress
      return "\(copy.state.raterCopy?.rater ?? copy.id) \(answered) of \(onPath) (\(copy.id))"
    }
    return "Rating apart: " + parts.joined(separator: ", ") + "; settle with: assess reconcile \(main)\n"
  }

  /// `"raterCopies": [{"session", "rater", "answered", "onPath", "updated"}]`, added to `status --json`.
  static func json(_ status: JSON, copies: [Session]) -> JSON {
    guard case .object(var pairs) = status else { return status }
    let list: [JSON] = copies.map { copy in
      let (answered, onPath) = copy.progress
      return .object([
        ("session", .string(copy.id)), ("rater", .string(copy.state.raterCopy?.rater ?? "")),
        ("answered", .number(Double(answered))), ("onPath", .number(Double(onPath))),
        ("updated", copy.state.updatedAt.map { .string($0.text) } ?? .null),
      ])
    }
    pairs.append(("raterCopies", .array(list)))
    return .object(pairs)
  }
}
