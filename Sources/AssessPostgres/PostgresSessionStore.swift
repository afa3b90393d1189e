import AssessKit
import Foundation
import PostgresNIO

#if canImport(Glibc)
  import Glibc
#endif

/// Sessions in a PostgreSQL database, with the file store's guarantees:
///
/// - an event is acknowledged only once its transaction is committed (the server's own durability:
///   `synchronous_commit` on, as by default);
/// - events are append-only rows numbered per session, `(session_id, seq)` the primary key, so two
///   writers can never interleave, and an `UPDATE` of an event is refused by a trigger;
/// - each event's text is exactly what `EventCodec.encode` made;
/// - the pinned questionnaire text and hash are kept with the session;
/// - one writer per session: an advisory lock held on the writer's own connection, which the server
///   releases when that connection ends, however the process ended; a second writer is refused
///   naming the holder; readers take no lock and never wait.
///
/// docs/STORES.md describes the tables and the setup.
public final class PostgresSessionStore: SessionStore, TransferableSessionStore, @unchecked Sendable {
  /// Where the store is.
  public let location: PostgresLocation
  private let clock: @Sendable () -> String
  private let mutex = NSLock()
  private var reader: PostgresLink?

  /// A store at `location`. Nothing is connected until it is first used.
  public init(location: PostgresLocation, clock: @escaping @Sendable () -> String) {
    self.location = location
    self.clock = clock
  }

  public var name: String { location.display }

  /// Creates or upgrades the tables; returns the schema versions before and after.
  public func initialize() throws(StoreError) -> (from: Int, to: Int) {
    let link = try PostgresLink(location)
    defer { link.close() }
    return try PostgresSchema.migrate(link)
  }

  /// The shared read connection, connected and checked on first use.
  private func link() throws(StoreError) -> PostgresLink {
    mutex.lock()
    defer { mutex.unlock() }
    if let reader { return reader }
    let link = try PostgresLink(location)
    try PostgresSchema.check(link)
    reader = link
    return link
  }

  public func ids() throws(StoreError) -> [String] {
    let link = try link()
    return try link.query("SELECT id FROM assess_sessions ORDER BY id COLLATE \"C\"").map {
      row throws(StoreError) in try link.decode(row, as: String.self)
    }
  }

  public func read(_ id: String) throws(StoreError) -> SessionRecord {
    let stored = try export(id)
    var events: [SessionEvent] = []
    for (index, line) in stored.lines.enumerated() {
      let event: SessionEvent
      do { event = try EventCodec.decode(line) } catch {
        throw StoreError(
          .corrupt,
          "session '\(id)' in \(name), event \(index + 1): \(error.message); the session cannot be read until it is repaired"
        )
      }
      events.append(event)
    }
    var pinned: [String: PinnedQuestionnaire] = [:]
    for copy in stored.pinned { pinned[copy.hash] = copy }
    // The chain over the exact stored lines, checked by the same code as the file store's.
    return SessionRecord(
      id: id, events: events, pinned: pinned, warnings: [], chain: EventChain.check(events, lines: stored.lines),
      places: .rows(description: "session '\(id)' in \(name)"))
  }

  package func export(_ id: String) throws(StoreError) -> StoredSession {
    if let problem = SessionId.problem(with: id) { throw StoreError(.invalidId, problem) }
    let link = try link()
    // Events first, then pinned copies: a copy is always pinned before the event that moves onto it.
    let rows = try link.query("SELECT seq, line FROM assess_events WHERE session_id = \(id) ORDER BY seq")
    var lines: [String] = []
    lines.reserveCapacity(rows.count)
    for row in rows {
      let (seq, line) = try link.decode(row, as: (Int32, String).self)
      guard Int(seq) == lines.count + 1 else {
        throw StoreError(
          .corrupt, "session '\(id)' in \(name) has event number \(seq) where \(lines.count + 1) was expected")
      }
      lines.append(line)
    }
    if lines.isEmpty {
      let exists = try link.query("SELECT 1 FROM assess_sessions WHERE id = \(id)")
      if exists.isEmpty { throw StoreError(.notFound, "no session '\(id)' in \(name)") }
    }
    let pinnedRows = try link.query(
      "SELECT format, text FROM assess_questionnaires WHERE session_id = \(id) ORDER BY hash")
    var pinned: [PinnedQuestionnaire] = []
    for row in pinnedRows {
      let (format, text) = try link.decode(row, as: (String, String).self)
      pinned.append(PinnedQuestionnaire(text: text, format: format))
    }
    return StoredSession(id: id, lines: lines, pinned: pinned)
  }

