import AssessKit
import Foundation
import Testing

@testable import AssessStore

/// The file store reads a log a megabyte at a time (`EventLog.parse(fileAt:)`); it must give what
/// reading the whole file at once gives (`EventLog.parse(_:path:)`): the same events, line numbers,
/// warnings, problems, chain and thrown errors, wherever the buffer's edges fall.
@Suite struct StreamedLogTests {
  static let megabyte = 1 << 20

  /// A chained log of `count` answer events, each line padded by `pad` bytes of text.
  static func lines(_ count: Int, pad: Int = 0) -> [String] {
    var out: [String] = []
    var head: String?
    for seq in 1...count {
      let event = SessionEvent(
        seq: seq, at: Timestamp(seconds: 1_767_225_600 + Double(seq)), by: "tester",
        kind: .noteAdded(question: nil, text: String(repeating: "n", count: pad)), prev: head)
      let line = EventCodec.encode(event)
      head = EventChain.hash(line)
      out.append(line)
    }
    return out
  }

  struct Outcome: Equatable {
    var events: [SessionEvent] = []
    var lines: [Int] = []
    var warnings: [String] = []
    var unreadable: [LogProblem] = []
    var head: String?
    var error: String?
  }

  static func outcome(_ read: () throws(StoreError) -> EventLog.Parsed?) -> Outcome {
    do {
      guard let parsed = try read() else { return Outcome(error: "not read") }
      return Outcome(
        events: parsed.events, lines: parsed.lines, warnings: parsed.warnings, unreadable: parsed.unreadable,
        head: parsed.chain.head)
    } catch {
      return Outcome(error: error.message)
    }
  }

  /// Both readings of `bytes`, leniently and not.
  static func compare(_ bytes: [UInt8], _ comment: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("events.jsonl").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    for lenient in [false, true] {
      let whole = outcome { () throws(StoreError) in try EventLog.parse(bytes, path: path, lenient: lenient) }
      let streamed = outcome { () throws(StoreError) in try EventLog.parse(fileAt: path, lenient: lenient) }
      #expect(streamed == whole, "\(comment), lenient \(lenient)")
      #expect(whole.error != "not read")
    }
  }

  @Test func aLongLogReadsTheSameAcrossBufferEdges() throws {
    // About 2.5 MB: two edges of the buffer fall inside lines.
    let text = Self.lines(12_000, pad: 80).joined(separator: "\n") + "\n"
    try Self.compare(Array(text.utf8), "12,000 events")
    #expect(try EventLog.parse(Array(text.utf8), path: "events.jsonl").events.count == 12_000)
  }

  @Test func aLineEndAtTheBufferEdgeThenATornOrWholeLastLine() throws {
    // The first line's end is the megabyte's last byte; what follows is the last line.
    let head = Self.lines(1).joined()
    let padding = Self.megabyte - 1 - head.utf8.count - 1
    var first = Array(head.utf8)
    first.append(0x0A)
    first += Array(repeating: 0x20, count: padding)  // a blank line
    first.append(0x0A)
    #expect(first.count == Self.megabyte)
    let second = Array(Self.lines(2)[1].utf8)
    try Self.compare(first, "the log ends at the edge")
    try Self.compare(first + second, "a whole last line without its line end after the edge")
    try Self.compare(first + second.prefix(20), "a torn last line after the edge")
    try Self.compare(first + Array("not json\n".utf8), "an unreadable last line after the edge")
    try Self.compare(first + Array("not json\n".utf8) + second + [0x0A], "an unreadable line, then one more")
  }

  @Test func aLineLongerThanTheBuffer() throws {
    let lines = Self.lines(3, pad: 3 * Self.megabyte)
    try Self.compare(Array((lines.joined(separator: "\n") + "\n").utf8), "three lines of 3 MB")
    try Self.compare(Array(lines.joined(separator: "\n").utf8), "the last without its line end")
  }

  @Test func oddLogsReadTheSame() throws {
    let lines = Self.lines(5)
    let cases: [(String, [UInt8])] = [
      ("empty", []),
      ("blank lines", Array(("\n  \n" + lines.joined(separator: "\n\n") + "\n\n").utf8)),
      ("CRLF", Array((lines.joined(separator: "\r\n") + "\r\n").utf8)),
      ("invalid UTF-8", Array((lines[0] + "\n").utf8) + [0xFF, 0x7B, 0x0A] + Array((lines[1] + "\n").utf8)),
      ("numbers out of order", Array((lines[0] + "\n" + lines[2] + "\n").utf8)),
      ("torn last line", Array((lines[0] + "\n" + lines[1].prefix(10)).utf8)),
    ]
    for (name, bytes) in cases { try Self.compare(bytes, name) }
  }
}
