/// Renders diagnostics as `FILE:LINE:COL: error: message`, followed by the source line and a caret.
public struct DiagnosticRenderer: Sendable {
  /// The source texts by file name, used to show the offending line.
  public internal(set) var sources: [String: String]

  /// Creates a renderer that can quote lines from `sources` (file name to text).
  public init(sources: [String: String] = [:]) {
    self.sources = sources
  }

  /// The diagnostic, with its source line and a caret under the column when the line is known.
  public func render(_ diagnostic: Diagnostic) -> String {
    var out = diagnostic.description
    guard let location = diagnostic.location, let text = sources[location.file],
      let line = Self.line(location.line, of: text)
    else { return out }
    let number = String(location.line)
    let gutter = String(repeating: " ", count: number.count)
    let expanded = line.replacingTabs()
    let caretColumn = max(1, min(location.column, expanded.unicodeScalars.count + 1))
    let padding = String(repeating: " ", count: caretColumn - 1)
    out += "\n \(number) | \(expanded)\n \(gutter) | \(padding)^"
    return out
  }

  /// Line `number` (1-based) of `text`, without its line break.
  static func line(_ number: Int, of text: String) -> String? {
    guard number >= 1 else { return nil }
    var current = 1
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "\n" || text[index] == "\r\n" {
        if current == number { return String(text[start..<index]) }
        current += 1
        start = text.index(after: index)
      }
      index = text.index(after: index)
    }
    return current == number ? String(text[start...]) : nil
  }
}

extension String {
  fileprivate func replacingTabs() -> String {
    String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
  }
}
