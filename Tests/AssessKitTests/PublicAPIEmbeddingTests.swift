import AssessBuiltins
import AssessKit
import Foundation
import Testing

/// The README's embedding example, run as written (with `import AssessKit`, not `@testable`): a
/// program loads a questionnaire, checks answers, evaluates them and keeps a session.
@Suite struct PublicAPIEmbeddingTests {
  @Test func theReadmeExampleRuns() throws {
    let text = try #require(Builtins.source(id: "example")).text
    // --- README: embedding AssessKit ---
    let result = QuestionnaireLoader.load(text: text, file: "example.yaml")
    let questionnaire = try #require(result.questionnaire)  // else: print(result.diagnostics)
    var answers = AnswerSet()
    answers["effect"] = try AnswerChecker.check("effect", .string("significant"), in: questionnaire)
    answers["oversight"] = try AnswerChecker.check("oversight", .string("none"), in: questionnaire)
    let engine = Engine(questionnaire: questionnaire, answers: answers)
    print(engine.path, engine.unanswered)  // the questions shown, and the required ones still open
    let json = EvaluationJSON.make(engine).pretty()  // the `evaluate --json` contract
    // --- end ---
    #expect(engine.path.prefix(3) == ["purpose", "effect", "users"])
    #expect(engine.unanswered.contains("purpose"))
    #expect(json.contains("\"unchecked-automation\""))
    // An answer the questionnaire does not allow is refused with one sentence.
    #expect(throws: AnswerError.self) { try AnswerChecker.check("effect", .string("maybe"), in: questionnaire) }
  }
}
