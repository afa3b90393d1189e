import Foundation
import Testing

/// Concurrent `start`s without `--id`: no two may take the same id. A creator that made a session's
/// folder but took the lock only after another creator had reused the folder, written its log and
/// exited used to write its own log over the other's (both said "Started session 'x'").
@Suite struct ConcurrentCreateTests {
  @Test func noTwoConcurrentStartsTakeTheSameId() throws {
    for round in 1...10 {
      let dir = try temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: dir) }
      let runs = try (1...6).map { _ -> (Process, URL) in
        let process = Process()
        process.executableURL = assessBinary
        process.arguments = ["start", "example", "--no-input"]
        process.currentDirectoryURL = dir
        let out = dir.appendingPathComponent(UUID().uuidString)
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        process.environment = ["ASSESS_NOW": "2026-11-29T10:00:00Z", "PATH": "/usr/bin:/bin"]
        try process.run()
        return (process, out)
      }
      var started: [String] = []
      for (process, out) in runs {
        process.waitUntilExit()
        let text = try String(contentsOf: out, encoding: .utf8)
        started += text.split(separator: "\n").filter { $0.hasPrefix("Started session") }.map(String.init)
      }
      #expect(started.count == 6 && Set(started).count == 6, "round \(round): \(started)")
      let ids = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sessions").path)
      #expect(ids.filter { $0.hasPrefix("example-2026-11-29") }.count == 6, "round \(round): \(ids)")
    }
  }
}
