import Foundation
import Testing

/// `start --answers-from SESSION`: the built-ins share the ids of the questions they all ask, so one
/// assessment starts from another's answers.
@Suite struct AnswersFromTests {
  @Test func anImpactAssessmentFeedsTheRiskAssessment() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let env = ["ASSESS_NOW": "2026-11-29T10:00:00Z", "USER": "ana"]
    let impact = try assess(
      [
        "start", "ai-impact", "--id", "imp", "--no-input", "--answers",
        repositoryRoot.appendingPathComponent("Tests/Fixtures/builtins/ai-impact/cv-screening.yaml").path,
      ], directory: dir, environment: env)
    #expect(impact.status == 0, "\(impact.stderr)")
    let risk = try assess(
      ["start", "ai-risk", "--id", "risk", "--answers-from", "imp", "--no-input"], directory: dir, environment: env)
    #expect(risk.status == 3)  // the rest of the risk assessment is still to answer
    let shared = [
      "system_name", "purpose", "lifecycle_stage", "techniques", "eu_market", "decision_effect", "automation",
      "personal_data",
    ]
    #expect(
      risk.stdout.hasPrefix(
        "Carried 8 answers from session 'imp' (ai-impact 1.0.0): \(shared.joined(separator: ", "))\n"))
    // The carried answers are the impact assessment's, recorded in the new session with a note.
    let a =
      try JSONSerialization.jsonObject(
        with: Data(try assess(["status", "imp", "--json"], directory: dir).stdout.utf8)) as? [String: Any]
    let b =
      try JSONSerialization.jsonObject(
        with: Data(try assess(["status", "risk", "--json"], directory: dir).stdout.utf8)) as? [String: Any]
    let before = try #require(a?["answers"] as? [String: Any])
    let after = try #require(b?["answers"] as? [String: Any])
    for id in shared { #expect("\(before[id] ?? "none")" == "\(after[id] ?? "missing")", "\(id)") }
    #expect(Set(after.keys) == Set(shared))
    let history = try assess(["history", "risk"], directory: dir).stdout
    #expect(history.contains("ana: noted: Carried 8 answers from session 'imp'"))
    // Another questionnaire carries the ids it shares and accepts: the example asks 'purpose' and
    // 'subgroup_tested' (a yes/no in both), not the others.
    let other = try assess(["start", "example", "--id", "ex", "--answers-from", "imp", "--no-input"], directory: dir)
    #expect(
      other.stdout.hasPrefix("Carried 2 answers from session 'imp' (ai-impact 1.0.0): purpose, subgroup_tested\n"))
    _ = try assess(["start", "example", "--id", "ex2", "--no-input"], directory: dir)
    let none = try assess(["start", "ai-risk", "--id", "r2", "--answers-from", "ex2", "--no-input"], directory: dir)
    #expect(
      none.stdout.hasPrefix(
        "No answers carried from session 'ex2' (example 1.0.0): 'ai-risk' asks none of its questions\n"))
    let unknown = try assess(["start", "example", "--answers-from", "nope", "--no-input"], directory: dir)
    #expect(unknown.status == 2 && unknown.stderr.hasPrefix("error: no session 'nope' in sessions/"))
  }
}
