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
    var reader = LineReader(path: path, lenient: lenient)
    // Sized once: growing an array of events copies every event again at each doubling.
    reader.reserve(Self.lineCount(bytes))
    var lineStart = 0
    let count = bytes.count
    while lineStart < count {
      var end = count
      if let base = bytes.baseAddress, let found = memchr(base + lineStart, 0x0A, count - lineStart) {
        end = base.distance(to: UnsafeRawPointer(found))
      }
      let hasNewline = end < count
      try reader.read(
        UnsafeRawBufferPointer(rebasing: bytes[lineStart..<end]), hasNewline: hasNewline,
        isLast: !hasNewline || end + 1 >= count)
      lineStart = end + 1
    }
    return reader.parsed
  }

  /// The log at `path` read and parsed a megabyte at a time, as `parse` reads the whole file: the
  /// buffer stays in the cache and no buffer the size of the log is made (a log of 100,000 events
  /// is 20 MB, and touching that much new memory was a tenth of `assess status`). `nil` when the file
  /// cannot be opened or read, or is not a regular file: the caller then reads it with `InputFile`,
  /// which says what went wrong.
  static func parse(fileAt path: String, lenient: Bool) throws(StoreError) -> Parsed? {
    var fd: Int32
    repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    var capacity = 1 << 20
    var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
    defer { buffer.deallocate() }
    var reader = LineReader(path: path, lenient: lenient)
    var filled = 0
    var atEnd = false
    var estimated = false
    while !atEnd {
      if filled == capacity {
        // A line longer than the buffer: make room for it.
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * 2, alignment: 16)
        larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
        buffer.deallocate()
        buffer = larger
        capacity *= 2
      }
      guard let base = buffer.baseAddress else { return nil }
      let n = read(fd, base + filled, capacity - filled)
      if n < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if n == 0 { atEnd = true }
      filled += n
      if !estimated, filled > 0 {
        // The events array sized once, from the first megabyte's lines and the file's size.
        let lines = lineCount(UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
        reader.reserve(Int(Double(lines) * Double(max(Int(info.st_size), filled)) / Double(filled)) + 16)
        estimated = true
      }
      // Every whole line, but one whose line end is the last byte read: whether it is the file's
      // last line (a torn last record is set aside, another is an error) is known only after the
      // next read.
      var start = 0
      while start < filled, let found = memchr(base + start, 0x0A, filled - start) {
        let end = base.distance(to: UnsafeMutableRawPointer(found))
        if end == filled - 1 && !atEnd { break }
        try reader.read(
          UnsafeRawBufferPointer(rebasing: buffer[start..<end]), hasNewline: true, isLast: end + 1 >= filled)
        start = end + 1
      }
      if atEnd {
        if start < filled {
          try reader.read(UnsafeRawBufferPointer(rebasing: buffer[start..<filled]), hasNewline: false, isLast: true)
        }
        break
      }
      // What is left of the last line moves to the front.
      if start > 0 {
        (base + 0).copyMemory(from: base + start, byteCount: filled - start)
        filled -= start
      }
    }
    return reader.parsed
  }

  /// Reads a log line by line into `parsed`, with the same rules whether the log was read whole
  /// or a megabyte at a time.
  private struct LineReader {
    let path: String
    let lenient: Bool
    var parsed = Parsed(chain: EventChain.Checker())
    var lineNumber = 0
    var nextSeq = 1

    init(path: String, lenient: Bool) {
      self.path = path
      self.lenient = lenient
    }

    mutating func reserve(_ lines: Int) {
      parsed.events.reserveCapacity(lines)
      parsed.lines.reserveCapacity(lines)
    }

    /// One line, without its line end; `isLast` when nothing follows it in the file.
    mutating func read(_ line: UnsafeRawBufferPointer, hasNewline: Bool, isLast: Bool) throws(StoreError) {
      lineNumber += 1
      // A blank line (spaces only) is skipped; most lines start with `{`, so look further only when not.
      if line.isEmpty || (EventLog.isSpace(line[0]) && line.allSatisfy(EventLog.isSpace)) { return }
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
        return
      }
      // Not an event, or not UTF-8 (said first: it is why a line reads oddly).
      guard valid, let event = decoded else {
        let problem =
          valid
          ? LogProblem(
            event: lineNumber, place: "\(path):\(lineNumber)",
            message: "\(failure); the session cannot be read until it is repaired")
          : EventLog.invalidUTF8(line, path: path, lineNumber: lineNumber)
        guard lenient else { throw StoreError(.corrupt, problem.description) }
        parsed.unreadable.append(problem)
        parsed.chain.skip(line: line)
        nextSeq += 1
        return
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
  }

  fileprivate static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

  /// The problem of a line that is not UTF-8, naming the first bad byte.
  fileprivate static func invalidUTF8(_ line: UnsafeRawBufferPointer, path: String, lineNumber: Int) -> LogProblem {
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
