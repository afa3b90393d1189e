import AssessBuiltins
import Foundation
import Testing

@testable import AssessKit

/// Answering n questions into one session costs O(n) engine work (issue 15: 10,000 answers took
/// 68 s of CPU because settling completion after each answer built the whole path), and the count
/// of missing required answers that replaced that walk equals the walk.
@Suite struct LinearAnsweringTests {
  /// `n` required single-choice questions in sections of 50; every other one is required only while
  /// the section's first answer is not `b` (a `required` condition).
  static func questionnaire(_ n: Int) throws -> Questionnaire {
    var y = "assess: 1\nid: big\ntitle: Big\nversion: 1.0.0\nscales: [{id: total}]\nsections:\n"
    for s in 0..<(n / 50) {
      y += "  - id: s\(s)\n    title: S\(s)\n    questions:\n"
      for i in 0..<50 {
        y += "      - {id: q\(s)_\(i), type: single, prompt: Q?, options: [{value: a, score: {total: 1}}, {value: b}]"
        y += i % 2 == 1 ? ", required: \"q\(s)_0 != 'b'\"}\n" : "}\n"
      }
    }
    return try load(y)
  }

  static func recorder(_ q: Questionnaire) -> SessionRecorder {
    let created = SessionEvent(
      seq: 1, at: "2026-11-29T10:00:00Z", by: "ana",
      kind: .created(questionnaire: q.id, version: q.version, hash: q.hash, source: q.id))
    return SessionRecorder(
      session: Session(id: "s", events: [created], questionnaire: q), writer: MemoryWriter(),
      clock: { "2026-11-29T10:00:00Z" })
  }

  /// The engine work of answering every question of `q` one at a time through the recorder.
  static func workOfAnsweringAll(_ q: Questionnaire) throws -> (work: Int, recorder: SessionRecorder) {
    let recorder = recorder(q)
    let work = EngineWork()
    try EngineWork.$current.withValue(work) {
      for question in q.questions { try recorder.answer(question.id, .string("a"), by: "ana") }
    }
    return (work.total, recorder)
  }

  @Test func answeringEveryQuestionOfALargeQuestionnaireIsLinear() throws {
    let small = try Self.questionnaire(500)
    let large = try Self.questionnaire(2000)
    let (smallWork, _) = try Self.workOfAnsweringAll(small)
    let (largeWork, recorder) = try Self.workOfAnsweringAll(large)
    // Each answer evaluates its question, its scale and the conditions on the scale: a few dozen
    // nodes, never the whole questionnaire (which made it n^2/2 = 2,000,000 here).
    #expect(largeWork < 60 * 2000, "work \(largeWork) for 2,000 answers")
    // Four times the answers, about four times the work (quadratic would be sixteen).
    #expect(Double(largeWork) < 5.0 * Double(smallWork), "work \(smallWork) then \(largeWork)")
    // And the session did complete, once, after the last required answer.
    #expect(recorder.session.state.completed)
    #expect(recorder.session.status == .complete)
    let completions = recorder.session.events.filter {
      if case .completed = $0.kind { return true } else { return false }
    }
    #expect(completions.count == 1)
  }

  @Test func missingCountEqualsTheUnansweredListOnRandomWalks() throws {
    let conditional = try load(
      wrap(
        """
          - id: s
            title: S
            questions:
              - {id: a, type: single, prompt: A, options: [{value: x, score: {w: 1}}, {value: y, score: {w: 3}}]}
              - {id: b, type: single, prompt: B, required: "a != 'y'", options: [{value: x, score: {w: 1}}, {value: y}]}
              - {id: c, type: multi, prompt: C, options: [{value: x}, {value: y}, {value: z}]}
              - {id: d, type: number, prompt: D, repeat: c, required: "a == 'x' or b == 'y'"}
              - {id: e, type: text, prompt: E, when: "a == 'y'", required: "w >= 3"}
              - {id: f, type: yesno, prompt: F, required: "count(c) > 1"}
        """, head: "scales: [{id: w}]"))
    var questionnaires = [conditional]
    for file in ["example.yaml", "ai-impact.yaml", "ai-risk.yaml", "eu-ai-act.yaml"] {
      questionnaires.append(try IncrementalStateTests.builtin(file))
    }
    for q in questionnaires {
      var random = SplitMix64(seed: testSeed(21))
      var e = Engine(questionnaire: q)
      #expect(e.missingCount == e.unanswered.count, "\(q.id) at the start")
      let ids = RandomAnswers.ids(in: q)
      for step in 0..<150 {
        let id = ids[Int(random.next() % UInt64(ids.count))]
        e.set(id, to: RandomAnswers.value(for: id, in: q, using: &random))
        #expect(e.missingCount == e.unanswered.count, "\(q.id) step \(step)")
        #expect(e.missingCount == Engine(questionnaire: q, answers: e.answers).missingCount)
      }
    }
  }
}
