import AssessKit

extension SessionContext {
  /// `text` wrapped to the terminal's width (continuation lines indented by `indent` more than
  /// their line), or as it is when standard output is not a terminal.
  func wrapped(_ text: String, indent: Int = 2) -> String {
    width.map { TextLayout.wrap(text, width: $0, indent: indent) } ?? text
  }
}
