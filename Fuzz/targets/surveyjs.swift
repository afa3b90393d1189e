// Fuzz target: the SurveyJS importer, JSON form to questionnaire YAML (Sources/AssessKit/Import),
// which also loads and checks the YAML it makes.
@testable import AssessKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSurveyJS(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = FuzzInput.text(data, size)
  _ = try? SurveyJSImporter.importForm(json: text, fileName: "form.json")
  return 0
}
