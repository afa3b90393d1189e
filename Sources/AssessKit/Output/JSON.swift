/// A JSON value with ordered object keys, written deterministically (same value, same bytes).
public indirect enum JSON: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSON])
  /// An object; keys keep the order given.
  case object([(String, JSON)])

  public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.serialized() == rhs.serialized() }
  public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

  /// Compact JSON text on one line.
  public func serialized() -> String {
    var writer = JSONWriter(pretty: false)
    writer.json(self)
    return writer.text
  }

  /// JSON text indented by two spaces, keys in the given order.
  public func pretty() -> String {
    var writer = JSONWriter(pretty: true)
    writer.json(self)
    return writer.text
  }

  /// A number as JSON: integers without a fraction, others in Swift's shortest round-trip form.
  public static func format(_ n: Double) -> String {
    guard n.isFinite else { return "null" }
    if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
    return String(n)
  }
}
