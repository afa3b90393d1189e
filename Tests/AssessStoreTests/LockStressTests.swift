import Foundation
import Testing

@testable import AssessStore

#if canImport(Glibc)
  import Glibc
#endif

/// A refused lock touches no descriptor but its own: while one thread is refused the lock over
/// and over, another writes files whose descriptors take the numbers the refused attempts free.
/// (A refused lock used to close its descriptor, then, from `deinit`, truncate and close the same
/// number again: by then another thread's file, emptied.)
@Suite struct LockStressTests {
  @Test func refusedLocksLeaveOtherFilesAlone() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let lockPath = "\(root)/lock"
    let holder = try SessionLock(path: lockPath, session: "s", now: "2026-11-29T10:00:00Z")
    defer { holder.release() }

    final class Flag: @unchecked Sendable {
      let lock = NSLock()
      var stop = false
    }
    let flag = Flag()
    let refuser = Thread {
      while !flag.lock.withLock({ flag.stop }) {
        _ = try? SessionLock(path: lockPath, session: "s", now: "2026-11-29T10:00:00Z")
      }
    }
    refuser.start()
    defer { flag.lock.withLock { flag.stop = true } }
    var emptied = 0
    let deadline = Date().addingTimeInterval(2)
    var n = 0
    while Date() < deadline {
      n += 1
      let path = "\(root)/file-\(n % 4)"
      let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      try #require(fd >= 0)
      let data = Array(repeating: UInt8(ascii: "x"), count: 64)
      _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      for _ in 0..<50 { sched_yield() }
      var status = stat()
      fstat(fd, &status)
      if status.st_size != 64 { emptied += 1 }
      close(fd)
    }
    #expect(emptied == 0, "\(emptied) of \(n) files were cut short by a refused lock")
  }
}
