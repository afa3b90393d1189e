import AssessKit
import AssessStore
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct SessionCommandTests {
  let dir: URL
  let env = ["ASSESS_NOW": "2026-11-29T10:00:00Z", "USER": "ana"]

  init() throws {
    dir = try temporaryDirectory()
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("examples/example-answers.yaml"),
      to: dir.appendingPathComponent("answers.yaml"))
  }

  func run(_ arguments: [String], input: String? = nil, at time: String = "2026-11-29T10:00:00Z") throws -> RunResult {
    var environment = env
    environment["ASSESS_NOW"] = time
    return try assess(arguments, input: input, directory: dir, environment: environment)
  }

  @Test func startWithEveryAnswerSavesAndReports() throws {
    let r = try run(["start", "example", "--no-input", "--answers", "answers.yaml", "--participant", "bo"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("Started session 'example-2026-11-29' on 'example' 1.0.0 in sessions/\n"))
    #expect(r.stdout.contains("Progress: 9 of 9 answered\n"))
    let files = try FileManager.default.contentsOfDirectory(
      atPath: dir.appendingPathComponent("sessions/example-2026-11-29").path)
    #expect(Set(files) == ["events.jsonl", "lock", "questionnaire-33970d5e3ea9.yaml"])
    let status = try run(["status", "example-2026-11-29", "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    let session = try #require(object["session"] as? [String: Any])
    #expect(session["status"] as? String == "complete" && session["createdBy"] as? String == "ana")
    #expect((object["levels"] as? [String: String]) == ["impact_level": "III"])
  }

  @Test func startWithMissingAnswersExitsThreeListingThem() throws {
    let r = try run(
      ["start", "example", "--id", "partial", "--no-input", "--answers", "-"], input: "effect: significant\n")
    #expect(r.status == 3)
    #expect(
      r.stderr
        == "error: 6 required answers are missing: purpose, groups, children_affected, subgroup_tested, oversight, appeal_days\n"
    )
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("sessions/partial/events.jsonl").path))
  }

  @Test func badAnswersCreateNothing() throws {
    let r = try run(["start", "example", "--id", "bad", "--no-input", "--answers", "-"], input: "effect: maybe\n")
    #expect(r.status == 2)
    #expect(r.stderr.hasSuffix("error: <stdin>: 1 answer is not accepted; nothing was saved\n"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sessions/bad").path))
  }

  @Test func invalidAndDuplicateIds() throws {
    let evil = try run(["start", "example", "--id", "../evil", "--no-input"])
    #expect(evil.status == 2 && evil.stderr == "error: session id '../evil' cannot start with '.'\n")
    _ = try run(["start", "example", "--id", "s", "--no-input"])
    let again = try run(["start", "example", "--id", "s", "--no-input"])
    #expect(again.status == 2 && again.stderr == "error: session 's' already exists in sessions/\n")
  }

  @Test func historyShowsEveryChangeWithWhoAndWhen() throws {
    _ = try run(["start", "example", "--id", "h", "--no-input", "--facilitator", "ana"])
    _ = try run(["answer", "h", "effect", "advisory", "--by", "bo"], at: "2026-11-29T10:01:00Z")
    _ = try run(["answer", "h", "effect", "significant", "--by", "cy"], at: "2026-11-29T10:02:00Z")
    _ = try run(["answer", "h", "effect", "null"], at: "2026-11-29T10:03:00Z")
    let r = try run(["history", "h"])
    #expect(r.status == 0)
    #expect(
      r.stdout == """
        #1  2026-11-29T10:00:00Z  ana: started the session on 'example' 1.0.0 (sha256:33970d5e3ea9...) from example
        #2  2026-11-29T10:00:00Z  ana: ana joined as facilitator
        #3  2026-11-29T10:01:00Z  bo: answered effect = 'advisory'
        #4  2026-11-29T10:02:00Z  cy: changed effect from 'advisory' to 'significant'
        #5  2026-11-29T10:03:00Z  ana: cleared effect (was 'significant')

        """)
    let json = try run(["history", "h", "--json"])
    #expect(json.stdout.contains(#""type": "changed""#) && json.stdout.contains(#""old": "advisory""#))
  }

  @Test func answersThatFallOffThePathAreKeptAside() throws {
    _ = try run(["start", "example", "--id", "a", "--no-input", "--answers", "answers.yaml"])
    let r = try run(["answer", "a", "oversight", "every"])
    #expect(r.status == 0)
    #expect(
      r.stdout
        == "Session 'a': 1 answer saved; 8 of 8 answered\n1 answer no longer applies and is kept aside: appeal_days\n")
    let back = try run(["answer", "a", "oversight", "none"])
    #expect(back.stdout == "Session 'a': 1 answer saved; 9 of 9 answered\n")
    let bad = try run(["answer", "a", "oversight", "sometimes"])
    #expect(
      bad.status == 2
        && bad.stderr == "error: 'oversight' has no option 'sometimes'; its options are 'none', 'sample', 'every'\n")
    let list = try run(["answer", "a", "groups", "[public, workers]"])
    #expect(list.status == 0)
  }

  @Test func signOffAndItsVoiding() throws {
    _ = try run(["start", "example", "--id", "s", "--no-input", "--answers", "-"], input: "effect: none\n")
    let early = try run(["sign", "s", "--by", "Cy"])
    #expect(
      early.status == 1
        && early.stderr == "error: session 's' cannot be signed off: 1 required answer is missing (purpose)\n")
    _ = try run(["answer", "s", "purpose", "Sort support tickets"])
    let sign = try run(["sign", "s", "--by", "Cy", "--role", "CISO"], at: "2026-11-29T11:00:00Z")
    #expect(sign.status == 0 && sign.stdout == "Session 's' signed off by Cy (CISO): no risks raised\n")
    #expect(
      try run(["status", "s"]).stdout.contains("Signed off by Cy, CISO at 2026-11-29T11:00:00Z: no risks raised\n"))
    _ = try run(["answer", "s", "effect", "significant", "--by", "bo"], at: "2026-11-29T12:00:00Z")
    let status = try run(["status", "s"])
    #expect(
      status.stdout.contains(
        "Sign-off by Cy, CISO at 2026-11-29T11:00:00Z is void: the answer to 'effect' changed (event #7, by bo at 2026-11-29T12:00:00Z)\n"
      ))
    #expect(status.stdout.contains(": in progress\n"))
  }

  @Test func treatmentEditsAreEventsAndShowInStatus() throws {
    _ = try run(["start", "example", "--id", "t", "--no-input", "--answers", "answers.yaml"])
    let r = try run([
      "treat", "t", "unfair-outcomes", "--owner", "Dana", "--status", "in-progress", "--action", "Measure per group",
    ])
    #expect(r.status == 0 && r.stdout == "Session 't': treatment of 'unfair-outcomes' updated\n")
    let status = try run(["status", "t", "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    let risks = try #require(object["risks"] as? [[String: Any]])
    let treatment = try #require(
      risks.first { $0["id"] as? String == "unfair-outcomes" }?["treatment"] as? [String: Any])
    #expect(treatment["owner"] as? String == "Dana" && treatment["status"] as? String == "in-progress")
    #expect(treatment["actions"] as? [String] == ["Measure per group"])
    #expect(treatment["controls"] as? [String] == ["A.6.2.4", "A.7.4", "A.5.4"])
    let unknown = try run(["treat", "t", "unfair-outcome", "--owner", "x"])
    #expect(
      unknown.status == 2
        && unknown.stderr == "error: 'example' has no risk 'unfair-outcome' (did you mean 'unfair-outcomes'?)\n")
    let badStatus = try run(["treat", "t", "unfair-outcomes", "--status", "don"])
    #expect(
      badStatus.stderr
        == "error: unknown treatment status 'don' (did you mean 'done'?); statuses are proposed, planned, in-progress, done\n"
    )
    #expect(
      try run(["history", "t"]).stdout.contains(
        "edited the treatment of unfair-outcomes: actions = Measure per group, owner = Dana, status = in-progress\n"))
  }

  @Test func aSecondWriterIsRefusedAndReadersStillRead() throws {
    _ = try run(["start", "example", "--id", "l", "--no-input"])
    let store = FileSessionStore(root: dir.appendingPathComponent("sessions").path, clock: { "2026-11-29T09:00:00Z" })
    let writer = try store.openForWriting("l")
    defer { writer.close() }
    let r = try run(["answer", "l", "effect", "none"])
    #expect(r.status == 2)
    #expect(
      r.stderr
        == "error: session 'l' is open for writing by pid \(getpid()) on \(ProcessInfo.processInfo.hostName.isEmpty ? "" : hostName()), since 2026-11-29T09:00:00Z; read-only commands still work\n"
    )
    #expect(try run(["status", "l"]).status == 0)
    #expect(try run(["history", "l"]).status == 0)
  }

  @Test func unknownAndAmbiguousIds() throws {
    _ = try run(["start", "example", "--id", "ai-one", "--no-input"])
    _ = try run(["start", "example", "--id", "ai-two", "--no-input"])
    let unknown = try run(["status", "ai-tree"])
    #expect(
      unknown.status == 2
        && unknown.stderr == "error: no session 'ai-tree' in sessions/ (closest: 'ai-one', 'ai-two')\n")
    let ambiguous = try run(["status", "ai-"])
    #expect(ambiguous.stderr == "error: session id 'ai-' is ambiguous: it starts 'ai-one', 'ai-two'\n")
    #expect(try run(["status", "ai-o"]).status == 0)
  }

  @Test func listShowsSessionsAndSurvivesACorruptOne() throws {
    _ = try run(["start", "example", "--id", "fine", "--no-input", "--answers", "answers.yaml"])
    _ = try run(["start", "example", "--id", "broken", "--no-input"])
    try "garbage\n{}\n".write(
      to: dir.appendingPathComponent("sessions/broken/events.jsonl"), atomically: true, encoding: .utf8)
    let r = try run(["list"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("  fine    example 1.0.0  complete, 9/9 answered, highest risk critical\n"))
    #expect(r.stdout.contains("  broken  cannot be read: sessions/broken/events.jsonl:1: not a valid event record"))
    let json = try run(["list", "--json"])
    #expect(json.stdout.contains(#""rating": "critical""#))
  }

  @Test func sessionsOptionAndEnvironment() throws {
    _ = try run(["start", "example", "--id", "x", "--no-input", "--sessions", "elsewhere"])
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("elsewhere/x/events.jsonl").path))
    var environment = env
    environment["ASSESS_SESSIONS"] = "elsewhere"
    let r = try assess(["status", "x"], directory: dir, environment: environment)
    #expect(r.status == 0)
  }

  @Test func aChangedQuestionnaireIsShownAndMigrated() throws {
    let original = try String(
      contentsOf: repositoryRoot.appendingPathComponent("questionnaires/example.yaml"), encoding: .utf8)
    let file = dir.appendingPathComponent("q.yaml")
    try original.write(to: file, atomically: true, encoding: .utf8)
    _ = try run(["start", "q.yaml", "--id", "m", "--no-input", "--answers", "answers.yaml"])
    let changed = original.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")
      .replacingOccurrences(
        of: "- {value: sample, label: A person reviews a sample, score: {mitigation: 1}}",
        with: "- {value: sampled, label: A sample, score: {mitigation: 1}}"
      )
      .replacingOccurrences(of: "unit: people", with: "unit: people\n        max: 1000")
    try changed.write(to: file, atomically: true, encoding: .utf8)

    let undecided = try run(["resume", "m", "--no-input"])
    #expect(undecided.status == 2)
    #expect(undecided.stderr == "error: the questionnaire of session 'm' changed; resume with --migrate or --pinned\n")
    #expect(
      undecided.stdout == """
        The questionnaire changed since this session was started: 1.0.0 -> 1.1.0
          options: 'users' range is now a number from 0 to 1000
          options: 'oversight' options: added 'sampled'; removed 'sample'
        Answers that would no longer fit (kept aside, not dropped):
          users: 'users' takes a number from 0 to 1000, not 50000

        """)
    let stay = try run(["resume", "m", "--no-input", "--pinned"])
    #expect(stay.status == 0 && stay.stdout.contains("Staying on the pinned version 1.0.0.\n"))
    let move = try run(["resume", "m", "--no-input", "--migrate"], at: "2026-11-29T10:05:00Z")
    #expect(move.status == 0, "\(move.stderr)")
    #expect(move.stdout.contains("Migrated to 1.1.0: 8 answers kept, 1 kept aside.\n"))
    #expect(move.stdout.contains("Session 'm' on 'example' 1.1.0: complete\n"))
    #expect(move.stdout.contains("Kept aside by a migration: users\n"))
    let history = try run(["history", "m"])
    #expect(history.stdout.contains("2026-11-29T10:05:00Z  ana: migrated from sha256:33970d5e3ea9... to 1.1.0"))
    #expect(history.stdout.contains("; kept aside: users\n"))
    // Both versions stay with the session; the original file can go.
    try FileManager.default.removeItem(at: file)
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sessions/m").path)
    #expect(files.filter { $0.hasPrefix("questionnaire-") }.count == 2)
    let status = try run(["status", "m"])
    #expect(status.status == 0 && status.stdout.contains("'example' 1.1.0"))
    let resumed = try run(["resume", "m", "--no-input"])
    #expect(
      resumed.stdout.hasPrefix(
        "Note: the questionnaire 'q.yaml' cannot be found from here; the session stays on its pinned copy.\n"))
  }

  /// Many scripted answers, each process killed at a random moment: every answer that was
  /// acknowledged (exit 0) is in the session afterwards, and the log stays readable.
  @Test func killedWritersLoseNothingAcknowledged() throws {
    _ = try run(["start", "example", "--id", "k", "--no-input", "--answers", "-"], input: "effect: significant\n")
    var acknowledged: [Int] = []
    var killed = 0
    let seed = testSeed()
    var random = SplitMix64(seed: seed)
    for n in 1...60 {
      let process = Process()
      process.executableURL = assessBinary
      process.arguments = ["answer", "k", "users", String(n)]
      process.currentDirectoryURL = dir
      var environment = ProcessInfo.processInfo.environment
      environment["USER"] = "ana"
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      if n % 3 == 0 {
        usleep(UInt32.random(in: 0...30_000, using: &random))
        kill(process.processIdentifier, SIGKILL)
      }
      process.waitUntilExit()
      if process.terminationReason == .exit && process.terminationStatus == 0 { acknowledged.append(n) }
      if process.terminationReason == .uncaughtSignal { killed += 1 }
    }
    #expect(killed > 0 && !acknowledged.isEmpty, "seed \(seed)")
    let history = try run(["history", "k", "--json"])
    #expect(history.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
    let events = try #require(object["events"] as? [[String: Any]])
    let recorded = Set(
      events.compactMap { $0["question"] as? String == "users" ? ($0["value"] as? NSNumber)?.intValue : nil })
    for n in acknowledged { #expect(recorded.contains(n), "seed \(seed): acknowledged answer users=\(n) was lost") }
    let status = try run(["status", "k", "--json"])
    let answers = try #require(
      (try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["answers"] as? [String: Any]
    )
    let last = try #require(acknowledged.last)
    #expect((answers["users"] as? NSNumber)?.intValue ?? 0 >= last)
  }
}

/// This machine's host name as `gethostname` gives it.
func hostName() -> String {
  var buffer = [CChar](repeating: 0, count: 256)
  gethostname(&buffer, buffer.count)
  return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
