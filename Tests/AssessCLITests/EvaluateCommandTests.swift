import Foundation
import Testing

@Suite struct EvaluateCommandTests {
  @Test func jsonHasEveryKeyOfTheContract() throws {
    let r = try assess(["evaluate", "example", "--answers", "examples/example-answers.yaml", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    for key in ["questionnaire", "path", "answers", "unanswered", "scores", "levels", "risks"] {
      #expect(object[key] != nil, "missing \(key)")
    }
    let questionnaire = try #require(object["questionnaire"] as? [String: Any])
    #expect(questionnaire["id"] as? String == "example" && questionnaire["version"] as? String == "1.0.0")
    #expect((questionnaire["hash"] as? String)?.hasPrefix("sha256:") == true)
    let risks = try #require(object["risks"] as? [[String: Any]])
    #expect(risks.count == 3)
    for risk in risks {
      for key in ["id", "title", "dimension", "likelihood", "severity", "rating", "residual", "treatment", "because"] {
        #expect(risk.keys.contains(key), "risk lacks \(key)")
      }
    }
    let treatment = try #require(risks.first?["treatment"] as? [String: Any])
    #expect(Set(treatment.keys) == ["option", "controls", "actions", "owner", "due", "status"])
    #expect((object["levels"] as? [String: String]) == ["impact_level": "III"])
  }

  /// The whole JSON result for the example answers, byte for byte (reviewed golden file).
  @Test func jsonGolden() throws {
    let r = try assess(["evaluate", "example", "--answers", "examples/example-answers.yaml", "--json"])
    try expectGolden(r.stdout, "example-evaluation.json")
  }

  @Test func sameAnswersSameBytes() throws {
    let a = try assess(["evaluate", "example", "--answers", "examples/example-answers.yaml", "--json"])
    let b = try assess([
      "evaluate", "questionnaires/example.yaml", "--answers", "examples/example-answers.yaml", "--json",
    ])
    #expect(a.stdout == b.stdout && !a.stdout.isEmpty)
  }

  @Test func readableSummary() throws {
    let r = try assess(["evaluate", "example", "--answers", "examples/example-answers.yaml"])
    #expect(r.status == 0)
    try expectGolden(r.stdout, "example-evaluation.txt")
  }

  @Test func badAnswersAreInputErrorsWithTheirPlace() throws {
    let r = try assess(["evaluate", "example", "--answers", "-"], input: "effect: maybe\nusers: lots\n")
    #expect(r.status == 2)
    #expect(
      r.stderr == """
        <stdin>:1:9: error: 'effect' has no option 'maybe'; its options are 'none', 'advisory', 'significant'
         1 | effect: maybe
           |         ^
        <stdin>:2:8: error: 'users' takes a number of at least 0, not 'lots'
         2 | users: lots
           |        ^
        error: <stdin>: 2 answers are not accepted

        """)
    #expect(r.stdout.isEmpty)
  }

  @Test func batchGivesOneLinePerAnswerSetAndGoesOnPastBadLines() throws {
    let input = """
      {"effect": "none"}
      {"effect": "sometimes"}
      not json

      {"effect": "significant", "oversight": "none"}
      """
    let r = try assess(["evaluate", "example", "--answers", "-", "--batch"], input: input)
    #expect(r.status == 2)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix("{\"questionnaire\":{\"id\":\"example\""))
    #expect(
      lines[1]
        == #"{"line":2,"errors":["'effect' has no option 'sometimes'; its options are 'none', 'advisory', 'significant'"]}"#
    )
    #expect(lines[2] == #"{"line":3,"errors":["the line is not a JSON object of answers"]}"#)
    #expect(lines[3].contains(#""id":"unchecked-automation""#))
    #expect(r.stderr == "error: 2 lines of '-' could not be evaluated (see their error objects)\n")
  }

  @Test func batchLineEqualsSingleEvaluation() throws {
    let single = try assess(["evaluate", "example", "--answers", "-", "--json"], input: #"{"effect": "advisory"}"#)
    let batch = try assess(["evaluate", "example", "--answers", "-", "--batch"], input: #"{"effect": "advisory"}"#)
    let a = try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as? NSDictionary
    let b = try JSONSerialization.jsonObject(with: Data(batch.stdout.utf8)) as? NSDictionary
    #expect(a != nil && a == b)
  }

  @Test func unknownQuestionnaire() throws {
    let r = try assess(["evaluate", "exampel", "--answers", "examples/example-answers.yaml"])
    #expect(r.status == 2)
    #expect(
      r.stderr
        == "error: no built-in questionnaire 'exampel' and no such file (did you mean 'example'?); built-ins are ai-impact, ai-risk, eu-ai-act, example\n"
    )
  }

  @Test func invalidQuestionnaireIsAnInputError() throws {
    let r = try assess(["evaluate", "Tests/Fixtures/broken.yaml", "--answers", "examples/example-answers.yaml"])
    #expect(r.status == 2)
    #expect(
      r.stderr.hasSuffix(
        "error: questionnaire 'Tests/Fixtures/broken.yaml' has 17 errors; run 'assess validate Tests/Fixtures/broken.yaml'\n"
      ))
  }

  @Test func missingAnswersFile() throws {
    let r = try assess(["evaluate", "example", "--answers", "nope.yaml"])
    #expect(r.status == 2 && r.stderr == "error: answers file 'nope.yaml' does not exist\n")
  }

  @Test func listShowsBuiltIns() throws {
    let r = try assess(["list", "--json"])
    #expect(r.status == 0)
    #expect(r.stdout.contains(#""id": "example""#))
  }
}
