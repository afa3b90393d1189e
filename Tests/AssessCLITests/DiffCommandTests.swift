import Foundation
import Testing

/// `assess diff`: a re-assessment on a later version of the questionnaire, where answers, results,
/// risks and the plan changed.
@Suite struct DiffCommandTests {
  /// An old session on the built-in example and a re-assessment on version 1.1.0 (one question added).
  static func reassessment(in dir: URL) throws {
    var env = ["ASSESS_NOW": "2026-06-01T10:00:00Z", "USER": "ana"]
    let old = try assess(
      [
        "start", "example", "--id", "old", "--no-input", "--by", "Ana Ruiz", "--answers",
        repositoryRoot.appendingPathComponent("examples/example-answers.yaml").path,
      ], directory: dir, environment: env)
    #expect(old.status == 0, "\(old.stderr)")
    for arguments in [
      [
        "treat", "old", "unchecked-automation", "--owner", "Product owner", "--status", "planned", "--due",
        "2026-09-01",
      ],
      ["treat", "old", "high-impact-level", "--owner", "Governance lead", "--reason", "Board decision 12"],
    ] {
      let run = try assess(arguments, directory: dir, environment: env)
      #expect(run.status == 0, "\(run.stderr)")
    }
    // Version 1.1.0 asks one more question.
    let source = try String(
      contentsOf: repositoryRoot.appendingPathComponent("questionnaires/example.yaml"), encoding: .utf8)
    let v2 =
      source.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")
      .replacingOccurrences(
        of: "      - id: appeal_days\n",
        with: "      - id: monitoring\n        type: yesno\n        prompt: Is the system monitored in production?\n"
          + "      - id: appeal_days\n"
      )
      .replacingOccurrences(
        of: "risks:\n",
        with: "risks:\n  - id: unmonitored\n    title: Drift goes unnoticed in production\n    dimension: reliability\n"
          + "    when: \"monitoring == false\"\n    likelihood: 3\n    severity: 3\n")
    try v2.write(to: dir.appendingPathComponent("example-v2.yaml"), atomically: true, encoding: .utf8)
    try """
    purpose: Screen loan applications
    effect: significant
    users: 8000
    groups: [public]
    harm_by_group[public]: 3
    children_affected: no
    subgroup_tested: yes
    oversight: none
    monitoring: no
    appeal_days: 14

    """.write(to: dir.appendingPathComponent("new.yaml"), atomically: true, encoding: .utf8)
    env["ASSESS_NOW"] = "2026-12-01T10:00:00Z"
    let new = try assess(
      ["start", "example-v2.yaml", "--id", "new", "--no-input", "--by", "Ana Ruiz", "--answers", "new.yaml"],
      directory: dir, environment: env)
    #expect(new.status == 0, "\(new.stderr)")
    let treat = try assess(
      ["treat", "new", "unchecked-automation", "--owner", "Ops lead", "--status", "done"], directory: dir,
      environment: env)
    #expect(treat.status == 0, "\(treat.stderr)")
  }

  @Test func aReassessmentAcrossVersions() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.reassessment(in: dir)
    let text = try assess(["diff", "old", "new"], directory: dir)
    #expect(text.status == 0, "\(text.stderr)")
    try expectGolden(text.stdout, "reports/diff.txt")
    let run = try assess(["diff", "old", "new", "--json"], directory: dir)
    #expect(run.status == 0)
    try expectGolden(run.stdout, "reports/diff.json")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect((json["questionnaire"] as? [String: Any])?["sameVersion"] as? Bool == false)
    let answers = try #require(json["answers"] as? [String: [[String: Any]]])
    #expect(answers["added"]?.compactMap { $0["id"] as? String } == ["children_affected", "monitoring"])
    #expect(answers["removed"]?.compactMap { $0["id"] as? String } == ["harm_by_group[children]"])
    let changed = try #require(answers["changed"])
    let days = try #require(changed.first { $0["id"] as? String == "appeal_days" })
    #expect(days["old"] as? String == "30 days" && days["new"] as? String == "14 days")
    let risks = try #require(json["risks"] as? [String: [[String: Any]]])
    #expect(risks["gone"]?.compactMap { $0["id"] as? String } == ["unfair-outcomes", "high-impact-level"])
    #expect(risks["new"]?.compactMap { $0["id"] as? String } == ["unmonitored"])
    let rerated = try #require(risks["rerated"]?.first { $0["id"] as? String == "unchecked-automation" })
    #expect((rerated["old"] as? [String: Any])?["likelihood"] as? Int == 5)
    #expect((rerated["new"] as? [String: Any])?["likelihood"] as? Int == 4)
    let plan = try #require(json["plan"] as? [[String: Any]])
    #expect(plan.contains { $0["risk"] as? String == "unfair-outcomes" && $0["change"] as? String == "removed" })
    let edited = try #require(plan.first { $0["risk"] as? String == "unchecked-automation" })
    let fields = (edited["fields"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    #expect(fields.contains("owner") && fields.contains("status"))
    // A session against itself: nothing differs.
    let same = try assess(["diff", "old", "old"], directory: dir)
    #expect(same.stdout.hasSuffix("No differences in answers, results, risks or the plan\n"))
    let missing = try assess(["diff", "old", "nope"], directory: dir)
    #expect(missing.status == 2 && missing.stderr.hasPrefix("error: no session 'nope'"))
  }
}
