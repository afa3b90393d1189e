import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-Z and `fg` redraw the prompt and what was typed; Ctrl-\ saves and quits like Ctrl-C, and
/// never starts the Swift backtracer (issue 15, "The terminal").
@Suite struct InterviewSignalTests {
  let dir: URL
  let env = ["USER": "ana", "ASSESS_NOW": "2026-11-29T10:00:00Z"]

  init() throws { dir = try temporaryDirectory() }

  func purpose(_ id: String) throws -> String? {
    let r = try assess(["status", id, "--json"], directory: dir, environment: env)
    let status = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    return (status?["answers"] as? [String: Any])?["purpose"] as? String
  }

  /// A stop and a continue (SIGSTOP, then SIGCONT as `fg` sends it): the line is drawn again, and the
  /// typed text is still there to finish.
  @Test func continuingRedrawsThePromptAndTheTypedText() throws {
    let pty = try PseudoTerminal(["start", "example", "--id", "c"], directory: dir, environment: env)
    pty.expectPrompt("what is the system for?")
    pty.send("Triage")
    pty.expect("Triage")
    pty.kill(SIGSTOP)
    usleep(200_000)
    pty.kill(SIGCONT)
    pty.expect("\r> Triage")
    pty.send(" tickets\r")
    pty.expectPrompt("decide anything")
    pty.send("\u{4}")
    #expect(pty.waitForExit() == 0)
    #expect(try purpose("c") == "Triage tickets")
  }

  /// Ctrl-Z at the prompt: readline gives the terminal back before the stop and takes it again after
  /// (here, without a job-control shell, the kernel does not stop the process; the line is redrawn).
  @Test func ctrlZRedrawsThePromptAndTheTypedText() throws {
    let pty = try PseudoTerminal(["start", "example", "--id", "z"], directory: dir, environment: env)
    pty.expectPrompt("what is the system for?")
    pty.send("Rank")
    pty.expect("Rank")
    pty.send("\u{1A}")
    pty.expect("\r> Rank")
    pty.send(" CVs\r")
    pty.expectPrompt("decide anything")
    pty.send("\u{4}")
    #expect(pty.waitForExit() == 0)
    #expect(try purpose("z") == "Rank CVs")
  }

  /// Ctrl-\ in the interview: what was accepted is saved (it already was), the resume hint is shown,
  /// and the exit status is Ctrl-C's (0); the half-typed line is not an answer.
  @Test func ctrlBackslashSavesAndQuitsLikeCtrlC() throws {
    let pty = try PseudoTerminal(["start", "example", "--id", "q"], directory: dir, environment: env)
    pty.expectPrompt("what is the system for?")
    pty.send("Triage tickets\r")
    pty.expectPrompt("decide anything")
    pty.send("2")
    pty.expect("2")
    pty.send("\u{1C}")
    pty.expect("Saved: 1 of 5 answered. Resume with: ")
    #expect(pty.waitForExit() == 0)
    #expect(!pty.transcript.contains("Press space") && !pty.transcript.contains("Backtrace"))
    #expect(try purpose("q") == "Triage tickets")
  }

  /// Outside the interview, Ctrl-\ quits as in any program: no interactive backtracer.
  @Test func ctrlBackslashOutsideTheInterviewQuitsWithoutTheBacktracer() throws {
    let pty = try PseudoTerminal(["evaluate", "example", "--answers", "-"], directory: dir, environment: env)
    usleep(1_500_000)
    pty.send("\u{1C}")
    let status = pty.waitForExit(timeout: 10)
    #expect(status == -SIGQUIT)
    #expect(!pty.transcript.contains("Press space") && !pty.transcript.contains("Backtrace"))
  }
}
