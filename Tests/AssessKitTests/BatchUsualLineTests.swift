import Foundation
import Testing

@testable import AssessKit

/// `evaluate --batch`'s path for the usual line (keys found by their bytes, answers checked by
/// question index, the engine reading answers by index) gives what the full path gives: the
/// same accepted values, and the same bytes for every line, usual or not.
@Suite struct BatchUsualLineTests {
  static let builtins = ["example.yaml", "ai-impact.yaml", "ai-risk.yaml", "eu-ai-act.yaml"]

  /// Values of every kind for a question: each option as written, in another case, padded, in
  /// lists (alone, two, every one, twice, with an exclusive option), numbers in and out of range,
  /// fractions, Booleans, texts that read as numbers or yes/no, empty ones, null.
  static func candidates(for question: Question) -> [Value] {
    var out: [Value] = [
      .null, .bool(true), .bool(false), .number(0), .number(1), .number(2.5), .number(-3), .number(1e9),
      .number(.infinity), .number(.nan), .string(""), .string("yes"), .string("No"), .string("3"), .string(" 4 "),
      .string("text"), .list([]), .list([.number(1)]), .list([.bool(true)]),
    ]
    if let lo = question.min { out += [.number(lo), .number(lo - 1), .number(lo + 0.5)] }
    if let hi = question.max { out += [.number(hi), .number(hi + 1)] }
    let values = question.options.map(\.value)
    for v in values {
      out += [
        .string(v), .string(v.uppercased()), .string(" \(v) "), .list([.string(v)]), .list([.string(v), .string(v)]),
      ]
    }
    if values.count > 1 {
      out += [
        .list([.string(values[1]), .string(values[0])]), .list(values.map(Value.string)),
        .list(values.reversed().map(Value.string)), .list([.string(values[0]), .number(1)]),
      ]
    }
    for o in question.options where o.exclusive {
      out.append(.list([.string(o.value), .string(values.first { $0 != o.value } ?? "x")]))
    }
    return out
  }

  @Test(arguments: builtins)
  func whatIsAcceptedAsWrittenIsWhatTheCheckerGives(file: String) throws {
    let q = try IncrementalStateTests.builtin(file)
    var fast = 0
    var slow = 0
    for (i, question) in q.questions.enumerated() {
      for value in Self.candidates(for: question) {
        let checked: Value?
        do { checked = try AnswerChecker.check(question.id, value, in: q) } catch { checked = nil }
        guard let quick = AnswerChecker.acceptedAsIs(value, question: i, in: q) else {
          slow += 1
          continue
        }
        fast += 1
        // Accepted as written: the checker accepts it too, with the same value (NaN never gets here).
        #expect(checked == quick, "\(file): '\(question.id)' given \(value)")
      }
    }
    // Most values of these kinds are the usual kind: the quick path is taken, and not for everything.
    #expect(fast > 20 && slow > 20, "\(file): \(fast) quick, \(slow) left to the checker")
  }

  /// What `evaluate --batch` printed before the usual line's path: each line scanned (or decoded),
  /// sorted by id, checked, and the result of a fresh engine, or the line's errors.
  static func reference(_ q: Questionnaire, _ lines: [String]) -> String {
    var out = ""
    for (k, line) in lines.enumerated() {
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      var errors: [String] = []
      var result = ""
      if let pairs = AnswerLineScanner.scan(ArraySlice(Array(line.utf8))) ?? (try? AnswersReader.parseJSONLine(line)) {
        let (set, problems) = AnswersReader.check(pairs, for: q)
        errors = problems.map(\.message)
        if errors.isEmpty { result = EvaluationJSON.make(Engine(questionnaire: q, answers: set)).serialized() }
      } else {
        errors = ["the line is not a JSON object of answers"]
      }
      if !errors.isEmpty {
        result = JSON.object([("line", .number(Double(k + 1))), ("errors", .array(errors.map(JSON.string)))])
          .serialized()
      }
      out += result + "\n"
    }
    return out
  }

  static func batch(_ q: Questionnaire, _ lines: [String]) -> String {
    var writer = JSONWriter(pretty: false)
    var text = ""
    _ = BatchEvaluator(q).run(Array(lines.joined(separator: "\n").utf8), into: &writer, flushAt: 512) { w in
      text += w.text
      w.removeAll()
    }
    return text + writer.text
  }

