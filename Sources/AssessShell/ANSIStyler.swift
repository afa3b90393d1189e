import AssessKit

/// Styles text with ANSI escape codes: the one place in `assess` that writes them.
///
/// Each escape is marked with `Console.styleKey`, so the output sink (`Console`) can tell it from an
/// escape that came in with a questionnaire's or a person's text: ours reach the terminal as plain SGR,
/// any other is shown escaped. Text styled here must be written through `Console` or `ShellOutput`.
public struct ANSIStyler: TextStyler {
  /// Creates the styler.
  public init() {}

  public var isPlain: Bool { false }

  public func apply(_ style: TextStyle, _ text: String) -> String {
    Console.styleEscape(Self.code(style)) + text + Console.styleEscape("0")
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
