import Foundation
import Testing

@testable import AssessKit

/// The fast reader of event lines gives what `JSONDecoder` gives, and leaves every other line to it.
@Suite struct EventLineScannerTests {
  static let at = "2026-01-02T03:04:05Z"

  /// Every kind of event, with awkward texts, as the encoder writes them.
  static let events: [SessionEvent.Kind] = [
    .created(questionnaire: "ai-impact", version: "1.2.0", hash: "sha256:ab", source: "built-in"),
    .answered(question: "q", value: .string("caf\u{e9} \"quoted\" \\ back\nline\ttab \u{1} \u{1F600}")),
    .answered(question: "n", value: .number(-42)),
    .answered(question: "f", value: .number(2.5)),
    .answered(question: "e", value: .number(1e300)),
    .answered(question: "b", value: .bool(false)),
    .answered(question: "m", value: .list([.string("a"), .string("b")])),
    .changed(question: "q", old: .string("a"), new: .list([])),
    .cleared(question: "q", old: .bool(true)),
    .skipped(question: "q"),
    .noteAdded(question: nil, text: "a note"),
    .noteAdded(question: "q", text: "é"),
    .flagSet(question: "q", text: nil),
    .flagCleared(question: "q"),
    .participantJoined(name: "Ann", role: nil),
    .treatmentEdited(risk: "r", fields: ["owner": "Bo", "due": "2026-02-01"]),
    .signedOff(name: "Ann", role: "DPO", summary: "residual: 1 High", residual: ["r": "high"], override: nil),
    .signedOff(name: "Ann", role: nil, summary: "s", residual: [:], override: "the board accepted it"),
    .parked(question: "q"),
    .archived(reason: "retired"),
    .archived(reason: nil),
    .restored,
    .rated(question: "q", rater: "Ana", value: .number(3)),
    .raterCopy(session: "w1", rater: "Ana"),
    .signOffVoided(reason: "changed", cause: 7),
    .migrated(fromHash: "sha256:a", toHash: "sha256:b", version: "2", aside: ["x", "y"]),
    .completed,
    .reopened,
  ]

  @Test func everyEventReadsBackTheSameBothWays() throws {
    for (n, kind) in Self.events.enumerated() {
      let event = SessionEvent(seq: n + 1, at: try #require(Timestamp(Self.at)), by: "tester", kind: kind)
      let line = EventCodec.encode(event)
      #expect(try EventCodec.decode(line) == event)
      #expect(try EventCodec.decode(line, scanning: false) == event)
    }
  }

  @Test func theUsualLinesTakeTheFastPath() throws {
    let line =
      #"{"seq":3,"at":"2026-01-02T03:04:05Z","by":"a","type":"answered","question":"q","value":["x",1,true,null]}"#
    let fields = try #require(EventLineScanner.scan(line))
    #expect(EventCodec.Record(scanned: fields) != nil)
  }

  /// Lines outside the subset, or wrong: the fast reader declines, and both ways agree (same event
  /// or same error).
  @Test(arguments: [
    #"{"seq":1.0,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed"}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"answered","question":"q","value":1.5e2}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"answered","question":"q","value":-0}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"answered","question":"q","value":"\ud83d\ude00"}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed","extra":1}"#,
    #"{"seq":1,"seq":2,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed"}"#,
    #"{"seq":"1","at":"2026-01-02T03:04:05Z","by":"a","type":"completed"}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"answered","question":"q","value":null}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"answered","question":"q","value":{"a":1}}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed"} x"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed""#,
    #"{"seq":01,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed"}"#,
    #"{"seq":1,"at":"2026-01-02","by":"a","type":"completed"}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"treatment","risk":"r","fields":{"owner":null}}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"note","question":null,"text":"t\/u"}"#,
    #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"nonsense"}"#,
    #"[1,2]"#,
    "",
  ])
  func oddLinesReadAsJSONDecoderReadsThem(line: String) {
    let fast = Result { () throws(EventCodec.DecodeError) in try EventCodec.decode(line) }
    let slow = Result { () throws(EventCodec.DecodeError) in try EventCodec.decode(line, scanning: false) }
    #expect(fast == slow)
  }

  @Test func invalidUTF8InAStringIsLeftToJSONDecoder() {
    var bytes = Array(#"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"skipped","question":""#.utf8)
    bytes += [0xC3, 0x28] + Array(#""}"#.utf8)
    let line = String(decoding: bytes, as: UTF8.self)
    #expect(
      Result { () throws(EventCodec.DecodeError) in try EventCodec.decode(line) }
        == Result { () throws(EventCodec.DecodeError) in try EventCodec.decode(line, scanning: false) })
  }
}
