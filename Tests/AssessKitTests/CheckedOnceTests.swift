import Testing

@testable import AssessKit

/// A condition written again is checked once while loading (`CheckedExpressions`): the result must
/// be what checking it again would give, at every place, errors included.
@Suite struct CheckedOnceTests {
  @Test func aRepeatedConditionCompilesAlikeAtEachPlace() throws {
    let q = try load(
      wrap(
        """
          - id: s
            title: S
            questions:
              - {id: a, type: single, prompt: A, options: [x, y]}
              - {id: b, type: yesno, prompt: B, when: "a == 'x'"}
              - {id: c, type: yesno, prompt: C, when: "a == 'x'"}
              - {id: d, type: yesno, prompt: D, required: "a == 'x'", when: 'a == ''x'''}
        """))
    let whens = q.questions.dropFirst().map { $0.when }
    let first = try #require(whens[0])
    for when in whens {
      let when = try #require(when)
      #expect(when.compiled == first.compiled && when.type == .bool)
    }
    // Each keeps its own place: line and column of its own text.
    #expect(whens.map { $0?.location?.line } == [11, 12, 13])
    #expect(whens.map { $0?.location?.column } == [48, 48, 70])
    #expect(q.questions[3].requiredWhen?.compiled == first.compiled)
    #expect(q.questions[3].requiredWhen?.location?.column == 52)
  }

  @Test func aReusedConditionIsStillRefusedWhereItsNameIsUnavailable() {
    // Under SurveyJS semantics a condition may read a later question, but never its own answer:
    // the text checked fine for 'a' must still be refused on 'b'.
    let yaml = wrap(
      """
        - id: s
          title: S
          questions:
            - {id: a, type: single, prompt: A, options: [x, y], when: "b == 'x'"}
            - {id: b, type: single, prompt: B, options: [x, y], when: "b == 'x'"}
            - {id: c, type: single, prompt: C, options: [x, y], when: "b == 'x'"}
      """, head: "semantics: surveyjs")
    #expect(
      diagnostics(yaml) == [
        "11:66: error: the condition of 'b' cannot read its own answer (in the condition of 'b')"
      ])
  }

  @Test func aConditionWithAnErrorIsReportedAtEveryPlace() {
    let yaml = wrap(
      """
        - id: s
          title: S
          questions:
            - {id: a, type: single, prompt: A, options: [x, y], when: "zz == 'x'"}
            - {id: b, type: single, prompt: B, options: [x, y], when: "zz == 'x'"}
      """)
    #expect(
      diagnostics(yaml) == [
        "10:66: error: unknown name 'zz' (in the condition of 'a')",
        "11:66: error: unknown name 'zz' (in the condition of 'b')",
      ])
  }
}
