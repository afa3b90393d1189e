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
    let key = Array(styleKey.utf8)
    return TerminalText.sanitize(text) { bytes, start in
      guard let (parameters, end) = ownStyle(bytes, at: start, key: key) else { return nil }
      var out: [UInt8] = prompt ? [0x01] : []
      out += [0x1B, UInt8(ascii: "[")] + parameters + [UInt8(ascii: "m")]
      if prompt { out.append(0x02) }
      return (out, end - start)
    }
  }

  /// The SGR parameters of a marked escape at `start` (`ESC [ parameters ; KEY m`), and the offset after
  /// it; `nil` for any other.
  private static func ownStyle(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, key: [UInt8]) -> (
    [UInt8], Int
  )? {
    guard start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "[") else { return nil }
    var index = start + 2
    while index < bytes.count, index - start < 64 {
      let byte = bytes[index]
      if byte == UInt8(ascii: "m") {
        let parameters = Array(bytes[(start + 2)..<index])
        guard parameters.count > key.count, parameters[parameters.count - key.count - 1] == UInt8(ascii: ";"),
          Array(parameters.suffix(key.count)) == key
        else { return nil }
        return (Array(parameters.dropLast(key.count + 1)), index + 1)
      }
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ";") else { return nil }
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

  /// Writes bytes for a program or a file (a stream of JSON lines) to standard output, exactly.
  package static func data(bytes: [UInt8]) {
    write(bytes, to: 1)
  }

  private static func write(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { write($0, to: descriptor) }
  }

  private static func write(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBufferPointer { write($0, to: descriptor) }
  }

  /// Writes all of `text` to `descriptor`, retrying short writes and interruptions; a closed reader
  /// (EPIPE) ends the writing.
  private static func write(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
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
