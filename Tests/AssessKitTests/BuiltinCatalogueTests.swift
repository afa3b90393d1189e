import AssessBuiltins
import Testing

@testable import AssessKit

/// What `assess list` says of each built-in: its estimated time and the questions on its path.
@Suite struct BuiltinCatalogueTests {
  func builtin(_ id: String) throws -> Questionnaire {
    let source = try #require(Builtins.source(id: id))
    return try #require(QuestionnaireLoader.load(text: source.text, file: source.fileName).questionnaire)
  }

  @Test func theAssessmentsTakeFifteenToFortyMinutes() throws {
    for id in ["ai-impact", "ai-risk", "eu-ai-act"] {
      let minutes = try #require(try builtin(id).minutes, "\(id) says how long it takes")
      #expect(minutes.lowerBound >= 15 && minutes.upperBound <= 40, "\(id): \(minutes)")
    }
  }

  /// The example's shortest path is purpose, effect, users (effect 'none' closes the rest); its
  /// longest adds groups, a harm question per group (three), subgroup testing, oversight and
  /// appeal days: ten (children_affected is asked only when children are not among the groups).
  @Test func theExamplesPathSpansThreeToTenQuestions() throws {
    let span = PathSpan(try builtin("example"))
    #expect(span.fewest == 3 && span.most == 10)
    // The same walks every time.
    #expect(PathSpan(try builtin("example")) == span)
  }

  /// The assessments branch: their shortest and longest paths differ widely.
  @Test func theAssessmentsBranch() throws {
    for id in ["ai-impact", "ai-risk", "eu-ai-act"] {
      let q = try builtin(id)
      let span = PathSpan(q)
      let answerable = q.questions.filter(\.type.isAnswerable).count
      #expect(span.fewest < span.most && span.most >= answerable / 2, "\(id): \(span)")
    }
  }

  @Test func minutesMustBeTwoWholeNumbersInOrder() {
    let message = "'minutes' is the time a full run takes, as [fewest, most], e.g. [15, 40]"
    for bad in ["[40, 15]", "15", "[15]", "[a, b]", "[-1, 5]"] {
      let errors = diagnostics(
        wrap("  - {id: s, title: S, questions: [{id: q, type: text, prompt: Q}]}", head: "minutes: \(bad)"))
      #expect(errors.contains { $0.hasSuffix("error: \(message)") }, "\(bad): \(errors)")
    }
    let good = QuestionnaireLoader.load(
      text: wrap("  - {id: s, title: S, questions: [{id: q, type: text, prompt: Q}]}", head: "minutes: [5, 10]"),
      file: "q.yaml")
    #expect(good.questionnaire?.minutes == 5...10)
  }
}
