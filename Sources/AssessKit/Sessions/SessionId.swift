import Foundation

/// Session ids: short, readable, and never a path outside the store.
public enum SessionId {
  /// Why `id` is not a valid session id, or `nil` when it is.
  ///
  /// Allowed: 1 to 64 letters, digits, `.`, `_` and `-`, not starting with `.` or `-`.
  public static func problem(with id: String) -> String? {
    if id.isEmpty { return "a session id cannot be empty" }
    if id.count > 64 { return "session id '\(id.prefix(20))...' is longer than 64 characters" }
    if id.first == "." || id.first == "-" { return "session id '\(id)' cannot start with '\(id.prefix(1))'" }
    let allowed = id.unicodeScalars.allSatisfy { c in
      ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "." || c == "_" || c == "-"
    }
    if !allowed {
      let shown = String(id.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
      return "session id '\(shown)' may hold only letters, digits, '.', '_' and '-'"
    }
    return nil
  }

  /// A new id from the questionnaire id and a date (`yyyy-mm-dd`), unique among `existing`:
  /// `ai-impact-2026-11-29`, then `ai-impact-2026-11-29-2`, ...
  public static func make(questionnaire: String, date: String, existing: Set<String>) -> String {
    let cleaned = String(
      questionnaire.unicodeScalars.map { c -> Character in
        let ok = ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "." || c == "_"
        return ok ? Character(c) : "-"
      }
    ).trimmingCharacters(in: ["-", "."])
    let base = String((cleaned.isEmpty ? "session" : cleaned).prefix(40)) + "-" + date
    if !existing.contains(base) { return base }
    var n = 2
    while existing.contains("\(base)-\(n)") { n += 1 }
    return "\(base)-\(n)"
  }
}
