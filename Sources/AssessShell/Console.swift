import AssessKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one way `assess` writes to its standard output and error: the output sink.
///
/// Text for a person (`out`, `error`, the interview's `ShellOutput`, the readline prompt) goes through
/// `terminalText`: every control character and bidi override in it is shown escaped
/// (`TerminalText.sanitize`), except the styling our own `ANSIStyler` added. The styler marks each
/// escape it writes with a key drawn at random when the process starts (`ESC [ 1 ; KEY m`); the sink
/// writes those as plain SGR (`ESC [ 1 m`) and escapes every other ESC, so a questionnaire, an answers
/// file or an event log cannot emit an escape sequence: it cannot know the key.
///
/// Output for a program or a file (`data`: JSON, CSV, Markdown, HTML, YAML) is written exactly.
/// A test scans the sources so that no other code writes to the standard streams.
package enum Console {
  /// The key that marks the styler's own escape sequences, fresh in every process.
  package static let styleKey = String(UInt64.random(in: 1_000_000_000_000_000_000...UInt64.max))

  /// An escape sequence of ours: SGR `parameters`, marked with the key.
  package static func styleEscape(_ parameters: String) -> String {
    "\u{1B}[\(parameters);\(styleKey)m"
  }

  /// `text` as a terminal may show it: our marked styling as SGR, everything else sanitized.
  /// With `prompt`, each SGR is wrapped in readline's invisible-text markers (\001 and \002).
  ///
  /// - Complexity: O(n); text with nothing to escape is returned as it is.
  package static func terminalText(_ text: String, prompt: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: TerminalText.needsEscape) else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    out.reserveCapacity(scalars.count)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\u{1B}", let (parameters, end) = ownStyle(scalars, at: index) {
        if prompt { out.append("\u{01}") }
        out.append(contentsOf: "\u{1B}[\(parameters)m".unicodeScalars)
        if prompt { out.append("\u{02}") }
        index = end
        continue
      }
      if TerminalText.needsEscape(scalar) {
        out.append(contentsOf: TerminalText.escaped(scalar).unicodeScalars)
      } else {
        out.append(scalar)
      }
      index += 1
    }
    return String(out)
  }

  /// The SGR parameters of a marked escape at `start`, and the index after it; `nil` for any other.
  private static func ownStyle(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
    let suffix = ";" + styleKey
    guard start + 1 < scalars.count, scalars[start + 1] == "[" else { return nil }
    var parameters = ""
    var index = start + 2
    while index < scalars.count, index - start < 64 {
      let scalar = scalars[index]
      if scalar == "m" {
        guard parameters.hasSuffix(suffix) else { return nil }
        return (String(parameters.dropLast(suffix.count)), index + 1)
      }
      guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
      parameters.unicodeScalars.append(scalar)
      index += 1
    }
    return nil
  }

  /// Writes text for a person to standard output, sanitized.
  package static func out(_ text: String, terminator: String = "\n") {
    write(terminalText(text + terminator), to: 1)
  }

  /// Writes text for a person to standard error, sanitized: messages that echo input.
  package static func error(_ text: String, terminator: String = "\n") {
    write(terminalText(text + terminator), to: 2)
  }

  /// Writes output for a program or a file (JSON, CSV, Markdown, HTML, YAML) to standard output, exactly.
  package static func data(_ text: String, terminator: String = "\n") {
    write(text + terminator, to: 1)
  }

  /// Writes all of `text` to `descriptor`, retrying short writes and interruptions; a closed reader
  /// (EPIPE) ends the writing.
  private static func write(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += written
      }
    }
  }
}
