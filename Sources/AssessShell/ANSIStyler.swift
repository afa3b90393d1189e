import AssessKit

/// Styles text with ANSI escape codes: the one place in `assess` that writes them.
public struct ANSIStyler: TextStyler {
  /// Creates the styler.
  public init() {}

  public var isPlain: Bool { false }

  public func apply(_ style: TextStyle, _ text: String) -> String {
    "\u{1B}[\(Self.code(style))m\(text)\u{1B}[0m"
  }

  /// The SGR parameters of a style.
  static func code(_ style: TextStyle) -> String {
    switch style {
    case .heading: return "1"
    case .dim: return "2"
    case .warning: return "33"
    case .alert: return "1;31"
    case .success: return "32"
    case .accent: return "1;36"
    case .rating(let index, let count): return "\(background(index, of: count));30"
    }
  }

  /// The background colour of a rating: green, yellow, red, magenta, spread over the ratings.
  static func background(_ rating: Int, of count: Int) -> Int {
    let palette = [42, 43, 41, 45]
    guard count > 1 else { return palette[0] }
    let index = Int((Double(rating) / Double(count - 1) * Double(palette.count - 1)).rounded())
    return palette[max(0, min(palette.count - 1, index))]
  }
}
