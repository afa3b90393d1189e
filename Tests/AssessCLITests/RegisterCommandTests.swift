import Foundation
import Testing

/// `assess register` and `assess store copy` on folder stores (no server needed).
@Suite struct RegisterCommandTests {
  let dir: URL

  init() throws {
    dir = try temporaryDirectory()
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("examples/example-answers.yaml"),
      to: dir.appendingPathComponent("answers.yaml"))
  }

  func run(_ arguments: [String], at time: String = "2026-11-29T10:00:00Z") throws -> RunResult {
    try assess(arguments, directory: dir, environment: ["ASSESS_NOW": time, "USER": "ana"])
  }

  /// Two sessions: one with every answer (critical risks), one mild; a treatment owned and overdue.
  func makeSessions() throws {
    #expect(try run(["start", "example", "--id", "loans", "--no-input", "--answers", "answers.yaml"]).status == 0)
    let mild =
      "purpose: Sort mail\neffect: none\nusers: 10\ngroups: [workers]\nharm_by_group[workers]: 1\n"
      + "subgroup_tested: yes\noversight: every\n"
    try mild.write(to: dir.appendingPathComponent("mild.yaml"), atomically: true, encoding: .utf8)
    _ = try run(["start", "example", "--id", "mail", "--no-input", "--answers", "mild.yaml"])
    let treat = try run([
      "treat", "loans", "unfair-outcomes", "--owner", "ML lead", "--due", "2026-11-01", "--status", "planned",
    ])
    #expect(treat.status == 0, "\(treat.stderr)")
  }

  @Test func worstFirstWithUntreatedAndOverdueMarked() throws {
    try makeSessions()
    let r = try run(["register"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Risk register of sessions/")
    let rows = lines.dropFirst(2).dropLast()
    #expect(rows.count >= 2)
    // Critical first; among equals, the untreated one before the planned (but overdue) one.
    #expect(rows.first?.hasPrefix("  critical") == true)
    let untreatedIndex = rows.firstIndex { $0.contains("unchecked-automation") }
    let plannedIndex = rows.firstIndex { $0.contains("unfair-outcomes") }
    #expect(untreatedIndex != nil && plannedIndex != nil && untreatedIndex! < plannedIndex!, "\(r.stdout)")
    #expect(rows.contains { $0.contains("unfair-outcomes") && $0.contains("ML lead") && $0.hasSuffix("OVERDUE") })
    #expect(rows.contains { $0.contains("UNTREATED") })
    let ratings = ["critical", "high", "medium", "low"]
    let order = rows.compactMap { row in ratings.firstIndex { row.hasPrefix("  \($0)") } }
    #expect(order == order.sorted(), "not worst first:\n\(r.stdout)")
    #expect(lines.last?.contains("untreated") == true)
  }

  /// An archived session is out of the register (and back when restored).
  @Test func archivedSessionsAreLeftOut() throws {
    try makeSessions()
    #expect(try run(["register"]).stdout.contains("loans"))
    #expect(try run(["archive", "loans"]).status == 0)
    #expect(!(try run(["register"]).stdout.contains("loans")))
    #expect(try run(["archive", "loans", "--restore"]).status == 0)
    #expect(try run(["register"]).stdout.contains("loans"))
  }

  @Test func jsonCsvAndFilters() throws {
    try makeSessions()
    let json = try run(["register", "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let risks = try #require(object["risks"] as? [[String: Any]])
    let unfair = try #require(risks.first { $0["risk"] as? String == "unfair-outcomes" })
    #expect(unfair["session"] as? String == "loans" && unfair["owner"] as? String == "ML lead")
    #expect(unfair["overdue"] as? Bool == true && unfair["untreated"] as? Bool == false)
    #expect(unfair["due"] as? String == "2026-11-01" && unfair["status"] as? String == "planned")
    let csv = try run(["register", "--csv"])
    let csvLines = csv.stdout.components(separatedBy: "\r\n")
    #expect(
      csvLines.first
        == "session,questionnaire,system,risk,title,rating,residual,option,owner,due,status,sign_off,untreated,overdue")
    #expect(csvLines.count == risks.count + 2)
    let above = try run(["register", "--json", "--above", "high"])
    let aboveRisks = try #require(
      (try JSONSerialization.jsonObject(with: Data(above.stdout.utf8)) as? [String: Any])?["risks"] as? [[String: Any]])
    #expect(!aboveRisks.isEmpty && aboveRisks.allSatisfy { $0["rating"] as? String == "critical" })
    let none = try run(["register", "--json", "--questionnaire", "ai-risk"])
    #expect(
      none.stdout.contains(#""risks": []"#) && none.stderr.contains("no session in sessions/ is on questionnaire"))
    let bad = try run(["register", "--above", "huge"])
    #expect(
      bad.status == 2
        && bad.stderr
          == "error: --above: no rating 'huge' in the sessions' risk matrices (ratings: low, medium, high, critical)\n"
    )
    #expect(try run(["register", "--json", "--csv"]).status == 2)
  }

  @Test func copyBetweenFoldersKeepsTheBytesAndRefusesExistingIds() throws {
    try makeSessions()
    let r = try run(["store", "copy", "sessions", "other"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("copied 'loans' ("))
    for id in ["loans", "mail"] {
      let a = try Data(contentsOf: dir.appendingPathComponent("sessions/\(id)/events.jsonl"))
      let b = try Data(contentsOf: dir.appendingPathComponent("other/\(id)/events.jsonl"))
      #expect(a == b)
    }
    let again = try run(["store", "copy", "sessions", "other", "mail"])
    #expect(again.status == 2 && again.stderr == "error: session 'mail' already exists in other/; nothing was copied\n")
    let list = try run(["list", "--store", "other"])
    #expect(list.stdout.contains("Sessions in other/") && list.stdout.contains("  loans  example 1.0.0  "))
    #expect(
      try run(["store", "init"]).stdout
        == "sessions/ is a folder store: it needs no setup (it is created with the first session)\n")
  }
}
