import Testing

@testable import AssessKit

@Suite struct EngineTests {
  let q: Questionnaire

  init() throws { q = try example() }

  func engine(_ values: [String: Value]) throws -> Engine {
    Engine(questionnaire: q, answers: try answers(values, for: q))
  }

  func risk(_ engine: Engine, _ id: String) -> RiskState? {
    q.risks.firstIndex { $0.id == id }.map { engine.risks[$0] }
  }

  func rating(_ r: RiskState.Rating?) -> String? { r.map { q.matrix.ratings[$0.rating] } }

  /// Hand-checked: see examples/example-answers.yaml.
  @Test func loanScreeningAnswerSet() throws {
    let e = try engine([
      "purpose": .string("Screen loan applications"), "effect": .string("significant"), "users": .number(50000),
      "groups": .list([.string("public"), .string("children")]), "harm_by_group[public]": .number(3),
      "harm_by_group[children]": .number(4), "subgroup_tested": .bool(false), "oversight": .string("none"),
      "appeal_days": .number(30),
    ])
    #expect(
      e.path == [
        "purpose", "effect", "users", "groups", "harm_by_group[public]", "harm_by_group[children]", "subgroup_tested",
        "oversight", "appeal_days",
      ])
    #expect(e.unanswered.isEmpty)
    // impact: effect 3 + public 1 + children 2; nothing for mitigation.
    #expect(e.scaleValues == [6, 0])
    // mitigated: 0 >= 0.8 * 5 is false; current = impact; worst harm = max(3, 4).
    #expect(e.computed == [.bool(false), .number(6), .number(4)])
    // 6 / 8 * 100 = 75, which the band 'max: 75' still holds.
    #expect(e.levels.map(\.label) == ["III"] && e.levels[0].value == .number(75))

    let unfair = try #require(risk(e, "unfair-outcomes"))
    #expect(unfair.raised && unfair.inherent.likelihood == 4 && unfair.inherent.severity == 5)
    #expect(rating(unfair.inherent) == "critical")
    // Residual likelihood 3 (oversight is not 'every'), severity as inherent: 3 x 5 is critical.
    #expect(unfair.residual?.likelihood == 3 && rating(unfair.residual) == "critical")

    let unchecked = try #require(risk(e, "unchecked-automation"))
    // 50000 users > 10000 gives likelihood 5; severity max(3, 4 + 1) = 5; residual 2 x 3 is medium.
    #expect(unchecked.inherent.likelihood == 5 && unchecked.inherent.severity == 5)
    #expect(rating(unchecked.residual) == "medium")

