/// Text for a person at a terminal: every character that a terminal would act on instead of showing
/// is shown escaped and visible.
///
/// Questionnaire texts, answers, notes, names and echoed arguments are anyone's text: an escape
/// sequence in a title must not clear the screen or set the window title, and a bidi override in an
/// option label must not reorder what the reader sees. What is escaped:
/// - C0 control characters except the newline (`\e`, `\a`, `\b`, `\r`, `\v`, `\f`, `\0`, others as
///   `\u{1F}`); a tab becomes four spaces;
/// - DEL and the C1 controls U+0080 to U+009F (`\u{9B}` is a one-character CSI on some terminals);
/// - the bidi embeddings, overrides and isolates U+202A to U+202E and U+2066 to U+2069 (`\u{202E}`).
///
/// The marks U+200E and U+200F (and U+061C) are kept: they are what right-to-left text legitimately
/// uses, and they change only the direction of the neutral characters beside them; they cannot reorder
/// a run of text as an override or an isolate can. A backslash is kept as it is.
///
/// The terminal edge (AssessShell's `Console`) applies this to everything it writes for a person;
/// JSON, CSV, Markdown and HTML output and files are written exactly.
public enum TerminalText {
  /// Whether `scalar` is shown escaped rather than written.
  public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A: return false
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// How an escaped scalar is shown.
  public static func escaped(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x09: return "    "
    case 0x1B: return "\\e"
    case 0x07: return "\\a"
    case 0x08: return "\\b"
    case 0x0D: return "\\r"
    case 0x0B: return "\\v"
    case 0x0C: return "\\f"
    case 0x00: return "\\0"
    default:
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
    }
  }

  /// `text` with every character a terminal would act on shown escaped (see the type's notes).
  ///
  /// - Complexity: O(n) over the UTF-8 bytes; text with nothing to escape is returned as it is.
  public static func sanitize(_ text: String) -> String {
    sanitize(text) { _, _ in nil }
  }

  /// `text` sanitized, except where `keep` (called at each ESC, with the bytes and the ESC's offset)
  /// gives the bytes to write instead and how many bytes of the text they stand for: the terminal edge
  /// uses it to let its own marked styling through.
  ///
  /// - Complexity: O(n) over the UTF-8 bytes; text with nothing to escape is returned as it is.
  package static func sanitize(
    _ text: String, keep: (UnsafeBufferPointer<UInt8>, Int) -> (bytes: [UInt8], length: Int)?
  ) -> String {
    var text = text
    let result: [UInt8]? = text.withUTF8 { bytes in
      var out: [UInt8] = []
      var copied = 0
      var index = 0
      while index < bytes.count {
        let length = escapableLength(bytes, index)
        if length == 0 {
          index += 1
          continue
        }
        if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
        out.append(contentsOf: bytes[copied..<index])
        if bytes[index] == 0x1B, let kept = keep(bytes, index) {
          out.append(contentsOf: kept.bytes)
          index += kept.length
        } else {
          let scalar = decode(bytes, at: index, length: length)
          out.append(contentsOf: escaped(scalar).utf8)
          index += length
        }
        copied = index
      }
      guard copied > 0 else { return nil }
      out.append(contentsOf: bytes[copied...])
      return out
    }
    guard let result else { return text }
    return String(decoding: result, as: UTF8.self)
  }

  /// The length in UTF-8 bytes of the character at `index` when it is one to escape, else 0.
  @inline(__always)
  static func escapableLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x20 { return byte == 0x0A ? 0 : 1 }
    if byte == 0x7F { return 1 }
    if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return 2 }
    if byte == 0xE2, index + 2 < bytes.count {
      let second = bytes[index + 1]
      let third = bytes[index + 2]
      if second == 0x80, (0xAA...0xAE).contains(third) { return 3 }
      if second == 0x81, (0xA6...0xA9).contains(third) { return 3 }
    }
    return 0
  }

  /// The scalar of an escapable character's 1 to 3 bytes.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar {
    let value: UInt32
    switch length {
    case 1: value = UInt32(bytes[index])
    case 2: value = UInt32(bytes[index] & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
    default:
      value =
        UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
    }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }
}
