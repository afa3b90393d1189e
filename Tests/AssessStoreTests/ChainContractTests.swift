import Foundation
import Testing

@testable import AssessKit
@testable import AssessPostgres
@testable import AssessStore

/// The hash chain, run against every store: both chain the same bytes the same way.
enum ChainContract {
  static let text: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("questionnaires/example.yaml")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  /// A session recorded through the recorder: created, three answers, a note.
  static func record(in store: any TransferableSessionStore) throws -> [String] {
    let q = try #require(QuestionnaireLoader.load(text: text, file: "example.yaml").questionnaire)
    var tick = 0.0
    let clock = { () -> Timestamp in
      tick += 1
      return Timestamp(seconds: 1_764_410_400 + tick)
    }
    let recorder = try SessionRecorder.create(
      "c1", questionnaire: q, text: text, source: "example", facilitator: "ana", in: store, clock: clock)
    try recorder.answer("purpose", .string("loans"), by: "ana")
    try recorder.answer("effect", .string("significant"), by: "ana")
    try recorder.note("checked with the team", on: "effect", by: "bo")
    recorder.close()
    // Reopened: the chain goes on from the stored last line.
    let (again, _) = try SessionRecorder.open("c1", in: store, clock: clock)
    try again.answer("effect", .string("advisory"), by: "bo")
    again.close()

    let lines = try store.export("c1").lines
    #expect(lines.count >= 6)
    var expected = EventChain.origin(q.hash)
    for line in lines {
      #expect(line.hasSuffix(",\"prev\":\"\(expected)\"}"), "\(line)")
      expected = EventChain.hash(line)
    }
    let record = try store.read("c1")
    #expect(record.chain == .verified)
    #expect(record.head == expected)
    #expect(try store.load("c1").0.integrity == .verified)
    return lines
  }

  /// A copy with one line changed: the link after it breaks, named by its place.
  static func tamperedCopyIsBroken(_ store: any TransferableSessionStore) throws {
    let lines = try record(in: store)
    var stored = try store.export("c1")
    stored.id = "c2"
    stored.lines[3] = stored.lines[3].replacingOccurrences(of: "\"by\":\"ana\"", with: "\"by\":\"eve\"")
    #expect(stored.lines != lines)
    try store.import(stored)
    let record = try store.read("c2")
    guard case .broken(let problem) = record.chain else {
      Issue.record("a changed line was not noticed: \(record.chain)")
      return
    }
    #expect(problem.event == 5)
    #expect(problem.message.hasPrefix("'prev' is "))
    // The session still loads, with a warning naming the place.
    let (session, warnings) = try store.load("c2")
    #expect(session.integrity == record.chain)
    #expect(warnings.contains { $0.contains(problem.place) && $0.contains("fails verification") })
  }
}

@Suite struct FileStoreChainTests {
  @Test func chainsEveryEvent() throws { _ = try ChainContract.record(in: makeFileStore()) }
  @Test func tamperedCopyIsBroken() throws { try ChainContract.tamperedCopyIsBroken(makeFileStore()) }
}

@Suite(.enabled(if: PostgresTestServer.available, PostgresTestServer.skipped))
struct PostgresStoreChainTests {
  @Test func chainsEveryEvent() throws { _ = try ChainContract.record(in: makePostgresStore()) }
  @Test func tamperedCopyIsBroken() throws { try ChainContract.tamperedCopyIsBroken(makePostgresStore()) }
  /// The same actions make the very same lines in both stores.
  @Test func chainsAsTheFileStoreDoes() throws {
    #expect(try ChainContract.record(in: makePostgresStore()) == ChainContract.record(in: makeFileStore()))
  }
}
