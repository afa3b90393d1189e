import Yams

/// A YAML text parsed into nodes, with the diagnostics found while reading it.
final class YAMLDocument {
  let file: String
  let text: String
  /// Where each of the text's lines starts (UTF-8 offsets), found when first needed: the lines of
  /// `text.split(separator: "\n", omittingEmptySubsequences: false)`, which splits at every line
  /// feed that is not part of a CR LF (one `Character`), found by bytes (splitting by characters
  /// was a fifth of loading a built-in).
  private lazy var lineStarts: [Int] = {
    var starts = [0]
    var previous: UInt8 = 0
    var offset = 0
    for byte in text.utf8 {
      offset += 1
      if byte == 0x0A && previous != 0x0D { starts.append(offset) }
      previous = byte
    }
    return starts
  }()

  /// How many lines `line(at:)` has.
  var lineCount: Int { lineStarts.count }

  /// The line at `index` (from 0), without its line feed.
  func line(at index: Int) -> Substring {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[index])
    let end =
      index + 1 < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[index + 1] - 1) : utf8.endIndex
    return text[start..<end]
  }
  var diagnostics: [Diagnostic] = []

  /// Whether `root()` tries `FastYAML` before Yams (tests turn it off to compare both).
  let fastReader: Bool

  init(file: String, text: String, fastReader: Bool = true) {
    self.file = file
    self.text = text
    self.fastReader = fastReader
  }

  /// The root node as the loader reads it, or `nil` with a diagnostic when the text is not YAML.
  func tree() -> YAMLNode? {
    // Most questionnaires are read by the fast reader; anything outside its subset goes to Yams.
    if fastReader, let node = FastYAML.read(text) { return node }
    return composed(allowEmpty: false).map(YAMLNode.init)
  }

  /// The root node as Yams's `Node` (answers files), or `nil` with a diagnostic when the text is not YAML.
  func root(allowEmpty: Bool = false) -> Node? {
    if fastReader, let node = FastYAML.compose(text) { return node }
    return composed(allowEmpty: allowEmpty)
  }

  /// The text composed by Yams, or `nil` with a diagnostic.
  private func composed(allowEmpty: Bool) -> Node? {
    do {
      // The basic resolver tags every plain scalar as text: the readers parse numbers and booleans
      // themselves, and resolving tags with Yams's default regular expressions took half of a load.
      guard let node = try Yams.compose(yaml: text, Resolver.basic) else {
        if allowEmpty { return nil }
        error("the file is empty", at: SourceLocation(file: file, line: 1, column: 1))
        return nil
      }
      return node
    } catch let yamlError as YamlError {
      diagnostics.append(Self.diagnostic(for: yamlError, file: file))
      return nil
    } catch {
      self.error("cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
      return nil
    }
  }

  /// A diagnostic for a Yams error, at the place it names.
  static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
    func place(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
      return .error("invalid YAML: \(problem)\(detail)", at: place(mark))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return .error("duplicate key \(keys) in one mapping", at: place(context.mark))
    case .reader(let problem, let offset, _, let text):
      return readerDiagnostic(problem: problem, offset: offset, text: text, file: file)
    default:
      return .error("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
    }
  }

  func location(_ node: YAMLNode) -> SourceLocation {
    SourceLocation(file: file, line: node.line > 0 ? node.line : 1, column: node.line > 0 ? node.column : 1)
  }

  func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(.error(message, at: location))
  }

  func warning(_ message: String, at location: SourceLocation) {
    diagnostics.append(.warning(message, at: location))
  }

  func error(_ message: String, _ node: YAMLNode) { error(message, at: location(node)) }

  /// The place of a node Yams composed (answers files).
  func location(_ node: Node) -> SourceLocation {
    let mark = node.mark
    return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  func error(_ message: String, _ node: Node) { error(message, at: location(node)) }

  /// The place of the character `offset` (in Unicode scalars) inside the text of a scalar node.
  func location(ofOffset offset: Int, in node: YAMLNode) -> SourceLocation {
    let start = location(node)
    guard node.isScalar else { return start }
    // The text before the offset, made only when there is some: every expression's own location
    // is its offset 0, and making that empty text was most of placing one.
    var lineInValue = 0
    var columnInLine = 0
    if offset > 0 {
      let before = String(String.UnicodeScalarView(node.string.unicodeScalars.prefix(offset)))
      lineInValue = before.filter { $0 == "\n" }.count
      columnInLine =
        before.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.unicodeScalars.count } ?? 0
    }
    switch node.style {
    case .literal, .folded:
      // The block's indentation is that of its first content line.
      let line = start.line + 1 + lineInValue
      guard line - 1 < lineCount, start.line < lineCount else { return start }
      let indent = self.line(at: start.line).prefix { $0 == " " }.count
      return SourceLocation(file: file, line: line, column: indent + 1 + columnInLine)
    case .singleQuoted, .doubleQuoted:
      if lineInValue > 0 { return start }
      return SourceLocation(file: file, line: start.line, column: start.column + 1 + offset)
    default:
      if lineInValue > 0 { return start }
      return SourceLocation(file: file, line: start.line, column: start.column + offset)
    }
  }
}

extension Node {
  /// A short name of the node's kind, for messages.
  var kindName: String {
    switch self {
    case .scalar: return "a single value"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }
}