  package func `import`(_ session: StoredSession) throws(StoreError) {
    _ = try session.checked()
    let link = try link()
    try link.transaction { () throws(StoreError) in
      try insertSession(session.id, link)
      for copy in session.pinned { try insertPinned(copy, session.id, link) }
      for (index, line) in session.lines.enumerated() {
        try link.query(
          "INSERT INTO assess_events (session_id, seq, line) VALUES (\(session.id), \(Int32(index + 1)), \(line))")
      }
    }
  }

  public func create(_ id: String, pinned: PinnedQuestionnaire, events: [SessionEvent]) throws(StoreError)
    -> any SessionWriter
  {
    if let problem = SessionId.problem(with: id) { throw StoreError(.invalidId, problem) }
    let link = try PostgresLink(location)
    do throws(StoreError) {
      try PostgresSchema.check(link)
      let key = try link.transaction { () throws(StoreError) -> Int32 in
        let key = try insertSession(id, link)
        let taken = try link.query("SELECT pg_try_advisory_lock(\(PostgresSchema.lockNamespace), \(key))")
        guard let row = taken.first, try link.decode(row, as: Bool.self) else {
          throw StoreError(.locked, "session '\(id)' is open for writing by another process")
        }
        try insertPinned(pinned, id, link)
        for event in events {
          try link.query(
            "INSERT INTO assess_events (session_id, seq, line) VALUES (\(id), \(Int32(event.seq)), \(EventCodec.encode(event)))"
          )
        }
        try registerWriter(id, link)
        return key
      }
      return PostgresSessionWriter(id: id, key: key, link: link, store: name)
    } catch {
      link.close()
      throw error
    }
  }

  /// Deletes a session's rows (events, pinned questionnaires, writer record) in one transaction,
  /// under its advisory lock: refused, naming the holder, while a writer has it open.
  public func remove(_ id: String) throws(StoreError) {
    if let problem = SessionId.problem(with: id) { throw StoreError(.invalidId, problem) }
    let link = try PostgresLink(location)
    defer { link.close() }
    try PostgresSchema.check(link)
    let key = try lock(id, on: link, refused: "it was not removed")
    defer { _ = try? link.query("SELECT pg_advisory_unlock(\(PostgresSchema.lockNamespace), \(key))") }
    try link.query("BEGIN")
    do throws(StoreError) {
      try link.query("DELETE FROM assess_writers WHERE session_id = \(id)")
      try link.query("DELETE FROM assess_questionnaires WHERE session_id = \(id)")
      try link.query("DELETE FROM assess_events WHERE session_id = \(id)")
      try link.query("DELETE FROM assess_sessions WHERE id = \(id)")
      try link.query("COMMIT")
    } catch {
      _ = try? link.query("ROLLBACK")
      throw error
    }
  }

  public func openForWriting(_ id: String) throws(StoreError) -> any SessionWriter {
    if let problem = SessionId.problem(with: id) { throw StoreError(.invalidId, problem) }
    let link = try PostgresLink(location)
    do throws(StoreError) {
      try PostgresSchema.check(link)
      let key = try lock(id, on: link, refused: "read-only commands still work")
      try registerWriter(id, link)
      return PostgresSessionWriter(id: id, key: key, link: link, store: name)
    } catch {
      link.close()
      throw error
    }
  }

  /// Adds the session's row and returns its lock key; `.exists` when the id is taken.
  @discardableResult
  private func insertSession(_ id: String, _ link: PostgresLink) throws(StoreError) -> Int32 {
    let rows = try link.query(
      "INSERT INTO assess_sessions (id) VALUES (\(id)) RETURNING lock_key",
      handle: { state in
        state == "23505" ? StoreError(.exists, "session '\(id)' already exists in \(self.name)") : nil
      })
    guard let row = rows.first else { throw StoreError(.io, "\(name) did not return the new session's key") }
    return try link.decode(row, as: Int32.self)
  }

  private func insertPinned(_ pinned: PinnedQuestionnaire, _ id: String, _ link: PostgresLink) throws(StoreError) {
    try link.query(
      """
      INSERT INTO assess_questionnaires (session_id, hash, format, text)
      VALUES (\(id), \(pinned.hash), \(pinned.format), \(pinned.text)) ON CONFLICT DO NOTHING
      """)
  }

