import Foundation
import Testing

/// `evaluate --batch` as rebuilt for speed (issue 13): the questionnaire prepared once, lines read
/// by a direct scanner (the JSON decoder for any other line), results streamed into one buffer.
/// What it prints must not change.
@Suite struct BatchStreamingTests {
  /// The stored AIA answer sets, one JSON object a line.
  static func aiaLines() throws -> [String] {
    let walks = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/surveyjs/aia-walks.jsonl"), encoding: .utf8)
    return try walks.split(separator: "\n").map { line in
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let data = try JSONSerialization.data(withJSONObject: try #require(object["answers"]), options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self)
    }
  }

  @Test func eachAIALineIsTheSingleEvaluationOfItsSet() throws {
    let lines = Array(try Self.aiaLines().prefix(6))
    let form = "Tests/Fixtures/aia/survey-enfr.json"
    let batch = try assess(["evaluate", form, "--answers", "-", "--batch"], input: lines.joined(separator: "\n"))
    #expect(batch.status == 0, "\(batch.stderr)")
    let results = batch.stdout.split(separator: "\n").map(String.init)
    #expect(results.count == lines.count)
    for (line, result) in zip(lines, results) {
      let single = try assess(["evaluate", form, "--answers", "-", "--json"], input: line)
      #expect(single.status == 0, "\(single.stderr)")
      // The same value, pretty there and compact here: compare them parsed, in key order.
      let a = try JSONSerialization.data(
        withJSONObject: JSONSerialization.jsonObject(with: Data(single.stdout.utf8)), options: [.sortedKeys])
      let b = try JSONSerialization.data(
        withJSONObject: JSONSerialization.jsonObject(with: Data(result.utf8)), options: [.sortedKeys])
      #expect(a == b)
    }
  }

  @Test func linesTheScannerLeavesToTheDecoderGiveTheSameResults() throws {
    // Each pair is one answer set written plainly (scanned) and with escapes, an exponent or spacing
    // the scanner leaves to the JSON decoder: the results must be the same bytes.
    let pairs = [
      (#"{"purpose":"abc","users":50}"#, #"{"purpose":"a\u0062c","users":5e1}"#),
      (#"{"effect":"significant","users":1200}"#, #"{ "users" : 1.2E3 , "effect" : "signific\u0061nt" }"#),
      (#"{"groups":["public","children"]}"#, #"{"groups":["public","ch\u0069ldren"]}"#),
    ]
    let input = pairs.flatMap { [$0.0, $0.1] }.joined(separator: "\n")
    let r = try assess(["evaluate", "example", "--answers", "-", "--batch"], input: input)
    #expect(r.status == 0, "\(r.stderr)")
    let results = r.stdout.split(separator: "\n").map(String.init)
    #expect(results.count == 6)
    for k in stride(from: 0, to: results.count - 1, by: 2) { #expect(results[k] == results[k + 1]) }
  }

  @Test func windowsLineEndsAreOneSetALine() throws {
    // Before, a file with CRLF line ends was read as one line (the text was split on Characters,
    // and "\r\n" is one Character), so every set failed as "not a JSON object of answers".
    let r = try assess(
      ["evaluate", "example", "--answers", "-", "--batch"],
      input: "{\"effect\": \"none\"}\r\n{\"effect\": \"sometimes\"}\r\n\r\n{\"effect\": \"advisory\"}\r\n")
    #expect(r.status == 2)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix(#"{"questionnaire":{"id":"example""#))
    #expect(lines[1].hasPrefix(#"{"line":2,"errors":["'effect' has no option 'sometimes'"#))
    // A line holding only "\r" is not blank (as a line of other control characters): it is refused.
    #expect(lines[2] == #"{"line":3,"errors":["the line is not a JSON object of answers"]}"#)
    #expect(lines[3].contains(#""effect":"advisory""#))
    #expect(r.stderr == "error: 2 lines of '-' could not be evaluated (see their error objects)\n")
  }

  @Test func aLongBatchStreamsEveryLineInOrder() throws {
    // Well past the 64 KB the output buffer is flushed at.
    let sets = (0..<600).map { i in i % 3 == 0 ? #"{"effect":"none"}"# : #"{"effect":"advisory","users":\#(i)}"# }
    let r = try assess(["evaluate", "example", "--answers", "-", "--batch"], input: sets.joined(separator: "\n"))
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 601 && lines.last == "")
    #expect(r.stdout.utf8.count > 1 << 16)
    for (i, line) in lines.dropLast().enumerated() where i % 3 != 0 {
      #expect(line.contains(#""users":\#(i)"#), "line \(i + 1)")
    }
  }
}
