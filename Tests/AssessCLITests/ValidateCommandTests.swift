import Foundation
import Testing

@Suite struct ValidateCommandTests {
  @Test func exampleIsValid() throws {
    let r = try assess(["validate", "questionnaires/example.yaml"])
    #expect(r.status == 0)
    #expect(r.stdout == "questionnaires/example.yaml: ok: 'example' 1.0.0, 9 questions, 3 risks\n")
    #expect(r.stderr.isEmpty)
  }

  @Test func builtInIdsValidateToo() throws {
    let r = try assess(["validate", "example"])
    #expect(r.status == 0 && r.stdout == "example.yaml: ok: 'example' 1.0.0, 9 questions, 3 risks\n")
  }

  /// Every mistake seeded in broken.yaml, with its line, column, source line and caret.
  @Test func brokenFileReportsEveryMistake() throws {
    let r = try assess(["validate", "Tests/Fixtures/broken.yaml"])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    try expectGolden(r.stderr, "broken.expected")
  }

  @Test func strictTurnsWarningsIntoFailure() throws {
    let yaml = """
      assess: 1
      id: w
      title: W
      version: "1"
      scales: [{id: nothing}]
      sections: [{id: s, title: S, questions: [{id: a, type: text, prompt: A}]}]
      """
    let dir = try temporaryDirectory()
    try yaml.write(to: dir.appendingPathComponent("w.yaml"), atomically: true, encoding: .utf8)
    let lenient = try assess(["validate", "w.yaml"], directory: dir)
    #expect(lenient.status == 0 && lenient.stdout.hasSuffix("1 warning\n"))
    let strict = try assess(["validate", "--strict", "w.yaml"], directory: dir)
    #expect(strict.status == 1)
    #expect(strict.stderr.hasSuffix("w.yaml: 0 errors, 1 warning\n"))
  }

  @Test func missingFileIsAnInputError() throws {
    let r = try assess(["validate", "nowhere.yaml", "questionnaires/example.yaml"])
    #expect(r.status == 2)
    #expect(r.stderr == "error: questionnaire 'nowhere.yaml' does not exist\n")
    #expect(r.stdout.contains("ok: 'example'"))
  }

  @Test func notUTF8() throws {
    let dir = try temporaryDirectory()
    try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: dir.appendingPathComponent("bin.yaml"))
    let r = try assess(["validate", "bin.yaml"], directory: dir)
    #expect(
      r.status == 2
        && r.stderr
          == "error: questionnaire 'bin.yaml' is not UTF-8 text: line 1, byte 1 of that line is not valid UTF-8; save it as UTF-8\n"
    )
  }

  @Test func usageErrorsExitTwo() throws {
    let r = try assess(["validate"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("Missing expected argument '<file> ...'"))
    let unknown = try assess(["frobnicate"])
    #expect(unknown.status == 2)
  }

  /// Conditions nested 20,000 deep (once a segfault) are an error naming the place, whatever the shape.
  @Test(arguments: ["parentheses", "not", "sum chain"])
  func deepConditionIsAnError(shape: String) throws {
    let condition =
      switch shape {
      case "parentheses": String(repeating: "(", count: 20_000) + "n > 1" + String(repeating: ")", count: 20_000)
      case "not": String(repeating: "not ", count: 20_000) + "n > 1"
      default: Array(repeating: "n", count: 100_000).joined(separator: " + ") + " > 1"
      }
    let yaml = """
      assess: 1
      id: deep
      title: Deep
      version: "1"
      sections:
        - id: s
          title: S
          questions:
            - {id: n, type: number, prompt: N}
            - {id: m, type: text, prompt: M, when: "\(condition)"}
      """
    let dir = try temporaryDirectory()
    try yaml.write(to: dir.appendingPathComponent("deep.yaml"), atomically: true, encoding: .utf8)
    let r = try assess(["validate", "deep.yaml"], directory: dir)
    #expect(r.status == 1, "\(r.stderr.prefix(300))")
    #expect(r.stderr.hasPrefix("deep.yaml:10:"), "\(r.stderr.prefix(300))")
    #expect(r.stderr.contains("error: the expression goes more than 250 levels deep"))
    #expect(r.stderr.contains("(in the condition of 'm')"))
  }
}
