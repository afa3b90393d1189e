import AssessBuiltins
import Foundation
import Testing

@testable import AssessKit

/// The streaming JSON writer writes what the tree writer wrote (issue 13: the result is written
/// straight into one buffer, byte for byte as before), and the batch line scanner reads what the
/// JSON decoder reads.
@Suite struct JSONStreamingTests {
  /// The formatter `JSON` had before the streaming writer, kept here as the reference.
  static func reference(_ j: JSON, indent: String?, level: Int = 0) -> String {
    func newline(_ level: Int) -> String {
      guard let indent else { return "" }
      return "\n" + String(repeating: indent, count: level)
    }
    func quote(_ s: String) -> String {
      var out = "\""
      for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
          if scalar.value < 0x20 {
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
          } else {
            out.unicodeScalars.append(scalar)
          }
        }
      }
      return out + "\""
    }
    switch j {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return JSON.format(n)
    case .string(let s): return quote(s)
    case .array(let items):
      if items.isEmpty { return "[]" }
      let inner = items.map { newline(level + 1) + reference($0, indent: indent, level: level + 1) }
      return "[" + inner.joined(separator: ",") + newline(level) + "]"
    case .object(let pairs):
      if pairs.isEmpty { return "{}" }
      let inner = pairs.map { key, value in
        newline(level + 1) + quote(key) + (indent == nil ? ":" : ": ")
          + reference(value, indent: indent, level: level + 1)
      }
      return "{" + inner.joined(separator: ",") + newline(level) + "}"
    }
  }

  static func randomJSON(_ random: inout SplitMix64, depth: Int = 0) -> JSON {
    let texts = ["", "a", "é ü", "quote \" and \\", "line\nbreak\ttab\r", "\u{1}\u{1f}\u{7f}", "日本", "🙂 x"]
    let numbers: [Double] = [
      0, -0.0, 1, -1, 7, 42, 0.1, -2.5, 1e15, 999_999_999_999_999, -1e14, 1e300, .nan, .infinity, 123.456,
    ]
    switch random.next() % (depth > 3 ? 4 : 6) {
    case 0: return .null
    case 1: return .bool(random.next() % 2 == 0)
    case 2: return .number(numbers[Int(random.next() % UInt64(numbers.count))])
    case 3: return .string(texts[Int(random.next() % UInt64(texts.count))])
    case 4: return .array((0..<Int(random.next() % 4)).map { _ in randomJSON(&random, depth: depth + 1) })
    default:
      return .object(
        (0..<Int(random.next() % 4)).map { i in
          (texts[Int(random.next() % UInt64(texts.count))] + "\(i)", randomJSON(&random, depth: depth + 1))
        })
    }
  }

  @Test func theWriterFormatsExactlyAsTheTreeFormatterDid() {
    var random = SplitMix64(seed: testSeed(5))
    for _ in 0..<2000 {
      let j = Self.randomJSON(&random)
      #expect(j.serialized() == Self.reference(j, indent: nil))
      #expect(j.pretty() == Self.reference(j, indent: "  "))
    }
  }

  @Test(arguments: ["example.yaml", "ai-impact.yaml", "ai-risk.yaml", "eu-ai-act.yaml"])
  func theStreamedResultIsTheTreeResult(file: String) throws {
    let q = try IncrementalStateTests.builtin(file)
    var random = SplitMix64(seed: testSeed(8))
    var e = Engine(questionnaire: q)
    let ids = RandomAnswers.ids(in: q)
    let batch = BatchEvaluator(q)
    let layout = EvaluationJSON.Layout(q)
    let treatments = ["no-such-risk": ["owner": "x"]].merging(
      q.risks.prefix(2).map { ($0.id, ["owner": "Ana", "actions": "one\ntwo"]) }, uniquingKeysWith: { $1 })
    for step in 0..<60 {
      let id = ids[Int(random.next() % UInt64(ids.count))]
      e.set(id, to: RandomAnswers.value(for: id, in: q, using: &random))
      let tree = EvaluationJSON.make(e, treatments: treatments)
      #expect(EvaluationJSON.text(e, treatments: treatments, pretty: true) == Self.reference(tree, indent: "  "))
      #expect(EvaluationJSON.text(e, pretty: false) == EvaluationJSON.make(e).serialized(), "\(file) step \(step)")
      // The batch's prepared graph and layout give the same result as a fresh engine.
      var writer = JSONWriter(pretty: false)
      EvaluationJSON.write(batch.engine(e.answers), layout: layout, into: &writer)
      #expect(writer.text == EvaluationJSON.make(Engine(questionnaire: q, answers: e.answers)).serialized())
    }
  }

  static func decoded(_ line: String) -> [(String, Value)]? { try? AnswersReader.parseJSONLine(line) }

  static func scanned(_ line: String) -> [(String, Value)]? { AnswerLineScanner.scan(ArraySlice(Array(line.utf8))) }

  static func same(_ a: [(String, Value)]?, _ b: [(String, Value)]?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
  }

  @Test func theScannerReadsWhatTheDecoderReads() {
    let lines = [
      #"{}"#, #" { } "#, #"{"a":"x"}"#, #"{"b": 1, "a": "y"}"#, #"{"a":true,"b":false,"c":null}"#,
      #"{"a":[]}"#, #"{"a":["x","y"],"b":[1,2.5,true,null]}"#, #"{"a":-0}"#, #"{"a":0.5,"b":-12.25}"#,
      #"{"a":123456789012345678901234}"#, #"{"a":"é 日本 🙂"}"#, #"{"":"empty key"}"#, "{\"a\":1}\r",
      "\t{\"a\" :\t1 ,\"b\":2}", #"{"a":0}"#, #"{"a":1.0}"#, #"{"a":100}"#,
    ]
    for line in lines {
      let scanned = Self.scanned(line)
      #expect(scanned != nil, "\(line)")
      #expect(Self.same(scanned, Self.decoded(line)), "\(line)")
    }
  }

  @Test func theScannerLeavesEveryOtherLineToTheDecoder() {
    // Escapes, exponents, nesting, duplicates, bad syntax and bad text: the decoder decides.
    let lines = [
      #"{"a":"x\"y"}"#, #"{"a":"\u00e9"}"#, #"{"a":1e3}"#, #"{"a":1E400}"#, #"{"a":{"b":1}}"#, #"{"a":[[1]]}"#,
      #"{"a":1,"a":2}"#, #"{"a":1,}"#, #"{"a":01}"#, #"{"a":.5}"#, #"{"a":1.}"#, #"{"a":+1}"#, #"{"a":-}"#,
      #"[1]"#, #""x""#, #"{"a":1} x"#, #"{"a":tru}"#, #"{"a":nul}"#, "{\"a\":\"tab\there\"}", #"{a:1}"#,
      #"{"a" 1}"#, #"{"a":1"#, "", "   ",
    ]
    for line in lines { #expect(Self.scanned(line) == nil, "\(line)") }
    // Invalid UTF-8 inside a text.
    #expect(AnswerLineScanner.scan(ArraySlice([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D])) == nil)
  }
}
