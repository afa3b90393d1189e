/// What a piece of text is, for an edge that styles it (a terminal adds colour; plain text adds nothing).
///
/// The core never writes terminal escape codes: its text renderers mark what a piece of text is,
/// and the styler they are given decides how it looks.
public enum TextStyle: Sendable, Hashable {
  /// A heading or a name that leads a line.
  case heading
  /// Secondary text.
  case dim
  /// Something to look at: a missing answer, a flag.
  case warning
  /// Something over the line: a risk above appetite, an error.
  case alert
  /// Something done.
  case success
  /// A section title.
  case accent
  /// A cell of the risk matrix with the rating `index` of `count` ratings (lowest first).
  case rating(index: Int, count: Int)
}

/// Styles text for where it is shown.
public protocol TextStyler: Sendable {
  /// Whether styles leave text unchanged; renderers then spell out what colour would have shown.
  var isPlain: Bool { get }
  /// `text` in `style`.
  func apply(_ style: TextStyle, _ text: String) -> String
}

/// No styling: for files, pipes, `NO_COLOR`, and tests.
public struct PlainStyler: TextStyler {
  /// Creates the plain styler.
  public init() {}
  /// Always `true`: plain text.
  public var isPlain: Bool { true }
  /// `text` unchanged.
  public func apply(_ style: TextStyle, _ text: String) -> String { text }
}
