import AssessKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Sessions as folders of plain files that a person can read, copy and keep in git.
///
///     sessions/ID/events.jsonl                     the append-only event log, one JSON object a line
///     sessions/ID/questionnaire-HASH12.yaml        each questionnaire version the session was on
///     sessions/ID/lock                             the writer's lock (empty when free)
///
/// docs/SESSIONS.md describes the layout in full.
public struct FileSessionStore: SessionStore, AuditableSessionStore {
  /// The folder that holds the sessions.
  public let root: String
  /// Gives the current time as ISO 8601 UTC text, for lock records.
  private let clock: @Sendable () -> String

  /// A store in `root`, created when the first session is.
  public init(root: String, clock: @escaping @Sendable () -> String) {
    self.root = root
    self.clock = clock
  }

  public var name: String { root.hasSuffix("/") ? root : root + "/" }

  static let eventsFile = "events.jsonl"
  static let lockFile = "lock"

  func folder(_ id: String) -> String { (root as NSString).appendingPathComponent(id) }

  /// The file that keeps a session's shell input history.
  public func historyPath(for id: String) -> String {
    (folder(id) as NSString).appendingPathComponent("history")
  }

  static func pinnedFileName(_ pinned: PinnedQuestionnaire) -> String {
    let hex = pinned.hash.hasPrefix("sha256:") ? String(pinned.hash.dropFirst(7)) : pinned.hash
    return "questionnaire-\(hex.prefix(12)).\(pinned.format)"
  }

