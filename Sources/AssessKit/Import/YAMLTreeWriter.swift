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

  /// A node's place: line and column, from 1.
  struct Place {
    let line: Int
    let column: Int
  }

  private(set) var text = ""
  private var line = 1
  private var column = 1
  /// The line the next character goes on.
  var lineNumber: Int { line }
  /// Whether the tree may differ from the text: a character YAML reads differently inside a
  /// double-quoted scalar (its own line breaks U+0085, U+2028, U+2029; C1 controls; a BOM). The
  /// caller then parses the text instead.
  private(set) var unsure = false

  private var mark: Place { Place(line: line, column: column) }

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
  mutating func plain(_ s: String) -> YAMLNode {
    let at = mark
    raw(s)
    return .scalar(s, .plain, line: at.line, column: at.column)
  }

  /// A double-quoted scalar (JSON's escapes, which YAML reads the same).
  mutating func quoted(_ s: String) -> YAMLNode {
    let at = mark
    if !unsure,
      s.unicodeScalars.contains(where: {
        (0x7F...0x9F).contains($0.value) || [0x2028, 0x2029, 0xFEFF].contains($0.value)
      })
    {
      unsure = true
    }
    raw(JSON.string(s).serialized())
    return .scalar(s, .doubleQuoted, line: at.line, column: at.column)
  }

  /// `key: "value"` and a line break, at `indent` (nil: right after a `- `).
  mutating func line(_ indent: Int?, _ key: String, quoted value: String) -> (YAMLNode, YAMLNode) {
    if let indent { self.indent(indent) }
    let k = plain(key)
    raw(": ")
    let v = quoted(value)
    newline()
    return (k, v)
  }

  /// `key: value` (plain) and a line break.
  mutating func line(_ indent: Int?, _ key: String, plain value: String) -> (YAMLNode, YAMLNode) {
    if let indent { self.indent(indent) }
    let k = plain(key)
    raw(": ")
    let v = plain(value)
    newline()
    return (k, v)
  }

  /// `key: {...}` and a line break.
  mutating func line(_ indent: Int?, _ key: String, flow entries: [(String, Flow)]) -> (YAMLNode, YAMLNode) {
    if let indent { self.indent(indent) }
    let k = plain(key)
    raw(": ")
    let v = flow(entries)
    newline()
    return (k, v)
  }

  /// `key:` and a line break: a block value follows.
  mutating func blockKey(_ indent: Int?, _ key: String) -> YAMLNode {
    if let indent { self.indent(indent) }
    let k = plain(key)
    raw(":")
    newline()
    return k
  }

  /// `- ` at `indent`: where a block sequence's item starts.
  mutating func dash(_ indent: Int) -> Place? {
    self.indent(indent)
    let at = mark
    raw("- ")
    return at
  }

  /// The mark of the next character.
  var here: Place? { mark }

  /// `{key: value, ...}`.
  mutating func flow(_ entries: [(String, Flow)]) -> YAMLNode {
    let at = mark
    raw("{")
    var pairs: [YAMLNode] = []
    pairs.reserveCapacity(entries.count * 2)
    for (n, (key, value)) in entries.enumerated() {
      if n > 0 { raw(", ") }
      pairs.append(plain(key))
      raw(": ")
      switch value {
      case .plain(let s): pairs.append(plain(s))
      case .quoted(let s): pairs.append(quoted(s))
      case .mapping(let inner): pairs.append(flow(inner))
      }
    }
    raw("}")
    return .mapping(pairs, line: at.line, column: at.column)
  }

  func blockMapping(_ pairs: [(YAMLNode, YAMLNode)], at: Place?) -> YAMLNode {
    var items: [YAMLNode] = []
    items.reserveCapacity(pairs.count * 2)
    for (key, value) in pairs {
      items.append(key)
      items.append(value)
    }
    let line = at?.line ?? pairs.first?.0.line ?? 0
    let column = at?.column ?? pairs.first?.0.column ?? 0
    return .mapping(items, line: line, column: column)
  }

  func blockSequence(_ items: [YAMLNode], at: Place?) -> YAMLNode {
    .sequence(items, line: at?.line ?? 0, column: at?.column ?? 0)
  }

  /// Where a written tree and the one Yams composed differ (see the other `differences`).
  static func differences(_ a: YAMLNode, _ b: Node, limit: Int = 20) -> [String] {
    differences(a, YAMLNode(b), limit: limit)
  }

  /// Where two trees Yams composed differ (see the other `differences`).
  static func differences(_ a: Node, _ b: Node, limit: Int = 20) -> [String] {
    differences(YAMLNode(a), YAMLNode(b), limit: limit)
  }

  /// Where two trees differ (kind, text, scalar style, place), one line each; empty when they agree.
  static func differences(_ a: YAMLNode, _ b: YAMLNode, path: String = "", limit: Int = 20) -> [String] {
    var out: [String] = []
    func place(_ n: YAMLNode) -> String { n.line > 0 ? "\(n.line):\(n.column)" : "none" }
    func visit(_ a: YAMLNode, _ b: YAMLNode, _ path: String) {
      guard out.count < limit else { return }
      if a.line != b.line || a.column != b.column {
        out.append("\(path): mark \(place(a)) against \(place(b))")
      }
      guard a.kind == b.kind else {
        out.append("\(path): \(a.kindName) against \(b.kindName)")
        return
      }
      switch a.kind {
      case .scalar:
        if a.string != b.string || a.style != b.style {
          out.append("\(path): '\(a.string)' (\(a.style)) against '\(b.string)' (\(b.style))")
        }
      case .mapping:
        guard a.pairCount == b.pairCount else {
          out.append("\(path): \(a.pairCount) keys against \(b.pairCount)")
          return
        }
        for (n, (p, q)) in zip(a.pairs, b.pairs).enumerated() {
          visit(p.key, q.key, "\(path)/key\(n)")
          visit(p.value, q.value, "\(path)/\(p.key.scalarText ?? "\(n)")")
        }
      case .sequence:
        guard a.items.count == b.items.count else {
          out.append("\(path): \(a.items.count) items against \(b.items.count)")
          return
        }
        for (n, (p, q)) in zip(a.items, b.items).enumerated() { visit(p, q, "\(path)[\(n)]") }
      case .alias:
        break
      }
    }
    visit(a, b, path)
    return out
  }
}
