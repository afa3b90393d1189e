import Foundation
import Testing

/// Strict replay checks the `old` value of `changed` and `cleared` events against the answer each
/// replaces, and `assess verify` reads on past lines it cannot read (issue 15, the log's leftovers).
@Suite struct ReplayOldValueTests {
  let dir: URL
  var events: URL { dir.appendingPathComponent("sessions/m/events.jsonl") }
  let now = ["ASSESS_NOW": "2026-11-29T10:00:00Z"]

  /// A session driven through the command line with every way an answer is replaced: changes of a
  /// choice, a number and a text, a cleared answer given again, a multiple choice, and repeated
  /// questions answered, changed and cleared.
  init() throws {
    dir = try temporaryDirectory()
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("examples"), to: dir.appendingPathComponent("examples"))
    let start = try assess(
      ["start", "example", "--id", "m", "--no-input", "--answers", "examples/example-answers.yaml"],
      directory: dir, environment: now)
    #expect(start.status == 0 || start.status == 3, "\(start.stderr)")
    let steps: [(String, String)] = [
      ("effect", "advisory"), ("users", "200"), ("users", "null"), ("users", "300"), ("purpose", "Rank loans"),
      ("groups", "[public, workers]"), ("harm_by_group[workers]", "2"), ("harm_by_group[public]", "1"),
      ("harm_by_group[public]", "null"), ("effect", "significant"), ("groups", "[public, children, workers]"),
    ]
    for (question, value) in steps {
      let r = try assess(["answer", "m", question, value], directory: dir, environment: now)
      #expect(r.status == 0, "\(question)=\(value): \(r.stderr)")
    }
  }

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

  @Test func whatTheRecorderWritesReplays() throws {
    let all = try lines()
    #expect(all.contains { $0.contains("\"type\":\"changed\"") && $0.contains("harm_by_group[public]") })
    #expect(all.contains { $0.contains("\"type\":\"cleared\"") && $0.contains("\"question\":\"users\"") })
    #expect(all.contains { $0.contains("\"type\":\"changed\"") && $0.contains("\"question\":\"groups\"") })
    let r = try assess(["verify", "m"], directory: dir)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("Replay: every event is accepted"))
  }

  @Test func aChangedOldValueThatIsNotTheAnswerItReplacesIsRefused() throws {
    var all = try lines()
    let line = try lastLine("changed", "effect")
    // `advisory` is what it replaced; `none` is a valid option, so only the old value can tell.
    #expect(all[line - 1].contains("\"old\":\"advisory\""))
    all[line - 1] = all[line - 1].replacingOccurrences(of: "\"old\":\"advisory\"", with: "\"old\":\"none\"")
    try write(all)
    let status = try assess(["status", "m"], directory: dir)
    #expect(status.status == 2)
    #expect(
      status.stderr.contains(
        "events.jsonl:\(line): event \(line) ('changed'): its 'old' value is \"none\", but 'effect' was \"advisory\" "
          + "before it"), "\(status.stderr)")
    let verify = try assess(["verify", "m", "--json"], directory: dir)
    #expect(verify.status == 1)
    #expect(verify.stdout.contains("its 'old' value is \\\"none\\\", but 'effect' was \\\"advisory\\\" before it"))
  }

  @Test func aChangeOfAQuestionWithNoAnswerIsRefused() throws {
    var all = try lines()
    // The first answer to `users` after it was cleared, rewritten as a change.
    let line = try lastLine("answered", "users")
    all[line - 1] = all[line - 1].replacingOccurrences(of: "\"type\":\"answered\"", with: "\"type\":\"changed\"")
      .replacingOccurrences(of: "\"value\":300", with: "\"old\":200,\"value\":300")
    try write(all)
    let status = try assess(["status", "m"], directory: dir)
    #expect(status.status == 2)
    #expect(
      status.stderr.contains("event \(line) ('changed'): its 'old' value is 200, but 'users' had no answer before it"),
      "\(status.stderr)")
  }

  @Test func aClearedOldValueThatIsNotTheAnswerItClearsIsRefused() throws {
    var all = try lines()
    let line = try lastLine("cleared", "harm_by_group[public]")
    #expect(all[line - 1].contains("\"old\":1"))
    all[line - 1] = all[line - 1].replacingOccurrences(of: "\"old\":1", with: "\"old\":4")
    try write(all)
    let status = try assess(["status", "m"], directory: dir)
    #expect(status.status == 2)
    #expect(
      status.stderr.contains("its 'old' value is 4, but 'harm_by_group[public]' was 1 before it"), "\(status.stderr)")
  }

  // MARK: verify reads on

  @Test func verifyListsEveryUnreadableLineAndEveryBrokenLink() throws {
    var all = try lines()
    #expect(all.count > 12)
    all[4] = "{\"seq\":5,\"this is\":not json"
    all[8] = all[8].replacingOccurrences(of: "\"at\":\"2026-11-29T10:00:00Z\"", with: "\"at\":\"yesterday\"")
    // An edit of a readable line: the link after it breaks too.
    let edited = try lastLine("changed", "users") - 1
    #expect(edited != 4 && edited != 8 && edited + 1 < all.count)
    all[edited] = all[edited].replacingOccurrences(of: "\"by\":\"", with: "\"by\":\"x")
    try write(all)

    let r = try assess(["verify", "m"], directory: dir)
    #expect(r.status == 1)
    #expect(r.stdout.contains("Unreadable: 2 lines (read on past):"), "\(r.stdout)")
    #expect(r.stdout.contains("events.jsonl:5: not a valid event record"))
    #expect(r.stdout.contains("events.jsonl:9: 'at' is not an ISO 8601 date and time with a zone: 'yesterday'"))
    // Each damaged line breaks the link after it: three in all, each listed.
    #expect(r.stdout.contains("Broken links: 3:"), "\(r.stdout)")
    #expect(r.stdout.contains("events.jsonl:6: 'prev' is "))
    #expect(r.stdout.contains("events.jsonl:10: 'prev' is "))
    #expect(r.stdout.contains("events.jsonl:\(edited + 2): 'prev' is "))
    #expect(r.stdout.contains("Not verified."))

    let json = try assess(["verify", "m", "--json"], directory: dir)
    #expect(json.status == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["verified"] as? Bool == false)
    // `error` still names the first line that cannot be read, as it did before reading on.
    let error = try #require(object["error"] as? String)
    #expect(error.contains("events.jsonl:5: not a valid event record"), "\(error)")
    let unreadable = try #require(object["unreadable"] as? [[String: Any]])
    #expect(unreadable.map { $0["event"] as? Int } == [5, 9])
    let links = try #require(object["brokenLinks"] as? [[String: Any]])
    #expect(links.count == 3)
    // In a file store an event's number is its line, past the unreadable ones too.
    #expect(links.map { $0["event"] as? Int } == [6, 10, edited + 2])
    // The first broken link is still the one `integrity` names.
    let integrity = try #require(object["integrity"] as? [String: Any])
    let problem = try #require(integrity["problem"] as? [String: Any])
    #expect(problem["place"] as? String == links.first?["place"] as? String)

    // Other commands still refuse the log at its first unreadable line, as before.
    let status = try assess(["status", "m"], directory: dir)
    #expect(status.status == 2)
    #expect(status.stderr.contains("events.jsonl:5: not a valid event record"))
  }

  @Test func verifyNamesAGapInTheNumbersOnce() throws {
    var all = try lines()
    all.remove(at: 6)
    try write(all)
    let r = try assess(["verify", "m", "--json"], directory: dir)
    #expect(r.status == 1)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let unreadable = try #require(object["unreadable"] as? [[String: Any]])
    #expect(unreadable.count == 1)
    #expect(unreadable.first?["message"] as? String == "event number 8 where 7 was expected")
    let links = try #require(object["brokenLinks"] as? [[String: Any]])
    #expect(links.count == 1 && links.first?["event"] as? Int == 7)
  }
}
