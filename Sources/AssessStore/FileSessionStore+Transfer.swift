import AssessKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

extension FileSessionStore: TransferableSessionStore {
  package func export(_ id: String) throws(StoreError) -> StoredSession {
    let record = try read(id)
    let path = (folder(id) as NSString).appendingPathComponent(Self.eventsFile)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw StoreError(.io, "cannot read '\(path)'")
    }
    // The readable records are the first non-blank lines (a torn last one is left out).
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.prefix(record.events.count).map(String.init)
    return StoredSession(id: id, lines: lines, pinned: Array(record.pinned.values))
  }

  package func `import`(_ session: StoredSession) throws(StoreError) {
    _ = try session.checked()
    do {
      try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    } catch {
      throw StoreError(.io, "cannot create the session store '\(root)': \(error.localizedDescription)")
    }
    let directory = folder(session.id)
    guard mkdir(directory, 0o755) == 0 else {
      if errno == EEXIST { throw StoreError(.exists, "session '\(session.id)' already exists in \(name)") }
      throw StoreError(.io, "cannot create '\(directory)': \(POSIX.lastError())")
    }
    try POSIX.syncDirectory(root)
    for pinned in session.pinned {
      try POSIX.writeAtomically(
        pinned.text, to: (directory as NSString).appendingPathComponent(Self.pinnedFileName(pinned)))
    }
    try POSIX.writeAtomically(
      session.lines.map { $0 + "\n" }.joined(), to: (directory as NSString).appendingPathComponent(Self.eventsFile))
  }
}
