import AssessBuiltins
import Testing

@testable import AssessKit

/// What the engine keeps per change for speed (progress, running scale totals, level labels)
/// equals what a full evaluation and the whole path give, on every built-in and on fractional points.
@Suite struct IncrementalStateTests {
  static func builtin(_ file: String) throws -> Questionnaire {
    let source = try #require(Builtins.source(fileName: file))
    return try #require(QuestionnaireLoader.load(text: source.text, file: file).questionnaire)
  }

  /// Progress as the path counts it.
  static func countedProgress(_ e: Engine) -> (Int, Int) {
    let items = e.pathItems
    return (items.filter { e.answer($0).isPresent }.count, items.count)
  }

  static func walk(_ q: Questionnaire, seed: UInt64, steps: Int = 120) {
    var random = SplitMix64(seed: seed)
    var e = Engine(questionnaire: q)
    let ids = RandomAnswers.ids(in: q)
    for _ in 0..<steps {
      let id = ids[Int(random.next() % UInt64(ids.count))]
      e.set(id, to: RandomAnswers.value(for: id, in: q, using: &random))
      let full = Engine(questionnaire: q, answers: e.answers)
      #expect(e.progress == countedProgress(full))
      #expect(e.progress == full.progress)
      #expect(e.scaleValues == full.scaleValues)
      #expect(e.levels.map(\.value) == full.levels.map(\.value))
      #expect(e.risks == full.risks)
      // The next item found without building the path is the first unanswered one after the change.
      let index = q.questionIndex[AnswerSet.splitInstance(id)?.question ?? id] ?? 0
      let items = full.pathItems
      let after = items.filter { $0.question > index } + items.filter { $0.question <= index }
      #expect(e.nextItem(after: index) { !e.answer($0).isPresent } == after.first { !full.answer($0).isPresent })
    }
  }

  @Test(arguments: ["example.yaml", "ai-impact.yaml", "ai-risk.yaml", "eu-ai-act.yaml"])
  func builtinsKeepTheirStateAsAFullEvaluation(file: String) throws {
    let q = try Self.builtin(file)
    for seed in [11, 12, 13] as [UInt64] { Self.walk(q, seed: seed) }
  }

  @Test func fractionalPointsAreSummedAfreshInOrder() throws {
    let q = try load(
      wrap(
        """
          - id: s
            title: S
            questions:
              - {id: a, type: single, prompt: A, options: [{value: x, score: {w: 0.1}}, {value: y, score: {w: 0.7}}]}
              - {id: b, type: single, prompt: B, options: [{value: x, score: {w: 0.2}}, {value: y, score: {w: 0.3}}]}
              - {id: c, type: multi, prompt: C, options: [{value: x, score: {w: 0.3, n: 2}}, {value: y, score: {n: 5}}]}
        """, head: "scales: [{id: w}, {id: n}]"))
    let graph = DependencyGraph(q)
    #expect(graph.exactScales == [false, true])
    for seed in [1, 2, 3, 4] as [UInt64] { Self.walk(q, seed: seed, steps: 60) }
    // 0.1 + 0.2 + 0.3 summed in question order, as a full evaluation sums it.
    var e = Engine(questionnaire: q)
    for (id, value) in [("c", Value.list([.string("x")])), ("a", .string("x")), ("b", .string("x"))] {
      e.set(id, to: value)
    }
    #expect(e.scaleValues[0] == 0.1 + 0.2 + 0.3)
  }

  @Test func aLevelChangesItsDependentsOnlyWhenItsBandDoes() throws {
    let q = try load(
      wrap(
        """
          - id: s
            title: S
            questions:
              - {id: n, type: number, prompt: N}
        """,
        head: """
          levels:
            - id: band
              value: "n"
              bands: [{max: 10, label: low}, {label: high}]
          """,
        tail: "risks:\n  - {id: r, title: R, dimension: d, when: \"band == 'high'\", likelihood: 2, severity: 2}"))
    var e = Engine(questionnaire: q)
    e.set("n", to: .number(3))
    e.set("n", to: .number(4))
    // The question and the level: the risk reads the band, which stayed 'low'.
    #expect(e.lastEvaluationCount == 2)
    e.set("n", to: .number(40))
    #expect(e.lastEvaluationCount == 3 && e.risks[0].raised)
  }
}
