import AssessBuiltins
import Foundation
import Testing

@testable import AssessKit

/// What the faster JSON result (issue 13: under 5 ms at 5,000 questions) relies on, each against
/// the slow, obvious way: the writer's word-at-a-time escape test and its pointer buffer, the
/// `requiredNow` the result reads for `isRequired`, the shortcut for answers aside, and the marked
/// array `questionsRead` uses instead of a set.
@Suite struct JSONResultSpeedTests {
  static func quoted(_ s: String) -> String { JSONStreamingTests.reference(.string(s), indent: nil) }

  /// Texts of every length up to 40 bytes with one byte to escape (or a non-ASCII character) at
  /// every position: the first word, the last word, the tail and the word boundaries.
  @Test func everyLengthAndEveryPlaceOfAnEscapeIsWrittenAsBefore() {
    let specials = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1f}", "\u{7f}", " ", "é", "🙂", "日"]
    for length in 0...40 {
      let plain = String((0..<length).map { Character(UnicodeScalar(UInt8(0x41 + $0 % 26))) })
      #expect(JSON.string(plain).serialized() == Self.quoted(plain))
      #expect(
        JSON.object([(plain, .string(plain))]).pretty()
          == JSONStreamingTests.reference(
            .object([(plain, .string(plain))]), indent: "  "))
      for position in 0...length {
        for special in specials {
          var text = plain
          text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
          #expect(
            JSON.string(text).serialized() == Self.quoted(text), "\(length) \(position) \(special.debugDescription)")
          let object = JSON.object([(text, .array([.string(text), .number(Double(position))]))])
          #expect(object.serialized() == JSONStreamingTests.reference(object, indent: nil))
        }
      }
    }
  }

  /// The word test flags a word exactly when one of its bytes is below 0x20, a quote or a
  /// backslash: every byte value at every place among bytes that need nothing, and random words.
  @Test func theWordTestFindsExactlyTheBytesToEscape() {
    func word(_ bytes: [UInt8]) -> UInt64 { bytes.enumerated().reduce(0) { $0 | UInt64($1.1) << (8 * UInt64($1.0)) } }
    func expected(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
    for filler: UInt8 in [0x20, 0x41, 0x7F, 0x80, 0xA0, 0xFF] {
      for place in 0..<8 {
        for value in 0...255 {
          var bytes = [UInt8](repeating: filler, count: 8)
          bytes[place] = UInt8(value)
          #expect(JSONWriter.needsEscape(word(bytes)) == expected(bytes), "\(filler) \(place) \(value)")
        }
      }
    }
    var random = SplitMix64(seed: testSeed(21))
    for _ in 0..<100_000 {
      let bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      #expect(JSONWriter.needsEscape(word(bytes)) == expected(bytes))
    }
  }

  /// A writer that starts with the smallest buffer grows through many doublings and writes what a
  /// large one writes; emptied, it writes the next text from the start.
  @Test func aWriterGrowsAndEmptiesWithoutLosingBytes() {
    var random = SplitMix64(seed: testSeed(22))
    let values = (0..<200).map { _ in JSONStreamingTests.randomJSON(&random) }
    let big = JSON.array(values)
    for pretty in [false, true] {
      var writer = JSONWriter(pretty: pretty, capacity: 1)
      writer.json(big)
      #expect(writer.text == JSONStreamingTests.reference(big, indent: pretty ? "  " : nil))
      #expect(writer.count == writer.bytes.count)
      writer.removeAll()
      writer.json(values[0])
      writer.raw(UInt8(ascii: "\n"))
      #expect(writer.text == JSONStreamingTests.reference(values[0], indent: pretty ? "  " : nil) + "\n")
    }
  }

  /// The result's `unanswered` (read from `requiredNow`) and `aside` (skipped when every answer is
  /// an answered path item) are what the engine's own queries give, on random walks of every
  /// built-in, including answers that a later answer moves off the path.
  @Test(arguments: ["example.yaml", "ai-impact.yaml", "ai-risk.yaml", "eu-ai-act.yaml"])
  func unansweredAndAsideAreTheEnginesOwn(file: String) throws {
    let q = try IncrementalStateTests.builtin(file)
    var random = SplitMix64(seed: testSeed(23))
    let ids = RandomAnswers.ids(in: q)
    var asideSeen = 0
    for walk in 0..<4 {
      var e = Engine(questionnaire: q)
      for step in 0..<(walk == 0 ? 200 : 60) {
        let id = ids[Int(random.next() % UInt64(ids.count))]
        e.set(id, to: RandomAnswers.value(for: id, in: q, using: &random))
        let result = EvaluationJSON.make(e)
        #expect(Self.strings(result, "unanswered") == e.unanswered, "\(file) walk \(walk) step \(step)")
        #expect(Self.strings(result, "aside") == e.answersAside, "\(file) walk \(walk) step \(step)")
        if !e.answersAside.isEmpty { asideSeen += 1 }
      }
    }
    // An answer to an id no question has is aside too (the counts differ, so the set is built).
    var e = Engine(questionnaire: q, answers: AnswerSet(["no-such-question": .string("x")]))
    #expect(Self.strings(EvaluationJSON.make(e), "aside") == ["no-such-question"])
    e.set("no-such-question", to: nil)
    #expect(Self.strings(EvaluationJSON.make(e), "aside") == [])
    if file != "example.yaml" { #expect(asideSeen > 0, "the walks never moved an answer off the path") }
  }

  /// The questions each risk's rules read, marked in an array, are those the former set gave.
  @Test(arguments: ["example.yaml", "ai-impact.yaml", "ai-risk.yaml", "eu-ai-act.yaml"])
  func theQuestionsARiskReadsAreThoseOfTheSet(file: String) throws {
    let q = try IncrementalStateTests.builtin(file)
    for risk in q.risks {
      let expressions = [risk.when, risk.likelihood, risk.severity, risk.residualLikelihood, risk.residualSeverity]
      #expect(Engine.questionsRead(by: expressions, in: q) == Self.readBySet(expressions, in: q), "\(risk.id)")
    }
    // A risk on a scale most questions add to (the array is scanned), and one on two questions
    // (the few found are sorted).
    var yaml = "assess: 1\nid: reads\ntitle: Reads\nversion: 1.0.0\nscales: [{id: impact}]\n"
    yaml += "computed:\n  - {id: total, value: \"impact * 2\"}\n"
    yaml += "levels:\n  - id: band\n    value: \"total\"\n    bands: [{max: 10, label: low}, {label: high}]\n"
    yaml += "sections:\n  - id: s\n    title: S\n    questions:\n"
    for i in 0..<40 {
      yaml += "      - id: q\(i)\n        type: single\n        prompt: Q\(i)?\n        options:\n"
      yaml += "          - {value: a\(i % 3 == 0 ? "" : ", score: {impact: 1}")}\n          - {value: b}\n"
    }
    yaml += "risks:\n  - {id: all, title: All, dimension: d, likelihood: 3, severity: \"if(band == 'high', 5, 3)\"}\n"
    yaml +=
      "  - {id: two, title: Two, dimension: d, when: \"q30 == 'a'\", likelihood: 3, severity: \"if(q7 == 'b', 5, 3)\"}\n"
    let loaded = QuestionnaireLoader.load(text: yaml, file: "reads.yaml")
    let r = try #require(loaded.questionnaire, "\(loaded.diagnostics.map(\.message))")
    for risk in r.risks {
      let expressions = [risk.when, risk.likelihood, risk.severity]
      #expect(Engine.questionsRead(by: expressions, in: r) == Self.readBySet(expressions, in: r), "\(risk.id)")
    }
    #expect(Engine.questionsRead(by: [r.risks[0].severity], in: r).count == 26)
    #expect(Engine.questionsRead(by: [r.risks[1].when, r.risks[1].severity], in: r) == [7, 30])
  }

  /// The former `questionsRead`: a set of question indices, sorted.
  static func readBySet(_ expressions: [AssessKit.Expression?], in q: Questionnaire) -> [Int] {
    var questions = Set<Int>()
    var seen = Set<Symbol>()
    var stack: [Symbol] = expressions.compactMap { $0 }.flatMap { $0.compiled.dependencies }
    while let symbol = stack.popLast() {
      guard seen.insert(symbol).inserted else { continue }
      switch symbol {
      case .question(let i), .instance(let i, _): questions.insert(i)
      case .scale(let s): questions.formUnion(q.contributors[s])
      case .computed(let c): stack += q.computed[c].value.compiled.dependencies
      case .level(let l): stack += q.levels[l].value.compiled.dependencies
      }
    }
    return questions.sorted()
  }

  /// The strings of an array member of a result.
  static func strings(_ result: JSON, _ key: String) -> [String]? {
    guard case .object(let pairs) = result, let value = pairs.first(where: { $0.0 == key })?.1,
      case .array(let items) = value
    else { return nil }
    return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
  }
}
