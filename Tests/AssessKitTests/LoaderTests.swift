import Testing

@testable import AssessKit

@Suite struct LoaderTests {
  @Test func exampleUsesEveryConstruct() throws {
    let q = try example()
    #expect(q.id == "example" && q.version == "1.0.0" && q.description != nil)
    #expect(Set(q.questions.map(\.type)) == Set(QuestionType.allCases))
    #expect(q.questions.contains { $0.repeatOver != nil })
    #expect(q.questions.contains { $0.options.contains(where: \.exclusive) })
    #expect(q.questions.contains { !$0.required && $0.type.isAnswerable })
    #expect(q.questions.contains { !$0.refs.isEmpty } && q.questions.contains { $0.help != nil })
    #expect(q.questions.contains { !$0.labels.isEmpty } && q.questions.contains { $0.unit != nil })
    #expect(q.questions.contains { $0.options.contains { $0.help != nil } })
    #expect(q.sections.contains { $0.when != nil } && q.questions.contains { $0.when != nil })
    #expect(q.scales.count == 2 && q.computed.count == 3 && q.levels.count == 1)
    #expect(q.levels[0].bands.last?.max == nil)
    #expect(q.matrix.location != nil && q.matrix.appetite == 1)
    #expect(q.risks.contains { $0.hasResidual } && q.risks.contains { $0.treatment?.due != nil })
    #expect(q.risks.contains { if case .constant = $0.likelihood.compiled { false } else { true } })
    #expect(q.hash.hasPrefix("sha256:") && q.hash.count == 71)
  }

  @Test func maxScoreCountsEveryQuestionThatCanContribute() throws {
    let q = try example()
    // impact: effect 3 + groups (1 + 2 + 1, 'nobody' excluded) + children_affected 1.
    #expect(q.scales.map(\.maxScore) == [8, 5])
  }

