/// Wrapping text to a width, for the renderers and the terminal: words move to the next line, which
/// is indented; escape sequences a styler added take no room.
package enum TextLayout {
  /// Wraps `text` at spaces to `width` columns (ANSI escapes do not count), indenting continuation lines.
  package static func wrap(_ text: String, width: Int, indent: Int = 0) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph in
      wrapLine(String(paragraph), width: width, indent: indent)
    }.joined(separator: "\n")
  }

  static func wrapLine(_ line: String, width: Int, indent: Int) -> String {
    guard visibleLength(line) > width else { return line }
    let leading = String(line.prefix { $0 == " " })
    let pad = String(repeating: " ", count: indent + leading.count)
    var lines: [String] = []
    var current = leading
    var started = false
    // Words keep the spaces before them (aligned columns stay aligned); a wrap drops them.
    var gap = ""
    var word = ""
    func place() {
      guard !word.isEmpty else { return }
      let candidate = started ? current + gap + word : current + word
      if started, visibleLength(candidate) > width {
        lines.append(current)
        current = pad + word
      } else {
        current = candidate
      }
      started = true
      gap = ""
      word = ""
    }
    for character in line.dropFirst(leading.count) {
      if character == " " {
        if !word.isEmpty { place() }
        gap.append(" ")
      } else {
        word.append(character)
      }
    }
    place()
    lines.append(current)
    return lines.joined(separator: "\n")
  }

  /// Length in characters, not counting ANSI escape sequences.
  package static func visibleLength(_ s: String) -> Int {
    var count = 0
    var inEscape = false
    for c in s.unicodeScalars {
      if inEscape {
        if c == "m" { inEscape = false }
      } else if c == "\u{1B}" {
        inEscape = true
      } else {
        count += 1
      }
    }
    return count
  }
}
