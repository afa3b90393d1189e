import Foundation
import Testing

/// The session rules live in one place (`SessionRecorder`): the same actions taken through the
/// command line and through the interview make the same events, and what follows from a change
/// (completed, reopened, a voided sign-off) is settled the same way by both.
@Suite struct RecorderParityTests {
  let dir: URL

  init() throws { dir = try temporaryDirectory() }

  func run(_ arguments: [String], input: String? = nil, at time: String = "2026-11-29T10:00:00Z") throws -> RunResult {
    try assess(arguments, input: input, directory: dir, environment: ["ASSESS_NOW": time, "USER": "login"])
  }

  /// The events of a session without their times: what happened, to what, by whom.
  func events(_ id: String) throws -> [String] {
    let text = try String(contentsOf: dir.appendingPathComponent("sessions/\(id)/events.jsonl"), encoding: .utf8)
    return text.split(separator: "\n").map { line in
      line.replacingOccurrences(of: #""at":"[^"]*","#, with: "", options: .regularExpression)
    }
  }

  @Test func theCommandLineAndTheInterviewRecordTheSameEvents() throws {
    // Through the command line.
    let start = try run(["start", "example", "--id", "cli", "--by", "ana", "--participant", "bo", "--no-input"])
    #expect(start.status == 3)
    for (question, value, by) in [
      ("purpose", "Screen loans", "ana"), ("effect", "none", "ana"), ("users", "100", "bo"),
    ] {
      let r = try run(["answer", "cli", question, value, "--by", by])
      #expect(r.status == 0, "\(r.stderr)")
    }
    #expect(try run(["answer", "cli", "effect", "significant", "--by", "bo"]).status == 0)

    // Through the interview: option 1 of 'effect' is 'none', option 3 'significant'.
    let first = try run(
      ["start", "example", "--id", "shell", "--by", "ana", "--participant", "bo"],
      input: "Screen loans\n1\n:who bo\n100\n")
    #expect(first.status == 0, "\(first.stderr)")
    let second = try run(["resume", "shell"], input: ":who bo\n:review\neffect\n3\n:quit\n")
    #expect(second.status == 0, "\(second.stderr)")

    let cli = try events("cli")
    let shell = try events("shell")
    #expect(cli == shell)
    // And the log says what a reader expects: complete after the last required answer, reopened
    // when a change opened required questions again.
    let types = cli.compactMap { line in
      line.range(of: #""type":"[a-z]+""#, options: .regularExpression).map { String(line[$0].dropFirst(8).dropLast()) }
    }
    #expect(
      types == ["created", "joined", "joined", "answered", "answered", "completed", "answered", "changed", "reopened"])
    #expect(try run(["status", "shell"]).stdout.contains(": in progress\n"))
  }

  /// The issue's report: in the interview, changing an answer of a complete session so that a
  /// required question opens records `reopened`; finishing again records a second `completed`.
  @Test func theInterviewReopensAndCompletesAgain() throws {
    _ = try run(
      ["start", "example", "--id", "z1", "--no-input", "--answers", "-"], input: "purpose: p\neffect: none\n")
    let reopen = try run(["resume", "z1"], input: ":review\neffect\n3\n")
    #expect(reopen.status == 0, "\(reopen.stderr)")
    #expect(try run(["status", "z1"]).stdout.contains("'z1' on 'example' 1.0.0: in progress\n"))
    // Back to 'none' (option 1): the opened sections close, every required answer is there again.
    let back = try run(["resume", "z1"], input: ":goto effect\n1\n:quit\n")
    #expect(back.status == 0, "\(back.stderr)")
    let types = try events("z1").compactMap { line in
      line.range(of: #""type":"[a-z]+""#, options: .regularExpression).map { String(line[$0].dropFirst(8).dropLast()) }
    }
    #expect(types.filter { $0 == "completed" }.count == 2, "\(types)")
    #expect(types.filter { $0 == "reopened" }.count == 1, "\(types)")
    #expect(try run(["status", "z1"]).stdout.contains("'z1' on 'example' 1.0.0: complete\n"))
  }

  @Test func aTreatmentEditVoidsTheSignOffAndTheLogSaysWhy() throws {
    let answers = try String(
      contentsOf: repositoryRoot.appendingPathComponent("examples/example-answers.yaml"), encoding: .utf8)
    _ = try run(["start", "example", "--id", "t", "--no-input", "--answers", "-"], input: answers)
    // Forced: the example's risks above appetite are not treated in this session.
    #expect(
      try run(["sign", "t", "--by", "Cy", "--force", "--reason", "pilot only"], at: "2026-11-29T11:00:00Z").status == 0)
    #expect(try run(["status", "t"]).stdout.contains(": signed off\n"))
    let treat = try run(
      ["treat", "t", "unfair-outcomes", "--owner", "ML lead", "--by", "bo"], at: "2026-11-29T12:00:00Z")
    #expect(treat.status == 0, "\(treat.stderr)")
    let status = try run(["status", "t"])
    #expect(status.stdout.contains(": complete\n"))
    #expect(
      status.stdout.contains(
        "Sign-off by Cy at 2026-11-29T11:00:00Z is void: the treatment of 'unfair-outcomes' was edited (event #"))
    let history = try run(["history", "t"])
    #expect(history.stdout.contains("the sign-off is void: the treatment of 'unfair-outcomes' was edited"))
    // A note does not move a result, so it voids nothing: a new sign-off stays in force.
    #expect(try run(["sign", "t", "--by", "Cy", "--force", "--reason", "pilot only"]).status == 0)
    #expect(try run(["status", "t"]).stdout.contains(": signed off\n"))
  }

  @Test func aMigrationVoidsTheSignOff() throws {
    let original = try String(
      contentsOf: repositoryRoot.appendingPathComponent("questionnaires/example.yaml"), encoding: .utf8)
    let file = dir.appendingPathComponent("q.yaml")
    try original.write(to: file, atomically: true, encoding: .utf8)
    let answers = try String(
      contentsOf: repositoryRoot.appendingPathComponent("examples/example-answers.yaml"), encoding: .utf8)
    _ = try run(["start", "q.yaml", "--id", "m", "--no-input", "--answers", "-"], input: answers)
    #expect(try run(["sign", "m", "--by", "Cy", "--force", "--reason", "pilot only"]).status == 0)
    // Version 1.1.0 allows at most 20 days to contest a decision: the answer 30 goes aside and a
    // required question is open again.
    let changed = original.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")
      .replacingOccurrences(of: "max: 365", with: "max: 20")
    #expect(changed != original.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0"))
    try changed.write(to: file, atomically: true, encoding: .utf8)
    let move = try run(["resume", "m", "--no-input", "--migrate"], at: "2026-11-29T10:05:00Z")
    #expect(move.status == 0, "\(move.stderr)")
    let status = try run(["status", "m"])
    #expect(status.stdout.contains("'m' on 'example' 1.1.0: in progress\n"))
    #expect(status.stdout.contains("is void: the session moved to version 1.1.0 of its questionnaire (event #"))
    #expect(!status.stdout.contains("Signed off by"))
    let types = try events("m").compactMap { line in
      line.range(of: #""type":"[a-z]+""#, options: .regularExpression).map { String(line[$0].dropFirst(8).dropLast()) }
    }
    #expect(Array(types.suffix(3)) == ["migrated", "voided", "reopened"])
  }
}
