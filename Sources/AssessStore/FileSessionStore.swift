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
public struct FileSessionStore: SessionStore {
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
    if let problem = SessionId.problem(with: id) { throw StoreError(.invalidId, problem) }
    let directory = folder(id)
    let eventsPath = (directory as NSString).appendingPathComponent(Self.eventsFile)
    guard let data = FileManager.default.contents(atPath: eventsPath) else {
      if FileManager.default.fileExists(atPath: eventsPath) {
        throw StoreError(.io, "cannot read '\(eventsPath)' (permission denied?)")
      }
      throw StoreError(.notFound, "no session '\(id)' in \(name)")
    }
    let log = try EventLog.parse(data, path: eventsPath)
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
    return SessionRecord(id: id, events: log.events, pinned: pinned, warnings: log.warnings)
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
    guard mkdir(directory, 0o755) == 0 else {
      if errno == EEXIST { throw StoreError(.exists, "session '\(id)' already exists in \(name)") }
      throw StoreError(.io, "cannot create '\(directory)': \(POSIX.lastError())")
    }
    try POSIX.syncDirectory(root)
    let lock = try SessionLock(
      path: (directory as NSString).appendingPathComponent(Self.lockFile), session: id, now: clock())
    try POSIX.writeAtomically(
      pinned.text, to: (directory as NSString).appendingPathComponent(Self.pinnedFileName(pinned)))
    let lines = events.map { EventCodec.encode($0) + "\n" }.joined()
    try POSIX.writeAtomically(lines, to: (directory as NSString).appendingPathComponent(Self.eventsFile))
    return try FileSessionWriter(directory: directory, lock: lock)
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
