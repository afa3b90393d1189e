import AssessKit
import AssessShell
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the command knows of its terminal.
enum Terminal {
  enum Stream {
    case standardOutput, standardError

    var descriptor: Int32 { self == .standardOutput ? 1 : 2 }
  }

  /// Colour only on a terminal, never with NO_COLOR set or TERM=dumb.
  static func supportsColor(_ stream: Stream) -> Bool {
    let environment = ProcessInfo.processInfo.environment
    if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
    if environment["TERM"] == "dumb" { return false }
    return isatty(stream.descriptor) == 1
  }

  /// Standard output's width when it is a terminal; `nil` for a file or a pipe (one line per item).
  static var width: Int? { isatty(1) == 1 ? ShellOutput(color: false).width : nil }

  /// Writes a message to standard error, through the output sink (sanitized: messages echo input).
  static func error(_ text: String) {
    Console.error(text)
  }

  /// The styler for a stream: ANSI where colour is on, plain otherwise.
  static func styler(_ on: Bool) -> any TextStyler { on ? ANSIStyler() : PlainStyler() }

  static func bold(_ text: String, _ on: Bool) -> String { styler(on).apply(.heading, text) }
  static func red(_ text: String, _ on: Bool) -> String { styler(on).apply(.alert, text) }
  static func yellow(_ text: String, _ on: Bool) -> String { styler(on).apply(.warning, text) }
  static func green(_ text: String, _ on: Bool) -> String { styler(on).apply(.success, text) }
}
