import Foundation
import Testing

/// Input of the wrong shape, and closed standard descriptors, never cost data (issue 15, first items).
@Suite struct HostileInputTests {
  let dir: URL

  init() throws {
    dir = try temporaryDirectory()
    _ = try assess(
      ["start", "example", "--id", "m", "--no-input", "--answers", "-"], input: "purpose: loans\n", directory: dir)
  }

  /// A mapping is no question's answer: refused with its place, and nothing is written.
  @Test func aMappingAnswerIsRefusedAndNothingIsWritten() throws {
    let events = dir.appendingPathComponent("sessions/m/events.jsonl")
    let before = try String(contentsOf: events, encoding: .utf8)
    for value in ["{a: 1}", "{}", "[[a]]", "[{a: 1}]"] {
      let r = try assess(["answer", "m", "purpose", value], directory: dir)
      #expect(r.status == 2, "\(value)")
      #expect(
        r.stderr.hasPrefix("error: 'purpose' takes text, a number, true or false, or a list of option values, not "))
    }
    try "purpose: {a: 1}\n".write(to: dir.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
    let file = try assess(["answer", "m", "--answers", "m.yaml"], directory: dir)
    #expect(file.status == 2 && file.stderr.hasPrefix("m.yaml:1:10: error: 'purpose' takes text"))
    let evaluate = try assess(["evaluate", "example", "--answers", "m.yaml"], directory: dir)
    #expect(evaluate.status == 2)
    #expect(try String(contentsOf: events, encoding: .utf8) == before)
  }

  /// With standard input, output or error closed, `assess` neither traps nor reads a file it opened
  /// itself (the session's lock) as its input.
  @Test func closedStandardDescriptors() throws {
    func shell(_ command: String) throws -> Int32 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", command]
      process.currentDirectoryURL = dir
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      return process.terminationStatus
    }
    let binary = "'\(assessBinary.path)'"
    #expect(try shell("\(binary) list >&-") == 0)
    #expect(try shell("\(binary) status m 2>&- >&-") == 0)
    #expect(try shell("\(binary) answer m --answers - <&-") == 0)
    let status = try assess(["status", "m", "--json"], directory: dir).stdout
    #expect(status.contains("\"purpose\": \"loans\""))
    #expect(!status.contains("\"host\""))
  }

  /// Nested YAML aliases (a "billion laughs" in 300 bytes) are refused before they are expanded.
  @Test func nestedAliasesAreNotExpanded() throws {
    var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in 1...8 {
      lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]")
    }
    lines.append("purpose: *a8")
    try lines.joined(separator: "\n").write(
      to: dir.appendingPathComponent("lol.yaml"), atomically: true, encoding: .utf8)
    let r = try assess(["evaluate", "example", "--answers", "lol.yaml"], directory: dir)
    #expect(r.status == 2)
    #expect(
      r.stderr.contains(
        "error: 'purpose' takes text, a number, true or false, or a list of option values, not a list of lists"))
  }

  /// Numbers that are not numbers, or not written in decimal, are named as written.
  @Test func numbersNamedAsWritten() throws {
    let cases = [
      ".nan": "not '.nan', which is not a number", ".inf": "not '.inf', which is too large to be one",
      "1e400": "not '1e400', which is too large to be one", "0x10": "not '0x10'",
    ]
    for (value, message) in cases {
      let r = try assess(["answer", "m", "users", value], directory: dir)
      #expect(
        r.status == 2 && r.stderr == "error: 'users' takes a number of at least 0, \(message)\n",
        "\(value): \(r.stderr)")
    }
  }

  /// Six `start`s at once without `--id` each get a session of their own (the next free id), not
  /// "already exists"; an id given with `--id` that is taken is still refused.
  @Test func concurrentStartsWithTheDefaultIdTakeTheNextFreeOne() throws {
    let processes = try (1...6).map { _ -> Process in
      let process = Process()
      process.executableURL = assessBinary
      process.arguments = ["start", "example", "--no-input"]
      process.currentDirectoryURL = dir
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      process.environment = ["ASSESS_NOW": "2026-11-29T10:00:00Z", "PATH": "/usr/bin:/bin"]
      try process.run()
      return process
    }
    for process in processes {
      process.waitUntilExit()
      #expect(process.terminationStatus == 3)  // started, with required answers missing
    }
    let ids = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sessions").path)
      .filter { $0.hasPrefix("example-2026-11-29") }
    #expect(ids.count == 6, "\(ids)")
    let taken = try assess(["start", "example", "--id", "m", "--no-input"], directory: dir)
    #expect(taken.status == 2 && taken.stderr.contains("session 'm' already exists"))
  }
}
