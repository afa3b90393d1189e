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
  ///
  /// Everything that can fail is done on a local descriptor, and `fd` is set only once the lock is
  /// held: a class initializer that throws after its properties are set runs `deinit`, which would
  /// `release()` a descriptor already closed here, truncating and closing whatever file another
  /// thread had opened meanwhile under the same number.
  init(path: String, session: String, now: String) throws(StoreError) {
    self.path = path
    let descriptor = try POSIX.open(path, O_RDWR | O_CREAT)
    guard POSIX.retryingInterrupted({ flock(descriptor, LOCK_EX | LOCK_NB) }) == 0 else {
      let holder = Self.holder(at: path)
      close(descriptor)
      throw StoreError(.locked, "session '\(session)' is open for writing by \(holder); read-only commands still work")
    }
    let info = JSON.object([
      ("host", .string(POSIX.hostName())), ("pid", .number(Double(getpid()))), ("since", .string(now)),
    ]).serialized()
    do throws(StoreError) {
      guard POSIX.retryingInterrupted({ ftruncate(descriptor, 0) }) == 0 else {
        throw StoreError(.io, "cannot write the lock '\(path)': \(POSIX.lastError())")
      }
      try POSIX.writeAll(descriptor, Array((info + "\n").utf8), path: path)
      _ = lseek(descriptor, 0, SEEK_SET)
    } catch {
      close(descriptor)
      throw error
    }
    fd = descriptor
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
