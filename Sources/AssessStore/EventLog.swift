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
  /// What a log holds: its readable events, what was skipped, and its hash chain checked.
  struct Parsed {
    var events: [SessionEvent] = []
    var warnings: [String] = []
    var lines: [Int] = []
    var chain: EventChain.Checker
  }

  /// The readable events and what was skipped, with the chain checked over the exact lines.
  static func parse(_ data: Data, path: String) throws(StoreError) -> Parsed {
    let result: Result<Parsed, StoreError> = data.withUnsafeBytes { raw in
      do throws(StoreError) { return .success(try parse(raw, path: path)) } catch { return .failure(error) }
    }
    return try result.get()
  }

  private static func parse(_ bytes: UnsafeRawBufferPointer, path: String) throws(StoreError) -> Parsed {
    var parsed = Parsed(chain: EventChain.Checker())
    var lineStart = 0
    var lineNumber = 0
    let count = bytes.count
    while lineStart < count {
      lineNumber += 1
      var end = count
      if let base = bytes.baseAddress, let found = memchr(base + lineStart, 0x0A, count - lineStart) {
        end = base.distance(to: UnsafeRawPointer(found))
      }
      let hasNewline = end < count
      let isLast = !hasNewline || end + 1 >= count
      let line = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<end])
      defer { lineStart = end + 1 }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      let valid = UTF8Check.firstInvalidByte(line) == nil
      let event: SessionEvent
      do {
        event =
          valid
          ? try EventCodec.decode(bytes: line) : try EventCodec.decode(String(decoding: line, as: UTF8.self))
      } catch {
        if isLast {
          parsed.warnings.append(
            "\(path):\(lineNumber): the last record is incomplete (the writer stopped while writing it) and was ignored"
          )
          continue
        }
        if !valid { throw invalidUTF8(line, path: path, lineNumber: lineNumber) }
        throw StoreError(
          .corrupt, "\(path):\(lineNumber): \(error.message); the session cannot be read until it is repaired")
      }
      if !valid { throw invalidUTF8(line, path: path, lineNumber: lineNumber) }
      if !hasNewline {
        // A complete record without its newline: the crash came just before the newline. Keep it.
        parsed.warnings.append("\(path):\(lineNumber): the last record has no line end; it was read")
      }
      if event.seq != parsed.events.count + 1 {
        throw StoreError(
          .corrupt, "\(path):\(lineNumber): event number \(event.seq) where \(parsed.events.count + 1) was expected")
      }
      parsed.events.append(event)
      parsed.lines.append(lineNumber)
      parsed.chain.add(event, line: line)
    }
    return parsed
  }

  /// The error for a line that is not UTF-8, naming the first bad byte.
  private static func invalidUTF8(_ line: UnsafeRawBufferPointer, path: String, lineNumber: Int) -> StoreError {
    let offset = UTF8Check.firstInvalidByte(line) ?? 0
    let column =
      String(decoding: UnsafeRawBufferPointer(rebasing: line[..<offset]), as: UTF8.self).unicodeScalars.count + 1
    return StoreError(
      .corrupt,
      "\(path):\(lineNumber):\(column): byte \(offset + 1) of the line (0x\(String(line[offset], radix: 16, uppercase: true))) "
        + "is not valid UTF-8; the file was damaged or edited in another encoding, and the session cannot be read "
        + "until that line is repaired")
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
