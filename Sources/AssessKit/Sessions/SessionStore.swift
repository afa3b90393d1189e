/// A questionnaire's source as pinned in a session: the exact text it was started (or migrated) with.
public struct PinnedQuestionnaire: Sendable, Hashable {
  /// `sha256:` and the hex digest of `text`.
  public internal(set) var hash: String
  /// `yaml` (or `json` for an imported form).
  public internal(set) var format: String
  /// The source text.
  public internal(set) var text: String

  /// Pins `text`, hashing it.
  public init(text: String, format: String = "yaml") {
    self.text = text
    self.format = format
    hash = ContentHash.of(text)
  }
}

/// A session as stored: its events, its pinned questionnaires, and anything the store had to skip.
public struct SessionRecord: Sendable {
  /// The session id.
  public internal(set) var id: String
  /// Every readable event, in order.
  public internal(set) var events: [SessionEvent]
  /// Pinned questionnaire sources by hash.
  public internal(set) var pinned: [String: PinnedQuestionnaire]
  /// What was skipped, e.g. a torn last record after a crash; each one sentence naming the file.
  public internal(set) var warnings: [String]
  /// What the hash chain over the stored lines shows.
  public internal(set) var chain: ChainState
  /// The hash of the last stored line: what the next event links to.
  package var head: String?
  /// Where each event is kept, for messages.
  package var places: EventPlaces
  /// Every broken link of the chain, oldest first (the first is the one `chain` names).
  package var brokenLinks: [LogProblem] = []
  /// Lines that could not be read at all, when the store read on past them for an audit
  /// (`AuditableSessionStore`); a plain read throws the first instead.
  package var unreadable: [LogProblem] = []

  /// Creates a record; its chain is checked over the events as `EventCodec.encode` writes them.
  public init(id: String, events: [SessionEvent], pinned: [String: PinnedQuestionnaire], warnings: [String] = []) {
    let places = EventPlaces.memory(id: id)
    let checker = EventChain.check(events, lines: events.map(EventCodec.encode))
    self.init(id: id, events: events, pinned: pinned, warnings: warnings, chain: checker, places: places)
  }

  /// Creates a record whose chain a store checked over its exact stored lines.
  package init(
    id: String, events: [SessionEvent], pinned: [String: PinnedQuestionnaire], warnings: [String],
    chain: EventChain.Checker, places: EventPlaces
  ) {
    self.id = id
    self.events = events
    self.pinned = pinned
    self.warnings = warnings
    self.chain = chain.state(places)
    head = chain.head
    self.places = places
    brokenLinks = chain.brokenLinks(places)
  }
}

/// A store that can read a damaged log on past the lines it cannot read, for `assess verify`.
package protocol AuditableSessionStore: SessionStore {
  /// Reads a session as `read` does, except that a line that cannot be read (or is numbered out of
  /// order) is listed in the record's `unreadable` and reading goes on.
  func audit(_ id: String) throws(StoreError) -> SessionRecord
}

/// A failure of the session store: one sentence naming the session, file or lock concerned.
public struct StoreError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure.
  public enum Kind: Sendable {
    case notFound, ambiguous, exists, locked, corrupt, io, invalidId
  }

  /// What kind of change or failure.
  public internal(set) var kind: Kind
  /// One sentence for the person.
  public internal(set) var message: String

  /// Creates an error.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}

/// Where sessions are kept. The file store is the first; a PostgreSQL store can be added behind
/// the same protocol without touching the engine.
public protocol SessionStore: Sendable {
  /// A readable description of the store, for messages (`sessions/`).
  var name: String { get }
  /// The ids of every session, sorted.
  func ids() throws(StoreError) -> [String]
  /// Reads a session without locking it.
  func read(_ id: String) throws(StoreError) -> SessionRecord
  /// Creates a session with its first events and pinned questionnaire, and returns it open for writing.
  func create(_ id: String, pinned: PinnedQuestionnaire, events: [SessionEvent]) throws(StoreError) -> any SessionWriter
  /// Opens a session for writing, taking its lock.
  func openForWriting(_ id: String) throws(StoreError) -> any SessionWriter
  /// Deletes a session and everything kept with it, for good. Refused (naming the holder) while
  /// another writer holds it.
  func remove(_ id: String) throws(StoreError)
}

extension SessionStore {
  /// Stores that cannot delete sessions say so.
  public func remove(_ id: String) throws(StoreError) {
    throw StoreError(.io, "\(name) cannot remove sessions")
  }
}

/// A session open for writing: the one writer holding its lock.
public protocol SessionWriter: AnyObject {
  /// Appends an event durably: when this returns, the event is on disk.
  func append(_ event: SessionEvent) throws(StoreError)
  /// Keeps another questionnaire source with the session (before migrating to it).
  func pin(_ questionnaire: PinnedQuestionnaire) throws(StoreError)
  /// Releases the lock.
  func close()
}

extension SessionStore {
  /// Resolves a user's id: an exact id, or an unambiguous start of one.
  /// - Throws: `StoreError` naming the closest matches when none or several fit.
  public func resolve(_ id: String) throws(StoreError) -> String {
    if let problem = SessionId.problem(with: id) { throw StoreError(.invalidId, problem) }
    let all = try ids()
    if all.contains(id) { return id }
    let starting = all.filter { $0.hasPrefix(id) }
    if starting.count == 1 { return starting[0] }
    if starting.count > 1 {
      let shown = starting.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
      throw StoreError(
        .ambiguous, "session id '\(id)' is ambiguous: it starts \(shown)\(starting.count > 5 ? ", ..." : "")")
    }
    let close = Suggestions.closestMatches(to: id, in: all)
    let hint = close.isEmpty ? "" : " (closest: \(close.map { "'\($0)'" }.joined(separator: ", ")))"
    throw StoreError(.notFound, "no session '\(id)' in \(name)\(hint)")
  }

  /// Reads a session and rebuilds it on its pinned questionnaire, replaying every event strictly.
  ///
  /// The warnings include a broken hash chain (the session still loads; `assess verify` explains).
  public func load(_ id: String) throws(StoreError) -> (Session, [String]) {
    let record = try read(id)
    var warnings = record.warnings
    if case .broken(let problem) = record.chain {
      warnings.append("\(problem); session '\(id)' fails verification ('assess verify \(id)')")
    }
    return (try Self.session(from: record), warnings)
  }

  /// Rebuilds a session from a record, replaying every event strictly (`ReplayCheck`).
  public static func session(from record: SessionRecord) throws(StoreError) -> Session {
    let questionnaire = try ReplayCheck.currentQuestionnaire(of: record)
    let (state, problems) = ReplayCheck.replay(record, current: questionnaire, stoppingAtFirst: true)
    if let problem = problems.first {
      throw StoreError(
        .corrupt,
        "\(problem); the session cannot be read until it is repaired ('assess verify \(record.id)' lists every problem)"
      )
    }
    return Session(
      id: record.id, events: record.events, questionnaire: questionnaire, integrity: record.chain, head: record.head,
      state: state)
  }
}
