/// Numbers for people: whole numbers as they are, others rounded to one decimal (two below 1), so
/// text shows `69.2`, not `69.23076923076923`. JSON keeps full precision.
public enum NumberText {
  /// The number, rounded for reading.
  public static func format(_ n: Double) -> String {
    guard n.isFinite else { return JSON.format(n) }
    if n == n.rounded() { return JSON.format(n) }
    let places = abs(n) < 1 ? 100.0 : 10.0
    let rounded = (n * places).rounded() / places
    return JSON.format(rounded == 0 ? n : rounded)
  }

  /// A value for reading: numbers rounded (also inside lists), others as `Value` writes them.
  public static func format(_ value: Value) -> String {
    switch value {
    case .number(let n): return format(n)
    case .list(let items): return "[" + items.map { format($0) }.joined(separator: ", ") + "]"
    default: return value.description
    }
  }
}
