import AssessKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin, checked wrappers over the POSIX calls durability needs.
enum POSIX {
  /// The message for the current `errno`.
  static func lastError() -> String { String(cString: strerror(errno)) }

  /// Calls `call` again while it fails with EINTR (a signal came in while it waited).
  ///
  /// The interview's signal handlers ask for SA_RESTART, but a handler installed by anyone else may
  /// not, and a slow `open` (a FIFO, a network file system) or `fsync` can then fail with EINTR.
  static func retryingInterrupted<Result: SignedInteger>(_ call: () -> Result) -> Result {
    while true {
      let result = call()
      if result >= 0 || errno != EINTR { return result }
    }
  }

  /// Opens `path`; throws with the path and reason.
  static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws(StoreError) -> Int32 {
    let fd = retryingInterrupted { Glibc.open(path, flags | O_CLOEXEC, mode) }
    guard fd >= 0 else { throw StoreError(.io, "cannot open '\(path)': \(lastError())") }
    return fd
  }

  /// Writes all of `data`, retrying short writes and interruptions.
  static func writeAll(_ fd: Int32, _ data: [UInt8], path: String) throws(StoreError) {
    var offset = 0
    while offset < data.count {
      let written = data[offset...].withUnsafeBytes { buffer in
        Glibc.write(fd, buffer.baseAddress, buffer.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw StoreError(.io, "cannot write '\(path)': \(lastError())")
      }
      offset += written
    }
  }

  /// Flushes a file (or folder) to the disk.
  static func sync(_ fd: Int32, path: String) throws(StoreError) {
    guard retryingInterrupted({ fsync(fd) }) == 0 else {
      throw StoreError(.io, "cannot flush '\(path)' to disk: \(lastError())")
    }
  }

  /// Flushes a folder, so a rename or a new file in it is durable.
  static func syncDirectory(_ path: String) throws(StoreError) {
    let fd = try open(path, O_RDONLY | O_DIRECTORY)
    defer { close(fd) }
    try sync(fd, path: path)
  }

  /// Writes a file atomically: a temporary file, flushed, renamed over the target, folder flushed.
  static func writeAtomically(_ text: String, to path: String) throws(StoreError) {
    let directory = (path as NSString).deletingLastPathComponent
    let temporary = (directory as NSString).appendingPathComponent(
      ".\((path as NSString).lastPathComponent).\(getpid()).tmp")
    let fd = try open(temporary, O_WRONLY | O_CREAT | O_TRUNC)
    do throws(StoreError) {
      try writeAll(fd, Array(text.utf8), path: temporary)
      try sync(fd, path: temporary)
    } catch {
      close(fd)
      unlink(temporary)
      throw error
    }
    close(fd)
    guard retryingInterrupted({ rename(temporary, path) }) == 0 else {
      let reason = lastError()
      unlink(temporary)
      throw StoreError(.io, "cannot move '\(temporary)' to '\(path)': \(reason)")
    }
    try syncDirectory(directory.isEmpty ? "." : directory)
  }

  /// This machine's host name.
  static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count) == 0 else { return "unknown host" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
