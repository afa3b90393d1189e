import AssessKit
import PostgresNIO

/// The store's tables, as numbered migrations. `assess store init` applies the ones a database
/// lacks, each in its own transaction, under a lock so two inits at once do not collide; running
/// it again changes nothing. A database whose schema is newer than this program knows is refused,
/// by init and by every other command, rather than misread.
///
/// docs/STORES.md describes the tables.
enum PostgresSchema {
  /// The advisory-lock namespace of assess (`asse` in ASCII): the first key of every lock it takes.
  static let lockNamespace: Int32 = 0x6173_7365

  /// The migrations, in order: migration `i` brings the schema to version `i + 1`.
  static let migrations: [[String]] = [
    [
      """
      CREATE TABLE assess_sessions (
        id text PRIMARY KEY,
        lock_key integer GENERATED ALWAYS AS IDENTITY UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )
      """,
      """
      CREATE TABLE assess_events (
        session_id text NOT NULL REFERENCES assess_sessions (id),
        seq integer NOT NULL CHECK (seq > 0),
        line text NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, seq)
      )
      """,
      """
      CREATE TABLE assess_questionnaires (
        session_id text NOT NULL REFERENCES assess_sessions (id),
        hash text NOT NULL,
        format text NOT NULL,
        text text NOT NULL,
        PRIMARY KEY (session_id, hash)
      )
      """,
      """
      CREATE TABLE assess_writers (
        session_id text PRIMARY KEY REFERENCES assess_sessions (id),
        host text NOT NULL,
        pid integer NOT NULL,
        since text NOT NULL,
        backend_pid integer NOT NULL
      )
      """,
      """
      CREATE FUNCTION assess_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'assess events are append-only: an event cannot be changed';
      END
      $$
      """,
      """
      CREATE TRIGGER assess_events_append_only BEFORE UPDATE ON assess_events
        FOR EACH ROW EXECUTE FUNCTION assess_events_append_only()
      """,
    ]
  ]

  /// The version this program writes and reads.
  static var current: Int { migrations.count }

  /// The schema version of the database: 0 when it has none.
  static func version(_ link: PostgresLink) throws(StoreError) -> Int {
    let exists = try link.query("SELECT to_regclass('assess_schema') IS NOT NULL")
    guard let row = exists.first, try link.decode(row, as: Bool.self) else { return 0 }
    let rows = try link.query("SELECT coalesce(max(version), 0) FROM assess_schema")
    guard let first = rows.first else { return 0 }
    let version: Int32 = try link.decode(first, as: Int32.self)
    return Int(version)
  }

  /// Checks the database has exactly the schema this program knows, before any other use.
  static func check(_ link: PostgresLink) throws(StoreError) {
    let version = try version(link)
    let url = link.location.display
    if version == 0 {
      throw StoreError(
        .io, "\(url) has no assess tables yet: run 'assess store init --store \(url)' once (see docs/STORES.md)")
    }
    if version > current {
      throw StoreError(
        .io, "\(url) has assess schema version \(version), newer than this assess knows (\(current)): upgrade assess")
    }
    if version < current {
      throw StoreError(
        .io,
        "\(url) has assess schema version \(version), older than this assess needs (\(current)): run 'assess store init --store \(url)'"
      )
    }
  }

  /// Applies the migrations the database lacks; returns the versions before and after.
  static func migrate(_ link: PostgresLink) throws(StoreError) -> (from: Int, to: Int) {
    // One init at a time: key 0 is never a session's (their keys start at 1).
    try link.query("SELECT pg_advisory_lock(\(lockNamespace), 0)")
    defer { _ = try? link.query("SELECT pg_advisory_unlock(\(lockNamespace), 0)") }
    try link.query(
      "CREATE TABLE IF NOT EXISTS assess_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
    )
    let before = try version(link)
    if before > current {
      throw StoreError(
        .io,
        "\(link.location.display) has assess schema version \(before), newer than this assess knows (\(current)): upgrade assess"
      )
    }
    for version in before..<current {
      try link.transaction { () throws(StoreError) in
        for statement in migrations[version] { try link.query(PostgresQuery(unsafeSQL: statement)) }
        try link.query("INSERT INTO assess_schema (version) VALUES (\(Int32(version + 1)))")
      }
    }
    return (before, current)
  }
}