  /// A random answer set of `q` as one JSON line, keys in random order, sometimes with a
  /// duplicate, an unknown or misspelt key, an instance id, a value in another case, a bad value.
  static func line(_ q: Questionnaire, _ random: inout SplitMix64) -> String {
    var pairs: [(String, Value)] = []
    // Half the lines leave repeated questions out: an instance key sends a line to the full path.
    let plain = random.next() % 2 == 0
    for id in RandomAnswers.ids(in: q) where !plain || AnswerSet.splitInstance(id) == nil {
      if let v = RandomAnswers.value(for: id, in: q, using: &random) { pairs.append((id, v)) }
    }
    if random.next() % 4 == 0 { pairs.append((pairs.first?.0 ?? "x", .null)) }
    if !pairs.isEmpty {
      let k = Int(random.next() % UInt64(pairs.count))
      switch random.next() % 20 {
      case 0: pairs.append(pairs[k])
      case 1: pairs.append(("no-such-question", .string("x")))
      case 2: pairs[k].1 = .string("not an option")
      case 3: if case .string(let s) = pairs[k].1 { pairs[k].1 = .string(s.uppercased()) }
      case 4: pairs[k].1 = .list([.list([])])
      case 5: pairs[k].1 = .number(-1e9)
      case 6, 7:
        // The same key again with another value (the decoder keeps the first).
        let again = RandomAnswers.value(for: pairs[k].0, in: q, using: &random) ?? .string("x")
        pairs.append((pairs[k].0, again == pairs[k].1 ? .string("other") : again))
      default: break
      }
    }
    var order = Array(pairs.indices)
    for i in order.indices.reversed() { order.swapAt(i, Int(random.next() % UInt64(i + 1))) }
    func text(_ v: Value) -> String {
      switch v {
      case .list(let items): return "[" + items.map(text).joined(separator: ",") + "]"
      default: return v.json.serialized()
      }
    }
    return "{" + order.map { JSON.string(pairs[$0].0).serialized() + ":" + text(pairs[$0].1) }.joined(separator: ",")
      + "}"
  }

  @Test(arguments: builtins)
  func everyLineGivesWhatTheFullPathGives(file: String) throws {
    let q = try IncrementalStateTests.builtin(file)
    var random = SplitMix64(seed: testSeed(21))
    var lines = (0..<200).map { _ in Self.line(q, &random) }
    lines += ["", "   ", "{}", "[1]", #"{"a":"x\"y"}"#, "not json"]
    #expect(Self.batch(q, lines) == Self.reference(q, lines))
    // Both paths are taken, each for many lines.
    let batch = BatchEvaluator(q)
    var seen = [Int32](repeating: 0, count: q.questions.count)
    let usual = lines.enumerated().filter { k, line in
      Array(line.utf8).withUnsafeBufferPointer { batch.usualAnswers($0, number: k + 1, seen: &seen) != nil }
    }.count
    #expect(usual > 20 && usual < lines.count - 20, "\(file): \(usual) of \(lines.count) lines took the usual path")
  }

  @Test func theStoredAIALinesGiveWhatTheFullPathGives() throws {
    let (q, _) = try SurveyJSDifferentialTests.form(SurveyJSDifferentialTests.aiaPath)
    let walks = try fixture("surveyjs/aia-walks.jsonl")
    let lines = try walks.split(separator: "\n").prefix(120).map { line in
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let data = try JSONSerialization.data(withJSONObject: try #require(object["answers"]))
      return String(decoding: data, as: UTF8.self)
    }
    // Every stored line takes the usual line's path.
    let batch = BatchEvaluator(q)
    var seen = [Int32](repeating: 0, count: q.questions.count)
    for (k, line) in lines.enumerated() {
      let usual = Array(line.utf8).withUnsafeBufferPointer { batch.usualAnswers($0, number: k + 1, seen: &seen) }
      #expect(usual != nil, "line \(k + 1)")
    }
    #expect(Self.batch(q, lines) == Self.reference(q, lines))
  }

  @Test(arguments: builtins)
  func theIdTableFindsEachQuestionByItsBytesAndNothingElse(file: String) throws {
    let q = try IncrementalStateTests.builtin(file)
    let table = QuestionIdTable(q)
    func find(_ key: String) -> Int? { Array(key.utf8).withUnsafeBufferPointer { table.index(of: $0) } }
    for (i, question) in q.questions.enumerated() {
      #expect(find(question.id) == i, "\(question.id)")
      for other in [question.id + "x", String(question.id.dropLast()), "x" + question.id, question.id.uppercased()]
      where q.questionIndex[other] == nil {
        #expect(find(other) == nil, "\(other)")
      }
    }
    #expect(find("") == nil)
  }
}
