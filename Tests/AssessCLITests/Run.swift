import Foundation
import Testing

/// The repository root, found from this file's place.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The built `assess` binary, beside the test bundle.
let assessBinary: URL = {
  let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  var directory = testBinary.deletingLastPathComponent()
  for _ in 0..<4 {
    let candidate = directory.appendingPathComponent("assess")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    directory = directory.deletingLastPathComponent()
  }
  return repositoryRoot.appendingPathComponent(".build/debug/assess")
}()

/// What a run of the binary gave.
struct RunResult {
  var stdout: String
  var stderr: String
  var status: Int32
}

/// Runs `assess` with arguments, in `directory` (default: the repository root), with `input` on stdin.
func assess(
  _ arguments: [String], input: String? = nil, directory: URL? = nil, environment: [String: String] = [:]
) throws -> RunResult {
  let process = Process()
  process.executableURL = assessBinary
  process.arguments = arguments
  process.currentDirectoryURL = directory ?? repositoryRoot
  var env = ProcessInfo.processInfo.environment
  env["NO_COLOR"] = nil
  env["ASSESS_SESSIONS"] = nil
  for (k, v) in environment { env[k] = v }
  process.environment = env
  // Output goes to files, so a large output can never fill a pipe and block the child.
  let scratch = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: scratch) }
  let outURL = scratch.appendingPathComponent("stdout")
  let errURL = scratch.appendingPathComponent("stderr")
  _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
  _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
  let out = try FileHandle(forWritingTo: outURL)
  let err = try FileHandle(forWritingTo: errURL)
  let inp = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = inp
  try process.run()
  if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
  try inp.fileHandleForWriting.close()
  process.waitUntilExit()
  try out.close()
  try err.close()
  return RunResult(
    stdout: try String(contentsOf: outURL, encoding: .utf8), stderr: try String(contentsOf: errURL, encoding: .utf8),
    status: process.terminationStatus)
}

/// A fresh temporary folder.
func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("assess-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Compares `actual` with a golden file in Tests/Fixtures; `ASSESS_RECORD=1` rewrites the file instead.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)")
  if ProcessInfo.processInfo.environment["ASSESS_RECORD"] == "1" {
    try actual.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  let expected = try String(contentsOf: url, encoding: .utf8)
  #expect(
    actual == expected, "differs from golden file \(name); re-record with ASSESS_RECORD=1",
    sourceLocation: sourceLocation)
}

/// The seed of a randomized test: `ASSESS_TEST_SEED` when set (to replay a failure), else `fallback`
/// (a fresh one by default). Every seed is written to the test output (standard error, unbuffered),
/// with the command that replays it; failures name it too.
func testSeed(_ fallback: UInt64 = UInt64.random(in: 1...1_000_000), test: String = #function) -> UInt64 {
  let name = test.prefix { $0 != "(" }
  var seed = fallback
  if let text = ProcessInfo.processInfo.environment["ASSESS_TEST_SEED"] {
    if let given = UInt64(text) {
      seed = given
    } else {
      Issue.record("ASSESS_TEST_SEED '\(text)' is not a seed (a whole number from 0); using \(fallback)")
    }
  }
  FileHandle.standardError.write(
    Data("\(name): seed \(seed) (replay: ASSESS_TEST_SEED=\(seed) swift test --filter \(name))\n".utf8))
  return seed
}
