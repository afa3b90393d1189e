import AssessKit
import AssessShell
import Testing

/// The interactive interview fed answer by answer costs O(n) engine work over n questions (issue 15:
/// each step built the whole path several times, to find the next question, the answers kept aside,
/// the progress in the section and the `:goto` completions: 0.9 s of CPU at 1,000 questions, 3.4 s at
/// 2,000). The real `Interview` runs over a `PlainEditor` with scripted lines; `EngineWork` counts the
/// nodes the engine evaluates and the questions its path walks pass over.
@Suite struct InterviewLinearTests {
  /// `n` questions in sections of 50. In each section: question 0 is a gate that every fifth question
  /// reads (`c` hides them: their answers are kept aside), question 2 is a multiple choice that
  /// question 3 is repeated over, a note opens the section, and question 1 is optional.
  static func questionnaire(_ n: Int) throws -> Questionnaire {
    var y = "assess: 1\nid: big\ntitle: Big\nversion: 1.0.0\nscales: [{id: total}]\nsections:\n"
    for s in 0..<(n / 50) {
      y += "  - id: s\(s)\n    title: S\(s)\n    questions:\n"
      y += "      - {id: n\(s), type: note, prompt: About section \(s)}\n"
      for i in 0..<50 {
        let id = "q\(s)_\(i)"
        switch i {
        case 2:
          y += "      - {id: \(id), type: multi, prompt: Which?, options: [{value: x}, {value: y}, {value: z}]}\n"
        case 3:
          y += "      - {id: \(id), type: single, repeat: q\(s)_2, prompt: \"How for {item}?\","
          y += " options: [{value: a, score: {total: 1}}, {value: b}, {value: c}]}\n"
        default:
          let when = i > 3 && i % 5 == 0 ? ", when: \"q\(s)_0 != 'c'\"" : ""
          let required = i == 1 ? ", required: false" : ""
          y += "      - {id: \(id), type: single, prompt: Q \(id)?\(when)\(required),"
          y += " options: [{value: a, score: {total: 1}}, {value: b}, {value: c}]}\n"
        }
      }
    }
    let loaded = QuestionnaireLoader.load(text: y, file: "big.yaml")
    return try #require(loaded.questionnaire, "\(loaded.diagnostics)")
  }

  final class MemoryWriter: SessionWriter {
    func append(_ event: SessionEvent) throws(StoreError) {}
    func pin(_ questionnaire: PinnedQuestionnaire) throws(StoreError) {}
    func close() {}
  }

  static func recorder(_ q: Questionnaire) -> SessionRecorder {
    let at = Timestamp(seconds: 1_796_000_000)
    let created = SessionEvent(
      seq: 1, at: at, by: "ana", kind: .created(questionnaire: q.id, version: q.version, hash: q.hash, source: q.id))
    return SessionRecorder(
      session: Session(id: "s", events: [created], questionnaire: q), writer: MemoryWriter(), clock: { at })
  }

  /// What a person types to answer every question of `q`: `1` to each (the first option), Enter on
  /// the optional question of two sections; now and then `:back` and Enter (the answer kept),
  /// a `:goto` back to a gate answered `c` and then `a` again (answers kept aside, then applying
  /// again), and `?` (the help), which stays on the question.
  static func script(_ q: Questionnaire) -> [String] {
    var lines: [String] = []
    let sections = q.sections.count
    for s in 0..<sections {
      for i in 0..<50 {
        if i == 3 { continue }  // its one instance was answered after q_2
        if i == 1 && (s == 1 || s == 3) {
          // Optional: Enter skips it. Only twice: the recorder's `skip` still builds the path (O(n)).
          lines.append("")
          continue
        }
        lines.append("1")
        if i == 2 { lines.append("1") }  // the one instance of q_3 (over x)
        if i == 10 && s % 10 == 0 {
          lines += [":back", "", "?"]
        }
        if i == 20 && s % 10 == 5 {
          // Hide the gated questions of this section, then show them again: their answers are
          // kept aside, then apply again; the interview goes on where it was.
          lines += [":goto q\(s)_0", "3", ":goto q\(s)_0", "1"]
        }
      }
    }
    return lines
  }

  /// Runs the interview over `q` with the script; returns the engine work, the transcript and the session.
  static func run(_ q: Questionnaire) throws -> (work: Int, transcript: String, session: Session) {
    let recorder = recorder(q)
    var transcript = ""
    let output = ShellOutput(color: false, sink: { transcript += $0 })
    let editor = PlainEditor(output: output, lines: script(q))
    let interview = Interview(recorder: recorder, editor: editor, output: output, who: "ana", resumeCommand: "resume")
    let work = EngineWork()
    let outcome = try EngineWork.$current.withValue(work) { try interview.run(resuming: false) }
    #expect(outcome == .completed, "\(transcript.suffix(2000))")
    return (work.total, transcript, recorder.session)
  }

  @Test func answeringEveryQuestionInTheInterviewIsLinear() throws {
    let small = try Self.questionnaire(1000)
    let large = try Self.questionnaire(2000)
    let (smallWork, smallText, smallSession) = try Self.run(small)
    let (largeWork, largeText, largeSession) = try Self.run(large)
    for (session, text) in [(smallSession, smallText), (largeSession, largeText)] {
      #expect(session.status == .complete)
      #expect(session.progress.answered == session.progress.onPath - 2)
      // The gate answered `c` put its section's gated answers aside, and `a` brought them back.
      #expect(text.contains("answers no longer apply and are kept aside"))
      #expect(text.contains("answers apply again"))
      #expect(text.contains("Note: About section \(session.questionnaire.sections.count - 1)"))
    }
    print("interview work: \(smallWork) for 1,000 questions, \(largeWork) for 2,000")
    // Each step evaluates the answered question, its scale and what reads it, and walks to the next
    // question: a few dozen units, never the whole path (which made it several times n^2/2).
    #expect(largeWork < 40 * 2000, "work \(largeWork) for 2,000 questions")
    // Twice the questions, about twice the work (quadratic would be four times).
    #expect(Double(largeWork) < 2.5 * Double(smallWork), "work \(smallWork) then \(largeWork)")
  }
}
