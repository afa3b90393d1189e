/// A named score accumulator: the sum of the points of the options chosen on the path.
public struct Scale: Sendable, Hashable {
  /// Its id.
  public var id: String
  /// Its title.
  public var title: String?
  /// The static maximum over every question that can contribute.
  public var maxScore: Double
  /// Where it is written.
  public var location: SourceLocation?

  /// Creates a scale.
  public init(id: String, title: String? = nil, maxScore: Double = 0, location: SourceLocation? = nil) {
    self.id = id
    self.title = title
    self.maxScore = maxScore
    self.location = location
  }
}

/// A value computed from answers, scales and earlier computed values.
public struct Computed: Sendable, Hashable {
  /// Its id.
  public var id: String
  /// Its title.
  public var title: String?
  /// The expression.
  public var value: Expression
  /// Where it is written.
  public var location: SourceLocation?

  /// Creates a computed value.
  public init(id: String, title: String? = nil, value: Expression, location: SourceLocation? = nil) {
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
    public var max: Double?
    /// The label given to values in the band.
    public var label: String
    /// What the band means.
    public var description: String?

    /// Creates a band.
    public init(max: Double?, label: String, description: String? = nil) {
      self.max = max
      self.label = label
      self.description = description
    }
  }

  /// Its id.
  public var id: String
  /// Its title.
  public var title: String?
  /// The number to band.
  public var value: Expression
  /// Bands in ascending order; only the last may be open.
  public var bands: [Band]
  /// Where it is written.
  public var location: SourceLocation?

  /// Creates a level.
  public init(id: String, title: String? = nil, value: Expression, bands: [Band], location: SourceLocation? = nil) {
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
