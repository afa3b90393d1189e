import Foundation
import Yams

/// Writes YAML text and, in the same pass, the node tree Yams composes from that text (the same
/// strings, scalar styles, structure and marks), so the import does not parse what it has just
/// written (parsing was a quarter of importing the AIA). `SurveyJSImportTreeTests` compares the two
/// trees node by node on every form the tests import.
struct YAMLTreeWriter {
  /// A value of a flow mapping (`{value: "x", score: {score: 2}}`).
  enum Flow {
    case plain(String)
    case quoted(String)
    case mapping([(String, Flow)])
  }

  private(set) var text = ""
  // The tags Yams gives these nodes under `Resolver.basic`, named outright: an implicit tag would be
  // resolved again, with the default resolver's regular expressions, at every lookup of a key.
  private let stringTag = Tag(.str, .basic)
  private let mappingTag = Tag(.map, .basic)
  private let sequenceTag = Tag(.seq, .basic)
  private var line = 1
  private var column = 1
  /// The line the next character goes on.
  var lineNumber: Int { line }
  /// Whether the tree may differ from the text: a character YAML reads differently inside a
  /// double-quoted scalar (its own line breaks U+0085, U+2028, U+2029; C1 controls; a BOM), or
  /// marks cannot be made. The caller then parses the text instead.
  private(set) var unsure = !YAMLMark.available

  private var mark: Mark? {
    guard YAMLMark.available else { return nil }
    return YAMLMark.make(line: line, column: column)
  }

  private mutating func raw(_ s: String) {
    text += s
    if s.utf8.allSatisfy({ $0 < 0x80 }) {
      column += s.utf8.count
    } else {
      column += s.unicodeScalars.count
    }
  }

  mutating func newline() {
    text += "\n"
    line += 1
    column = 1
  }

  /// A comment line.
  mutating func comment(_ s: String) {
    raw("# " + s)
    newline()
  }

  mutating func indent(_ n: Int) { raw(String(repeating: " ", count: n)) }

  /// A plain scalar (a key, a number, `true`, a type name): the caller knows it needs no quotes.
  mutating func plain(_ s: String) -> Node {
    let at = mark
    raw(s)
    return .scalar(Node.Scalar(s, stringTag, .plain, at))
  }

  /// A double-quoted scalar (JSON's escapes, which YAML reads the same).
  mutating func quoted(_ s: String) -> Node {
    let at = mark
    if !unsure,
      s.unicodeScalars.contains(where: {
        (0x7F...0x9F).contains($0.value) || [0x2028, 0x2029, 0xFEFF].contains($0.value)
      })
    {
      unsure = true
    }
    raw(JSON.string(s).serialized())
    return .scalar(Node.Scalar(s, stringTag, .doubleQuoted, at))
  }

  /// `key: "value"` and a line break, at `indent` (nil: right after a `- `).
  mutating func line(_ indent: Int?, _ key: String, quoted value: String) -> (Node, Node) {
    if let indent { self.indent(indent) }
    let k = plain(key)
    raw(": ")
    let v = quoted(value)
    newline()
    return (k, v)
  }

  /// `key: value` (plain) and a line break.
  mutating func line(_ indent: Int?, _ key: String, plain value: String) -> (Node, Node) {
    if let indent { self.indent(indent) }
    let k = plain(key)
    raw(": ")
    let v = plain(value)
    newline()
    return (k, v)
  }

  /// `key: {...}` and a line break.
  mutating func line(_ indent: Int?, _ key: String, flow entries: [(String, Flow)]) -> (Node, Node) {
    if let indent { self.indent(indent) }
    let k = plain(key)
    raw(": ")
    let v = flow(entries)
    newline()
    return (k, v)
  }

  /// `key:` and a line break: a block value follows.
  mutating func blockKey(_ indent: Int?, _ key: String) -> Node {
    if let indent { self.indent(indent) }
    let k = plain(key)
    raw(":")
    newline()
    return k
  }

  /// `- ` at `indent`: where a block sequence's item starts.
  mutating func dash(_ indent: Int) -> Mark? {
    self.indent(indent)
    let at = mark
    raw("- ")
    return at
  }

  /// The mark of the next character.
  var here: Mark? { mark }

  /// `{key: value, ...}`.
  mutating func flow(_ entries: [(String, Flow)]) -> Node {
    let at = mark
    raw("{")
    var pairs: [(Node, Node)] = []
    for (n, (key, value)) in entries.enumerated() {
      if n > 0 { raw(", ") }
      let k = plain(key)
      raw(": ")
      switch value {
      case .plain(let s): pairs.append((k, plain(s)))
      case .quoted(let s): pairs.append((k, quoted(s)))
      case .mapping(let inner): pairs.append((k, flow(inner)))
      }
    }
    raw("}")
    return .mapping(Node.Mapping(pairs, mappingTag, .flow, at))
  }

  func blockMapping(_ pairs: [(Node, Node)], at: Mark?) -> Node {
    .mapping(Node.Mapping(pairs, mappingTag, .block, at ?? pairs.first?.0.mark))
  }

  func blockSequence(_ items: [Node], at: Mark?) -> Node {
    .sequence(Node.Sequence(items, sequenceTag, .block, at))
  }

  /// Where two trees differ (kind, text, scalar style, mark), one line each; empty when they agree.
  static func differences(_ a: Node, _ b: Node, path: String = "", limit: Int = 20) -> [String] {
    var out: [String] = []
    func visit(_ a: Node, _ b: Node, _ path: String) {
      guard out.count < limit else { return }
      if a.mark?.line != b.mark?.line || a.mark?.column != b.mark?.column {
        out.append("\(path): mark \(a.mark.map { "\($0)" } ?? "none") against \(b.mark.map { "\($0)" } ?? "none")")
      }
      switch (a, b) {
      case (.scalar(let x), .scalar(let y)):
        if x.string != y.string || x.style != y.style {
          out.append("\(path): '\(x.string)' (\(x.style)) against '\(y.string)' (\(y.style))")
        }
      case (.mapping(let x), .mapping(let y)):
        guard x.count == y.count else {
          out.append("\(path): \(x.count) keys against \(y.count)")
          return
        }
        for (n, (p, q)) in zip(x, y).enumerated() {
          visit(p.key, q.key, "\(path)/key\(n)")
          visit(p.value, q.value, "\(path)/\(p.key.string ?? "\(n)")")
        }
      case (.sequence(let x), .sequence(let y)):
        guard x.count == y.count else {
          out.append("\(path): \(x.count) items against \(y.count)")
          return
        }
        for (n, (p, q)) in zip(x, y).enumerated() { visit(p, q, "\(path)[\(n)]") }
      default:
        out.append("\(path): \(a.kindName) against \(b.kindName)")
      }
    }
    visit(a, b, path)
    return out
  }
}
