import Foundation
import Testing

/// Strict replay and the hash chain of the event log (issue 15, "Data", second and third items).
@Suite struct AuditTrailTests {
  let dir: URL
  var events: URL { dir.appendingPathComponent("sessions/m/events.jsonl") }

  init() throws {
    dir = try temporaryDirectory()
    let start = try assess(
      ["start", "example", "--id", "m", "--no-input", "--answers", "-"],
      input: "purpose: loans\neffect: significant\nusers: 100\n", directory: dir, environment: now)
    #expect(start.status == 0 || start.status == 3, "\(start.stderr)")
    for (question, value) in [("effect", "advisory"), ("users", "200"), ("effect", "significant")] {
      let r = try assess(["answer", "m", question, value], directory: dir, environment: now)
      #expect(r.status == 0, "\(r.stderr)")
    }
  }

  let now = ["ASSESS_NOW": "2026-11-29T10:00:00Z"]

  func lines() throws -> [String] {
    try String(contentsOf: events, encoding: .utf8).split(separator: "\n").map(String.init)
  }

  func write(_ lines: [String]) throws {
    try (lines.joined(separator: "\n") + "\n").write(to: events, atomically: true, encoding: .utf8)
  }

  /// The 1-based line of the last event of `type` about `question`.
  func lastLine(_ type: String, _ question: String) throws -> Int {
    let all = try lines()
    let index = try #require(
      all.lastIndex { $0.contains("\"type\":\"\(type)\"") && $0.contains("\"question\":\"\(question)\"") })
    return index + 1
  }

  // MARK: The chain

  @Test func aNewSessionIsChainedAndVerifies() throws {
    let all = try lines()
    #expect(all.allSatisfy { $0.contains("\"prev\":\"") })
    let pinned = try #require(
      try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sessions/m").path).first {
        $0.hasPrefix("questionnaire-")
      })
    // The first event links to the pinned questionnaire.
    #expect(all[0].contains("\"prev\":\"\(pinned.dropFirst("questionnaire-".count).prefix(12))"))
    let r = try assess(["verify", "m"], directory: dir)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("Chain: verified") && r.stdout.contains("Verified."))
    let json = try assess(["verify", "m", "--json"], directory: dir)
    #expect(json.status == 0 && json.stdout.contains("\"verified\": true") && json.stdout.contains("\"head\": \""))
    let status = try assess(["status", "m", "--json"], directory: dir).stdout
    #expect(status.contains("\"state\": \"verified\""))
    #expect(!(try assess(["status", "m"], directory: dir).stdout.contains("Audit trail")))
  }

  @Test func editingAValueBreaksTheLinkAfterIt() throws {
    var all = try lines()
    let edited = try lastLine("changed", "users")
    // Still a valid answer, so only the chain can tell.
    all[edited - 1] = all[edited - 1].replacingOccurrences(of: "\"value\":200", with: "\"value\":20")
    try write(all)
    let r = try assess(["verify", "m"], directory: dir)
    #expect(r.status == 1)
    #expect(r.stdout.contains("events.jsonl:\(edited + 1): 'prev' is "), "\(r.stdout)")
    #expect(r.stdout.contains("Not verified."))
    // Status still shows the session, and says it fails verification.
    let status = try assess(["status", "m"], directory: dir)
    #expect(status.status == 0)
    #expect(status.stdout.contains("Audit trail fails verification: "))
    #expect(status.stderr.contains("fails verification ('assess verify m')"))
    let json = try assess(["status", "m", "--json"], directory: dir).stdout
    #expect(json.contains("\"state\": \"broken\"") && json.contains("\"event\": \(edited + 1)"))
    let list = try assess(["list"], directory: dir).stdout
    #expect(list.contains("FAILS VERIFICATION ('assess verify m')"))
    #expect(try assess(["list", "--json"], directory: dir).stdout.contains("\"state\": \"broken\""))
    let report = try assess(["report", "m", "--format", "json"], directory: dir)
    #expect(report.stdout.contains("\"state\": \"broken\""), "\(report.stderr)")
  }

  @Test func deletingALineIsNamed() throws {
    var all = try lines()
    all.remove(at: 3)
    try write(all)
    let r = try assess(["verify", "m"], directory: dir)
    #expect(r.status == 1)
    #expect(r.stdout.contains("events.jsonl:4: event number 5 where 4 was expected"), "\(r.stdout)")
  }

  @Test func deletingALineAndRenumberingIsNamed() throws {
    var all = try lines()
    all.remove(at: 3)
    for i in 3..<all.count {
      all[i] = all[i].replacingOccurrences(of: "{\"seq\":\(i + 2),", with: "{\"seq\":\(i + 1),")
    }
    try write(all)
    let r = try assess(["verify", "m"], directory: dir)
    #expect(r.status == 1)
    #expect(r.stdout.contains("events.jsonl:4: 'prev' is "), "\(r.stdout)")
  }

  @Test func swappingTwoLinesIsNamed() throws {
    var all = try lines()
    all.swapAt(3, 4)
    try write(all)
    let r = try assess(["verify", "m"], directory: dir)
    #expect(r.status == 1)
    #expect(r.stdout.contains("events.jsonl:4: event number 5 where 4 was expected"), "\(r.stdout)")
  }

  @Test func truncatingInTheMiddleOfALineIsNamed() throws {
    let all = try lines()
    var text = all.prefix(4).joined(separator: "\n") + "\n" + all[4].prefix(30) + "\n"
    text += all.dropFirst(5).joined(separator: "\n") + "\n"
    try text.write(to: events, atomically: true, encoding: .utf8)
    let r = try assess(["verify", "m"], directory: dir)
    #expect(r.status == 1)
    #expect(r.stdout.contains("events.jsonl:5: not a valid event record"), "\(r.stdout)")
  }

  @Test func aForgedLineIsNamed() throws {
    var all = try lines()
    let n = all.count
    all.append(
      "{\"seq\":\(n + 1),\"at\":\"2026-11-29T11:00:00Z\",\"by\":\"mallory\",\"type\":\"changed\",\"question\":\"effect\",\"old\":\"significant\",\"value\":\"none\"}"
    )
    try write(all)
    let r = try assess(["verify", "m", "--json"], directory: dir)
    #expect(r.status == 1)
    #expect(r.stdout.contains("\"place\": \"") && r.stdout.contains("events.jsonl:\(n + 1)\""), "\(r.stdout)")
    #expect(r.stdout.contains("has no 'prev' link although the events before it are chained"))
    // With a made-up link instead.
    all[n] = all[n].replacingOccurrences(of: "}", with: ",\"prev\":\"\(String(repeating: "ab", count: 32))\"}")
    try write(all)
    let again = try assess(["verify", "m"], directory: dir)
    #expect(again.status == 1 && again.stdout.contains("events.jsonl:\(n + 1): 'prev' is abababababab..."))
  }

  @Test func anUnchainedLogStillLoadsAndIsMarked() throws {
    let stripped = try lines().map { $0.replacing(/,"prev":"[0-9a-f]{64}"/, with: "") }
    #expect(!stripped.joined().contains("prev"))
    try write(stripped)
    let status = try assess(["status", "m"], directory: dir)
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.contains("Audit trail unchained: the log was written before events were chained"))
    #expect(try assess(["list"], directory: dir).stdout.contains("(unchained)"))
    let verify = try assess(["verify", "m"], directory: dir)
    #expect(verify.status == 1 && verify.stdout.contains("Chain: unchained"))
    // New events are chained onward from the last unchained line.
    let count = stripped.count
    let answer = try assess(["answer", "m", "users", "300"], directory: dir, environment: now)
    #expect(answer.status == 0, "\(answer.stderr)")
    let after = try assess(["verify", "m", "--json"], directory: dir)
    #expect(
      after.stdout.contains("\"state\": \"partly chained\"") && after.stdout.contains("\"chainedFrom\": \(count + 1)"))
    #expect(after.status == 1)
    #expect(
      try assess(["status", "m"], directory: dir).stdout.contains(
        "Audit trail partly chained: events 1-\(count) were written before chaining"))
  }

  // MARK: Strict replay

  @Test func aValueThatIsNotAnOptionIsRefusedWithItsPlace() throws {
    var all = try lines()
    let line = try lastLine("changed", "effect")
    all[line - 1] = all[line - 1].replacingOccurrences(of: "\"value\":\"significant\"", with: "\"value\":\"zzz\"")
    try write(all)
    for command in [["status", "m"], ["report", "m"], ["answer", "m", "users", "5"]] {
      let r = try assess(command, directory: dir)
      #expect(r.status == 2, "\(command)")
      #expect(
        r.stderr.contains(
          "events.jsonl:\(line): event \(line) ('changed'): 'effect' has no option 'zzz'"), "\(command): \(r.stderr)")
      #expect(r.stderr.contains("'assess verify m' lists every problem"))
    }
    #expect(try assess(["list"], directory: dir).stdout.contains("cannot be read: "))
    let verify = try assess(["verify", "m"], directory: dir)
    #expect(verify.status == 1)
    #expect(verify.stdout.contains("Replay: 1 event fails:"))
    #expect(verify.stdout.contains("events.jsonl:\(line): event \(line) ('changed'): 'effect' has no option 'zzz'"))
  }

  @Test func everyFailingLineIsListedByVerify() throws {
    var all = try lines()
    let users = try lastLine("changed", "users")
    let effect = try lastLine("changed", "effect")
    all[users - 1] = all[users - 1].replacingOccurrences(of: "\"value\":200", with: "\"value\":\"many\"")
    all[effect - 1] = all[effect - 1].replacingOccurrences(
      of: "\"question\":\"effect\"", with: "\"question\":\"efect\"")
    try write(all)
    let verify = try assess(["verify", "m", "--json"], directory: dir)
    #expect(verify.status == 1)
    #expect(verify.stdout.contains("events.jsonl:\(users)\"") && verify.stdout.contains("'users' takes a number"))
    #expect(verify.stdout.contains("events.jsonl:\(effect)\"") && verify.stdout.contains("has no question 'efect'"))
  }

  @Test func aValueStoredOtherwiseThanAnAnswerWouldBeIsRefused() throws {
    var all = try lines()
    let line = try lastLine("changed", "users")
    all[line - 1] = all[line - 1].replacingOccurrences(of: "\"value\":200", with: "\"value\":\"200\"")
    try write(all)
    let r = try assess(["status", "m"], directory: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains("'users' is stored as \"200\", where an answer is stored as 200"), "\(r.stderr)")
  }

  @Test func invalidUTF8IsReportedWithItsPlace() throws {
    var data = try Data(contentsOf: events)
    // Inside the `by` of the fourth line: "by":"<0xFF>..."
    let all = try lines()
    let offset = all.prefix(3).map { $0.utf8.count + 1 }.reduce(0, +)
    let column = try #require(
      all[3].utf8.firstIndex(of: UInt8(ascii: "y")).map { all[3].utf8.distance(from: all[3].utf8.startIndex, to: $0) })
    data[offset + column + 4] = 0xFF
    try data.write(to: events)
    let r = try assess(["status", "m"], directory: dir)
    #expect(r.status == 2)
    #expect(
      r.stderr.contains("events.jsonl:4:\(column + 5): byte \(column + 5) of the line (0xFF) is not valid UTF-8"),
      "\(r.stderr)")
    let verify = try assess(["verify", "m"], directory: dir)
    #expect(verify.status == 1 && verify.stdout.contains("is not valid UTF-8"))
  }
}
