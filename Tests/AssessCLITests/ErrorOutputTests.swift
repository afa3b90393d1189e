import Foundation
import Testing

/// Error output stays bounded and linear whatever the file (issue 15, "Error output is unbounded").
@Suite struct ErrorOutputTests {
  /// A one-line JSON questionnaire of 20 KB with 1,000 unknown keys: the first 50 errors, each with
  /// an 80-column window of its line, then "and 950 more errors"; no output near the old 20 MB.
  @Test func oneLineFileWithAThousandUnknownKeys() throws {
    let dir = try temporaryDirectory()
    var keys = ["\"assess\": 1", "\"id\": \"t\"", "\"title\": \"T\"", "\"version\": \"1\""]
    for i in 0..<1000 { keys.append("\"k\(i)\": 1") }
    keys.append(
      "\"sections\": [{\"id\": \"s\", \"title\": \"S\", \"questions\": [{\"id\": \"a\", \"type\": \"text\", \"prompt\": \"A?\"}]}]"
    )
    let text = "{" + keys.joined(separator: ", ") + "}\n"
    #expect(text.utf8.count > 10_000)
    try text.write(to: dir.appendingPathComponent("wide.yaml"), atomically: true, encoding: .utf8)
    let r = try assess(["validate", "wide.yaml"], directory: dir)
    #expect(r.status == 1)
    let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.filter { $0.contains(": error: unknown key") }.count == 50)
    #expect(r.stderr.contains("wide.yaml: and 950 more errors\n"))
    #expect(r.stderr.hasSuffix("wide.yaml: 1000 errors, 0 warnings\n"))
    // Each quoted line is a window: "...", at most 80 columns, "..."; the whole output is small.
    #expect(lines.allSatisfy { $0.unicodeScalars.count < 200 })
    #expect(r.stderr.utf8.count < 30_000)
    // The first error: the caret sits under the key in the window.
    let column = try #require(text.range(of: "\"k0\"")).lowerBound.utf16Offset(in: text) + 1
    let first = try #require(lines.firstIndex { $0.contains("wide.yaml:1:\(column): error: unknown key 'k0'") })
    let quoted = String(lines[first + 1])
    let caret = String(lines[first + 2])
    #expect(quoted.hasPrefix(" 1 | ...") && quoted.hasSuffix("..."))
    let mark = try #require(caret.firstIndex(of: "^"))
    let under = quoted[quoted.index(quoted.startIndex, offsetBy: caret.distance(from: caret.startIndex, to: mark))...]
    #expect(under.hasPrefix("\"k0\""))
  }

  /// Warnings are capped apart from errors; loading a questionnaire for `start` caps its errors too.
  @Test func warningsAndStartAreCapped() throws {
    let dir = try temporaryDirectory()
    var yaml = "assess: 1\nid: t\ntitle: T\nversion: '1'\nscales:\n"
    for i in 0..<60 { yaml += "  - {id: s\(i)}\n" }
    yaml += "sections:\n  - id: s\n    title: S\n    questions:\n"
    for i in 0..<70 { yaml += "      - {id: a\(i), type: text, prompt: A?, colour: red}\n" }
    try yaml.write(to: dir.appendingPathComponent("many.yaml"), atomically: true, encoding: .utf8)
    let validate = try assess(["validate", "many.yaml"], directory: dir)
    #expect(validate.stderr.contains("many.yaml: and 20 more errors\n"))
    #expect(validate.stderr.contains("many.yaml: and 10 more warnings\n"))
    #expect(validate.stderr.components(separatedBy: ": warning: ").count - 1 == 50)
    let start = try assess(["start", "many.yaml", "--no-input"], directory: dir)
    #expect(start.status == 2)
    #expect(start.stderr.contains("many.yaml: and 20 more errors\n"))
    #expect(!start.stderr.contains("warning"))
  }
}
