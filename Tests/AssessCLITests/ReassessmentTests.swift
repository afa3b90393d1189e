import Foundation
import Testing

/// `start --from OLD`: a re-assessment carries the old session's answers (proposed, to confirm in
/// the interview), notes, flags and plan, linked to it; `diff` then shows what moved.
@Suite struct ReassessmentTests {
  @Test func aReassessmentCarriesAndAsksToConfirm() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let env = ["USER": "ana", "ASSESS_NOW": "2026-11-29T10:00:00Z", "COLUMNS": "200"]
    func run(_ arguments: [String], input: String? = nil) throws -> RunResult {
      try assess(arguments, input: input, directory: dir, environment: env)
    }
    let answers = repositoryRoot.appendingPathComponent("examples/example-answers.yaml").path
    _ = try run(["start", "example", "--id", "y1", "--no-input", "--answers", answers])
    _ = try run(["treat", "y1", "unfair-outcomes", "--owner", "ML lead", "--due", "2026-12-31"])
    _ = try run(["resume", "y1"], input: ":goto oversight\n:note reviewed monthly\n:flag ask legal\n\n\n")

    let start = try run(["start", "example", "--id", "y2", "--from", "y1", "--no-input"])
    #expect(
      start.stdout.hasPrefix(
        "Re-assessing session 'y1' (example 1.0.0): carried 9 answers to confirm, 1 note, 1 flag and the treatment of 1 risk\n"
      ), "\(start.stdout)")
    // Carried but not confirmed: not complete, and status says what is left.
    let status = try run(["status", "y2"]).stdout
    #expect(status.contains("Session 'y2' on 'example' 1.0.0: in progress\n"))
    #expect(status.contains("Re-assessment of session 'y1': 9 carried answers still to confirm\n"))
    let json = try JSONSerialization.jsonObject(with: Data(try run(["status", "y2", "--json"]).stdout.utf8))
    let session = try #require((json as? [String: Any])?["session"] as? [String: Any])
    #expect(session["reassessmentOf"] as? String == "y1" && (session["toConfirm"] as? [String])?.count == 9)
    let history = try run(["history", "y2"]).stdout
    #expect(history.contains("ana: re-assesses session 'y1' (1.0.0); 9 carried answers to confirm"))
    #expect(history.contains("ana: edited the treatment of unfair-outcomes: due = 2026-12-31, owner = ML lead"))
    #expect(history.contains("ana: flagged oversight: ask legal"))
    #expect(history.contains("reviewed monthly (ana, 2026-11-29, from 'y1')"))

    // The interview offers each carried answer: Enter confirms it, another answer changes it.
    let walk = try run(["resume", "y2"], input: "\n2\n" + String(repeating: "\n", count: 12))
    #expect(walk.stdout.contains("text; carried from 'y1': Screen loan applications; Enter confirms it"))
    let after = try run(["history", "y2"]).stdout
    #expect(after.contains("ana: confirmed the carried answer to purpose"))
    #expect(after.contains("ana: changed effect from 'significant' to 'advisory'"))
    #expect(
      try run(["status", "y2"]).stdout.contains("Re-assessment of session 'y1': every carried answer confirmed\n"))
    #expect(try run(["status", "y2"]).stdout.contains(": complete\n"))
    // And diff shows what the re-assessment moved.
    let diff = try run(["diff", "y1", "y2"]).stdout
    #expect(diff.contains("effect"), "\(diff)")
    let both = try run(["start", "example", "--from", "y1", "--answers-from", "y1", "--no-input"])
    #expect(both.status == 2 && both.stderr == "error: give --from or --answers-from, not both\n")
  }
}
