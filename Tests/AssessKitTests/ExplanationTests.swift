import Foundation
import Testing

@testable import AssessKit

/// The explanations' numbers add up to the reported ones, on every risk, score and level of real
/// sessions of the built-in questionnaires.
@Suite struct ExplanationTests {
  func session(_ questionnaire: String, _ fixture: String) throws -> Session {
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent("questionnaires/\(questionnaire).yaml"), encoding: .utf8)
    let q = try #require(QuestionnaireLoader.load(text: text, file: "\(questionnaire).yaml").questionnaire)
    let answersText = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/builtins/\(questionnaire)/\(fixture).yaml"),
      encoding: .utf8)
    let answers = AnswersReader.read(text: answersText, file: fixture, for: q).answers
    var events = [
      SessionEvent(
        seq: 1, at: "2026-11-29T10:00:00Z", by: "ana",
        kind: .created(questionnaire: q.id, version: q.version, hash: q.hash, source: q.id))
    ]
    for (id, value) in answers.values.sorted(by: { $0.key < $1.key }) {
      events.append(
        SessionEvent(
          seq: events.count + 1, at: "2026-11-29T10:00:00Z", by: "ana", kind: .answered(question: id, value: value)))
    }
    return Session(id: "s", events: events, questionnaire: q)
  }

  static let cases: [(String, String)] = [
    ("ai-risk", "cv-screening"), ("ai-risk", "refund-agent"), ("ai-risk", "triage-assistant"),
    ("ai-impact", "benefits-eligibility"), ("ai-impact", "cv-screening"),
  ]

  @Test(arguments: cases) func explanationsAddUp(_ questionnaire: String, _ fixture: String) throws {
    let s = try session(questionnaire, fixture)
    let q = s.questionnaire
    let engine = s.engine
    let plan = TreatmentPlan(s)
    let evaluation = EvaluationJSON.make(engine)
    guard case .object(let fields) = evaluation, case .array(let risks)? = fields.first(where: { $0.0 == "risks" })?.1
    else {
      Issue.record("no risks in the evaluation")
      return
    }
    #expect(!risks.isEmpty)
    var explained = 0
    for (i, risk) in q.risks.enumerated() where engine.risks[i].raised {
      let e = Explanation.risk(i, in: s, plan: plan)
      let state = engine.risks[i]
      #expect(e.raised)
      if let condition = e.condition { #expect(condition.value.holds, "\(risk.id)") }
      #expect(e.inherent.l == state.inherent.likelihood && e.inherent.s == state.inherent.severity)
      #expect(e.inherent.rating == q.matrix.rating(likelihood: e.inherent.l, severity: e.inherent.s))
      #expect(e.inherent.rating == state.inherent.rating)
      // The rules' own values give the numbers used (rounded and clamped into the matrix, or noted).
      for (rule, used, count) in [
        (e.inherent.likelihood, e.inherent.l, q.matrix.likelihood.count),
        (e.inherent.severity, e.inherent.s, q.matrix.severity.count),
      ] {
        if let n = rule.value.number {
          #expect(Int(max(1, min(Double(count), n.rounded(.toNearestOrAwayFromZero)))) == used, "\(risk.id)")
        } else {
          #expect(!e.assumptions.isEmpty && used == count, "\(risk.id)")
        }
      }
      if let residual = e.residual, let r = state.residual {
        #expect(residual.l == r.likelihood && residual.s == r.severity && residual.rating == r.rating)
        #expect(residual.rating == q.matrix.rating(likelihood: residual.l, severity: residual.s))
      }
      #expect(e.item?.risk.id == risk.id)
      let text = ExplainText.render(.risk(i), in: s, plan: plan)
      let m = q.matrix
      #expect(
        text.contains(
          "Inherent: likelihood \(e.inherent.l) (\(m.likelihood[e.inherent.l - 1])) x severity \(e.inherent.s) (\(m.severity[e.inherent.s - 1])) = \(m.ratings[e.inherent.rating])\n"
        ), "\(text)")
      explained += 1
    }
    #expect(explained == risks.count)
    for s in q.scales.indices {
      let e = Explanation.score(s, in: engine)
      #expect(abs(e.contributions.reduce(0) { $0 + $1.points } - e.total) < 1e-9, "\(q.scales[s].id)")
      #expect(e.total == engine.scaleValues[s])
    }
    for l in q.levels.indices {
      let e = Explanation.level(l, in: engine)
      #expect(e.rule.value == engine.levels[l].value)
      #expect(e.band?.label == engine.levels[l].label)
    }
    for c in q.computed.indices {
      #expect(Explanation.computed(c, in: engine).value == engine.computed[c])
    }
  }

  @Test func aScoreExplanationShowsEveryAnswerAndTheTotal() throws {
    let q = try example()
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent("examples/example-answers.yaml"), encoding: .utf8)
    let answers = AnswersReader.read(text: text, file: "a.yaml", for: q).answers
    var events = [
      SessionEvent(
        seq: 1, at: "2026-11-29T10:00:00Z", by: "ana",
        kind: .created(questionnaire: q.id, version: q.version, hash: q.hash, source: q.id))
    ]
    for (id, value) in answers.values.sorted(by: { $0.key < $1.key }) {
      events.append(
        SessionEvent(seq: events.count + 1, at: "t1", by: "ana", kind: .answered(question: id, value: value)))
    }
    let s = Session(id: "s", events: events, questionnaire: q)
    let out = ExplainText.render(.scale(0), in: s, plan: TreatmentPlan(s))
    #expect(out.hasPrefix("Impact score (impact) is 6 of 8\n"), "\(out)")
    #expect(out.hasSuffix("  = 6\n"))
    let level = ExplainText.render(.level(0), in: s, plan: TreatmentPlan(s))
    #expect(
      level.hasPrefix("Impact level (impact_level) is III (High impact): the value 75 is above 50 and at most 75\n"),
      "\(level)")
  }
}
