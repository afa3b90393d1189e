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
  private let ids: QuestionIdTable

  /// Prepares `questionnaire` for many answer sets.
  package init(_ questionnaire: Questionnaire) {
    self.questionnaire = questionnaire
    graph = DependencyGraph(questionnaire)
    layout = EvaluationJSON.Layout(questionnaire)
    ids = QuestionIdTable(questionnaire)
  }

  /// The engine for one checked answer set, on the prepared graph.
  package func engine(_ answers: AnswerSet) -> Engine {
    Engine(questionnaire: questionnaire, answers: answers, graph: graph)
  }

  /// The engine for `usualAnswers`' result.
  package func engine(_ answers: AnswerSet, given: [Value]) -> Engine {
    Engine(questionnaire: questionnaire, answers: answers, given: given, graph: graph)
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
    input.withUnsafeBufferPointer { run($0, into: &out, flushAt: flushAt, flush: flush) }
  }

  /// `run` over bytes in place (the text of the answers file, without copying it into an array).
  package func run(
    _ bytes: UnsafeBufferPointer<UInt8>, into out: inout JSONWriter, flushAt: Int = 1 << 16,
    flush: (inout JSONWriter) -> Void
  ) -> Int {
    var bad = 0
    var seen = [Int32](repeating: 0, count: questionnaire.questions.count)
    var start = 0
    var number = 0
    while start <= bytes.count {
      var end = bytes.count
      if start < bytes.count, let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, bytes.count - start)
      {
        end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
      }
      number += 1
      let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
      start = end + 1
      if Self.isBlank(line) { continue }
      if !evaluate(line, number: number, seen: &seen, into: &out) { bad += 1 }
      out.raw(UInt8(ascii: "\n"))
      if out.count > flushAt { flush(&out) }
    }
    return bad
  }

  /// Evaluates one line into `out`; returns whether it could be evaluated.
  package func evaluate(_ line: UnsafeBufferPointer<UInt8>, number: Int, into out: inout JSONWriter) -> Bool {
    var seen = [Int32](repeating: 0, count: questionnaire.questions.count)
    return evaluate(line, number: number, seen: &seen, into: &out)
  }

  /// `evaluate`, with a mark per question that is reused across lines (sized to the questions;
  /// a line marks the questions it names with `number`).
  private func evaluate(
    _ line: UnsafeBufferPointer<UInt8>, number: Int, seen: inout [Int32], into out: inout JSONWriter
  ) -> Bool {
    if let (set, given) = usualAnswers(line, number: number, seen: &seen) {
      EvaluationJSON.write(engine(set, given: given), layout: layout, into: &out)
      return true
    }
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

  /// The answers of the usual line, read in one pass without making a `String` for a key: every
  /// key the id of a question that is not repeated, given once, with an answer `AnswerChecker`
  /// accepts as it is written. `nil` for any other line, which the full path then reads and
  /// checks (sorted by id, every error reported), so what is accepted and every message stay the same.
  package func usualAnswers(
    _ line: UnsafeBufferPointer<UInt8>, number: Int, seen: inout [Int32]
  ) -> (AnswerSet, [Value])? {
    let q = questionnaire
    let mark = Int32(truncatingIfNeeded: number)
    var given = [Value](repeating: .null, count: q.questions.count)
    var values: [String: Value] = [:]
    // An answer takes at least about 16 bytes of a line: room for every answer, so the dictionary never grows.
    values.reserveCapacity(Swift.min(q.questions.count, line.count / 16 + 1))
    let read = seen.withUnsafeMutableBufferPointer { seen in
      AnswerLineScanner.visit(line) { key, value in
        guard let i = ids.index(of: key), seen[i] != mark,
          let checked = AnswerChecker.acceptedAsIs(value, question: i, in: q)
        else { return false }
        seen[i] = mark
        if !checked.isNull {
          given[i] = checked
          values[q.questions[i].id] = checked
        }
        return true
      }
    }
    return read ? (AnswerSet(values), given) : nil
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
