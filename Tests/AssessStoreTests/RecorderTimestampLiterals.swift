@testable import AssessKit

/// Timestamps written as literals in tests: ISO 8601 text, or `tN` for N seconds after 1970.
extension Timestamp: ExpressibleByStringInterpolation {
  public init(stringLiteral value: String) {
    self = Timestamp(value) ?? Timestamp(seconds: Double(value.dropFirst()) ?? 0)
  }
}