  /// Takes a session's advisory lock on `link` and returns its key; `.notFound` for an unknown id,
  /// `.locked` naming the holder (and then `refused`) while another connection holds it.
  private func lock(_ id: String, on link: PostgresLink, refused: String) throws(StoreError) -> Int32 {
    let rows = try link.query("SELECT lock_key FROM assess_sessions WHERE id = \(id)")
    guard let row = rows.first else { throw StoreError(.notFound, "no session '\(id)' in \(name)") }
    let key = try link.decode(row, as: Int32.self)
    let taken = try link.query("SELECT pg_try_advisory_lock(\(PostgresSchema.lockNamespace), \(key))")
    guard let first = taken.first, try link.decode(first, as: Bool.self) else {
      throw StoreError(.locked, "session '\(id)' is open for writing by \(try holder(id, key, link)); \(refused)")
    }
    return key
  }

  /// Records who holds the lock, so a refused writer can be told.
  private func registerWriter(_ id: String, _ link: PostgresLink) throws(StoreError) {
    let host = Self.hostName()
    let pid = Int32(getpid())
    let since = clock()
    try link.query(
      """
      INSERT INTO assess_writers (session_id, host, pid, since, backend_pid)
      VALUES (\(id), \(host), \(pid), \(since), pg_backend_pid())
      ON CONFLICT (session_id) DO UPDATE SET host = excluded.host, pid = excluded.pid, since = excluded.since,
        backend_pid = excluded.backend_pid
      """)
  }

  /// Who holds a session's lock, in words: `pid 123 on host, since 2026-11-29T13:00:00Z`.
  private func holder(_ id: String, _ key: Int32, _ link: PostgresLink) throws(StoreError) -> String {
    let rows = try link.query(
      """
      SELECT w.host, w.pid, w.since FROM assess_writers w
      WHERE w.session_id = \(id) AND w.backend_pid IN (
        SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted
          AND l.classid = \(PostgresSchema.lockNamespace)::oid AND l.objid = \(key)::oid AND l.objsubid = 2)
      """)
    guard let row = rows.first else { return "another process" }
    let (host, pid, since) = try link.decode(row, as: (String, Int32, String).self)
    return "pid \(pid) on \(host), since \(since)"
  }

  static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// The writer of one session: its own connection, holding the session's advisory lock.
final class PostgresSessionWriter: SessionWriter {
  let id: String
  let key: Int32
  let store: String
  private var link: PostgresLink?

  init(id: String, key: Int32, link: PostgresLink, store: String) {
    self.id = id
    self.key = key
    self.link = link
    self.store = store
  }

  func append(_ event: SessionEvent) throws(StoreError) {
    guard let link else { throw StoreError(.io, "session '\(id)' is closed") }
    // One statement, committed on return. It inserts only while this connection holds the lock
    // and the number follows the last one: a writer that lost its lock can never add a row.
    let rows = try link.query(
      """
      INSERT INTO assess_events (session_id, seq, line)
      SELECT \(id), \(Int32(event.seq)), \(EventCodec.encode(event))
      WHERE EXISTS (
          SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()
            AND classid = \(PostgresSchema.lockNamespace)::oid AND objid = \(key)::oid AND objsubid = 2)
        AND \(Int32(event.seq)) = (SELECT coalesce(max(seq), 0) + 1 FROM assess_events WHERE session_id = \(id))
      RETURNING seq
      """,
      handle: { state in
        state == "23505"
          ? StoreError(.locked, "session '\(self.id)' already has event \(event.seq) in \(self.store): another writer")
          : nil
      })
    guard !rows.isEmpty else {
      throw StoreError(
        .locked, "session '\(id)' in \(store) is no longer held by this writer (event \(event.seq) was not stored)")
    }
  }

  func pin(_ questionnaire: PinnedQuestionnaire) throws(StoreError) {
    guard let link else { throw StoreError(.io, "session '\(id)' is closed") }
    try link.query(
      """
      INSERT INTO assess_questionnaires (session_id, hash, format, text)
      VALUES (\(id), \(questionnaire.hash), \(questionnaire.format), \(questionnaire.text)) ON CONFLICT DO NOTHING
      """)
  }

  func close() {
    guard let link else { return }
    _ = try? link.query("SELECT pg_advisory_unlock(\(PostgresSchema.lockNamespace), \(key))")
    link.close()
    self.link = nil
  }

  deinit { close() }
}
