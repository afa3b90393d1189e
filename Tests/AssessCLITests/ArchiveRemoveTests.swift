import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `archive` keeps a session readable and closed to changes, hidden from `list` unless `--all`;
/// `rm` deletes for good, asking at a terminal, refusing without one unless `--yes`, and refusing
/// while the session is open elsewhere.
@Suite struct ArchiveRemoveTests {
  let dir: URL
  let env = ["USER": "ana", "ASSESS_NOW": "2026-11-29T10:00:00Z"]

  init() throws {
    dir = try temporaryDirectory()
    for id in ["a", "b"] {
      _ = try assess(["start", "example", "--id", id, "--no-input"], directory: dir, environment: env)
    }
  }

  func run(_ arguments: [String], input: String? = nil) throws -> RunResult {
    try assess(arguments, input: input, directory: dir, environment: env)
  }

  @Test func archiveHidesAndFreezesRestoreReopens() throws {
    let archive = try run(["archive", "a", "--reason", "system retired"])
    #expect(archive.status == 0 && archive.stdout == "Session 'a' is archived: kept and readable, closed to changes\n")
    #expect(!(try run(["list"]).stdout.contains("  a  ")))
    #expect(try run(["list", "--all"]).stdout.contains("(archived)"))
    let answer = try run(["answer", "a", "purpose", "x"])
    #expect(answer.status == 1)
    #expect(
      answer.stderr
        == "error: session 'a' is archived and read-only; 'assess archive a --restore' opens it again\n")
    #expect(try run(["resume", "a"], input: "x\n").status == 1)
    #expect(
      try run(["status", "a"]).stdout.hasPrefix("Session 'a' on 'example' 1.0.0: in progress (archived: read-only)\n"))
    #expect(try run(["history", "a"]).stdout.contains("ana: archived the session: system retired\n"))
    #expect(try run(["archive", "a", "--restore"]).status == 0)
    #expect(try run(["answer", "a", "purpose", "x"]).status == 0)
  }

  @Test func removeNeedsYesWithoutATerminal() throws {
    let refused = try run(["rm", "b"])
    #expect(refused.status == 2)
    #expect(refused.stderr == "error: deleting session 'b' cannot be undone; say --yes to do it without a terminal\n")
    let removed = try run(["rm", "b", "--yes"])
    #expect(removed.status == 0 && removed.stdout == "Deleted session 'b' from sessions/\n")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sessions/b").path))
    #expect(try run(["status", "b"]).status == 2)
  }

  @Test func removeAsksAtATerminal() throws {
    do {
      let pty = try PseudoTerminal(["rm", "b"], directory: dir, environment: env)
      pty.expect("This cannot be undone. [y/N] ")
      pty.send("n\r")
      pty.expect("Kept session 'b'.")
      #expect(pty.waitForExit() == 0)
    }
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("sessions/b/events.jsonl").path))
    let pty = try PseudoTerminal(["rm", "b"], directory: dir, environment: env)
    pty.expect("[y/N] ")
    pty.send("y\r")
    pty.expect("Deleted session 'b'")
    #expect(pty.waitForExit() == 0)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sessions/b").path))
  }

  @Test func removeIsRefusedWhileTheSessionIsOpen() throws {
    let pty = try PseudoTerminal(["resume", "b"], directory: dir, environment: env)
    pty.expectPrompt("what is the system for?")
    let refused = try run(["rm", "b", "--yes"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("session 'b' is open for writing by"), "\(refused.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("sessions/b/events.jsonl").path))
    pty.send("\u{4}")
    _ = pty.waitForExit()
  }
}
