/// A named score accumulator: the sum of the points of the options chosen on the path.
public struct Scale: Sendable, Hashable {
  /// Its id.
  public internal(set) var id: String
  /// Its title.
  public internal(set) var title: String?
  /// The static maximum over every question that can contribute.
  public internal(set) var maxScore: Double
  /// Where it is written.
  public internal(set) var location: SourceLocation?

  /// Creates a scale.
  package init(id: String, title: String? = nil, maxScore: Double = 0, location: SourceLocation? = nil) {
    self.id = id
    self.title = title
    self.maxScore = maxScore
    self.location = location
  }
}

/// A value computed from answers, scales and earlier computed values.
public struct Computed: Sendable, Hashable {
  /// Its id.
  public internal(set) var id: String
  /// Its title.
  public internal(set) var title: String?
  /// The expression.
  public internal(set) var value: Expression
  /// Where it is written.
  public internal(set) var location: SourceLocation?

  /// Creates a computed value.
  package init(id: String, title: String? = nil, value: Expression, location: SourceLocation? = nil) {
    self.id = id
    self.title = title
    self.value = value
    self.location = location
  }
}

/// A banded outcome: a number placed in the first band whose `max` it does not exceed.
public struct Level: Sendable, Hashable {
  /// One band.
  public struct Band: Sendable, Hashable {
    /// The largest value in the band (inclusive); `nil` for the last, open band.
    public internal(set) var max: Double?
    /// The label given to values in the band.
    public internal(set) var label: String
    /// What the band means.
    public internal(set) var description: String?

    /// Creates a band.
    package init(max: Double?, label: String, description: String? = nil) {
      self.max = max
      self.label = label
      self.description = description
    }
  }

  /// Its id.
  public internal(set) var id: String
  /// Its title.
  public internal(set) var title: String?
  /// The number to band.
  public internal(set) var value: Expression
  /// Bands in ascending order; only the last may be open.
  public internal(set) var bands: [Band]
  /// Where it is written.
  public internal(set) var location: SourceLocation?

  /// Creates a level.
  package init(id: String, title: String? = nil, value: Expression, bands: [Band], location: SourceLocation? = nil) {
    self.id = id
    self.title = title
    self.value = value
    self.bands = bands
    self.location = location
  }

  /// The band for `number`: the first whose max it does not exceed, else the open band.
  public func band(for number: Double) -> Band? {
    bands.first { band in band.max.map { number <= $0 } ?? true } ?? bands.last
  }
}
