/// A risk as rated for the current answers.
public struct RiskState: Sendable, Hashable {
  /// A likelihood, severity and the rating they give on the matrix.
  public struct Rating: Sendable, Hashable {
    /// Likelihood, 1-based.
    public internal(set) var likelihood: Int
    /// Severity, 1-based.
    public internal(set) var severity: Int
    /// Index into the matrix's ratings.
    public internal(set) var rating: Int
  }

  /// Whether the risk's condition holds.
  public internal(set) var raised: Bool
  /// The inherent rating.
  public internal(set) var inherent: Rating
  /// The residual rating, when the risk gives one.
  public internal(set) var residual: Rating?
  /// Notes on values that had to be assumed (null or out of range), for `because`.
  public internal(set) var assumptions: [String]
}