  @Test func yamlSyntaxErrorNamesItsPlace() {
    #expect(
      diagnostics("assess: 1\nid: [unclosed\ntitle: x\n") == [
        "3:6: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2)"
      ])
  }

  @Test func emptyAndNonMappingFiles() {
    #expect(diagnostics("") == ["1:1: error: the file is empty"])
    #expect(
      diagnostics("- a\n- b\n") == ["1:1: error: the questionnaire must be a mapping of keys to values, not a list"])
  }

  @Test func duplicateYAMLKeys() {
    #expect(diagnostics("assess: 1\nid: a\nid: b\n") == ["2:1: error: duplicate key 'id' in one mapping"])
  }

  @Test func missingAndUnknownTopLevelKeys() {
    #expect(
      diagnostics("assess: 1\nid: x\ntitel: X\nsections: []\n") == [
        "1:1: error: the questionnaire needs 'title'",
        "1:1: error: the questionnaire needs 'version'",
        "3:1: error: unknown key 'titel' in the questionnaire (did you mean 'title'?)",
        "4:11: error: the questionnaire has no sections",
      ])
  }

  @Test func unsupportedFormatVersion() {
    let yaml = wrap("  - {id: s, title: S, questions: [{id: a, type: text, prompt: A}]}").replacingOccurrences(
      of: "assess: 1", with: "assess: 2")
    #expect(diagnostics(yaml) == ["1:9: error: format version 2 is not supported (this build reads version 1)"])
  }

  @Test func questionShapeErrors() {
    let yaml = wrap(
      """
        - id: s
          title: S
          questions:
            - {id: a, type: single, prompt: A}
            - {id: b, type: text, prompt: B, options: [x]}
            - {id: c, type: scale, prompt: C, min: 3}
            - {id: d, type: number, prompt: D, min: 5, max: 1}
            - {id: e, type: yesno, prompt: E, options: [maybe]}
            - {id: f, type: multi, prompt: F, options: [{value: x, exclusive: true}]}
            - {id: g, type: single, prompt: G, options: [x, x]}
            - {id: h, type: note, prompt: H, required: true}
            - {id: i, type: scale, prompt: I, min: 1, max: 3, labels: [a, b]}
            - {id: j, type: text, prompt: J, required: maybe}
      """)
    #expect(
      diagnostics(yaml) == [
        "10:9: error: question 'a' is single choice and needs 'options'",
        "11:49: error: 'options' apply to single, multi and yesno questions, not text",
        "12:9: error: question 'c' is a scale and needs 'min' and 'max'",
        "13:55: error: 'max' (1) must be greater than 'min' (5)",
        "14:50: error: options of a yes/no question have the values 'yes' and 'no', not 'maybe'",
        "15:50: error: every option of question 'f' is exclusive; at most one can be",
        "16:55: error: question 'g' has the option 'x' twice",
        "17:50: error: a note is display-only and cannot be required",
        "18:65: error: a list of labels needs one per point from 1 to 3 (3), not 2",
        "19:50: error: 'required' of question 'j' must be true, false or a condition, not 'maybe'",
      ])
  }

  @Test func repeatErrors() {
    let yaml = wrap(
      """
        - id: s
          title: S
          questions:
            - {id: one, type: single, prompt: A, options: [x]}
            - {id: r1, type: scale, prompt: R, min: 1, max: 2, repeat: one}
            - {id: r2, type: scale, prompt: R, min: 1, max: 2, repeat: many}
            - {id: r3, type: scale, prompt: R, min: 1, max: 2, repeat: later}
            - {id: later, type: multi, prompt: L, options: [x]}
      """)
    #expect(
      diagnostics(yaml) == [
        "11:66: error: 'repeat' needs a multiple-choice question; 'one' is single",
        "12:66: error: 'repeat' names no question 'many'",
        "13:66: error: 'repeat' reads 'later', which is asked after this question",
      ])
  }

  @Test func cyclesAndForwardReferences() {
    let yaml = wrap(
      """
        - id: s
          title: S
          when: "a == 'x'"
          questions:
            - {id: a, type: single, prompt: A, options: [x], when: "a == 'x'"}
            - {id: b, type: yesno, prompt: B, when: "total > 1"}
      """,
      tail: """
        computed:
          - {id: total, value: "score(a) + total"}
          - {id: other, value: "later_one + 1"}
          - {id: later_one, value: "1"}
        """)
    #expect(
      diagnostics(yaml) == [
        "9:12: error: 'a' is asked after section 's'; a condition can only read questions placed before it (in the condition of section 's')",
        "11:63: error: the condition of 'a' cannot read its own answer (in the condition of 'a')",
        "14:36: error: computed value 'total' cannot use itself (in computed value 'total')",
        "15:25: error: computed value 'later_one' is defined after 'other'; computed values may use only earlier ones (in computed value 'other')",
      ])
  }

  @Test func conditionMayNotReadAScoreOfLaterQuestions() {
    let yaml = wrap(
      """
        - id: s
          title: S
          questions:
            - {id: a, type: yesno, prompt: A, when: "impact > 1"}
            - {id: b, type: single, prompt: B, options: [{value: x, score: {impact: 2}}]}
      """, head: "scales: [{id: impact}]")
    #expect(
      diagnostics(yaml) == [
        "10:48: error: scale 'impact' depends on 'b', which is asked after 'a'; a condition can only read what is settled before it (in the condition of 'a')"
      ])
  }

  @Test func warnings() {
    let yaml = wrap(
      """
        - id: s
          title: S
          questions:
            - {id: size, type: scale, prompt: A, min: 1, max: 4}
            - {id: kind, type: single, prompt: K, options: [a, b]}
      """,
      head: "scales: [{id: lonely}]",
      tail: """
        risks:
          - {id: r1, title: R, dimension: d, likelihood: 1, severity: 1, when: "size >= 5"}
          - {id: r2, title: R, dimension: d, likelihood: 1, severity: 1, when: "kind == 'a' and kind == 'b'"}
          - {id: r3, title: R, dimension: d, likelihood: 1, severity: 1, when: "1 > 2"}
          - id: r4
            title: R
            dimension: d
            likelihood: 1
            severity: 1
            treatment: {option: avoid, controls: [A.6.2.4, A.6.2.9, "NIST: MAP 1.1"]}
        """)
    #expect(
      diagnostics(yaml) == [
        "5:10: warning: nothing adds to scale 'lonely': no option has a score for it",
        "13:73: warning: risk 'r1' can never be raised: 'size' ranges from 1 to 4",
        "14:73: warning: risk 'r2' can never be raised: 'kind' cannot be both 'a' and 'b'",
        "15:73: warning: risk 'r3' can never be raised: the condition is always false",
        "21:52: warning: 'A.6.2.9' is not an ISO/IEC 42001 Annex A control (did you mean 'A.6.2.2'?); qualify controls from elsewhere, e.g. 'ISO 27001 A.8.12'",
      ])
  }

  @Test func matrixErrors() {
    let yaml = wrap(
      "  - {id: s, title: S, questions: [{id: a, type: text, prompt: A}]}",
      head: """
        matrix:
          likelihood: [L1, L2]
          severity: [S1, S2]
          ratings: [low, high]
          grid: [[low, high]]
        """,
      tail: """
        risks:
          - {id: r, title: R, dimension: d, likelihood: 1, severity: 3, residual: {likelihood: 0}}
        """)
    #expect(
      diagnostics(yaml) == [
        "9:9: error: the grid needs one row per likelihood (2), not 1",
        "13:62: error: severity 3 is outside the matrix: a whole number from 1 to 2 (in risk 'r')",
        "13:88: error: likelihood 0 is outside the matrix: a whole number from 1 to 2 (in the residual of risk 'r')",
      ])
  }

  @Test func requiredMayBeACondition() throws {
    let q = try load(
      wrap(
        """
          - id: s
            title: S
            questions:
              - {id: kind, type: single, prompt: K, options: [a, b]}
              - {id: why, type: text, prompt: W, required: "kind == 'b'"}
        """))
    #expect(q.question("why")?.requiredWhen?.source == "kind == 'b'")
    #expect(Engine(questionnaire: q, answers: try answers(["kind": .string("a")], for: q)).unanswered.isEmpty)
    #expect(Engine(questionnaire: q, answers: try answers(["kind": .string("b")], for: q)).unanswered == ["why"])
    #expect(
      diagnostics(wrap("  - {id: s, title: S, questions: [{id: a, type: text, prompt: A, required: \"b == 1\"}]}")) == [
        "7:77: error: unknown name 'b' (did you mean 'a'?) (in the 'required' condition of 'a')"
      ])
  }

  @Test func appetiteAloneKeepsTheDefaultGrid() throws {
    let q = try load(
      wrap("  - {id: s, title: S, questions: [{id: a, type: text, prompt: A}]}", head: "matrix: {appetite: high}"))
    #expect(q.matrix.grid == RiskMatrix.standard.grid && q.matrix.appetite == 2)
  }

  @Test func expressionColumnsInQuotedPlainAndBlockScalars() {
    let yaml = wrap(
      """
        - id: s
          title: S
          questions:
            - {id: a, type: yesno, prompt: A}
            - id: b
              type: yesno
              prompt: B
              when: a == nope
            - id: c
              type: yesno
              prompt: C
              when: |
                a == true and
                  nix
      """)
    #expect(
      diagnostics(yaml) == [
        "14:20: error: unknown name 'nope' (in the condition of 'b')",
        "20:13: error: unknown name 'nix' (in the condition of 'c')",
      ])
  }
}
