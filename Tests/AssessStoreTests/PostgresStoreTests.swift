import Foundation
import Testing

@testable import AssessKit
@testable import AssessPostgres

/// What only the PostgreSQL store has: its schema, its lock on a connection, its errors.
@Suite(.enabled(if: PostgresTestServer.available, PostgresTestServer.skipped))
struct PostgresStoreTests {
  func link(_ url: String) throws -> PostgresLink { try PostgresLink(PostgresLocation(url: url, environment: [:])) }

  @Test func initIsIdempotentAndRefusesANewerSchema() throws {
    let url = try PostgresTestServer.freshDatabase(initialize: false)
    let store = PostgresSessionStore(location: try PostgresLocation(url: url, environment: [:]), clock: { "" })
    do {
      _ = try store.ids()
      Issue.record("a database without the schema was used")
    } catch {
      #expect(error.message.hasPrefix("\(store.name) has no assess tables yet: run 'assess store init --store "))
    }
    #expect(try store.initialize() == (0, PostgresSchema.current))
    #expect(try store.initialize() == (PostgresSchema.current, PostgresSchema.current))
    let admin = try link(url)
    defer { admin.close() }
    try admin.query("INSERT INTO assess_schema (version) VALUES (99)")
    let fresh = PostgresSessionStore(location: try PostgresLocation(url: url, environment: [:]), clock: { "" })
    for attempt in [{ _ = try fresh.ids() }, { _ = try fresh.initialize() }] as [() throws -> Void] {
      do {
        try attempt()
        Issue.record("a newer schema was used")
      } catch {
        #expect(
          "\(error)" == "\(fresh.name) has assess schema version 99, newer than this assess knows (1): upgrade assess")
      }
    }
  }

  @Test func theLockGoesWithTheConnection() throws {
    let store = try makePostgresStore()
    let writer = try store.create("s1", pinned: StoreContract.pinned, events: [StoreContract.created])
    // The server ends the writer's connection, as when its process dies.
    let admin = try link(store.location.display)
    defer { admin.close() }
    try admin.query("SELECT pg_terminate_backend(backend_pid) FROM assess_writers WHERE session_id = 's1'")
    Thread.sleep(forTimeInterval: 0.2)
    #expect(throws: StoreError.self) {
      try writer.append(StoreContract.event(2, .noteAdded(question: nil, text: "after death")))
    }
    let next = try store.openForWriting("s1")
    try next.append(StoreContract.event(2, .noteAdded(question: nil, text: "taken over")))
    next.close()
    #expect(try store.read("s1").events.count == 2)
  }

  @Test func eventsAreAppendOnlyAndNumberedOnce() throws {
    let store = try makePostgresStore()
    let writer = try store.create("s1", pinned: StoreContract.pinned, events: [StoreContract.created])
    defer { writer.close() }
    // A number already taken, or one that leaves a gap, is refused.
    #expect(throws: StoreError.self) {
      try writer.append(StoreContract.event(1, .noteAdded(question: nil, text: "again")))
    }
    #expect(throws: StoreError.self) {
      try writer.append(StoreContract.event(3, .noteAdded(question: nil, text: "gap")))
    }
    let admin = try link(store.location.display)
    defer { admin.close() }
    do {
      try admin.query("UPDATE assess_events SET line = 'x' WHERE session_id = 's1'")
      Issue.record("an event was changed")
    } catch {
      #expect(error.message.contains("assess events are append-only"))
    }
    #expect(try store.read("s1").events == [StoreContract.created])
  }

  @Test func errorsNameTheURLWithoutThePassword() throws {
    let env = ProcessInfo.processInfo.environment
    let passwordURL = try #require(env["ASSESS_TEST_POSTGRES_PASSWORD_URL"])
    let wrong = passwordURL.replacingOccurrences(of: "assess_pw@", with: "assess_pw:not-the-pw@")
    do {
      _ = try link(wrong)
      Issue.record("a wrong password was accepted")
    } catch {
      #expect("\(error)".hasPrefix("authentication failed for \(passwordURL): "))
      #expect(!"\(error)".contains("not-the-pw"))
    }
    let right = passwordURL.replacingOccurrences(of: "assess_pw@", with: "assess_pw:secret-pw@")
    try link(right).close()
    // Nothing listens on port 1.
    do {
      _ = try link("postgres://u:pw@127.0.0.1:1/db?sslmode=disable")
      Issue.record("connected to nothing")
    } catch {
      #expect(
        "\(error)"
          == "cannot reach the PostgreSQL server at postgres://u@127.0.0.1:1/db?sslmode=disable: connection refused (is the server running and listening there?)"
      )
    }
    let admin = try #require(PostgresTestServer.adminURL)
    do {
      _ = try link(admin.replacingOccurrences(of: "/postgres?", with: "/no_such_db?"))
      Issue.record("connected to a missing database")
    } catch {
      #expect("\(error)".hasPrefix("the database 'no_such_db' does not exist at postgres://"))
    }
  }
}
