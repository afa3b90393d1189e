import Foundation
import Testing

/// The built-in questionnaires are compiled into the binary: a copy of it, with no build folder in
/// reach, lists, validates and evaluates them.
@Suite struct EmbeddedBuiltinsTests {
  @Test func aCopiedBinaryRunsItsBuiltInsAlone() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let copy = dir.appendingPathComponent("assess")
    try FileManager.default.copyItem(at: assessBinary, to: copy)
    // Nothing else is beside the copy: no resource bundle, no build folder.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["assess"])
    let answers = dir.appendingPathComponent("answers.yaml")
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("examples/example-answers.yaml"), to: answers)

    func run(_ arguments: [String]) throws -> RunResult {
      let process = Process()
      process.executableURL = copy
      process.arguments = arguments
      process.currentDirectoryURL = dir
      process.environment = ["PATH": "/usr/bin:/bin", "HOME": dir.path]
      let out = Pipe()
      let err = Pipe()
      process.standardOutput = out
      process.standardError = err
      try process.run()
      let stdout = out.fileHandleForReading.readDataToEndOfFile()
      let stderr = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return RunResult(
        stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
        status: process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus)
    }

    let list = try run(["list"])
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.contains("  example    1.0.0  Example AI impact screening"))
    #expect(list.stdout.contains("  ai-impact  1.0.0  AI system impact assessment    24-87 questions, 15-40 min"))
    let json = try run(["list", "--json"])
    #expect(
      json.stdout.contains(
        "\"onPath\": [\n        3,\n        10\n      ],\n      \"minutes\": [\n        3,\n        5\n      ]"))
    let validate = try run(["validate", "example"])
    #expect(validate.status == 0 && validate.stdout == "example.yaml: ok: 'example' 1.0.0, 9 questions, 3 risks\n")
    let evaluate = try run(["evaluate", "example", "--answers", "answers.yaml"])
    #expect(evaluate.status == 0, "\(evaluate.stderr)")
    #expect(evaluate.stdout.contains("  impact_level: III (75)\n"))
    // Sessions started from the copy pin the built-in's text like any other.
    let start = try run(["start", "example", "--id", "s", "--no-input", "--answers", "answers.yaml"])
    #expect(start.status == 0, "\(start.stderr)")
  }

  /// A path is always read from disk, even when its name is a built-in's; a bare word is a built-in.
  @Test func pathsAreFilesAndBareWordsAreBuiltIns() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent("questionnaires/example.yaml"), encoding: .utf8
    ).replacingOccurrences(of: "version: 1.0.0", with: "version: 9.9.9")
    try text.write(to: dir.appendingPathComponent("example.yaml"), atomically: true, encoding: .utf8)
    let file = try assess(["validate", "example.yaml"], directory: dir)
    #expect(file.stdout == "example.yaml: ok: 'example' 9.9.9, 9 questions, 3 risks\n")
    let local = try assess(["validate", "./example.yaml"], directory: dir)
    #expect(local.stdout.contains("'example' 9.9.9"))
    let builtin = try assess(["validate", "example"], directory: dir)
    #expect(builtin.stdout == "example.yaml: ok: 'example' 1.0.0, 9 questions, 3 risks\n")
    let missing = try assess(["validate", "examples"], directory: dir)
    #expect(missing.status == 2)
    #expect(
      missing.stderr.hasPrefix("error: no built-in questionnaire 'examples' and no such file (did you mean 'example'?)")
    )
  }

  /// The interview's closing hint names the command as it can be run: the path it was started by
  /// when `assess` is not on the PATH.
  @Test func theResumeHintWorksAsPrinted() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try assess(
      ["start", "example", "--id", "hint"], input: "x\n", directory: dir,
      environment: ["PATH": "/usr/bin:/bin", "COLUMNS": "400"])
    #expect(r.stdout.hasSuffix("Resume with: \(assessBinary.path) resume hint\n"), "\(r.stdout.suffix(120))")
  }
}
