import AssessKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading the event log, and recovering from a crash in the middle of writing it.
enum EventLog {
  /// The readable events and what was skipped.
  static func parse(_ data: Data, path: String) throws(StoreError) -> (events: [SessionEvent], warnings: [String]) {
    let bytes = [UInt8](data)
    var events: [SessionEvent] = []
    var warnings: [String] = []
    var lineStart = 0
    var lineNumber = 0
    while lineStart < bytes.count {
      lineNumber += 1
      let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
      let end = newline ?? bytes.count
      let isLast = newline == nil || end + 1 >= bytes.count
      let text = String(decoding: bytes[lineStart..<end], as: UTF8.self)
      defer { lineStart = end + 1 }
      if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      let event: SessionEvent
      do {
        event = try EventCodec.decode(text)
      } catch {
        if isLast {
          warnings.append(
            "\(path):\(lineNumber): the last record is incomplete (the writer stopped while writing it) and was ignored"
          )
          continue
        }
        throw StoreError(
          .corrupt, "\(path):\(lineNumber): \(error.message); the session cannot be read until it is repaired")
      }
      if newline == nil {
        // A complete record without its newline: the crash came just before the newline. Keep it.
        warnings.append("\(path):\(lineNumber): the last record has no line end; it was read")
      }
      if event.seq != events.count + 1 {
        throw StoreError(
          .corrupt, "\(path):\(lineNumber): event number \(event.seq) where \(events.count + 1) was expected")
      }
      events.append(event)
    }
    return (events, warnings)
  }

  /// Before appending: if the log ends in a torn record, move those bytes to `events.torn` and cut them
  /// off, so the next record starts on a line of its own. Nothing is deleted.
  static func setTornTailAside(path: String, directory: String) throws(StoreError) {
    guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return }
    let bytes = [UInt8](data)
    let newline = UInt8(ascii: "\n")
    // The last line: from after the last newline that is not the final byte.
    let body = bytes.last == newline ? bytes.dropLast() : bytes[...]
    let cut = (body.lastIndex(of: newline).map { $0 + 1 }) ?? 0
    let tail = Array(body[cut...])
    if (try? EventCodec.decode(String(decoding: tail, as: UTF8.self))) != nil {
      guard bytes.last != newline else { return }
      // A whole record that only lacks its newline: finish the line.
      let fd = try POSIX.open(path, O_WRONLY | O_APPEND)
      defer { close(fd) }
      try POSIX.writeAll(fd, [newline], path: path)
      try POSIX.sync(fd, path: path)
      return
    }
    let tornPath = (directory as NSString).appendingPathComponent("events.torn")
    let tornFd = try POSIX.open(tornPath, O_WRONLY | O_CREAT | O_APPEND)
    defer { close(tornFd) }
    try POSIX.writeAll(tornFd, tail + [newline], path: tornPath)
    try POSIX.sync(tornFd, path: tornPath)
    // events.torn may be new: flush the folder too, so its entry survives a power cut.
    try POSIX.syncDirectory(directory)
    let fd = try POSIX.open(path, O_WRONLY)
    defer { close(fd) }
    guard POSIX.retryingInterrupted({ ftruncate(fd, off_t(cut)) }) == 0 else {
      throw StoreError(.io, "cannot cut the torn record off '\(path)': \(POSIX.lastError())")
    }
    try POSIX.sync(fd, path: path)
  }
}
