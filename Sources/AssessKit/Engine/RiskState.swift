/// A risk as rated for the current answers.
public struct RiskState: Sendable, Hashable {
  /// A likelihood, severity and the rating they give on the matrix.
  public struct Rating: Sendable, Hashable {
    /// Likelihood, 1-based.
    public var likelihood: Int
    /// Severity, 1-based.
    public var severity: Int
    /// Index into the matrix's ratings.
    public var rating: Int
  }

  /// Whether the risk's condition holds.
  public var raised: Bool
  /// The inherent rating.
  public var inherent: Rating
  /// The residual rating, when the risk gives one.
  public var residual: Rating?
  /// Notes on values that had to be assumed (null or out of range), for `because`.
  public var assumptions: [String]
}
