/// A moment as ISO 8601 text with a date, a time to the second and a zone (`2026-11-29T13:07:20Z`,
/// `2026-11-29T14:07:20.5+01:00`), kept as written so a log reads back byte for byte.
///
/// The core never reads the clock: the edge makes timestamps (`Timestamp(seconds:)` from the wall
/// clock, or a fixed one for tests) and hands them in.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The text as written, or `nil` when it is the canonical UTC form of `seconds` (what
  /// `init(seconds:)` writes: `2026-11-29T13:07:20Z`), which is made again when asked for. Almost every
  /// timestamp in a log is canonical, so reading one makes no string.
  private let written: String?
  /// Seconds since 1970-01-01T00:00:00Z.
  public let seconds: Double

  /// The text, as written.
  public var text: String { written ?? Self.canonicalText(seconds) }

  /// Reads ISO 8601 text, or returns `nil` when it is not a valid date and time with a zone.
  public init?(_ text: String) {
    var utf8 = text
    guard let (seconds, canonical) = utf8.withUTF8({ Self.parse(UnsafeRawBufferPointer($0)) }) else { return nil }
    written = canonical ? nil : text
    self.seconds = seconds
  }

  /// Reads ISO 8601 text from its UTF-8 bytes, as `init(_:)` reads the text.
  package init?(utf8 bytes: UnsafeRawBufferPointer) {
    guard let (seconds, canonical) = Self.parse(bytes) else { return nil }
    written = canonical ? nil : String(decoding: bytes, as: UTF8.self)
    self.seconds = seconds
  }

  /// The moment `seconds` after 1970-01-01T00:00:00Z, written in UTC to the whole second.
  public init(seconds: Double) {
    written = nil
    self.seconds = Double(Int(seconds.rounded(.down)))
  }

  /// The canonical text of a whole number of seconds.
  private static func canonicalText(_ seconds: Double) -> String {
    let whole = Int(seconds)
    let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
    let rest = whole - days * 86_400
    let (y, m, d) = Self.civil(fromDays: days)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let year = String(y)
    let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
    return "\(paddedYear)-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
  }

  /// The date part, `yyyy-mm-dd`, as written.
  public var date: String { String(text.prefix(10)) }

  public var description: String { text }

  public static func < (a: Timestamp, b: Timestamp) -> Bool {
    if a.seconds != b.seconds { return a.seconds < b.seconds }
    if a.written == nil && b.written == nil { return false }
    return a.text < b.text
  }

  /// Equal when the texts are: a canonical text is never kept as written, so two canonical ones are
  /// equal when their seconds are, and a canonical one never equals one kept as written.
  public static func == (a: Timestamp, b: Timestamp) -> Bool {
    a.written == b.written && (a.written != nil || a.seconds == b.seconds)
  }

  public func hash(into hasher: inout Hasher) {
    if let written { hasher.combine(written) } else { hasher.combine(seconds) }
  }

  // MARK: Parsing

  /// The seconds, and whether the text is canonical (`yyyy-mm-ddThh:mm:ssZ`, upper-case `T` and `Z`, no
  /// fraction, no leap second: exactly what `canonicalText` makes of those seconds).
  private static func parse(_ b: UnsafeRawBufferPointer) -> (Double, Bool)? {
    var i = 0
    func digits(_ n: Int) -> Int? {
      guard i + n <= b.count else { return nil }
      var value = 0
      for k in i..<(i + n) {
        guard b[k] >= 48, b[k] <= 57 else { return nil }
        value = value * 10 + Int(b[k] - 48)
      }
      i += n
      return value
    }
    func expect(_ c: UInt8) -> Bool {
      guard i < b.count, b[i] == c else { return false }
      i += 1
      return true
    }
    guard let year = digits(4), expect(45), let month = digits(2), expect(45), let day = digits(2) else { return nil }
    guard i < b.count, b[i] == 84 || b[i] == 116 else { return nil }  // T or t
    i += 1
    guard let hour = digits(2), expect(58), let minute = digits(2), expect(58), let second = digits(2) else {
      return nil
    }
    guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour <= 23, minute <= 59,
      second <= 60
    else { return nil }
    var fraction = 0.0
    if i < b.count, b[i] == 46 {  // .
      i += 1
      var scale = 0.1
      let start = i
      while i < b.count, b[i] >= 48, b[i] <= 57 {
        fraction += Double(b[i] - 48) * scale
        scale /= 10
        i += 1
      }
      guard i > start else { return nil }
    }
    var offset = 0
    guard i < b.count else { return nil }
    if b[i] == 90 || b[i] == 122 {  // Z or z
      i += 1
    } else if b[i] == 43 || b[i] == 45 {  // + or -
      let sign = b[i] == 43 ? 1 : -1
      i += 1
      guard let oh = digits(2), expect(58), let om = digits(2), oh <= 23, om <= 59 else { return nil }
      offset = sign * (oh * 3600 + om * 60)
    } else {
      return nil
    }
    guard i == b.count else { return nil }
    let days = daysFromCivil(year: year, month: month, day: day)
    let canonical = b.count == 20 && b[10] == 84 && b[19] == 90 && second <= 59
    return (Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction, canonical)
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The date of a day number since 1970-01-01.
  static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
