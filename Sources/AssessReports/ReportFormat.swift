/// The formats `assess report` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
  /// Markdown, from a template.
  case markdown
  /// One self-contained HTML file, from a template.
  case html
  /// The report model as JSON, with its `schema` version.
  case json
  /// The risk register, RFC 4180.
  case csv
  /// The HTML printed by a headless Chromium (the edge does the printing).
  case pdf

  /// Whether the format comes from a template (`--template` applies).
  public var usesTemplate: Bool { self == .markdown || self == .html || self == .pdf }
}
