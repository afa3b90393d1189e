import AssessBuiltins
import Foundation
import Testing
import Yams

@testable import AssessKit

/// The loader's own node type (issue 13): the fast reader's `YAMLNode` tree is what Yams composes,
/// converted, on every text it reads; converting to Yams's nodes and back changes nothing.
@Suite struct YAMLNodeTests {
  /// Whenever the fast reader reads `text`, its tree equals Yams's, converted. Returns whether it read it.
  static func check(_ text: String, _ name: String) -> Bool {
    guard let fast = FastYAML.read(text) else { return false }
    guard let composed = try? Yams.compose(yaml: text, Resolver.basic) else {
      Issue.record("\(name): the fast reader read what Yams refuses or reads as empty")
      return true
    }
    let differences = YAMLTreeWriter.differences(fast, YAMLNode(composed))
    #expect(differences == [], "\(name)")
    // The Yams tree made for answers files converts back to the same nodes.
    if let yams = fast.yamsNode() {
      #expect(YAMLTreeWriter.differences(fast, YAMLNode(yams)) == [], "\(name) round trip")
    } else {
      Issue.record("\(name): no Yams tree")
    }
    return true
  }

  @Test func builtinsAndFixturesReadTheSame() throws {
    var read: [String] = []
    for (name, text) in try FastYAMLTests.corpus() where Self.check(text, name) { read.append(name) }
    for name in ["ai-impact.yaml", "ai-risk.yaml", "example.yaml"] { #expect(read.contains(name), "\(name)") }
  }

  /// Random edits of the built-ins: every one the fast reader reads gives Yams's tree.
  @Test func editedBuiltinsReadTheSame() throws {
    var random = SplitMix64(seed: testSeed(20_261_130))
    let pieces = [":", " ", "#", "- ", "'", "\"", "\n", "{", "}", "[", "]", ",", "|", ">", "é", "  ", ": x", "|-"]
    var fastRead = 0
    for name in ["example.yaml", "ai-impact.yaml"] {
      let text = try #require(Builtins.source(fileName: name)).text
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      for _ in 0..<60 {
        let l = Int(random.next() % UInt64(lines.count))
        var scalars = Array(lines[l].unicodeScalars)
        let at = Int(random.next() % UInt64(scalars.count + 1))
        if random.next() % 2 == 0 {
          scalars.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))].unicodeScalars, at: at)
        } else if at < scalars.count {
          scalars.remove(at: at)
        }
        let edited = lines
        lines[l] = String(String.UnicodeScalarView(scalars))
        if Self.check(lines.joined(separator: "\n"), "\(name) edited") { fastRead += 1 }
        lines = edited
      }
    }
    #expect(fastRead > 20)
  }

  /// Texts only Yams reads are converted whole: aliases resolved, marks and styles kept.
  @Test func yamsTreesConvertWhole() throws {
    let text = "a: &x {k: 'v', l: [1, \"2\"]}\nb: *x\nc: |\n  lit\n"
    #expect(FastYAML.read(text) == nil)
    let document = YAMLDocument(file: "t.yaml", text: text)
    let tree = try #require(document.tree())
    let composed = try #require(try Yams.compose(yaml: text, Resolver.basic))
    #expect(YAMLTreeWriter.differences(tree, composed) == [])
    #expect(tree.text(forKey: "c") == "lit\n")
    #expect(tree.pairCount == 3)
    let b = try #require(tree.pairs.first { $0.key.string == "b" }?.value)
    #expect(b.kind == .mapping && b.text(forKey: "k") == "v")
  }

  /// A changed text, style, place or shape is reported by the comparison the tests rely on.
  @Test func differencesAreNoticed() throws {
    func tree(_ text: String) throws -> YAMLNode { try #require(FastYAML.read(text)) }
    let base = try tree("a: x\nb: [1, 2]\n")
    #expect(YAMLTreeWriter.differences(base, try tree("a: x\nb: [1, 2]\n")) == [])
    #expect(YAMLTreeWriter.differences(base, try tree("a: y\nb: [1, 2]\n")).count == 1)
    #expect(YAMLTreeWriter.differences(base, try tree("a: 'x'\nb: [1, 2]\n")).count == 1)
    #expect(YAMLTreeWriter.differences(base, try tree("a:  x\nb: [1, 2]\n")).count == 1)
    #expect(YAMLTreeWriter.differences(base, try tree("a: x\nb: [1]\n")).count == 1)
    #expect(YAMLTreeWriter.differences(base, try tree("a: x\nb: {1: 2}\n")).count == 1)
  }

  /// `minutes` reads whole numbers the way Yams does (also `0x10`, `1_0`).
  @Test func wholeNumbersAsYamsReadsThem() throws {
    for text in ["15", "0x10", "1_0", "0o17", "x", "1.5", "-3"] {
      let node = YAMLNode.scalar(text, .plain, line: 1, column: 1)
      #expect(node.int == Node.scalar(Node.Scalar(text)).int, "\(text)")
    }
  }
}
