import AssessKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one-writer lock of a session: an advisory `flock` on the session's `lock` file.
///
/// The kernel releases a `flock` when its holder exits, however it exits, so a lock left by a
/// dead process is simply free: the next writer takes it and records itself. The file holds the
/// holder's host, pid and start time so a refused writer can say who has the session.
final class SessionLock {
  let path: String
  private var fd: Int32

  /// Takes the lock at `path`, or throws naming the holder.
  init(path: String, session: String, now: String) throws(StoreError) {
    self.path = path
    fd = try POSIX.open(path, O_RDWR | O_CREAT)
    guard POSIX.retryingInterrupted({ flock(fd, LOCK_EX | LOCK_NB) }) == 0 else {
      let holder = Self.holder(at: path)
      close(fd)
      throw StoreError(.locked, "session '\(session)' is open for writing by \(holder); read-only commands still work")
    }
    let info = JSON.object([
      ("host", .string(POSIX.hostName())), ("pid", .number(Double(getpid()))), ("since", .string(now)),
    ]).serialized()
    do throws(StoreError) {
      guard POSIX.retryingInterrupted({ ftruncate(fd, 0) }) == 0 else {
        throw StoreError(.io, "cannot write the lock '\(path)': \(POSIX.lastError())")
      }
      try POSIX.writeAll(fd, Array((info + "\n").utf8), path: path)
      _ = lseek(fd, 0, SEEK_SET)
    } catch {
      close(fd)
      throw error
    }
  }

  /// Who holds a lock, in words: `pid 123 on host, since 2026-11-29T13:00:00Z`.
  static func holder(at path: String) -> String {
    struct Info: Decodable {
      var host: String
      var pid: Int
      var since: String
    }
    guard let data = FileManager.default.contents(atPath: path),
      let line = String(data: data, encoding: .utf8)?.split(separator: "\n").first,
      let info = try? JSONDecoder().decode(Info.self, from: Data(line.utf8))
    else { return "another process" }
    return "pid \(info.pid) on \(info.host), since \(info.since)"
  }

  /// Releases the lock, leaving the file (empty) in place.
  func release() {
    guard fd >= 0 else { return }
    _ = POSIX.retryingInterrupted { ftruncate(fd, 0) }
    _ = POSIX.retryingInterrupted { flock(fd, LOCK_UN) }
    close(fd)
    fd = -1
  }

  deinit { release() }
}
