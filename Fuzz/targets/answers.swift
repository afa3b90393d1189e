// Fuzz target: the answers reader (Sources/AssessKit/Engine/AnswersReader.swift and AnswerChecker),
// YAML or JSON answers for the example questionnaire. Diagnostics are rendered with their source
// line; accepted answers are applied to an engine.
@testable import AssessKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = FuzzInput.text(data, size)
  let outcome = AnswersReader.read(text: text, file: "answers.yaml", for: FuzzInput.example)
  let renderer = DiagnosticRenderer(sources: ["answers.yaml": text])
  for diagnostic in outcome.diagnostics { _ = renderer.render(diagnostic) }
  _ = Engine(questionnaire: FuzzInput.example, answers: outcome.answers)
  // The one-line JSON form (`assess answer --json-lines`), when the input is one line.
  if !text.contains("\n"), let pairs = try? AnswersReader.parseJSONLine(text) {
    _ = AnswersReader.check(pairs, for: FuzzInput.example)
  }
  return 0
}
