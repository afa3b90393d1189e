import Testing

@testable import AssessKit

@Suite struct AnswerCheckerTests {
  let q: Questionnaire

  init() throws { q = try example() }

  @Test(arguments: [
    ("efect", Value.string("none"), "'example' has no question 'efect' (did you mean 'effect'?)"),
    ("welcome", .string("hi"), "'welcome' is a note and takes no answer"),
    (
      "effect", .string("significnt"),
      "'effect' has no option 'significnt' (did you mean 'significant'?); its options are 'none', 'advisory', 'significant'"
    ),
    ("groups", .list([.string("public"), .string("public")]), "'groups' lists 'public' twice"),
    (
      "groups", .list([.string("nobody"), .string("public")]),
      "'nobody' in 'groups' excludes the other options, so it must be chosen alone"
    ),
    ("subgroup_tested", .string("maybe"), "'subgroup_tested' takes yes or no (true or false), not 'maybe'"),
    ("harm_by_group[public]", .number(7), "'harm_by_group[public]' takes a whole number from 1 to 4, not 7"),
    ("harm_by_group[public]", .number(2.5), "'harm_by_group[public]' takes a whole number from 1 to 4, not 2.5"),
    (
      "harm_by_group[pubic]", .number(2),
      "'harm_by_group' repeats over the options of 'groups', and 'pubic' is not one of them (did you mean 'public'?)"
    ),
    (
      "harm_by_group[nobody]", .number(2),
      "'harm_by_group' repeats over the options of 'groups', and 'nobody' is not one of them"
    ),
    (
      "harm_by_group", .number(2),
      "'harm_by_group' is asked once per option chosen in 'groups'; answer it as 'harm_by_group[OPTION]', e.g. 'harm_by_group[public]'"
    ),
    ("effect[x]", .number(2), "'effect' is not repeated, so 'effect[x]' names nothing"),
    ("users", .number(-1), "'users' takes a number of at least 0, not -1"),
    ("users", .string("many"), "'users' takes a number of at least 0, not 'many'"),
    ("appeal_days", .number(400), "'appeal_days' takes a number from 0 to 365, not 400"),
    ("purpose", .bool(true), "'purpose' takes text, not true"),
  ])
  func rejects(id: String, value: Value, message: String) {
    #expect(throws: AnswerError(id: id, message: message)) { try AnswerChecker.check(id, value, in: q) }
  }

  @Test(arguments: [
    ("effect", Value.string("none"), nil as String?, Value.string("none")),
    ("groups", .string("public"), nil, .list([.string("public")])),
    ("groups", .list([.string("children"), .string("public")]), nil, .list([.string("public"), .string("children")])),
    ("subgroup_tested", .string("Yes"), nil, .bool(true)),
    ("subgroup_tested", .bool(false), "no", .bool(false)),
    ("users", .string("120"), nil, .number(120)),
    ("purpose", .number(2024), "2024", .string("2024")),
    ("purpose", .bool(false), "no", .string("no")),
    ("effect", .null, nil, .null),
  ])
  func acceptsAndCanonicalizes(id: String, value: Value, raw: String?, expected: Value) throws {
    #expect(try AnswerChecker.check(id, value, rawText: raw, in: q) == expected)
  }

  @Test func answersFileErrorsNameTheirPlace() {
    let text = """
      effect: significnt
      grups: [public]
      users: 12
      subgroup_tested: no
      oversight: [every]
      """
    let outcome = AnswersReader.read(text: text, file: "a.yaml", for: q)
    #expect(
      outcome.diagnostics.map(\.description) == [
        "a.yaml:1:9: error: 'effect' has no option 'significnt' (did you mean 'significant'?); its options are 'none', 'advisory', 'significant'",
        "a.yaml:2:1: error: 'example' has no question 'grups' (did you mean 'groups'?)",
        "a.yaml:5:12: error: 'oversight' takes one option, not a list",
      ])
    #expect(outcome.answers.values == ["users": .number(12), "subgroup_tested": .bool(false)])
  }

  @Test func answersFileThatIsNotAMapping() {
    let outcome = AnswersReader.read(text: "- effect\n", file: "a.yaml", for: q)
    #expect(
      outcome.diagnostics.map(\.description) == [
        "a.yaml:1:1: error: an answers file maps question ids to answers, not a list"
      ])
    #expect(AnswersReader.read(text: "", file: "a.yaml", for: q).diagnostics.isEmpty)
  }

  @Test func jsonLines() throws {
    let pairs = try AnswersReader.parseJSONLine(
      #"{"effect": "none", "subgroup_tested": true, "users": 1, "groups": []}"#)
    #expect(pairs.map(\.0) == ["effect", "groups", "subgroup_tested", "users"])
    #expect(pairs.map(\.1) == [.string("none"), .list([]), .bool(true), .number(1)])
    #expect(throws: AnswerError.self) { try AnswersReader.parseJSONLine("[1, 2]") }
    #expect(throws: AnswerError.self) { try AnswersReader.parseJSONLine("{\"a\": ") }
  }
}
