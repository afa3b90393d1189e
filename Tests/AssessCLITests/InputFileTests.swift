import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Every file argument reads pipes, FIFOs, `/dev/stdin` and process substitution, and each failure
/// has its own true sentence (issue 15, "Messages").
@Suite struct InputFileTests {
  let dir: URL
  let env = ["USER": "ana", "ASSESS_NOW": "2026-11-29T10:00:00Z"]

  init() throws {
    dir = try temporaryDirectory()
    _ = try assess(["start", "example", "--id", "m", "--no-input"], directory: dir, environment: env)
  }

  /// Runs a command line in bash (for `<(...)` and bytes that are not UTF-8), in the test's folder.
  func bash(_ command: String) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = dir
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    environment["A"] = assessBinary.path
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(
      stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
      status: process.terminationStatus)
  }

  @Test func devStdinFromAPipeIsRead() throws {
    let r = try assess(["answer", "m", "--answers", "/dev/stdin"], input: "purpose: Triage\n", directory: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("1 answer saved"))
    let evaluate = try assess(
      ["evaluate", "example", "--answers", "/dev/stdin", "--json"], input: "purpose: Triage\n", directory: dir)
    #expect(evaluate.status == 0 && evaluate.stdout.contains("\"purpose\": \"Triage\""), "\(evaluate.stderr)")
  }

  @Test func processSubstitutionIsRead() throws {
    let answers = try bash(#""$A" answer m --answers <(printf 'purpose: Rank CVs\n')"#)
    #expect(answers.status == 0, "\(answers.stderr)")
    let validate = try bash(#""$A" validate <(cat '\#(repositoryRoot.path)/questionnaires/example.yaml')"#)
    #expect(validate.status == 0 && validate.stdout.contains(": ok: 'example'"), "\(validate.stderr)")
    let evaluate = try bash(
      #""$A" evaluate <(cat '\#(repositoryRoot.path)/questionnaires/example.yaml') --answers <(echo 'effect: none') --json"#
    )
    #expect(evaluate.status == 0 && evaluate.stdout.contains("\"effect\": \"none\""), "\(evaluate.stderr)")
    let form = #"{"pages":[{"name":"p","elements":[{"type":"text","name":"q1","title":"Name"}]}]}"#
    let imported = try bash(#""$A" import surveyjs <(printf '%s' '\#(form)')"#)
    #expect(imported.status == 0 && imported.stdout.contains("id: \"q1\""), "\(imported.stderr)")
  }

  @Test func aFIFOIsRead() throws {
    let r = try bash(
      #"mkfifo f.yaml && (printf 'purpose: From a FIFO\n' > f.yaml &) && "$A" answer m --answers f.yaml"#)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stderr.contains("permission denied"))
  }

  @Test func aFolderAndAMissingFileEachHaveTheirSentence() throws {
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("d"), withIntermediateDirectories: true)
    let folder = try assess(["answer", "m", "--answers", "d"], directory: dir)
    #expect(folder.status == 2 && folder.stderr == "error: answers file 'd' is a folder, not a file\n")
    let missing = try assess(["answer", "m", "--answers", "nope.yaml"], directory: dir)
    #expect(missing.status == 2 && missing.stderr == "error: answers file 'nope.yaml' does not exist\n")
  }

  /// (As root, permissions do not stop a read; the sentence itself is checked in InputFileErrorTests.)
  @Test(.enabled(if: getuid() != 0)) func anUnreadableFileSaysPermissionDenied() throws {
    let file = dir.appendingPathComponent("secret.yaml")
    try "purpose: x\n".write(to: file, atomically: true, encoding: .utf8)
    chmod(file.path, 0)
    let r = try assess(["answer", "m", "--answers", "secret.yaml"], directory: dir)
    #expect(
      r.status == 2
        && r.stderr == "error: answers file 'secret.yaml' cannot be read: permission denied (see its permissions)\n")
  }

  @Test func invalidUTF8OnStandardInputSaysWhereItBreaks() throws {
    let r = try bash(#"printf 'purpose: ok\nusers: 3\nx: \xff\n' | "$A" answer m --answers -"#)
    #expect(r.status == 2)
    #expect(
      r.stderr
        == "error: answers file '<stdin>' is not UTF-8 text: line 3, byte 4 of that line is not valid UTF-8; save it as UTF-8\n"
    )
    let file = try bash(
      #"printf 'effect: none\npurpose: caf\xc3\n' > bad.yaml; "$A" evaluate example --answers bad.yaml"#)
    #expect(file.status == 2)
    #expect(file.stderr.contains("answers file 'bad.yaml' is not UTF-8 text: line 2, byte 13 of that line"))
    let stdin = try bash(#"printf 'purpose: \xe2\x82\n' | "$A" evaluate example --answers /dev/stdin"#)
    #expect(stdin.stderr.contains("is not UTF-8 text: line 1, byte 10 of that line"), "\(stdin.stderr)")
  }
}
