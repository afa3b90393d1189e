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
    /// Lines that cannot be read, when read for an audit (`lenient`); else the first one is thrown.
    var unreadable: [LogProblem] = []
  }

  /// The readable events and what was skipped, with the chain checked over the exact lines.
  /// With `lenient` (for `assess verify`), a line that cannot be read, or is numbered out of order, is
  /// listed in `unreadable` and reading goes on; without, it is thrown.
  static func parse(_ data: Data, path: String, lenient: Bool = false) throws(StoreError) -> Parsed {
    let result: Result<Parsed, StoreError> = data.withUnsafeBytes { raw in
      do throws(StoreError) { return .success(try parse(raw, path: path, lenient: lenient)) } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// The same, over bytes already read.
  static func parse(_ bytes: [UInt8], path: String, lenient: Bool = false) throws(StoreError) -> Parsed {
    let result: Result<Parsed, StoreError> = bytes.withUnsafeBytes { raw in
      do throws(StoreError) { return .success(try parse(raw, path: path, lenient: lenient)) } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// The bytes of a regular file, read into one buffer sized by `fstat` (no growing, no second copy);
  /// `nil` on any failure or for anything but a regular file, and the caller reads it with `InputFile`,
  /// which says what went wrong.
  static func contents(_ path: String) -> [UInt8]? {
    var fd: Int32
    repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    var bytes: [UInt8] = []
    // One byte more than the size, so that a file that grew since `fstat` is noticed and read on.
    var wanted = Int(info.st_size) + 1
    while true {
      var failed = false
      let chunk = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
        initialized = 0
        while initialized < wanted, let base = buffer.baseAddress {
          let n = read(fd, base + initialized, wanted - initialized)
          if n < 0 && errno == EINTR { continue }
          if n < 0 { failed = true }
          if n <= 0 { return }
          initialized += n
        }
      }
      if failed { return nil }
      if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
      if chunk.count < wanted { return bytes }
      wanted = max(wanted, 65536)
    }
  }

  /// The number of lines in `bytes` (a last line without a line end counts).
  static func lineCount(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    var lines = 0
    var start = 0
    while start < bytes.count {
      lines += 1
      guard let found = memchr(base + start, 0x0A, bytes.count - start) else { break }
      start = base.distance(to: UnsafeRawPointer(found)) + 1
    }
    return lines
  }

  private static func parse(_ bytes: UnsafeRawBufferPointer, path: String, lenient: Bool) throws(StoreError)
    -> Parsed
  {
    var parsed = Parsed(chain: EventChain.Checker())
    // Sized once: growing an array of events copies every event again at each doubling.
    let lines = Self.lineCount(bytes)
    parsed.events.reserveCapacity(lines)
    parsed.lines.reserveCapacity(lines)
    var lineStart = 0
    var lineNumber = 0
    var nextSeq = 1
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
      // A blank line (spaces only) is skipped; most lines start with `{`, so look further only when not.
      if line.isEmpty || (Self.isSpace(line[0]) && line.allSatisfy(Self.isSpace)) { continue }
      let valid = UTF8Check.firstInvalidByte(line) == nil
      var decoded: SessionEvent?
      var failure = ""
      do {
        decoded =
          valid
          ? try EventCodec.decode(bytes: line) : try EventCodec.decode(String(decoding: line, as: UTF8.self))
      } catch {
        failure = error.message
      }
      if decoded == nil, isLast {
        parsed.warnings.append(
          "\(path):\(lineNumber): the last record is incomplete (the writer stopped while writing it) and was ignored"
        )
        continue
      }
      // Not an event, or not UTF-8 (said first: it is why a line reads oddly).
      guard valid, let event = decoded else {
        let problem =
          valid
          ? LogProblem(
            event: lineNumber, place: "\(path):\(lineNumber)",
            message: "\(failure); the session cannot be read until it is repaired")
          : invalidUTF8(line, path: path, lineNumber: lineNumber)
        guard lenient else { throw StoreError(.corrupt, problem.description) }
        parsed.unreadable.append(problem)
        parsed.chain.skip(line: line)
        nextSeq += 1
        continue
      }
      if !hasNewline {
        // A complete record without its newline: the crash came just before the newline. Keep it.
        parsed.warnings.append("\(path):\(lineNumber): the last record has no line end; it was read")
      }
      if event.seq != nextSeq {
        let problem = LogProblem(
          event: lineNumber, place: "\(path):\(lineNumber)",
          message: "event number \(event.seq) where \(nextSeq) was expected")
        guard lenient else { throw StoreError(.corrupt, problem.description) }
        // Listed once: the numbers go on from this one.
        parsed.unreadable.append(problem)
      }
      nextSeq = event.seq + 1
      parsed.events.append(event)
      parsed.lines.append(lineNumber)
      parsed.chain.add(event, line: line)
    }
    return parsed
  }

  private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

  /// The problem of a line that is not UTF-8, naming the first bad byte.
  private static func invalidUTF8(_ line: UnsafeRawBufferPointer, path: String, lineNumber: Int) -> LogProblem {
    let offset = UTF8Check.firstInvalidByte(line) ?? 0
    let column =
      String(decoding: UnsafeRawBufferPointer(rebasing: line[..<offset]), as: UTF8.self).unicodeScalars.count + 1
    return LogProblem(
      event: lineNumber, place: "\(path):\(lineNumber):\(column)",
      message: "byte \(offset + 1) of the line (0x\(String(line[offset], radix: 16, uppercase: true))) "
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
