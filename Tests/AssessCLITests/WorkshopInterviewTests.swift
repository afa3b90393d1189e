import Foundation
import Testing

/// The interview faults a facilitator would feel in a workshop (issue 12), each through a pipe or a pty.
@Suite struct WorkshopInterviewTests {
  let dir: URL
  let env = ["USER": "ana", "ASSESS_NOW": "2026-11-29T10:00:00Z", "COLUMNS": "120"]

  init() throws {
    dir = try temporaryDirectory()
    let answers = repositoryRoot.appendingPathComponent("examples/example-answers.yaml").path
    let r = try assess(
      ["start", "example", "--id", "w", "--no-input", "--answers", answers], directory: dir, environment: env)
    #expect(r.status == 0, "\(r.stderr)")
  }

  func resume(_ lines: [String]) throws -> RunResult {
    try assess(["resume", "w"], input: lines.joined(separator: "\n") + "\n", directory: dir, environment: env)
  }

  /// In a complete session, changing one answer through :review keeps the interview open at `done>`,
  /// so a second change needs no second resume.
  @Test func changingAnswersOfACompleteSessionStaysOpen() throws {
    let r = try resume([":review", "2", "2", ":review", "1", "A changed purpose", ""])
    #expect(r.status == 0, "\(r.stderr)")
    let flat = r.stdout.replacingOccurrences(of: #"\n +"#, with: " ", options: .regularExpression)
    #expect(flat.components(separatedBy: "Every question on the path is answered (").count == 3, "\(r.stdout)")
    let history = try assess(["history", "w"], directory: dir, environment: env).stdout
    #expect(history.contains("changed effect from 'significant' to 'advisory'"))
    #expect(history.contains("changed purpose from 'Screen loan applications' to 'A changed purpose'"))
  }

  /// :back from `done>` shows the question's own section, not the first section's title and notes.
  @Test func goingBackFromTheEndShowsNoStraySectionHeader() throws {
    let r = try resume([":back", "", ""])
    #expect(r.status == 0, "\(r.stderr)")
    let after = try #require(r.stdout.range(of: "Type :review to change an answer")).upperBound
    let shown = String(r.stdout[after...])
    #expect(!shown.contains("== Context and intended use =="), "\(shown)")
    #expect(!shown.contains("Note: Answer for the system as it will be deployed"), "\(shown)")
    #expect(shown.contains("Within how many days can a person contest a decision?"))
  }

  /// On a terminal, risk lines wrap at spaces to its width, like question text; never mid-word.
  @Test func riskLinesWrapToTheTerminal() throws {
    for columns: UInt16 in [60, 110] {
      let pty = try PseudoTerminal(["status", "w"], directory: dir, environment: env, columns: columns)
      #expect(pty.waitForExit() == 0)
      let plain = pty.transcript.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
      let lines = plain.components(separatedBy: "\r\n")
      for line in lines { #expect(line.count <= Int(columns), "\(columns) columns: '\(line)'") }
      let risk = try #require(lines.firstIndex { $0.contains("unchecked-automation:") })
      // The continuation is indented under the id, and no word is cut.
      let joined = lines[risk...].prefix { !$0.hasPrefix("  high") }.joined(separator: " ")
        .replacingOccurrences(of: #" +"#, with: " ", options: .regularExpression)
      #expect(joined.contains("Significant decisions taken without human review [L5 S5; residual medium] mitigate"))
    }
  }
}

/// A command that does not exist says so, with the closest ones, instead of "unexpected arguments".
@Suite struct UnknownCommandTests {
  @Test func anUnknownCommandIsNamed() throws {
    let r = try assess(["stats", "w1"])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("error: unknown command 'stats' (did you mean 'status'"))
    #expect(r.stderr.contains("the commands are list, validate, evaluate, start"))
  }
}

/// Mid-interview, a risk whose condition reads questions still to come is listed as possible, with
/// what will decide it; answers that rule it out take it off the list.
@Suite struct PossibleRiskTests {
  @Test func anUnknownNeverHidesARisk() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = try assess(
      ["start", "example", "--id", "p", "--no-input", "--answers", "-"], input: "effect: significant\n", directory: dir)
    let text = try assess(["status", "p"], directory: dir).stdout
    #expect(text.contains("Risks: none raised\nPossible risks (3, decided by answers still to come)\n"))
    #expect(
      text.contains(
        "  unchecked-automation: Significant decisions taken without human review; decided by \"Who reviews the system's decisions?\"\n"
      ))
    let json = try JSONSerialization.jsonObject(
      with: Data(try assess(["status", "p", "--json"], directory: dir).stdout.utf8))
    let possible = try #require((json as? [String: Any])?["possible"] as? [[String: Any]])
    #expect(
      possible.compactMap { $0["id"] as? String } == ["unfair-outcomes", "unchecked-automation", "high-impact-level"])
    // 'none' rules the first two out whatever comes; the impact level still depends on answers.
    _ = try assess(["answer", "p", "effect", "none"], directory: dir)
    let after = try assess(["status", "p"], directory: dir).stdout
    #expect(!after.contains("unfair-outcomes:") && !after.contains("unchecked-automation:"))
  }
}
