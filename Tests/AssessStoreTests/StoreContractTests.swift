import Foundation
import Testing

@testable import AssessKit
@testable import AssessPostgres
@testable import AssessStore

#if canImport(Glibc)
  import Glibc
#endif

/// One contract, run against every store: what the engine and the commands rely on.
enum StoreContract {
  static let pinned = PinnedQuestionnaire(text: "assess: 1\nid: x\ntitle: \"café ✓\"\n")
  static let newer = PinnedQuestionnaire(text: "assess: 1\nid: x\nversion: 2\n")

  static func event(_ seq: Int, _ kind: SessionEvent.Kind) -> SessionEvent {
    SessionEvent(seq: seq, at: "2026-11-29T10:00:0\(seq % 10)Z", by: "ana", kind: kind)
  }

  static var created: SessionEvent {
    event(1, .created(questionnaire: "x", version: "1", hash: pinned.hash, source: "x.yaml"))
  }

  static func createAppendRead(_ store: any TransferableSessionStore) throws {
    let writer = try store.create("s1", pinned: pinned, events: [created])
    let answer = event(2, .answered(question: "a", value: .string("naïve \"quoted\"\nline")))
    try writer.append(answer)
    // Acknowledged means readable at once by anyone, before the writer closes.
    let record = try store.read("s1")
    #expect(record.events == [created, answer])
    #expect(record.pinned[pinned.hash] == pinned)
    // Stored exactly as the codec encodes it.
    #expect(try store.export("s1").lines == [EventCodec.encode(created), EventCodec.encode(answer)])
    try writer.pin(newer)
    try writer.pin(newer)
    #expect(try store.read("s1").pinned.count == 2)
    writer.close()
    #expect(try store.ids() == ["s1"])
  }

  static func idsAreSortedAndResolved(_ store: any TransferableSessionStore) throws {
    for id in ["b-2", "a-1", "b-10", "Z"] { try store.create(id, pinned: pinned, events: [created]).close() }
    #expect(try store.ids() == ["Z", "a-1", "b-10", "b-2"])
    #expect(try store.resolve("a") == "a-1")
    #expect(throws: StoreError.self) { try store.resolve("b") }
    do { _ = try store.read("nope") } catch { #expect(error.kind == .notFound) }
    do { _ = try store.openForWriting("nope") } catch { #expect(error.kind == .notFound) }
    do { _ = try store.read("../x") } catch { #expect(error.kind == .invalidId) }
  }

  static func createRefusesAnExistingSession(_ store: any TransferableSessionStore) throws {
    try store.create("s1", pinned: pinned, events: [created]).close()
    do {
      _ = try store.create("s1", pinned: pinned, events: [created])
      Issue.record("a session was created twice")
    } catch {
      #expect(error.kind == .exists)
      #expect(error.message == "session 's1' already exists in \(store.name)")
    }
    #expect(try store.read("s1").events.count == 1)
  }

  static func oneWriterAtATimeNamingTheHolder(_ store: any TransferableSessionStore) throws {
    let first = try store.create("s1", pinned: pinned, events: [created])
    do {
      _ = try store.openForWriting("s1")
      Issue.record("a second writer was let in")
    } catch {
      #expect(error.kind == .locked)
      #expect(
        error.message
          == "session 's1' is open for writing by pid \(getpid()) on \(POSIX.hostName()), since 2026-11-29T10:00:00Z; read-only commands still work"
      )
    }
    // Readers never wait for the writer.
    #expect(try store.read("s1").events.count == 1)
    try first.append(event(2, .noteAdded(question: nil, text: "still mine")))
    first.close()
    let second = try store.openForWriting("s1")
    try second.append(event(3, .noteAdded(question: nil, text: "now mine")))
    second.close()
    #expect(try store.read("s1").events.map(\.seq) == [1, 2, 3])
  }

  static func exportImportRoundTrip(_ store: any TransferableSessionStore) throws {
    let writer = try store.create("s1", pinned: pinned, events: [created])
    try writer.pin(newer)
    for seq in 2...30 { try writer.append(event(seq, .answered(question: "q\(seq)", value: .number(Double(seq))))) }
    writer.close()
    let stored = try store.export("s1")
    var copy = stored
    copy.id = "s2"
    try store.import(copy)
    #expect(try store.export("s2").lines == stored.lines)
    #expect(try store.export("s2").pinned == stored.pinned)
    do {
      try store.import(copy)
      Issue.record("an existing session was imported over")
    } catch {
      #expect(error.kind == .exists)
    }
    // A damaged session is refused whole.
    var bad = stored
    bad.id = "s3"
    bad.lines[4] = "garbage"
    #expect(throws: StoreError.self) { try store.import(bad) }
    #expect(try store.ids() == ["s1", "s2"])
  }
}

/// A fresh store of each kind.
func makeFileStore() -> FileSessionStore {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("contract-\(UUID().uuidString)").path
  return FileSessionStore(root: root, clock: { "2026-11-29T10:00:00Z" })
}

func makePostgresStore() throws -> PostgresSessionStore {
  let url = try PostgresTestServer.freshDatabase()
  return PostgresSessionStore(
    location: try PostgresLocation(url: url, environment: [:]), clock: { "2026-11-29T10:00:00Z" })
}

@Suite struct FileStoreContractTests {
  @Test func createAppendRead() throws { try StoreContract.createAppendRead(makeFileStore()) }
  @Test func idsAreSortedAndResolved() throws { try StoreContract.idsAreSortedAndResolved(makeFileStore()) }
  @Test func createRefusesAnExistingSession() throws {
    try StoreContract.createRefusesAnExistingSession(makeFileStore())
  }
  @Test func oneWriterAtATimeNamingTheHolder() throws {
    try StoreContract.oneWriterAtATimeNamingTheHolder(makeFileStore())
  }
  @Test func exportImportRoundTrip() throws { try StoreContract.exportImportRoundTrip(makeFileStore()) }
}

@Suite(.enabled(if: PostgresTestServer.available, PostgresTestServer.skipped))
struct PostgresStoreContractTests {
  @Test func createAppendRead() throws { try StoreContract.createAppendRead(makePostgresStore()) }
  @Test func idsAreSortedAndResolved() throws { try StoreContract.idsAreSortedAndResolved(makePostgresStore()) }
  @Test func createRefusesAnExistingSession() throws {
    try StoreContract.createRefusesAnExistingSession(makePostgresStore())
  }
  @Test func oneWriterAtATimeNamingTheHolder() throws {
    try StoreContract.oneWriterAtATimeNamingTheHolder(makePostgresStore())
  }
  @Test func exportImportRoundTrip() throws { try StoreContract.exportImportRoundTrip(makePostgresStore()) }
}