    let level = try #require(risk(e, "high-impact-level"))
    #expect(level.raised && rating(level.inherent) == "high" && level.residual == nil)
  }

  @Test func advisoryWithStrongMitigation() throws {
    let e = try engine([
      "purpose": .string("Suggest reviewers"), "effect": .string("advisory"),
      "groups": .list([.string("workers"), .string("public")]), "harm_by_group[public]": .number(1),
      "harm_by_group[workers]": .number(2), "children_affected": .bool(true), "subgroup_tested": .bool(true),
      "oversight": .string("every"),
    ])
    // Two groups open the fairness section; oversight 'every' hides appeal_days; options keep their order.
    #expect(
      e.path == [
        "purpose", "effect", "users", "groups", "harm_by_group[public]", "harm_by_group[workers]",
        "children_affected", "subgroup_tested", "oversight",
      ])
    // impact: advisory 1 + public 1 + workers 1 + children_affected 1 = 4; mitigation 2 + 3 = 5.
    #expect(e.scaleValues == [4, 5])
    // mitigated (5 >= 4), so current = round(4 * 0.85, 1) = 3.4; level 3.4 / 8 * 100 = 42.5, band II.
    #expect(e.computed[0] == .bool(true) && e.computed[1] == .number(3.4))
    #expect(e.levels[0].label == "II")
    #expect(e.risks.allSatisfy { !$0.raised })
    #expect(e.unanswered.isEmpty)
  }

  @Test func offPathAnswersAreKeptAsideAndReturn() throws {
    var e = try engine([
      "effect": .string("significant"), "groups": .list([.string("public")]), "subgroup_tested": .bool(false),
      "oversight": .string("none"),
    ])
    #expect(e.scaleValues[0] == 4)
    #expect(risk(e, "unfair-outcomes")?.raised == true)

    e.set("effect", to: .string("none"))
    #expect(e.path == ["purpose", "effect", "users"])
    #expect(e.answersAside == ["groups", "oversight", "subgroup_tested"])
    // Off the path, they count for nothing: no score, no risk, and the level falls to I.
    #expect(e.scaleValues == [0, 0] && e.levels[0].label == "I")
    #expect(e.risks.allSatisfy { !$0.raised })
    #expect(e.answers["groups"] == .list([.string("public")]))

    e.set("effect", to: .string("significant"))
    #expect(e.answersAside.isEmpty)
    #expect(e.scaleValues[0] == 4 && risk(e, "unfair-outcomes")?.raised == true)
  }

  @Test func repeatInstancesFollowTheChosenOptionsAndSkipExclusiveOnes() throws {
    var e = try engine(["effect": .string("advisory"), "groups": .list([.string("nobody")])])
    #expect(!e.path.contains { $0.hasPrefix("harm_by_group") })
    e.set("groups", to: .list([.string("children")]))
    #expect(e.path.contains("harm_by_group[children]") && !e.path.contains("children_affected"))
    #expect(e.unanswered.contains("harm_by_group[children]"))
    e.set("harm_by_group[children]", to: .number(4))
    #expect(e.computed[2] == .number(4))
    e.set("groups", to: .list([.string("public")]))
    // The children instance is kept aside; max(0, []) over no answered instance is 0.
    #expect(e.answersAside == ["harm_by_group[children]"] && e.computed[2] == .number(0))
  }

  @Test func unansweredListsRequiredQuestionsOnThePathOnly() throws {
    let e = try engine(["effect": .string("significant")])
    // 'users' is optional; the repeat has no instances until groups are chosen; children_affected shows
    // because "'children' in groups" is false while groups is unanswered.
    #expect(e.unanswered == ["purpose", "groups", "children_affected", "subgroup_tested", "oversight", "appeal_days"])
  }

  @Test func aNullLikelihoodIsTakenAsTheHighest() throws {
    let e = try engine(["effect": .string("significant"), "oversight": .string("none")])
    let unchecked = try #require(risk(e, "unchecked-automation"))
    // users is unanswered, so 'users > 10000' is false: likelihood 4; worst_group_harm is 0: severity 3.
    #expect(unchecked.inherent.likelihood == 4 && unchecked.inherent.severity == 3)
    #expect(unchecked.assumptions.isEmpty)
  }

  @Test func hugeAndEndlessRatingsAreBroughtIntoTheMatrix() throws {
    let q = try load(
      wrap(
        "  - {id: s, title: S, questions: [{id: n, type: number, prompt: N}]}",
        tail: "risks:\n  - {id: r, title: R, dimension: d, likelihood: \"n * 1e300 * 1e300\", severity: \"0 - n\"}"))
    let e = Engine(questionnaire: q, answers: try answers(["n": .number(1e300)], for: q))
    #expect(e.risks[0].inherent.likelihood == 5 && e.risks[0].inherent.severity == 1)
    #expect(e.risks[0].assumptions.count == 2)
  }

  @Test func aChangeReevaluatesOnlyWhatDependsOnIt() throws {
    var e = try engine(["effect": .string("significant")])
    let full = e.lastEvaluationCount
    #expect(
      full == q.sections.count + q.questions.count + q.scales.count + q.computed.count + q.levels.count + q.risks.count)
    e.set("purpose", to: .string("Nothing reads this"))
    #expect(e.lastEvaluationCount == 1)
    e.set("appeal_days", to: .number(10))
    #expect(e.lastEvaluationCount == 1)
    e.set("effect", to: .string("advisory"))
    #expect(e.lastEvaluationCount > 1 && e.lastEvaluationCount <= full)
  }

  /// Random answer sequences: after every change, the incremental engine equals a full evaluation.
  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func incrementalEqualsFull(seed fallback: UInt64) throws {
    let seed = testSeed(fallback)
    var random = SplitMix64(seed: seed)
    var e = Engine(questionnaire: q)
    let ids = RandomAnswers.ids(in: q)
    for _ in 0..<150 {
      let id = ids[Int(random.next() % UInt64(ids.count))]
      let value = RandomAnswers.value(for: id, in: q, using: &random)
      e.set(id, to: value)
      let full = Engine(questionnaire: q, answers: e.answers)
      let replay: Comment = "seed \(seed), after setting \(id)"
      #expect(e.path == full.path, replay)
      #expect(e.unanswered == full.unanswered, replay)
      #expect(e.scaleValues == full.scaleValues, replay)
      #expect(e.computed == full.computed, replay)
      #expect(e.levels.map(\.label) == full.levels.map(\.label), replay)
      #expect(e.risks == full.risks, replay)
      #expect(EvaluationJSON.make(e) == EvaluationJSON.make(full), replay)
    }
  }
}

/// Valid random answers for any questionnaire, including clearing an answer.
enum RandomAnswers {
  static func ids(in q: Questionnaire) -> [String] {
    q.questions.flatMap { question -> [String] in
      guard question.type.isAnswerable else { return [] }
      guard let source = question.repeatOver else { return [question.id] }
      return q.questions[source].options.filter { !$0.exclusive }.map { AnswerSet.instanceId(question.id, $0.value) }
    }
  }

  static func value(for id: String, in q: Questionnaire, using random: inout SplitMix64) -> Value? {
    let base = AnswerSet.splitInstance(id)?.question ?? id
    guard let question = q.question(base), random.next() % 8 != 0 else { return nil }
    switch question.type {
    case .single: return .string(question.options[Int(random.next() % UInt64(question.options.count))].value)
    case .multi:
      let exclusive = question.options.filter(\.exclusive)
      if !exclusive.isEmpty, random.next() % 5 == 0 { return .list([.string(exclusive[0].value)]) }
      let chosen = question.options.filter { !$0.exclusive && random.next() % 2 == 0 }
      return .list(chosen.map { .string($0.value) })
    case .yesno: return .bool(random.next() % 2 == 0)
    case .scale, .number:
      let lo = Int(question.min ?? 0)
      let hi = Int(question.max ?? 20000)
      return .number(Double(lo + Int(random.next() % UInt64(hi - lo + 1))))
    case .text: return .string("text \(random.next() % 100)")
    case .note: return nil
    }
  }
}
