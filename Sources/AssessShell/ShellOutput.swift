import AssessKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Where the shell writes (through `Console`, unbuffered), with the terminal's width and whether to use colour.
public final class ShellOutput {
  /// Whether to use ANSI colour and bold.
  public let color: Bool

  /// Where text goes instead of standard output (tests, benchmarks); `nil`: `Console.out`.
  private let sink: ((String) -> Void)?

  /// Output to standard output.
  public init(color: Bool) {
    self.color = color
    sink = nil
  }

  /// Output handed to `sink`, sanitized as `Console.out` would write it (for tests and benchmarks).
  package init(color: Bool, sink: @escaping (String) -> Void) {
    self.color = color
    self.sink = sink
  }

  /// The terminal's width (80 when unknown, at least 40).
  public var width: Int {
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(40, Int(size.ws_col)) }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return max(40, columns)
    }
    return 80
  }

  /// Writes text for a person through the output sink: control characters and bidi overrides in it
  /// are shown escaped; the styling of `style` is kept (`Console`).
  public func write(_ text: String) {
    if let sink {
      sink(Console.terminalText(text))
    } else {
      Console.out(text, terminator: "")
    }
  }

  /// Writes a line, wrapped to the width, continuation lines indented by `indent`.
  public func line(_ text: String = "", indent: Int = 0) {
    write(Text.wrap(text, width: width, indent: indent) + "\n")
  }

  /// The styler in force: ANSI with colour, plain without.
  public var style: any TextStyler { color ? ANSIStyler() : PlainStyler() }

  /// Bold text.
  public func bold(_ s: String) -> String { style.apply(.heading, s) }
  /// Dim text.
  public func dim(_ s: String) -> String { style.apply(.dim, s) }
  /// Text in red: over the line.
  public func red(_ s: String) -> String { style.apply(.alert, s) }
  /// Text in green: done.
  public func green(_ s: String) -> String { style.apply(.success, s) }
  /// Text in yellow: look at this.
  public func yellow(_ s: String) -> String { style.apply(.warning, s) }
  /// Text in cyan: a section title.
  public func cyan(_ s: String) -> String { style.apply(.accent, s) }
}

/// Text layout helpers (the wrapping itself is AssessKit's `TextLayout`, which the core's renderers use too).
public enum Text {
  /// Wraps `text` at spaces to `width` columns (ANSI escapes do not count), indenting continuation lines.
  public static func wrap(_ text: String, width: Int, indent: Int = 0) -> String {
    TextLayout.wrap(text, width: width, indent: indent)
  }

  /// Length in characters, not counting ANSI escape sequences.
  public static func visibleLength(_ s: String) -> Int { TextLayout.visibleLength(s) }
}
