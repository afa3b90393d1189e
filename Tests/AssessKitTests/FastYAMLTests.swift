import AssessBuiltins
import Foundation
import Testing
import Yams

@testable import AssessKit

/// The fast YAML reader gives the same tree as Yams, or leaves the text to Yams (issue 13).
@Suite struct FastYAMLTests {
  /// The first difference between two trees (value, style, place, shape), or nil.
  static func difference(_ a: Node, _ b: Node, path: String = "") -> String? {
    guard a.mark?.line == b.mark?.line, a.mark?.column == b.mark?.column else {
      return "\(path): place \(String(describing: a.mark)) vs \(String(describing: b.mark))"
    }
    switch (a, b) {
    case (.scalar(let x), .scalar(let y)):
      if x.string != y.string { return "\(path): \(x.string.debugDescription) vs \(y.string.debugDescription)" }
      if x.style != y.style { return "\(path): style \(x.style) vs \(y.style)" }
      return nil
    case (.mapping(let x), .mapping(let y)):
      guard x.count == y.count else { return "\(path): \(x.count) vs \(y.count) keys" }
      for ((k1, v1), (k2, v2)) in zip(x, y) {
        if let d = difference(k1, k2, path: path + "/key") ?? difference(v1, v2, path: path + "/" + (k1.string ?? "?"))
        {
          return d
        }
      }
      return nil
    case (.sequence(let x), .sequence(let y)):
      guard x.count == y.count else { return "\(path): \(x.count) vs \(y.count) items" }
      for (i, (v1, v2)) in zip(x, y).enumerated() {
        if let d = difference(v1, v2, path: path + "/\(i)") { return d }
      }
      return nil
    default:
      return "\(path): \(a.kindName) vs \(b.kindName)"
    }
  }

  /// Whenever the fast reader gives a tree, Yams gives the same one.
  static func check(_ text: String, _ name: String) -> Bool {
    guard let fast = FastYAML.compose(text) else { return false }
    let slow: Node?
    do {
      slow = try Yams.compose(yaml: text, Resolver.basic)
    } catch {
      Issue.record("\(name): the fast reader read what Yams refuses: \(error)")
      return true
    }
    guard let slow else {
      Issue.record("\(name): Yams read nothing")
      return true
    }
    if let d = difference(fast, slow) { Issue.record("\(name): \(d)") }
    return true
  }

  static func corpus() throws -> [(String, String)] {
    var texts = Builtins.all().map { ($0.fileName, $0.text) }
    let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures")
    let files = FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard url.pathExtension == "yaml" || url.pathExtension == "yml" else { continue }
      texts.append((url.lastPathComponent, try String(contentsOf: url, encoding: .utf8)))
    }
    return texts
  }

  @Test func builtinsAndFixturesReadTheSame() throws {
    var read: [String] = []
    for (name, text) in try Self.corpus() where Self.check(text, name) { read.append(name) }
    // The built-ins without anchors are read by the fast reader (start-up depends on it).
    for name in ["ai-impact.yaml", "ai-risk.yaml", "example.yaml"] { #expect(read.contains(name), "\(name)") }
  }

  @Test func snippetsReadTheSame() {
    let snippets = [
      "a: 1\nb: two words\nc: 'it''s'\nd: \"q\\\"x\\u00e9\\n\"\n",
      "a:\n- x\n- y\nb:\n  - {k: v, l: [1, 2, 'x']}\n  - []\n  - {}\n",
      "- id: a\n  type: b\n- - x\n  - y\n-\n  k: v\n",
      "t: |\n  line one\n    more\n\n  after blank\nu: >-\n  folded\n  text\n\n  para\nv: x\n",
      "# comment\na: 1 # trailing\n\n# between\nb: C# is # not\n",
      "key with spaces: -5\n'quoted key': :x\n\"dq\": ?y\nlong: é après ü: no\n",
      "a: {x: é, y: [é, {z: ü}]}\n",
      "  a: 1\n  b: 2\n",
    ]
    for (i, text) in snippets.enumerated() { _ = Self.check(text, "snippet \(i)") }
    // Deep nesting is left to Yams, so the fast reader never recurses without bound.
    #expect(FastYAML.compose("a: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) == nil)
    #expect(FastYAML.compose("a: " + String(repeating: "[", count: 20) + String(repeating: "]", count: 20)) != nil)
    #expect(FastYAML.compose("a: 1\nb: {x: é, y: [é, {z: ü}]}\n") != nil)
  }

  /// Edits of the built-ins (characters inserted or deleted, lines swapped): whenever the fast
  /// reader reads one, Yams reads the same tree.
  @Test func mutatedBuiltinsReadTheSame() throws {
    var random = SplitMix64(seed: testSeed(20_261_129))
    let pieces = [
      ":", " ", "#", "-", "- ", "'", "\"", "\n", "{", "}", "[", "]", ",", "|", ">", "&a", "*a", "!t", "\t", "\r",
      "\u{0}", "é", "  ", "\n  ", ": x", "\\", "---\n", "|-", ">-", "\n\n", "x: y", "\n- a", " # c",
    ]
    var fastRead = 0
    for (name, count) in [("example.yaml", 300), ("ai-impact.yaml", 25), ("ai-risk.yaml", 25)] {
      let text = try #require(Builtins.source(fileName: name)).text
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      for _ in 0..<count {
        var copy = lines
        for _ in 0..<(1 + Int(random.next() % 2)) {
          let l = Int(random.next() % UInt64(copy.count))
          var scalars = Array(copy[l].unicodeScalars)
          let at = Int(random.next() % UInt64(scalars.count + 1))
          switch random.next() % 3 {
          case 0:
            let piece = pieces[Int(random.next() % UInt64(pieces.count))]
            scalars.insert(contentsOf: piece.unicodeScalars, at: at)
          case 1:
            if at < scalars.count { scalars.remove(at: at) }
          default:
            copy.swapAt(l, min(copy.count - 1, l + 1 + Int(random.next() % 3)))
            continue
          }
          copy[l] = String(String.UnicodeScalarView(scalars))
        }
        if Self.check(copy.joined(separator: "\n"), "\(name) edited") { fastRead += 1 }
      }
    }
    #expect(fastRead > 50)
  }

  /// Loading through the fast reader and through Yams gives the same diagnostics, at the same places.
  @Test func loadingGivesTheSameDiagnostics() throws {
    var texts = try Self.corpus().map(\.1)
    texts.append(
      "assess: 1\nid: t\ntitle: T\nversion: '1'\ncolour: red\nsections:\n  - id: s\n    title: S\n    questions:\n"
        + "      - {id: a, type: single, prompt: A?, options: [x, x], when: \"b == 1\"}\n      - {id: b, type: text}\n"
    )
    for text in texts {
      func run(_ fast: Bool) -> [Diagnostic] {
        let document = YAMLDocument(file: "q.yaml", text: text, fastReader: fast)
        guard let root = document.tree() else { return document.diagnostics }
        _ = QuestionnaireBuilder(document: document).build(root)
        return document.diagnostics.sortedByLocation()
      }
      #expect(run(true) == run(false))
    }
  }
}
