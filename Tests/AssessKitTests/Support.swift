import AssessBuiltins
import Foundation
import Testing

@testable import AssessKit

/// The repository root, found from this file's place.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The text of a file in Tests/Fixtures.
func fixture(_ name: String) throws -> String {
  try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)"), encoding: .utf8)
}

/// The built-in example questionnaire.
func example() throws -> Questionnaire {
  let source = try #require(Builtins.source(fileName: "example.yaml"))
  let result = QuestionnaireLoader.load(text: source.text, file: "example.yaml")
  #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
  return try #require(result.questionnaire)
}

/// Loads YAML text, expecting no errors.
func load(_ yaml: String, file: String = "q.yaml") throws -> Questionnaire {
  let result = QuestionnaireLoader.load(text: yaml, file: file)
  let errors = result.diagnostics.filter { $0.severity == .error }
  #expect(errors.isEmpty, "\(errors)")
  return try #require(result.questionnaire)
}

/// The diagnostics of YAML text, as `LINE:COL: severity: message` lines.
func diagnostics(_ yaml: String) -> [String] {
  QuestionnaireLoader.load(text: yaml, file: "q.yaml").diagnostics.map { d in
    "\(d.location?.line ?? 0):\(d.location?.column ?? 0): \(d.severity.rawValue): \(d.message)"
  }
}

/// A questionnaire around the given sections' YAML (indented as list items under `sections:`).
func wrap(_ sections: String, head: String = "", tail: String = "") -> String {
  """
  assess: 1
  id: t
  title: Test
  version: 1.0.0
  \(head)
  sections:
  \(sections)
  \(tail)
  """
}

/// Checked answers for a questionnaire.
func answers(_ values: [String: Value], for q: Questionnaire) throws -> AnswerSet {
  var set = AnswerSet()
  for (id, value) in values { set[id] = try AnswerChecker.check(id, value, in: q) }
  return set
}

/// The seed of a randomized test: `ASSESS_TEST_SEED` when set (to replay a failure), else `fallback`.
/// Every seed is written to the test output (standard error, unbuffered, so it survives a crash),
/// with the command that replays it; failures name it too.
func testSeed(_ fallback: UInt64, test: String = #function) -> UInt64 {
  let name = test.prefix { $0 != "(" }
  var seed = fallback
  if let text = ProcessInfo.processInfo.environment["ASSESS_TEST_SEED"] {
    if let given = UInt64(text) {
      seed = given
    } else {
      Issue.record("ASSESS_TEST_SEED '\(text)' is not a seed (a whole number from 0); using \(fallback)")
    }
  }
  FileHandle.standardError.write(
    Data("\(name): seed \(seed) (replay: ASSESS_TEST_SEED=\(seed) swift test --filter \(name))\n".utf8))
  return seed
}
