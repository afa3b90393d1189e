import AssessKit
import AssessPostgres
import AssessStore
import Foundation

/// Turns `--store` text into a store: a `postgres://` URL is the PostgreSQL store, anything else a folder.
enum StoreOpener {
  /// The store `text` names. A URL that cannot be used gives a store whose every use fails with
  /// the reason, so commands report it like any other store error (exit 2).
  static func open(_ text: String) -> any TransferableSessionStore {
    guard PostgresLocation.isURL(text) else { return FileSessionStore(root: text, clock: Clock.text) }
    do {
      let location = try PostgresLocation(url: text, environment: ProcessInfo.processInfo.environment)
      return PostgresSessionStore(location: location, clock: Clock.text)
    } catch {
      return UnusableStore(name: PostgresLocation.redacted(text), message: error.message)
    }
  }

  /// How a store is named in messages: a URL without its password, a folder as given.
  static func displayName(_ text: String) -> String {
    guard PostgresLocation.isURL(text) else { return text }
    return (try? PostgresLocation(url: text, environment: ProcessInfo.processInfo.environment).display)
      ?? PostgresLocation.redacted(text)
  }

  /// The file that keeps a session's readline history: beside the events in a folder store, and in
  /// the user's cache folder for a PostgreSQL store (it is personal, not part of the record).
  static func historyPath(for id: String, in store: any SessionStore) -> String {
    if let files = store as? FileSessionStore { return files.historyPath(for: id) }
    let environment = ProcessInfo.processInfo.environment
    let cache =
      environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".cache")
    let storeKey = String(SHA256.hex(store.name).prefix(12))
    let folder = [cache, "assess", "history", storeKey].reduce("") { ($0 as NSString).appendingPathComponent($1) }
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return (folder as NSString).appendingPathComponent(id)
  }
}

/// A store named by a URL that cannot be used: every operation fails with why.
struct UnusableStore: TransferableSessionStore {
  let name: String
  let message: String

  func ids() throws(StoreError) -> [String] { throw StoreError(.io, message) }
  func read(_ id: String) throws(StoreError) -> SessionRecord { throw StoreError(.io, message) }
  func create(_ id: String, pinned: PinnedQuestionnaire, events: [SessionEvent]) throws(StoreError)
    -> any SessionWriter
  { throw StoreError(.io, message) }
  func openForWriting(_ id: String) throws(StoreError) -> any SessionWriter { throw StoreError(.io, message) }
  func export(_ id: String) throws(StoreError) -> StoredSession { throw StoreError(.io, message) }
  func `import`(_ session: StoredSession) throws(StoreError) { throw StoreError(.io, message) }
}
