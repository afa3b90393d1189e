import CPTY
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the `assess` binary on a pseudo-terminal of its own, as a person at a terminal would:
/// a new session whose controlling terminal is the pty, so readline is active and Ctrl-C is a signal.
final class PseudoTerminal {
  let master: Int32
  let pid: pid_t
  private(set) var transcript = ""

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  init(_ arguments: [String], directory: URL, environment: [String: String] = [:], columns: UInt16 = 100) throws {
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm-256color"
    env["NO_COLOR"] = nil
    env["INPUTRC"] = "/dev/null"
    for (k, v) in environment { env[k] = v }
    let argv = ([assessBinary.path] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for p in argv { free(p) }
      for p in envp { free(p) }
    }
    var fd: Int32 = -1
    let child = assess_spawn_on_pty(assessBinary.path, argv, envp, directory.path, columns, 40, &fd)
    guard child > 0 else { throw Failure(description: "cannot start assess on a pseudo-terminal") }
    master = fd
    pid = child
    let flags = fcntl(master, F_GETFL)
    _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
  }

  /// Waits for `needle` and then for the prompt after it, so keys go to a line editor that is listening.
  @discardableResult
  func expectPrompt(_ needle: String, prompt: String = "> ", sourceLocation: SourceLocation = #_sourceLocation)
    -> String
  {
    expect(needle, sourceLocation: sourceLocation) + expect(prompt, sourceLocation: sourceLocation)
  }

  /// Types `text` (use "\r" for Enter, "\u{3}" for Ctrl-C, "\u{4}" for Ctrl-D, "\t" for Tab).
  func send(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Where the next `expect` starts looking: just after what the last one matched.
  private var cursor: String.Index?

  /// Reads until the output since the last match (escapes left in) contains `needle`; returns that
  /// output up to the end of the match.
  @discardableResult
  func expect(_ needle: String, timeout: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let start = cursor ?? transcript.startIndex
    let deadline = Date().addingTimeInterval(timeout)
    var buffer = [UInt8](repeating: 0, count: 4096)
    while Date() < deadline {
      if let range = transcript[start...].range(of: needle) {
        cursor = range.upperBound
        return String(transcript[start..<range.upperBound])
      }
      var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      _ = poll(&poller, 1, 50)
      let n = read(master, &buffer, buffer.count)
      if n > 0 { transcript += String(decoding: buffer[0..<n], as: UTF8.self) }
    }
    let seen = String(transcript[start...])
    Issue.record(
      "waited for \(needle.debugDescription); the terminal showed: \(seen.debugDescription)",
      sourceLocation: sourceLocation)
    return seen
  }

  /// Waits for the program to end; returns its exit status, or nil if it was still running.
  func waitForExit(timeout: Double = 30) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    var buffer = [UInt8](repeating: 0, count: 4096)
    while Date() < deadline {
      var status: Int32 = 0
      let n = read(master, &buffer, buffer.count)
      if n > 0 { transcript += String(decoding: buffer[0..<n], as: UTF8.self) }
      if waitpid(pid, &status, WNOHANG) == pid {
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -(status & 0x7f)
      }
      usleep(20_000)
    }
    return nil
  }

  func kill(_ signal: Int32) { Glibc.kill(pid, signal) }

  deinit {
    Glibc.kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    close(master)
  }
}
