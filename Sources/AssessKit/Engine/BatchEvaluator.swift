import Foundation

/// `evaluate --batch`: many answer sets on one questionnaire, one JSON result line each.
///
/// What is the same for every set is built once: the dependency graph (with the compiled
/// expressions the questionnaire holds) and, for each risk, the questions its reasons list. Each
/// line is read by `AnswerLineScanner` (falling back to the JSON decoder for any other line),
/// checked, evaluated in one pass over the graph, and written straight into one output buffer.
package struct BatchEvaluator: Sendable {
  /// The questionnaire.
  package let questionnaire: Questionnaire
  private let graph: DependencyGraph
  private let layout: EvaluationJSON.Layout

  /// Prepares `questionnaire` for many answer sets.
  package init(_ questionnaire: Questionnaire) {
    self.questionnaire = questionnaire
    graph = DependencyGraph(questionnaire)
    layout = EvaluationJSON.Layout(questionnaire)
  }

  /// The engine for one checked answer set, on the prepared graph.
  package func engine(_ answers: AnswerSet) -> Engine {
    Engine(questionnaire: questionnaire, answers: answers, graph: graph)
  }

  /// Evaluates every line of `input` (JSON Lines; blank lines are skipped) and appends one compact
  /// result line for each to `out`: the result of `EvaluationJSON`, or `{"line": N, "errors": [...]}`.
  ///
  /// - Parameter flush: called with the buffer whenever it holds more than `flushAt` bytes (and
  ///   emptied after), so the output of a long batch streams; call it once more at the end.
  /// - Returns: how many lines could not be evaluated.
  package func run(
    _ input: [UInt8], into out: inout JSONWriter, flushAt: Int = 1 << 16, flush: (inout JSONWriter) -> Void
  ) -> Int {
    var bad = 0
    input.withUnsafeBufferPointer { bytes in
      var start = 0
      var number = 0
      while start <= bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        number += 1
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        start = end + 1
        if Self.isBlank(line) { continue }
        if !evaluate(line, number: number, into: &out) { bad += 1 }
        out.raw(UInt8(ascii: "\n"))
        if out.count > flushAt { flush(&out) }
      }
    }
    return bad
  }

  /// Evaluates one line into `out`; returns whether it could be evaluated.
  package func evaluate(_ line: UnsafeBufferPointer<UInt8>, number: Int, into out: inout JSONWriter) -> Bool {
    let pairs: [(String, Value)]
    if let scanned = AnswerLineScanner.scan(line) {
      pairs = scanned
    } else {
      do {
        pairs = try AnswersReader.parseJSONLine(String(decoding: line, as: UTF8.self))
      } catch {
        Self.failure(number, [error.message], into: &out)
        return false
      }
    }
    let (set, errors) = AnswersReader.check(pairs, for: questionnaire)
    guard errors.isEmpty else {
      Self.failure(number, errors.map(\.message), into: &out)
      return false
    }
    EvaluationJSON.write(engine(set), layout: layout, into: &out)
    return true
  }

  private static func failure(_ number: Int, _ messages: [String], into out: inout JSONWriter) {
    out.beginObject()
    out.key("line")
    out.number(Double(number))
    out.key("errors")
    out.strings(messages)
    out.endObject()
  }

  /// Whether a line holds only spaces and tabs (or other Unicode spaces): it is skipped.
  private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var ascii = true
    for b in line {
      if b == 0x20 || b == 0x09 { continue }
      if b < 0x80 { return false }
      ascii = false
    }
    if ascii { return true }
    return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces).isEmpty
  }
}
