import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// SIGTERM ends an interview after saving, with the exit status a shell expects (128 + 15), not 0.
@Suite struct RecorderSignalTests {
  @Test func sigtermSavesAndExitsNonZero() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let env = ["USER": "ana", "ASSESS_NOW": "2026-11-29T10:00:00Z"]
    let pty = try PseudoTerminal(["start", "example", "--id", "term"], directory: dir, environment: env)
    pty.expectPrompt("what is the system for?")
    pty.send("Triage tickets\r")
    pty.expectPrompt("decide anything")
    pty.kill(SIGTERM)
    pty.expect("Saved: 1 of 5 answered.")
    #expect(pty.waitForExit() == 143)
    let status = try assess(["status", "term"], directory: dir, environment: env)
    #expect(status.stdout.contains("Progress: 1 of 5 answered"))
  }
}
