import Foundation
import Testing

@testable import AssessPostgres

#if canImport(Glibc)
  import Glibc
#endif

/// The commands on a PostgreSQL store, against the throwaway server of `make test-postgres`.
@Suite(
  .enabled(
    if: ProcessInfo.processInfo.environment["ASSESS_TEST_POSTGRES"] != nil,
    "no test server: run 'make test-postgres' (it starts a throwaway PostgreSQL cluster)"),
  .serialized)
struct PostgresCommandTests {
  let dir: URL
  let env = ProcessInfo.processInfo.environment

  init() throws {
    dir = try temporaryDirectory()
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("examples/example-answers.yaml"),
      to: dir.appendingPathComponent("answers.yaml"))
  }

  /// A new database with the schema, made through `assess store init`; returns its URL.
  func freshStore() throws -> String {
    let admin = try #require(env["ASSESS_TEST_POSTGRES"])
    let name = "assess_c_" + UUID().uuidString.prefix(8).lowercased()
    let link = try PostgresLink(try PostgresLocation(url: admin, environment: [:]))
    try link.query(.init(unsafeSQL: "CREATE DATABASE \(name)"))
    link.close()
    let url = admin.replacingOccurrences(of: "/postgres?", with: "/\(name)?")
    let first = try run(["store", "init", "--store", url])
    #expect(first.status == 0 && first.stdout.hasSuffix(": schema version 0 -> 1\n"), "\(first.stderr)")
    #expect(try run(["store", "init", "--store", url]).stdout.hasSuffix(" is up to date (schema version 1)\n"))
    return url
  }

  func run(_ arguments: [String], at time: String = "2026-11-29T10:00:00Z") throws -> RunResult {
    try assess(arguments, directory: dir, environment: ["ASSESS_NOW": time, "USER": "ana"])
  }

  /// Starts `assess` without waiting; standard input stays open (an interview waits on it).
  func launch(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe) {
    let process = Process()
    process.executableURL = assessBinary
    process.arguments = arguments
    process.currentDirectoryURL = dir
    var merged = ProcessInfo.processInfo.environment
    merged["ASSESS_STORE"] = nil
    for (k, v) in environment { merged[k] = v }
    process.environment = merged
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return (process, input)
  }

  func events(_ id: String, _ url: String) throws -> [[String: Any]] {
    let history = try run(["history", id, "--json", "--store", url])
    #expect(history.status == 0, "\(history.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any]
    return object?["events"] as? [[String: Any]] ?? []
  }

  @Test func everySessionCommandWorksAndCopiesRoundTrip() throws {
    let url = try freshStore()
    let start = try run([
      "start", "example", "--id", "loans", "--no-input", "--answers", "answers.yaml", "--store", url,
    ])
    #expect(start.status == 0, "\(start.stderr)")
    #expect(!start.stdout.contains("sessions/"))
    #expect(try run(["answer", "loans", "users", "60000", "--store", url]).status == 0)
    let treat = try run(["treat", "loans", "unfair-outcomes", "--owner", "ML lead", "--store", url])
    #expect(treat.status == 0, "\(treat.stderr)")
    let status = try run(["status", "loans", "--store", url])
    #expect(status.status == 0 && status.stdout.contains("9 of 9"), "\(status.stdout)")
    // $ASSESS_STORE does the same as --store.
    let list = try assess(["list"], directory: dir, environment: ["ASSESS_STORE": url])
    #expect(list.stdout.contains("  loans  example 1.0.0  complete, 9/9 answered, highest risk critical"))
    let register = try run(["register", "--csv", "--store", url])
    #expect(register.stdout.contains("loans,example,,unfair-outcomes,"))
    // To a folder and back to another database: the same bytes all the way.
    let copy = try run(["store", "copy", url, "folder"])
    #expect(copy.status == 0, "\(copy.stderr)")
    let lines = try String(contentsOf: dir.appendingPathComponent("folder/loans/events.jsonl"), encoding: .utf8)
    let store = PostgresSessionStore(location: try PostgresLocation(url: url, environment: [:]), clock: { "" })
    #expect(lines == (try store.export("loans").lines.map { $0 + "\n" }.joined()))
    let other = try freshStore()
    #expect(try run(["store", "copy", "folder", other, "loans"]).status == 0)
    let back = PostgresSessionStore(location: try PostgresLocation(url: other, environment: [:]), clock: { "" })
    #expect(try back.export("loans") == (try store.export("loans")))
    let refused = try run(["store", "copy", "folder", other])
    #expect(refused.status == 2 && refused.stderr.contains("session 'loans' already exists in postgres://"))
    #expect(try run(["status", "loans", "--store", other]).stdout == status.stdout)
    // Archive and remove work on the database too.
    #expect(try run(["archive", "loans", "--store", other]).status == 0)
    #expect(!(try run(["list", "--store", other]).stdout.contains("  loans  ")))
    let removed = try run(["rm", "loans", "--yes", "--store", other])
    #expect(removed.status == 0, "\(removed.stderr)")
    #expect(try run(["status", "loans", "--store", other]).status == 2)
    #expect(try run(["store", "copy", "folder", other, "loans"]).status == 0)
  }

  @Test func userErrorsAreOneSentenceWithoutThePasswordAndExitTwo() throws {
    let passwordURL = try #require(env["ASSESS_TEST_POSTGRES_PASSWORD_URL"])
    let wrong = passwordURL.replacingOccurrences(of: "assess_pw@", with: "assess_pw:wrong-pw@")
    let auth = try run(["list", "--store", wrong])
    #expect(auth.status == 2 && auth.stderr.hasPrefix("error: authentication failed for \(passwordURL): "))
    #expect(!auth.stderr.contains("wrong-pw") && !auth.stdout.contains("wrong-pw"))
    let down = try run(["status", "x", "--store", "postgres://me:pw@127.0.0.1:1/db?sslmode=disable"])
    #expect(
      down.status == 2
        && down.stderr
          == "error: cannot reach the PostgreSQL server at postgres://me@127.0.0.1:1/db?sslmode=disable: connection refused (is the server running and listening there?)\n"
    )
    let admin = try #require(env["ASSESS_TEST_POSTGRES"])
    let bare = "assess_c_" + UUID().uuidString.prefix(8).lowercased()
    let link = try PostgresLink(try PostgresLocation(url: admin, environment: [:]))
    try link.query(.init(unsafeSQL: "CREATE DATABASE \(bare)"))
    link.close()
    let noSchema = try run(["register", "--store", admin.replacingOccurrences(of: "/postgres?", with: "/\(bare)?")])
    #expect(
      noSchema.status == 2 && noSchema.stderr.contains("has no assess tables yet: run 'assess store init --store"))
    // sslmode=require against a server without TLS; the default (prefer) falls back to plain TCP.
    let tcp = try #require(env["ASSESS_TEST_POSTGRES_TCP"])
    let tls = try run(["list", "--store", tcp.replacingOccurrences(of: "sslmode=disable", with: "sslmode=require")])
    #expect(tls.status == 2 && tls.stderr.contains("with TLS: the server does not offer it (sslmode=require)"))
    let prefer = try run(["list", "--store", tcp.replacingOccurrences(of: "?sslmode=disable", with: "")])
    #expect(prefer.stderr.contains("has no assess tables yet"), "\(prefer.stderr)")
    let badURL = try run(["list", "--store", "postgres://a:pw@h/d?sslmode=maybe"])
    #expect(badURL.status == 2 && badURL.stderr.contains("unknown sslmode 'maybe'") && !badURL.stderr.contains(":pw@"))
  }

  @Test func aSecondWriterIsRefusedAndALockDiesWithItsHolder() throws {
    let url = try freshStore()
    #expect(try run(["start", "example", "--id", "s", "--no-input", "--store", url]).status == 3)
    let (holder, input) = try launch(["resume", "s", "--store", url])
    defer { try? input.fileHandleForWriting.close() }
    Thread.sleep(forTimeInterval: 1.5)  // time to connect and take the lock
    var refused: RunResult?
    for _ in 0..<100 {
      let attempt = try run(["answer", "s", "purpose", "x", "--store", url])
      if attempt.status != 0 {
        refused = attempt
        break
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    let r = try #require(refused)
    #expect(r.stderr.contains("error: session 's' is open for writing by pid \(holder.processIdentifier) on "))
    #expect(r.stderr.hasSuffix("; read-only commands still work\n"))
    #expect(try run(["status", "s", "--store", url]).status == 0)
    kill(holder.processIdentifier, SIGKILL)
    holder.waitUntilExit()
    var after = try run(["answer", "s", "purpose", "y", "--store", url])
    for _ in 0..<40 where after.status != 0 {
      Thread.sleep(forTimeInterval: 0.05)
      after = try run(["answer", "s", "purpose", "y", "--store", url])
    }
    #expect(after.status == 0, "\(after.stderr)")
  }

  /// Many `assess answer` processes on one session, a third killed at random moments, and the
  /// server itself killed and restarted once: every acknowledged answer is there, nothing else.
  @Test func durabilityUnderKillsAndAServerCrash() throws {
    let url = try freshStore()
    let cluster = try #require(env["ASSESS_TEST_POSTGRES_CLUSTER"])
    #expect(try run(["start", "example", "--id", "d", "--no-input", "--store", url]).status == 3)
    var acknowledged: [String] = []
    var attempted: Set<String> = []
    var generator = SystemRandomNumberGenerator()
    let total = 60
    var crashed = false
    var index = 0
    while index < total {
      if !crashed && index >= total / 2 {
        crashed = true
        let kill = try shell([
          repositoryRoot.appendingPathComponent("scripts/postgres-cluster.sh").path, "kill", cluster,
        ])
        #expect(kill == 0)
        // While the server is down, a writer fails: not acknowledged.
        let down = try run(["answer", "d", "purpose", "during-outage", "--store", url])
        attempted.insert("during-outage")
        #expect(down.status == 2 && down.stderr.contains("cannot reach the PostgreSQL server"), "\(down.stderr)")
        #expect(
          try shell([repositoryRoot.appendingPathComponent("scripts/postgres-cluster.sh").path, "restart", cluster])
            == 0)
      }
      // A wave of three at once: one of them killed after a random delay.
      var wave: [(Process, String, Bool)] = []
      for k in 0..<3 where index < total {
        let value = "answer-\(index)"
        attempted.insert(value)
        let (process, input) = try launch(["answer", "d", "purpose", value, "--store", url])
        try input.fileHandleForWriting.close()
        wave.append((process, value, k == 0))
        index += 1
      }
      for (process, _, victim) in wave where victim {
        Thread.sleep(forTimeInterval: Double(UInt64.random(in: 0...120, using: &generator)) / 1000)
        kill(process.processIdentifier, SIGKILL)
      }
      for (process, value, _) in wave {
        process.waitUntilExit()
        if process.terminationReason == .exit && process.terminationStatus == 0 { acknowledged.append(value) }
      }
    }
    let log = try events("d", url)
    #expect(log.enumerated().allSatisfy { ($0.element["seq"] as? Int) == $0.offset + 1 }, "numbers have gaps")
    let stored = log.compactMap { event -> String? in
      guard ["answered", "changed"].contains(event["type"] as? String ?? ""), event["question"] as? String == "purpose"
      else { return nil }
      return event["value"] as? String
    }
    #expect(acknowledged.count >= 10, "too few answers got through to prove anything: \(acknowledged.count)")
    for value in acknowledged { #expect(stored.contains(value), "acknowledged \(value) is missing") }
    for value in stored { #expect(attempted.contains(value), "\(value) was never asked for") }
    #expect(Set(stored).count == stored.count, "an answer was stored twice")
    #expect(!stored.contains("during-outage"))
  }

  /// 20 sessions answered by 20 processes at once; a second writer refused; the register readable throughout.
  @Test func twentyWritersAtOnceAndAConsistentRegister() throws {
    let url = try freshStore()
    let ids = (1...20).map { String(format: "team-%02d", $0) }
    for id in ids { #expect(try run(["start", "example", "--id", id, "--no-input", "--store", url]).status == 3) }
    let (holder, holderInput) = try launch(["resume", "team-01", "--store", url])
    var writers: [(String, Process)] = []
    for id in ids.dropFirst() {
      let (process, input) = try launch(["answer", id, "--answers", "answers.yaml", "--store", url])
      try input.fileHandleForWriting.close()
      writers.append((id, process))
    }
    var registers = 0
    while writers.contains(where: { $0.1.isRunning }) || registers < 3 {
      let r = try run(["register", "--json", "--store", url])
      #expect(r.status == 0, "\(r.stderr)")
      let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
      #expect((object?["unreadable"] as? [Any])?.isEmpty == true)
      let sessions = Set(((object?["risks"] as? [[String: Any]]) ?? []).compactMap { $0["session"] as? String })
      #expect(sessions.isSubset(of: Set(ids)))
      registers += 1
    }
    let refused = try run(["answer", "team-01", "purpose", "x", "--store", url])
    #expect(refused.status != 0 && refused.stderr.contains("is open for writing by pid \(holder.processIdentifier)"))
    try holderInput.fileHandleForWriting.close()
    kill(holder.processIdentifier, SIGKILL)
    holder.waitUntilExit()
    for (id, process) in writers {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "answering \(id) failed")
    }
    // Each answered session now carries the same risks as its own status says.
    let final = try run(["register", "--json", "--store", url])
    let rows =
      ((try JSONSerialization.jsonObject(with: Data(final.stdout.utf8)) as? [String: Any])?["risks"]
        as? [[String: Any]]) ?? []
    for id in ids.dropFirst() {
      let status = try run(["status", id, "--json", "--store", url])
      let risks =
        ((try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["risks"]
          as? [[String: Any]]) ?? []
      #expect(rows.filter { $0["session"] as? String == id }.count == risks.count, "\(id)")
      #expect(!risks.isEmpty)
    }
  }

  func shell(_ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = arguments
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
