import AssessBuiltins
import Testing

@testable import AssessKit

/// The loader makes each index once and shares it (issue 13, third round of the load of 100,000
/// questions): the first question of each id (`checkIds`, `resolveRepeats`, the questionnaire's
/// `questionIndex`), the contributors of each scale (the builder and the questionnaire), and the
/// option values of like choice questions in the checker's name table. Each shortcut must give what
/// was made separately before.
@Suite struct LoaderSharedIndexTests {
  /// A question id used twice names the first question everywhere: in conditions (the name table
  /// enters it once, so a condition before the second is not read as reading a later question), in
  /// `repeat:` and in the duplicate's message.
  @Test func aDuplicateIdNamesTheFirstQuestion() {
    let text = wrap(
      """
        - id: s
          title: S
          questions:
            - {id: q1, type: multi, prompt: A?, options: [a, b]}
            - {id: q2, type: text, prompt: B?, when: "q1 contains 'a'"}
            - {id: q3, type: number, prompt: C?, repeat: q1}
            - {id: q1, type: text, prompt: D?}
      """)
    #expect(
      diagnostics(text) == [
        "13:9: error: duplicate id 'q1': already used by the question at line 10"
      ])
  }

  /// A scale whose id is a question's is reported against the question, as with one table of ids.
  @Test func aScaleNamedLikeAQuestionIsReported() {
    let text = wrap(
      """
        - id: s
          title: S
          questions:
            - {id: impact, type: single, prompt: A?, options: [{value: a, score: {impact: 1}}]}
      """, head: "scales:\n  - {id: impact, title: Impact}")
    #expect(diagnostics(text).contains { $0.contains("duplicate id 'impact': already used by the question at line") })
  }

  /// The option values of a choice question are its own, also when the question before had the
  /// same ones (shared) or a list that starts the same.
  @Test func optionValuesAreEachQuestionsOwn() {
    let text = wrap(
      """
        - id: s
          title: S
          questions:
            - {id: q1, type: single, prompt: A?, options: [a, b]}
            - {id: q2, type: single, prompt: B?, options: [a, b]}
            - {id: q3, type: single, prompt: C?, options: [a, c]}
            - {id: q4, type: single, prompt: D?, options: [a, b, c]}
            - {id: q5, type: text, prompt: E?, when: "q2 == 'b' or q3 == 'c' or q4 == 'c'"}
            - {id: q6, type: text, prompt: F?, when: "q3 == 'b'"}
            - {id: q7, type: text, prompt: G?, when: "q1 == 'c'"}
      """)
    #expect(
      diagnostics(text) == [
        "15:55: error: 'q3' has no option 'b' (did you mean 'a'?) (in the condition of 'q6')",
        "16:55: error: 'q1' has no option 'c' (did you mean 'a'?) (in the condition of 'q7')",
      ])
  }

  /// The questionnaire's index of ids and its scales' contributors, passed from the loader, are
  /// those it would make itself, on every built-in.
  @Test func indicesPassedFromTheLoaderAreTheQuestionnairesOwn() throws {
    for name in ["ai-impact.yaml", "ai-risk.yaml", "eu-ai-act.yaml", "example.yaml"] {
      let source = try #require(Builtins.source(fileName: name))
      let q = try load(source.text, file: name)
      let made = Questionnaire(
        id: q.id, title: q.title, version: q.version, hash: q.hash, sourceName: q.sourceName, scales: q.scales,
        sections: q.sections, questions: q.questions)
      #expect(q.questionIndex == made.questionIndex, "\(name)")
      #expect(q.contributors == made.contributors, "\(name)")
      #expect(!q.questionIndex.isEmpty, "\(name)")
    }
  }
}
