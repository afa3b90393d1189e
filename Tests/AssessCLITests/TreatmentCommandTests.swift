import Foundation
import Testing

/// The treatment plan end to end, on a real session of the built-in AI risk assessment (an
/// in-house CV screening model, nine risks above appetite): check, guarded sign-off, treat, the
/// interactive walk in a pseudo-terminal, explain, the Statement of Applicability.
@Suite struct TreatmentCommandTests {
  let dir: URL
  let env = ["ASSESS_NOW": "2026-11-29T10:00:00Z", "USER": "ana"]
  static let worst = ["weak-governance", "regulatory-noncompliance"]
  static let others = [
    "poor-data-quality", "biased-outcomes", "unreliable-performance", "model-compromise", "weak-oversight",
    "unmanaged-incidents", "unassessed-change",
  ]

  init() throws {
    dir = try temporaryDirectory()
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("Tests/Fixtures/builtins/ai-risk/cv-screening.yaml"),
      to: dir.appendingPathComponent("cv.yaml"))
  }

  func run(_ arguments: [String], input: String? = nil, at time: String = "2026-11-29T10:00:00Z") throws -> RunResult {
    var environment = env
    environment["ASSESS_NOW"] = time
    return try assess(arguments, input: input, directory: dir, environment: environment)
  }

  @Test func fromUntreatedToSignedOffAndVoidedAgain() throws {
    #expect(try run(["start", "ai-risk", "--id", "cv", "--no-input", "--answers", "cv.yaml"]).status == 0)
    let check = try run(["check", "cv"])
    #expect(check.status == 1)
    let lines = check.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 9, "\(check.stdout)")
    #expect(
      lines.first
        == "critical weak-governance: untreated (owner 'Head of the business unit' only proposed, not confirmed)")
    #expect(check.stderr == "error: session 'cv' fails the check: 9 risks above appetite (medium) untreated\n")
    let critical = try run(["check", "cv", "--fail-on", "critical", "--json"])
    #expect(critical.status == 1)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(critical.stdout.utf8)) as? [String: Any])
    #expect((object["untreated"] as? [[String: Any]])?.compactMap { $0["risk"] as? String } == Self.worst)
    let unknown = try run(["check", "cv", "--fail-on", "hihg"])
    #expect(unknown.status == 2)
    #expect(
      unknown.stderr
        == "error: unknown rating 'hihg' (did you mean 'high'?); the ratings of 'ai-risk' are low, medium, high, critical\n"
    )

    let refused = try run(["sign", "cv", "--by", "Cy"])
    #expect(refused.status == 1)
    #expect(
      refused.stderr.hasPrefix(
        "error: session 'cv' cannot be signed off: 9 risks above appetite are untreated ('weak-governance': owner 'Head of the business unit' only proposed, not confirmed; "
      ))
    #expect(refused.stderr.hasSuffix("; treat them, or sign with --force --reason\n"))
    #expect(try run(["sign", "cv", "--by", "Cy", "--force"]).status == 2)

    // Bad edits are refused with one sentence.
    let someday = try run(["treat", "cv", "poor-data-quality", "--due", "someday"])
    #expect(
      someday.status == 2
        && someday.stderr
          == "error: the due date of 'poor-data-quality' must be an ISO 8601 date like 2026-12-31, not 'someday'\n"
    )
    let accept = try run(["treat", "cv", "poor-data-quality", "--option", "accept"])
    #expect(
      accept.status == 2
        && accept.stderr == "error: accepting 'poor-data-quality' needs a reason: who accepts it and why (--reason)\n")

    // Seven by script...
    for risk in Self.others {
      let r = try run(["treat", "cv", risk, "--owner", "Dana", "--due", "2026-12-01", "--status", "planned"])
      #expect(r.status == 0, "\(r.stderr)")
    }
    // ...the status shows the plan as it is now (the edited option, not the template's).
    #expect(
      try run([
        "treat", "cv", "unassessed-change", "--option", "accept", "--reason", "Cy (CEO) accepts: no change planned",
        "--status", "done",
      ]).status == 0)
    let status = try run(["status", "cv"], at: "2026-12-05T10:00:00Z")
    #expect(
      status.stdout.contains(
        "  high      unassessed-change: accept; owner Dana; due 2026-12-01; done; residual high\n"), "\(status.stdout)")
    #expect(status.stdout.contains("] accept\n"))
    #expect(
      status.stdout.contains(
        "  high      poor-data-quality: mitigate; owner Dana; due 2026-12-01 OVERDUE; planned; residual high\n"))
    #expect(status.stdout.contains("Treatment plan: 9 above appetite (medium), 2 untreated, 6 overdue\n"))
    let statusJSON = try run(["status", "cv", "--json"], at: "2026-12-05T10:00:00Z")
    let statusObject = try #require(
      try JSONSerialization.jsonObject(with: Data(statusJSON.stdout.utf8)) as? [String: Any])
    let planObject = try #require(statusObject["plan"] as? [String: [String]])
    #expect(planObject["untreated"] == Self.worst && planObject["overdue"]?.count == 6)

    // ...and the two worst in the interactive walk, at a real terminal.
    let pty = try PseudoTerminal(["plan", "cv", "--by", "Kim"], directory: dir, environment: env)
    pty.expect("[1/9] ")
    pty.expectPrompt("Option (avoid, mitigate, transfer, accept) [mitigate]", prompt: ": ")
    pty.send("\r")
    pty.expectPrompt("Owner [Head of the business unit, proposed: Enter confirms]", prompt: ": ")
    pty.send("Kim\r")
    pty.expectPrompt("Due (yyyy-mm-dd) [within 3 months]", prompt: ": ")
    pty.send("someday\r")
    pty.expectPrompt("'someday' is not a date: write it as yyyy-mm-dd, e.g. 2026-12-31.", prompt: ": ")
    pty.send("2027-01-31\r")
    pty.expectPrompt("Status (proposed, planned, in-progress, done) [proposed]", prompt: ": ")
    pty.send("in-\t")
    pty.expect("in-progress")
    pty.send("\r")
    pty.expectPrompt("Add a control (Tab completes ids and titles; -N removes; Enter when done)", prompt: ": ")
    // Tab completes a title to the control it names.
    pty.send("Data prov\t")
    pty.expect("Data provenance (A.7.5)")
    pty.send("\r")
    pty.expectPrompt("A.7.5 Data provenance", prompt: ": ")
    pty.send("\r")
    pty.expectPrompt("Add an action", prompt: ": ")
    pty.send("Name the accountable owner in the inventory\r")
    pty.expectPrompt("Add an action", prompt: ": ")
    pty.send("\r")
    pty.expect("treated")
    pty.expect("[2/9] ")
    pty.expectPrompt("[mitigate]", prompt: ": ")
    pty.send("accept\r")
    pty.expectPrompt("Who accepts it, and why", prompt: "? ")
    pty.send("Kim (COO) accepts until the audit\r")
    pty.expectPrompt("proposed: Enter confirms]", prompt: ": ")
    pty.send("\r")
    for _ in 0..<4 {
      pty.expect(": ")
      pty.send("\r")
    }
    for n in 3...9 {
      pty.expect("[\(n)/9] ")
      pty.expectPrompt("Option", prompt: ": ")
      pty.send(":next\r")
    }
    pty.expect("Every risk above appetite is treated.")
    #expect(pty.waitForExit() == 0)

    let list = try run(["plan", "cv", "--list", "--json"])
    let plan = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
    #expect((plan["untreated"] as? [String]) == [])
    let items = try #require(plan["items"] as? [[String: Any]])
    let first = try #require(items.first?["treatment"] as? [String: Any])
    #expect(first["owner"] as? String == "Kim" && first["due"] as? String == "2027-01-31")
    #expect(first["status"] as? String == "in-progress")
    #expect((first["controls"] as? [[String: Any]])?.last?["id"] as? String == "A.7.5")
    #expect((first["actions"] as? [String])?.last == "Name the accountable owner in the inventory")
    let second = try #require(items[1]["treatment"] as? [String: Any])
    #expect(
      second["option"] as? String == "accept" && second["reason"] as? String == "Kim (COO) accepts until the audit")
    #expect(second["owner"] as? String == "Compliance officer" && second["ownerConfirmed"] as? Bool == true)
    #expect(try run(["history", "cv"]).stdout.contains("Kim: edited the treatment of weak-governance: owner = Kim\n"))

    #expect(try run(["check", "cv"]).status == 0)
    #expect(try run(["check", "cv", "--require-signoff"]).status == 1)
    let sign = try run(["sign", "cv", "--by", "Cy", "--role", "CEO"], at: "2026-11-29T11:00:00Z")
    #expect(sign.status == 0, "\(sign.stderr)")
    let events = try String(contentsOf: dir.appendingPathComponent("sessions/cv/events.jsonl"), encoding: .utf8)
    let signed = try #require(events.split(separator: "\n").last)
    #expect(signed.contains(#""type":"signed""#) && signed.contains(#""weak-governance":"critical""#), "\(signed)")
    let passed = try run(["check", "cv", "--require-signoff"])
    #expect(
      passed.status == 0 && passed.stdout == "Session 'cv': no risk above appetite (medium) is untreated; signed off\n")
    // A later answer change voids the sign-off, and the gate closes again.
    #expect(
      try run(["answer", "cv", "purpose", "Ranks applications for recruiters"], at: "2026-11-29T12:00:00Z").status == 0)
    let voided = try run(["check", "cv", "--require-signoff"])
    #expect(voided.status == 1 && voided.stdout.contains("sign-off: none in force\n"), "\(voided.stdout)")
  }

  @Test func forcedSignOffIsRecorded() throws {
    #expect(try run(["start", "ai-risk", "--id", "cv", "--no-input", "--answers", "cv.yaml"]).status == 0)
    let r = try run(["sign", "cv", "--by", "Cy", "--force", "--reason", "pilot with ten users only"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasSuffix("Forced past what was missing; the reason is recorded: pilot with ten users only\n"))
    #expect(
      try run(["history", "cv"]).stdout.contains("; forced past what was missing: pilot with ten users only\n"))
    #expect(try run(["status", "cv"]).stdout.contains("; forced: pilot with ten users only\n"))
    let json = try run(["status", "cv", "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let signOff = try #require(object["signOff"] as? [String: Any])
    #expect(signOff["override"] as? String == "pilot with ten users only")
    #expect((signOff["residual"] as? [String: String])?["weak-governance"] == "critical")
  }

  @Test func explainInPlainWords() throws {
    #expect(try run(["start", "ai-risk", "--id", "cv", "--no-input", "--answers", "cv.yaml"]).status == 0)
    let r = try run(["explain", "cv", "biased-outcomes"])
    #expect(r.status == 0)
    #expect(
      r.stdout.hasPrefix("Risk biased-outcomes: Some groups of people get worse outcomes than others (fairness)\n"))
    #expect(r.stdout.contains("Inherent: likelihood 3 (Possible) x severity 4 (Major) = high\n"))
    #expect(r.stdout.contains("  Rating: high, above the appetite (medium): it must be treated\n"))
    #expect(
      r.stdout.contains(
        "    decision_effect: \"Does the system's output decide anything about individual people?\" -> It informs a person who decides\n"
      ))
    let unknown = try run(["explain", "cv", "biased-outcome"])
    #expect(
      unknown.status == 2
        && unknown.stderr
          == "error: 'ai-risk' has no risk, score, computed value or level 'biased-outcome' (did you mean 'biased-outcomes'?)\n"
    )
    let all = try run(["explain", "cv"])
    #expect(all.status == 0 && all.stdout.contains("Risk weak-governance:"))
  }

  @Test func statementOfApplicability() throws {
    #expect(try run(["start", "ai-risk", "--id", "cv", "--no-input", "--answers", "cv.yaml"]).status == 0)
    let exclude = try run(["soa", "cv", "A.10.4", "--exclude", "the system has no customers"])
    #expect(
      exclude.status == 0 && exclude.stdout == "Session 'cv': A.10.4 excluded in the Statement of Applicability\n")
    let bad = try run(["soa", "cv", "A.11.1", "--exclude", "x"])
    #expect(bad.status == 2 && bad.stderr.hasPrefix("error: 'A.11.1' is not an ISO/IEC 42001 Annex A control"))
    #expect(try run(["soa", "cv", "A.10.4"]).status == 2)
    let text = try run(["soa", "cv"])
    #expect(text.status == 0)
    let rows = text.stdout.split(separator: "\n").filter { $0.hasPrefix("  A.") }
    #expect(rows.count == 38)
    #expect(text.stdout.contains("  A.10.4   Customers: excluded (the system has no customers)\n"), "\(text.stdout)")
    #expect(text.stdout.contains("  A.7.5    Data provenance: included (for poor-data-quality, model-compromise)\n"))
    let json = try run(["soa", "cv", "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((object["controls"] as? [Any])?.count == 38)
  }

  @Test func theInterviewPlansAndExplainsAtItsEnd() throws {
    let answers = try String(
      contentsOf: repositoryRoot.appendingPathComponent("examples/example-answers.yaml"), encoding: .utf8)
    #expect(try run(["start", "example", "--id", "e", "--no-input", "--answers", "-"], input: answers).status == 0)
    #expect(try run(["treat", "e", "unchecked-automation", "--option", "transfer", "--owner", "Eve"]).status == 0)
    let r = try run(
      ["resume", "e"],
      input: ":why unfair-outcomes\n:why impact\n:status\n:plan\n\nDana\n2027-03-31\n\n\n\n:quit\n\n")
    // :status shows the plan as it is now, not the questionnaire's template.
    #expect(r.stdout.contains("[L5 S5; residual medium] transfer\n"), "\(r.stdout)")
    #expect(r.stdout.contains("  critical  unchecked-automation: transfer; owner Eve; proposed; residual medium\n"))
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Risk unfair-outcomes: Unfair outcomes for groups of people (fairness)\n"))
    #expect(r.stdout.contains("Impact score (impact) is 6 of 8\n"))
    #expect(r.stdout.contains("[1/3] critical unfair-outcomes"))
    #expect(r.stdout.contains("Plan left; what was accepted is saved."))
    let list = try run(["plan", "e", "--list"])
    #expect(
      list.stdout.contains("mitigate; owner Dana; due 2027-03-31; planned; residual critical\n"), "\(list.stdout)")
  }

  @Test func theWalkReadsPlainLinesFromAPipe() throws {
    let answers = try String(
      contentsOf: repositoryRoot.appendingPathComponent("examples/example-answers.yaml"), encoding: .utf8)
    #expect(try run(["start", "example", "--id", "e", "--no-input", "--answers", "-"], input: answers).status == 0)
    // Item 1: a wrong option, then avoid (which asks what is stopped); owner; a bad and a good date;
    // a status; a control that is not Annex A, one named by its title, one removed; an action removed.
    let input =
      [
        "ignore", "avoid", "automated scoring of loan applicants", "Dana", "2026-02-30", "2026-12-31", "don", "done",
        "A.99", "Data provenance", "-1", "", "-2", "", ":next", ":quit",
      ].joined(separator: "\n") + "\n"
    let r = try run(["plan", "e", "--by", "Kim"], input: input)
    #expect(r.status == 0, "\(r.stderr)")
    // (Lines are wrapped at 80 columns when the width is unknown.)
    #expect(r.stdout.contains("Unknown treatment option 'ignore'; options are avoid, mitigate, transfer,\naccept."))
    #expect(r.stdout.contains("'2026-02-30' is not a date: write it as yyyy-mm-dd, e.g. 2026-12-31."))
    #expect(r.stdout.contains("Unknown treatment status 'don' (did you mean 'done'?)"))
    #expect(r.stdout.contains("'A.99' is not an Annex A control"))
    #expect(r.stdout.contains("Plan left; what was accepted is saved."))
    let list = try run(["plan", "e", "--list"], at: "2027-01-05T10:00:00Z")
    #expect(
      list.stdout.contains("  critical  unfair-outcomes: Unfair outcomes for groups of people\n"), "\(list.stdout)")
    #expect(list.stdout.contains("avoid; owner Dana; due 2026-12-31; done; residual critical\n"))
    #expect(
      list.stdout.contains(
        "controls: A.7.4 Quality of data for AI systems; A.5.4 Assessing AI system impact on individuals or groups of individuals; A.7.5 Data provenance\n"
      ))
    #expect(list.stdout.contains("- Measure error rates per group before release\n"))
    #expect(!list.stdout.contains("- Set a threshold"))
    #expect(list.stdout.contains("stops: automated scoring of loan applicants\n"))
    #expect(list.stdout.contains("Treatment plan: 3 above appetite (medium), 2 untreated\n"))
    #expect(!list.stdout.contains("OVERDUE"))
    let history = try run(["history", "e"]).stdout
    #expect(
      history.contains(
        "Kim: edited the treatment of unfair-outcomes: option = avoid, stops = automated scoring of loan applicants\n"))
  }

  @Test func atATerminalWhyCompletesResultNamesAndPlanWalks() throws {
    let answers = try String(
      contentsOf: repositoryRoot.appendingPathComponent("examples/example-answers.yaml"), encoding: .utf8)
    #expect(try run(["start", "example", "--id", "e", "--no-input", "--answers", "-"], input: answers).status == 0)
    let pty = try PseudoTerminal(["resume", "e"], directory: dir, environment: env)
    pty.expectPrompt("Every question on the path is answered", prompt: "done> ")
    pty.send(":why unf\t")
    pty.expect(":why unfair-outcomes")
    pty.send("\r")
    pty.expectPrompt("Inherent: likelihood 4 (Likely) x severity 5 (Severe) = critical", prompt: "done> ")
    pty.send(":plan\r")
    pty.expectPrompt("[1/3] ", prompt: ": ")
    pty.send("tr\t")
    pty.expect("transfer")
    pty.send("\r")
    pty.expectPrompt("Owner [ML lead, proposed: Enter confirms]", prompt: ": ")
    pty.send("\r")
    pty.expectPrompt("Due (yyyy-mm-dd)", prompt: ": ")
    pty.send(":quit\r")
    pty.expectPrompt("Plan left; what was accepted is saved.", prompt: "done> ")
    pty.send(":quit\r")
    #expect(pty.waitForExit() == 0)
    let list = try run(["plan", "e", "--list"])
    #expect(
      list.stdout.contains("transfer; owner ML lead; due before release; planned; residual critical\n"),
      "\(list.stdout)")
  }
}