  public func ids() throws(StoreError) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { return [] }
    guard isDirectory.boolValue else { throw StoreError(.io, "the session store '\(root)' is a file, not a folder") }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: root)
    } catch {
      throw StoreError(.io, "cannot list the session store '\(root)': \(error.localizedDescription)")
    }
    return names.filter { name in
      SessionId.problem(with: name) == nil
        && FileManager.default.fileExists(atPath: (folder(name) as NSString).appendingPathComponent(Self.eventsFile))
    }.sorted()
  }

  public func read(_ id: String) throws(StoreError) -> SessionRecord {
    try read(id, lenient: false)
  }

  package func audit(_ id: String) throws(StoreError) -> SessionRecord {
    try read(id, lenient: true)
  }

  private func read(_ id: String, lenient: Bool) throws(StoreError) -> SessionRecord {
    if let problem = SessionId.problem(with: id) { throw StoreError(.invalidId, problem) }
    let directory = folder(id)
    let eventsPath = (directory as NSString).appendingPathComponent(Self.eventsFile)
    let log: EventLog.Parsed
    if let streamed = try EventLog.parse(fileAt: eventsPath, lenient: lenient) {
      log = streamed
    } else {
      let data: [UInt8]
      do {
        data = try InputFile.bytes(eventsPath, what: "session log")
      } catch {
        guard FileManager.default.fileExists(atPath: eventsPath) else {
          throw StoreError(.notFound, "no session '\(id)' in \(name)")
        }
        throw StoreError(.io, error.message)
      }
      log = try EventLog.parse(data, path: eventsPath, lenient: lenient)
    }
    var pinned: [String: PinnedQuestionnaire] = [:]
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    for file in files.sorted() where file.hasPrefix("questionnaire-") {
      let path = (directory as NSString).appendingPathComponent(file)
      guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        continue
      }
      let copy = PinnedQuestionnaire(text: text, format: (file as NSString).pathExtension)
      pinned[copy.hash] = copy
    }
    var record = SessionRecord(
      id: id, events: log.events, pinned: pinned, warnings: log.warnings, chain: log.chain,
      places: .file(path: eventsPath, lines: log.lines))
    record.unreadable = log.unreadable
    return record
  }

  public func create(_ id: String, pinned: PinnedQuestionnaire, events: [SessionEvent]) throws(StoreError)
    -> any SessionWriter
  {
    if let problem = SessionId.problem(with: id) { throw StoreError(.invalidId, problem) }
    do {
      try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    } catch {
      throw StoreError(.io, "cannot create the session store '\(root)': \(error.localizedDescription)")
    }
    let directory = folder(id)
    let lockPath = (directory as NSString).appendingPathComponent(Self.lockFile)
    let eventsPath = (directory as NSString).appendingPathComponent(Self.eventsFile)
    // A folder with no events log is what a create that failed (or crashed) before its first
    // events were written leaves behind: it is reused, under the lock, rather than blocking the id.
    let reused: Bool
    if mkdir(directory, 0o755) == 0 {
      reused = false
      try POSIX.syncDirectory(root)
    } else if errno == EEXIST {
      guard !FileManager.default.fileExists(atPath: eventsPath) else {
        throw StoreError(.exists, "session '\(id)' already exists in \(name)")
      }
      reused = true
    } else {
      throw StoreError(.io, "cannot create '\(directory)': \(POSIX.lastError())")
    }
    let lock: SessionLock
    do {
      lock = try SessionLock(path: lockPath, session: id, now: clock())
    } catch {
      // Another process is creating this session at this moment (or left the folder and still
      // holds it): the folder is its, not ours to remove.
      if error.kind == .locked || FileManager.default.fileExists(atPath: eventsPath) {
        throw StoreError(.exists, "session '\(id)' already exists in \(name) (it is being created)")
      }
      if !reused { Self.remove(directory) }
      throw error
    }
    do throws(StoreError) {
      // Under the lock: a creator that got here first may have finished meanwhile, whether it reused
      // this folder or it found the folder this call made before this call took the lock.
      if FileManager.default.fileExists(atPath: eventsPath) {
        throw StoreError(.exists, "session '\(id)' already exists in \(name)")
      }
      try POSIX.writeAtomically(
        pinned.text, to: (directory as NSString).appendingPathComponent(Self.pinnedFileName(pinned)))
      let lines = events.map { EventCodec.encode($0) + "\n" }.joined()
      // The events log comes last: once it exists, the session does.
      try POSIX.writeAtomically(lines, to: eventsPath)
      return try FileSessionWriter(directory: directory, lock: lock)
    } catch {
      // No events log, no session: remove the folder this call made (before letting the lock go,
      // so that no other creator's folder is removed); a reused folder stays, reusable again.
      if !reused && error.kind != .exists && !FileManager.default.fileExists(atPath: eventsPath) {
        Self.remove(directory)
      }
      lock.release()
      throw error
    }
  }

  /// Removes a folder this store made, and flushes the store so its removal is durable.
  private static func remove(_ directory: String) {
    try? FileManager.default.removeItem(atPath: directory)
    try? POSIX.syncDirectory((directory as NSString).deletingLastPathComponent)
  }

  /// Deletes a session's folder under its lock: the folder is first renamed out of the store in one
  /// step (so no reader ever sees half a session), then removed.
  public func remove(_ id: String) throws(StoreError) {
    if let problem = SessionId.problem(with: id) { throw StoreError(.invalidId, problem) }
    let directory = folder(id)
    guard FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(Self.eventsFile)) else {
      throw StoreError(.notFound, "no session '\(id)' in \(name)")
    }
    let lock = try SessionLock(
      path: (directory as NSString).appendingPathComponent(Self.lockFile), session: id, now: clock())
    defer { lock.release() }
    let trash = (root as NSString).appendingPathComponent(".removed-\(id)-\(getpid())")
    guard rename(directory, trash) == 0 else {
      throw StoreError(.io, "cannot remove session '\(id)' from \(name): \(POSIX.lastError())")
    }
    try POSIX.syncDirectory(root)
    try? FileManager.default.removeItem(atPath: trash)
  }

  public func openForWriting(_ id: String) throws(StoreError) -> any SessionWriter {
    if let problem = SessionId.problem(with: id) { throw StoreError(.invalidId, problem) }
    let directory = folder(id)
    guard FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(Self.eventsFile)) else {
      throw StoreError(.notFound, "no session '\(id)' in \(name)")
    }
    let lock = try SessionLock(
      path: (directory as NSString).appendingPathComponent(Self.lockFile), session: id, now: clock())
    return try FileSessionWriter(directory: directory, lock: lock)
  }
}

/// The writer of one session: appends events durably while holding the lock.
final class FileSessionWriter: SessionWriter {
  let directory: String
  private let lock: SessionLock
  private var fd: Int32
  private let path: String

  init(directory: String, lock: SessionLock) throws(StoreError) {
    self.directory = directory
    self.lock = lock
    path = (directory as NSString).appendingPathComponent(FileSessionStore.eventsFile)
    try EventLog.setTornTailAside(path: path, directory: directory)
    fd = try POSIX.open(path, O_WRONLY | O_APPEND)
  }

  func append(_ event: SessionEvent) throws(StoreError) {
    guard fd >= 0 else { throw StoreError(.io, "session '\((directory as NSString).lastPathComponent)' is closed") }
    try POSIX.writeAll(fd, Array((EventCodec.encode(event) + "\n").utf8), path: path)
    try POSIX.sync(fd, path: path)
  }

  func pin(_ questionnaire: PinnedQuestionnaire) throws(StoreError) {
    let file = (directory as NSString).appendingPathComponent(FileSessionStore.pinnedFileName(questionnaire))
    if FileManager.default.fileExists(atPath: file) { return }
    try POSIX.writeAtomically(questionnaire.text, to: file)
  }

  func close() {
    if fd >= 0 {
      Glibc.close(fd)
      fd = -1
    }
    lock.release()
  }

  deinit { close() }
}
