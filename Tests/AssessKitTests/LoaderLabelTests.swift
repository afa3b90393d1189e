import Testing

@testable import AssessKit

/// The loader names what a message is about only when it writes the message (issue 13: the names of
/// every section, question and option were built for every load): the words are the same as when
/// they were built up front, options are compared without a set until a question has many, and ids
/// are checked without copying questions.
@Suite struct LoaderLabelTests {
  /// Sections, questions and options are named by their id or value, else by their place.
  @Test func labelsNameTheirOwner() {
    let text = wrap(
      """
        - id: s1
          title: S
          questions:
            - {id: q, type: single, prompt: Q?, colour: red, options: [{value: x, tint: 1}, {label: L}]}
        - title: T
          questions:
            - {type: single, prompt: Q?, options: [{label: M}, {value: y, score: 3}]}
      """)
    #expect(
      diagnostics(text) == [
        "10:43: error: unknown key 'colour' in question 'q'",
        "10:77: error: unknown key 'tint' in option 'x' of question 'q'",
        "10:87: error: an option of question 'q' needs 'value'",
        "11:5: error: section 2 needs 'id'",
        "13:9: error: a question needs 'id'",
        "13:46: error: an option of a question needs 'value'",
        "13:76: error: 'score' of option 'y' of a question maps scale ids to points, e.g. {impact: 2}",
      ])
  }

  /// A section with an empty list of questions is named by its id.
  @Test func anEmptySectionIsNamed() {
    let text = wrap("  - id: s1\n    title: S\n    questions: []")
    #expect(diagnostics(text).contains("9:16: error: section 's1' has no questions"))
  }

  /// An option given twice is found among few options and among many (past the point where a
  /// question's values are kept in a set).
  @Test func repeatedOptionsAreFoundAmongFewAndMany() {
    for count in [3, 15, 16, 17, 40] {
      var values = (0..<count).map { "o\($0)" }
      values[count - 1] = "o1"
      let options = values.map { "{value: \($0)}" }.joined(separator: ", ")
      let text = wrap(
        "  - id: s\n    title: S\n    questions:\n      - {id: q, type: multi, prompt: Q?, options: [\(options)]}")
      let found = diagnostics(text).filter { $0.contains("twice") }
      #expect(
        found.map { String($0.drop { $0 != "e" }) } == ["error: question 'q' has the option 'o1' twice"], "\(count)")
    }
    var values = (0..<20).map { "o\($0)" }
    values[5] = "o2"
    values[19] = "o7"
    let options = values.map { "{value: \($0)}" }.joined(separator: ", ")
    let text = wrap(
      "  - id: s\n    title: S\n    questions:\n      - {id: q, type: multi, prompt: Q?, options: [\(options)]}")
    #expect(diagnostics(text).filter { $0.contains("twice") }.count == 2)
  }

  /// Every value repeated at every place among up to 20 options, the one where the search turns
  /// into a set (the 16th) included: each repeat is reported once, as the first set-based check did.
  @Test func aRepeatOfAnyOptionIsFound() {
    for count in [16, 17, 18, 20] {
      for later in 1..<count {
        for earlier in 0..<later {
          var values = (0..<count).map { "o\($0)" }
          values[later] = values[earlier]
          let options = values.map { "{value: \($0)}" }.joined(separator: ", ")
          let text = wrap(
            "  - id: s\n    title: S\n    questions:\n      - {id: q, type: multi, prompt: Q?, options: [\(options)]}")
          let found = diagnostics(text).filter { $0.contains("twice") }
          #expect(found.count == 1, "\(count) options, o\(earlier) again at \(later)")
        }
      }
    }
  }

  /// A score names its scale as the questionnaire's tables do: a name written in another Unicode
  /// form of the same text (decomposed `é`) is the same name.
  @Test func aScaleNamedInAnotherUnicodeFormIsFound() {
    let text = """
      assess: 1
      id: t
      title: T
      version: "1"
      scales:
        - {id: "s\u{E9}curit\u{E9}", title: Safety}
      sections:
        - id: s
          title: S
          questions:
            - {id: q, type: single, prompt: Q?, options: [{value: a, score: {"se\u{301}curite\u{301}": 2}}]}
      """
    let result = QuestionnaireLoader.load(text: text, file: "t.yaml")
    #expect(result.diagnostics.filter { $0.severity == .error }.map(\.message) == [])
  }

  /// Ids shared between questions, scales, computed values and levels name the first owner and
  /// its line; a reserved word is refused once.
  @Test func duplicateIdsNameTheFirstOwner() {
    let text = wrap(
      """
        - id: s
          title: S
          questions:
            - {id: impact, type: yesno, prompt: Q?}
            - {id: total, type: yesno, prompt: Q?}
            - {id: and, type: yesno, prompt: Q?}
            - {id: impact, type: yesno, prompt: Q?}
      """,
      head: "scales: [{id: impact}]",
      tail:
        "computed:\n  - {id: total, value: '1'}\nlevels:\n  - {id: band, value: '1', bands: [{label: A}]}\n  - {id: total, value: '1', bands: [{label: A}]}"
    )
    let messages = diagnostics(text).filter { $0.contains("duplicate") || $0.contains("reserved") }
    #expect(
      messages == [
        "5:10: error: duplicate id 'impact': already used by the question at line 10",
        "12:9: error: 'and' is a reserved word and cannot be an id",
        "13:9: error: duplicate id 'impact': already used by the question at line 10",
        "15:5: error: duplicate id 'total': already used by the question at line 11",
        "18:5: error: duplicate id 'total': already used by the question at line 11",
      ])
  }

  /// An id with a bracket or brace is refused; other ids, with any characters, are not.
  @Test func bracketsInIdsAreRefused() {
    for id in ["a[1]", "b{x}", "c]", "{d"] {
      let text = wrap("  - id: s\n    title: S\n    questions:\n      - {id: '\(id)', type: yesno, prompt: Q?}")
      #expect(
        diagnostics(text).contains { $0.contains("question id '\(id)' may not contain brackets or braces") }, "\(id)")
    }
    #expect(!QuestionnaireBuilder.mayHoldBrackets("q1_5-é"))
    #expect(QuestionnaireBuilder.mayHoldBrackets("x}"))
    let text = wrap("  - id: s\n    title: S\n    questions:\n      - {id: 'ça-va(1)', type: yesno, prompt: Q?}")
    #expect(!diagnostics(text).contains { $0.contains("brackets") })
  }
}
