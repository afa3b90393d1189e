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
  /// - Complexity: O(n); text with nothing to escape is returned as it is.
  public static func sanitize(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) {
        out.append(contentsOf: escaped(scalar).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }
}
