/// A likelihood × severity matrix that rates risks, with the appetite above which risks must be treated.
public struct RiskMatrix: Sendable, Hashable {
  /// Likelihood labels, lowest first; likelihood *n* is `likelihood[n - 1]`.
  public internal(set) var likelihood: [String]
  /// Severity labels, lowest first.
  public internal(set) var severity: [String]
  /// Rating labels, lowest first.
  public internal(set) var ratings: [String]
  /// `grid[l - 1][s - 1]` is the index into `ratings` for likelihood *l* and severity *s*.
  public internal(set) var grid: [[Int]]
  /// Index into `ratings` of the highest rating that may be retained untreated.
  public internal(set) var appetite: Int
  /// Where it is written (`nil` for the default).
  public internal(set) var location: SourceLocation?

  /// Creates a matrix.
  package init(
    likelihood: [String], severity: [String], ratings: [String], grid: [[Int]], appetite: Int,
    location: SourceLocation? = nil
  ) {
    self.likelihood = likelihood
    self.severity = severity
    self.ratings = ratings
    self.grid = grid
    self.appetite = appetite
    self.location = location
  }

  /// The 5 × 5 four-band grid (low, medium, high, critical), appetite medium.
  public static let standard = RiskMatrix(
    likelihood: ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
    severity: ["Negligible", "Minor", "Moderate", "Major", "Severe"],
    ratings: ["low", "medium", "high", "critical"],
    grid: [
      [0, 0, 0, 1, 1],
      [0, 0, 1, 1, 2],
      [0, 1, 1, 2, 3],
      [1, 1, 2, 3, 3],
      [1, 2, 3, 3, 3],
    ],
    appetite: 1
  )

  /// The rating index for a likelihood and severity, each clamped into the matrix (the loader
  /// checks that the grid has a row per likelihood and a column per severity; a cell outside it
  /// reads as the highest rating, so a fault can never hide a risk).
  public func rating(likelihood l: Int, severity s: Int) -> Int {
    let row = clampLikelihood(l) - 1
    let column = clampSeverity(s) - 1
    guard grid.indices.contains(row), grid[row].indices.contains(column) else { return Swift.max(0, ratings.count - 1) }
    return grid[row][column]
  }

  /// `l` brought into 1...likelihood.count.
  public func clampLikelihood(_ l: Int) -> Int { Swift.max(1, Swift.min(likelihood.count, l)) }

  /// `s` brought into 1...severity.count.
  public func clampSeverity(_ s: Int) -> Int { Swift.max(1, Swift.min(severity.count, s)) }

  /// Whether a rating is above the appetite, so the risk must be treated.
  public func isAboveAppetite(_ rating: Int) -> Bool { rating > appetite }
}
