// Fuzz target: the SurveyJS expression parser (Sources/AssessKit/Import/SurveyJSExpression.swift)
// and its translation into our language (SurveyJSTranslator.swift). Property: whatever the
// translator accepts, our parser reads (the importer relies on it).
@testable import AssessKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSurveyJSExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = FuzzInput.text(data, size)
  guard (try? SurveyJSExpression.parse(text)) != nil else { return 0 }
  var translator = SurveyJSTranslator(names: ["a", "b", "q1", "total", "name"])
  for translated in [try? translator.condition(text), try? translator.value(text)] {
    guard let translated else { continue }
    do {
      _ = try ExpressionParser.parse(translated)
    } catch {
      fatalError("the translation of '\(text)' does not parse: '\(translated)': \(error.message)")
    }
  }
  return 0
}
