import Foundation
import Testing

/// The bash completion script completes session ids and questionnaire ids.
@Suite struct CompletionTests {
  func complete(_ line: String, in dir: URL) throws -> [String] {
    let script = try assess(["--generate-completion-script", "bash"], directory: dir).stdout
    try script.write(to: dir.appendingPathComponent("assess.bash"), atomically: true, encoding: .utf8)
    let words = line.split(separator: " ", omittingEmptySubsequences: false).map { "\"\($0)\"" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c",
      """
      source assess.bash
      COMP_WORDS=(\(words)); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE=\"\(line)\"; COMP_POINT=${#COMP_LINE}
      _assess
      printf '%s\\n' "${COMPREPLY[@]}"
      """,
    ]
    process.currentDirectoryURL = dir
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = assessBinary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
  }

  @Test func sessionIdsAndQuestionnaires() throws {
    let dir = try temporaryDirectory()
    for id in ["alpha-1", "alpha-2", "beta"] {
      _ = try assess(["start", "example", "--id", id, "--no-input"], directory: dir)
    }
    try "x".write(to: dir.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
    #expect(try complete("assess status ", in: dir) == ["alpha-1", "alpha-2", "beta"])
    #expect(try complete("assess history al", in: dir) == ["alpha-1", "alpha-2"])
    #expect(try complete("assess start ", in: dir) == ["ai-impact", "ai-risk", "eu-ai-act", "example", "mine.yaml"])
  }
}
