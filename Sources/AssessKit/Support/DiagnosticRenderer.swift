/// Renders diagnostics as `FILE:LINE:COL: error: message`, followed by the source line and a caret.
///
/// A long line is shown as a window of ``windowWidth`` columns around the caret, with `...` on each
/// cut side, so that an error in a one-line file of megabytes prints a few lines, not the file.
/// Line starts are indexed once per source, when the renderer is made.
public struct DiagnosticRenderer: Sendable {
  /// The source texts by file name, used to show the offending line.
  public internal(set) var sources: [String: String] {
    didSet { lineIndexes = sources.mapValues(LineIndex.init) }
  }
  private var lineIndexes: [String: LineIndex]

  /// How many columns of a source line are shown at most (not counting the `...` marks).
  public static let windowWidth = 80

  /// Creates a renderer that can quote lines from `sources` (file name to text).
  ///
  /// - Complexity: O(n) in the total length of the sources.
  public init(sources: [String: String] = [:]) {
    self.sources = sources
    self.lineIndexes = sources.mapValues(LineIndex.init)
  }

  /// The diagnostic, with its source line and a caret under the column when the line is known.
  ///
  /// - Complexity: O(c + w): the column `c` and the window's width `w`, whatever the line's length.
  public func render(_ diagnostic: Diagnostic) -> String {
    var out = diagnostic.description
    guard let location = diagnostic.location, let index = lineIndexes[location.file],
      let line = index.line(location.line)
    else { return out }
    let number = String(location.line)
    let gutter = String(repeating: " ", count: number.count)
    let window = Self.window(of: line, column: location.column, width: Self.windowWidth)
    let padding = String(repeating: " ", count: window.caret)
    out += "\n \(number) | \(window.text)\n \(gutter) | \(padding)^"
    return out
  }

  /// The part of `line` shown around the 1-based `column`: at most `width` scalars, tabs shown as
  /// spaces, `...` where the line was cut; `caret` is the 0-based column of the caret in `text`.
  static func window(of line: Substring, column: Int, width: Int) -> (text: String, caret: Int) {
    let wanted = max(0, column - 1)
    // Read only as far as the window can reach: never the rest of a long line.
    let limit = max(width, wanted + width / 2) + 1
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(min(limit, line.utf8.count))
    var more = false
    for scalar in line.unicodeScalars {
      if scalars.count == limit {
        more = true
        break
      }
      scalars.append(scalar == "\t" ? " " : scalar)
    }
    let caret = more ? wanted : min(wanted, scalars.count)
    if !more, scalars.count <= width {
      return (String(String.UnicodeScalarView(scalars)), caret)
    }
    var start = max(0, caret - width / 2)
    let end = min(scalars.count, start + width)
    if !more, end == scalars.count { start = max(0, end - width) }
    let cutLeft = start > 0
    let cutRight = more || end < scalars.count
    var text = cutLeft ? "..." : ""
    text.unicodeScalars.append(contentsOf: scalars[start..<end])
    if cutRight { text += "..." }
    return (text, caret - start + (cutLeft ? 3 : 0))
  }
}

/// Where each line of a text starts, found in one pass over its UTF-8.
struct LineIndex: Sendable {
  let text: String
  /// The index of the first character of each line; lines end at `\n` (a `\r` before it is dropped).
  private let starts: [String.Index]

  init(_ text: String) {
    self.text = text
    var starts = [text.startIndex]
    let utf8 = text.utf8
    var index = utf8.startIndex
    while let newline = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) {
      index = utf8.index(after: newline)
      starts.append(index)
    }
    self.starts = starts
  }

  /// Line `number` (1-based), without its line break; `nil` past the last line.
  func line(_ number: Int) -> Substring? {
    guard number >= 1, number <= starts.count else { return nil }
    let start = starts[number - 1]
    guard number < starts.count else { return Substring(text.unicodeScalars[start...]) }
    var end = text.utf8.index(before: starts[number])
    if end > start, text.utf8[text.utf8.index(before: end)] == UInt8(ascii: "\r") {
      end = text.utf8.index(before: end)
    }
    return Substring(text.unicodeScalars[start..<end])
  }

  /// The line count: one more than the number of line breaks.
  var count: Int { starts.count }
}
