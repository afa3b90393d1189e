import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The interactive shell, driven as a person would: through a pseudo-terminal (readline) and
/// through pipes (plain line mode).
@Suite struct ShellTests {
  let dir: URL
  /// The binary's folder is on the PATH, as after `make install`, so hints say plain `assess`.
  let env = [
    "USER": "ana", "ASSESS_NOW": "2026-11-29T10:00:00Z",
    "PATH": assessBinary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? ""),
  ]

  init() throws { dir = try temporaryDirectory() }

  func json(_ arguments: [String]) throws -> [String: Any] {
    let r = try assess(arguments, directory: dir, environment: env)
    return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
  }

  // MARK: - On a terminal (readline)

  @Test func answeringCompletionAndChangingABranchOnATerminal() throws {
    let pty = try PseudoTerminal(["start", "example", "--id", "t"], directory: dir, environment: env)
    pty.expectPrompt("what is the system for?")
    pty.send("Screen loans\r")
    pty.expectPrompt("decide anything about a person?")
    // Tab completes the start of a label, case-insensitively.
    pty.send("yes\t")
    pty.expect("Yes, with a legal or similarly significant effect")
    pty.send("\r")
    pty.expectPrompt("how many people")
    // Ctrl-C with text on the line clears the line; the question stays.
    pty.send("oops")
    pty.expect("oops")
    pty.send("\u{3}")
    pty.send("50000\r")
    pty.expectPrompt("Which groups")
    pty.send("1,2\r")
    pty.expectPrompt("for Members of the public?")
    pty.send("9\r")
    pty.expectPrompt("takes a whole number from 1 to 4, not 9")
    pty.send("3\r")
    pty.expectPrompt("for Children?")
    pty.send("4\r")
    pty.expect("measured separately")
    // Go back to the first branch and close it: the answers that fall off are kept aside.
    pty.send(":goto effect\r")
    pty.expectPrompt("now: Yes, with a legal")
    pty.send("1\r")
    pty.expect("3 answers no longer apply and are kept aside")
    pty.expect("== Summary ==")
    #expect(pty.waitForExit() == 0)

    let status = try json(["status", "t", "--json"])
    #expect(status["aside"] as? [String] == ["groups", "harm_by_group[children]", "harm_by_group[public]"])
    let answers = try #require(status["answers"] as? [String: Any])
    #expect(answers["effect"] as? String == "none" && (answers["users"] as? NSNumber)?.intValue == 50000)
    #expect((status["session"] as? [String: Any])?["status"] as? String == "complete")
  }

  @Test func quittingWithCtrlDAndResumingWhereItStopped() throws {
    do {
      let pty = try PseudoTerminal(["start", "example", "--id", "r"], directory: dir, environment: env)
      pty.expectPrompt("what is the system for?")
      pty.send("Triage tickets\r")
      pty.expectPrompt("decide anything")
      pty.send("\u{4}")
      pty.expect("Saved: 1 of 5 answered. Resume with: assess resume r")
      #expect(pty.waitForExit() == 0)
    }
    let pty = try PseudoTerminal(["resume", "r"], directory: dir, environment: env)
    pty.expect("Resuming: 1 of 5 answered so far.")
    pty.expectPrompt("decide anything")
    // The history of this session is there: Up brings back the last line typed.
    pty.send("\u{1B}[A")
    pty.expect("Triage tickets")
    pty.send("\u{15}2\r")
    pty.expectPrompt("how many people")
    // Ctrl-C on an empty line saves and quits.
    pty.send("\u{3}")
    pty.expect("Saved: 2 of 5 answered. Resume with: assess resume r")
    #expect(pty.waitForExit() == 0)
    let history = try String(contentsOf: dir.appendingPathComponent("sessions/r/history"), encoding: .utf8)
    #expect(history == "Triage tickets\n2\n")
  }

  @Test func colourOnATerminalAndNeverWithNoColor() throws {
    let coloured = try PseudoTerminal(["start", "example", "--id", "c1"], directory: dir, environment: env)
    let screen = coloured.expectPrompt("what is the system for?")
    #expect(screen.contains("\u{1B}[1m"))
    coloured.send(":quit\r")
    #expect(coloured.waitForExit() == 0)

    var plain = env
    plain["NO_COLOR"] = "1"
    let uncoloured = try PseudoTerminal(["start", "example", "--id", "c2"], directory: dir, environment: plain)
    let text = uncoloured.expectPrompt("what is the system for?")
    #expect(!text.contains("\u{1B}[1m") && !text.contains("\u{1B}[3"))
    uncoloured.send(":quit\r")
    #expect(uncoloured.waitForExit() == 0)

    let flag = try PseudoTerminal(["start", "example", "--id", "c3", "--no-color"], directory: dir, environment: env)
    #expect(!flag.expectPrompt("what is the system for?").contains("\u{1B}[1m"))
    flag.send(":quit\r")
    #expect(flag.waitForExit() == 0)
  }

  @Test func killedMidInterviewResumesWithEveryAcknowledgedAnswer() throws {
    let pty = try PseudoTerminal(["start", "example", "--id", "k"], directory: dir, environment: env)
    pty.expectPrompt("what is the system for?")
    pty.send("Rank CVs\r")
    pty.expectPrompt("decide anything")
    pty.send("3\r")
    // The next question is on screen only after the answer is on disk.
    pty.expectPrompt("how many people")
    pty.send("12")
    pty.kill(SIGKILL)
    _ = pty.waitForExit()
    let status = try json(["status", "k", "--json"])
    let answers = try #require(status["answers"] as? [String: Any])
    #expect(answers["purpose"] as? String == "Rank CVs" && answers["effect"] as? String == "significant")
    #expect(answers["users"] == nil)
    let resumed = try PseudoTerminal(["resume", "k"], directory: dir, environment: env)
    resumed.expectPrompt("how many people")
    resumed.send(":quit\r")
    #expect(resumed.waitForExit() == 0)
  }

  @Test func resumeAsksWhetherToMigrateAChangedQuestionnaire() throws {
    let original = try String(
      contentsOf: repositoryRoot.appendingPathComponent("questionnaires/example.yaml"), encoding: .utf8)
    let file = dir.appendingPathComponent("q.yaml")
    try original.write(to: file, atomically: true, encoding: .utf8)
    _ = try assess(
      ["start", "q.yaml", "--id", "m", "--no-input", "--answers", "-"], input: "purpose: x\n", directory: dir,
      environment: env)
    try original.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")
      .replacingOccurrences(
        of: "prompt: In one or two sentences, what is the system for?", with: "prompt: What is it for?"
      )
      .write(to: file, atomically: true, encoding: .utf8)
    let pty = try PseudoTerminal(["resume", "m"], directory: dir, environment: env)
    pty.expect("reworded: 'purpose' now asks: What is it for?")
    pty.expect("Migrate to 1.1.0 (m) or stay on 1.0.0 (p)? ")
    pty.send("m\r")
    pty.expect("Migrated to 1.1.0: 1 answer kept, 0 kept aside.")
    pty.expectPrompt("decide anything")
    pty.send(":quit\r")
    #expect(pty.waitForExit() == 0)
    let history = try assess(["history", "m"], directory: dir, environment: env).stdout
    #expect(history.contains("migrated from sha256:"))
  }

  // MARK: - Through pipes (plain mode)

  func pipe(_ arguments: [String], _ lines: [String]) throws -> RunResult {
    try assess(arguments, input: lines.joined(separator: "\n") + "\n", directory: dir, environment: env)
  }

  @Test func aWholeInterviewThroughAPipe() throws {
    let r = try pipe(
      ["start", "example", "--id", "p"],
      ["A unique purpose line", "advisory", "", "1 3", "2", "1", "n", "y", "sample", "30"])
    #expect(r.status == 0, "\(r.stderr)")
    // Piped input is not echoed.
    #expect(!r.stdout.contains("A unique purpose line"))
    #expect(r.stdout.contains("== Summary =="))
    #expect(!r.stdout.contains("\u{1B}["))
    let status = try json(["status", "p", "--json"])
    let answers = try #require(status["answers"] as? [String: Any])
    #expect(answers["groups"] as? [String] == ["public", "workers"])
    #expect(answers["children_affected"] as? Bool == false && answers["subgroup_tested"] as? Bool == true)
    #expect(answers["oversight"] as? String == "sample")
    // 'users' was optional and skipped with Enter: recorded, and not asked again on resume.
    let history = try assess(["history", "p"], directory: dir, environment: env)
    #expect(history.stdout.contains("ana: skipped users\n"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sessions/p/history").path))
  }

  @Test func badInputAtThePromptAsksAgain() throws {
    let r = try pipe(
      ["start", "example", "--id", "b"], ["purpose", "maybe", "", "2", "-5", "7", "", "", ":quit"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("Type an option number (1 to 3), its value, or the start of its label.\n"))
    #expect(
      flat(r.stdout).contains(
        "An answer is required here. Type one, :skip to park it until the end, or ? for help and commands."))
    // People see the question's words, not its id.
    #expect(r.stdout.contains("This question takes a number of at least 0, not -5.\n"))
    #expect(!r.stdout.contains("'users'"))
    let status = try json(["status", "b", "--json"])
    #expect((status["answers"] as? [String: Any])?["users"] as? NSNumber == 7)
  }

  @Test func notesFlagsWhoUndoAndReviewThroughAPipe() throws {
    let r = try pipe(
      ["start", "example", "--id", "n", "--facilitator", "ana"],
      [
        "purpose", ":note we argued about scope", ":flag check with legal", ":who bo", "3", ":undo", ":why", "2",
        ":review", "1", "changed purpose", ":status", ":bogus", ":quit",
      ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Noted on this question."))
    #expect(r.stdout.contains("Flagged this question for follow-up."))
    #expect(r.stdout.contains("Answers are now attributed to bo."))
    #expect(
      flat(r.stdout).contains(
        "Undone: \"Does the system's output decide anything about a person?\" is unanswered again."))
    let feeds = r.stdout.replacingOccurrences(of: "\n", with: " ")
    #expect(
      feeds.contains(
        "This answer feeds: scores: Impact score; values: Impact after mitigation credit; levels: Impact level; risks: Unfair outcomes for groups of people,"
      ))
    // :review shows the question and the answer in words, and the id only for :goto.
    #expect(r.stdout.contains("  1. In one or two sentences, what is the system for?  [purpose]\n     = purpose\n"))
    #expect(r.stdout.contains("     = It informs a person who decides [flagged]\n"))
    #expect(r.stdout.contains("Heat map"))
    #expect(r.stdout.contains("Unknown command ':bogus'. Type ? for the list."))
    let history = try assess(["history", "n"], directory: dir, environment: env).stdout
    #expect(history.contains("ana: noted on effect: we argued about scope\n"))
    #expect(history.contains("ana: flagged effect: check with legal\n"))
    #expect(history.contains("ana: bo joined as participant\n"))
    #expect(history.contains("bo: answered effect = 'significant'\n"))
    #expect(history.contains("bo: cleared effect (was 'significant')\n"))
    #expect(history.contains("bo: answered effect = 'advisory'\n"))
    #expect(history.contains("bo: changed purpose from 'purpose' to 'changed purpose'\n"))
  }

  /// `:skip` on a required question parks it: the interview comes back to it at the end, and the
  /// session does not complete until it is answered.
  @Test func skipParksARequiredQuestionUntilTheEnd() throws {
    let r = try pipe(["start", "example", "--id", "s"], [":skip", "x", "1", ":skip", "Screen loans"])
    #expect(flat(r.stdout).contains("Parked. This question is required: the interview comes back to it at the end"))
    #expect(r.stdout.contains("You parked this question earlier; it is required, so here it is again."))
    // 'users' was skipped (optional): two answers, and complete.
    #expect(r.stdout.contains("2 of 3 questions on the path answered; session 's' is complete."))
    let history = try assess(["history", "s"], directory: dir, environment: env).stdout
    #expect(history.contains("parked purpose (required; to come back to)"))
    #expect(history.contains("skipped users"))
    // Parked and unanswered, a session is not complete.
    _ = try pipe(["start", "example", "--id", "s2"], [":skip", "1", ":skip", ":quit"])
    #expect(
      try json(["status", "s2", "--json"])["session"].flatMap { ($0 as? [String: Any])?["status"] as? String }
        == "in progress")
  }

  @Test func endOfPipedInputSavesAndSaysHowToResume() throws {
    let r = try pipe(["start", "example", "--id", "e"], ["purpose"])
    #expect(r.status == 0)
    #expect(r.stdout.hasSuffix("Saved: 1 of 5 answered. Resume with: assess resume e\n"))
    let resumed = try pipe(["resume", "e"], ["1", ""])
    #expect(resumed.stdout.contains("Resuming: 1 of 5 answered so far."))
    #expect(resumed.stdout.contains("== Summary =="))
  }

  @Test func resumingACompleteSessionOffersReview() throws {
    _ = try assess(
      ["start", "example", "--id", "d", "--no-input", "--answers", "-"], input: "purpose: x\neffect: none\nusers: 1\n",
      directory: dir, environment: env)
    let r = try pipe(["resume", "d"], [":review", "2", "2", "", ":quit"])
    #expect(r.stdout.contains("Every question on the path is answered."))
    #expect(r.stdout.contains("Which groups"))
    let status = try json(["status", "d", "--json"])
    #expect((status["answers"] as? [String: Any])?["effect"] as? String == "advisory")
  }
}

/// Output with the wrapping undone: each line break and the indent after it become one space.
func flat(_ text: String) -> String {
  text.replacingOccurrences(of: #"\n +"#, with: " ", options: .regularExpression).replacingOccurrences(
    of: "\n", with: " ")
}
