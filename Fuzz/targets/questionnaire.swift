// Fuzz target: the questionnaire loader, YAML text to a checked questionnaire
// (Sources/AssessKit/Format, the expression checker, Yams). Every diagnostic is rendered with its
// source line; a questionnaire that loads is evaluated once with no answers.
@testable import AssessKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuestionnaire(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = FuzzInput.text(data, size)
  let result = QuestionnaireLoader.load(text: text, file: "fuzz.yaml")
  let renderer = DiagnosticRenderer(sources: ["fuzz.yaml": text])
  for diagnostic in result.diagnostics { _ = renderer.render(diagnostic) }
  if let questionnaire = result.questionnaire {
    let engine = Engine(questionnaire: questionnaire)
    _ = engine.points(ofQuestion: 0)
  }
  return 0
}
