#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be read, in one sentence that names it.
package struct InputFileError: Error, CustomStringConvertible, Sendable {
  /// The sentence.
  package let message: String
  package var description: String { message }
}

/// The one way `assess` reads a file given to it (a questionnaire, an answers file, a form, a template):
/// the whole file, by streaming `read(2)` until the end, so a pipe, a FIFO, process substitution
/// (`<(...)`, `/dev/fd/N`), `/dev/stdin` and character devices read as well as a regular file does
/// (no size taken from `stat`, no mapping). `-` is standard input.
///
/// Each way it can fail has its own sentence: the file does not exist, is a folder, may not be read
/// (permission denied), cannot be read (the system's reason), or is not UTF-8 text (with the line and
/// byte where the UTF-8 breaks).
package enum InputFile {
  /// The name messages use for `path`: `<stdin>` for `-`.
  package static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

  /// The bytes of `path` (`-`: standard input).
  /// - Throws: `InputFileError` naming `what` and the file.
  package static func bytes(_ path: String, what: String) throws(InputFileError) -> [UInt8] {
    let name = displayName(path)
    if path == "-" || path == "/dev/stdin" { return try readAll(0, what: what, name: name) }
    var fd: Int32
    repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
    guard fd >= 0 else { throw failure(errno, what: what, name: name) }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw InputFileError(message: "\(what) '\(name)' is a folder, not a file")
    }
    return try readAll(fd, what: what, name: name)
  }

  /// The text of `path` (`-`: standard input), which must be UTF-8.
  /// - Throws: `InputFileError`; for bytes that are not UTF-8, with the line and the byte in that line.
  package static func text(_ path: String, what: String) throws(InputFileError) -> String {
    let data = try bytes(path, what: what)
    if let text = String(validating: data, as: UTF8.self) { return text }
    let (line, byte) = firstInvalidUTF8(data).map { position($0, in: data) } ?? (1, 1)
    throw InputFileError(
      message:
        "\(what) '\(displayName(path))' is not UTF-8 text: line \(line), byte \(byte) of that line is not valid UTF-8; save it as UTF-8"
    )
  }

  /// The offset of the first byte that does not decode as UTF-8, or `nil` when all of it does.
  /// - Complexity: O(n).
  package static func firstInvalidUTF8(_ data: [UInt8]) -> Int? {
    data.withUnsafeBytes { UTF8Check.firstInvalidByte($0) }
  }

  /// The 1-based line and byte within that line of `offset`.
  package static func position(_ offset: Int, in data: [UInt8]) -> (line: Int, byte: Int) {
    var line = 1
    var lineStart = 0
    for index in 0..<min(offset, data.count) where data[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    return (line, offset - lineStart + 1)
  }

  /// Reads `fd` to its end.
  private static func readAll(_ fd: Int32, what: String, name: String) throws(InputFileError) -> [UInt8] {
    var data: [UInt8] = []
    // A regular file's size is known: the array is sized once instead of regrown (and recopied) as
    // it fills; a pipe or a file that grows meanwhile is read on all the same.
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 {
      // At most 1 GiB ahead: a sparse file claiming more is read on as it fills, not reserved at once.
      data.reserveCapacity(Int(min(info.st_size, 1 << 30)) + 1)
    }
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { buffer in read(fd, buffer.baseAddress, buffer.count) }
      if count == 0 { return data }
      if count < 0 {
        if errno == EINTR { continue }
        if errno == EISDIR { throw InputFileError(message: "\(what) '\(name)' is a folder, not a file") }
        throw failure(errno, what: what, name: name)
      }
      data.append(contentsOf: chunk[0..<count])
    }
  }

  /// The sentence for a failed `open` or `read`.
  static func failure(_ code: Int32, what: String, name: String) -> InputFileError {
    switch code {
    case ENOENT: return InputFileError(message: "\(what) '\(name)' does not exist")
    case EACCES, EPERM:
      return InputFileError(message: "\(what) '\(name)' cannot be read: permission denied (see its permissions)")
    case EISDIR: return InputFileError(message: "\(what) '\(name)' is a folder, not a file")
    default: return InputFileError(message: "cannot read \(what) '\(name)': \(String(cString: strerror(code)))")
    }
  }
}
