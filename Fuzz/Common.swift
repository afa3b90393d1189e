// Shared by every fuzz target: the input as text, and the questionnaire that answers and event logs
// are read against. Compiled into each target by scripts/fuzz.sh, never by SwiftPM.
import AssessKit
import Foundation

enum FuzzInput {
  /// The input bytes as text, the way the command line reads a file (invalid UTF-8 repaired).
  static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  }

  /// The input bytes as they are.
  static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> Data {
    Data(bytes: data, count: size)
  }

  /// The example questionnaire (questionnaires/example.yaml, embedded by scripts/fuzz.sh as
  /// `fuzzExampleQuestionnaireBase64`): every construct of the format, so answers and events of
  /// every kind have a question to land on.
  static let example: Questionnaire = {
    let text = Data(base64Encoded: fuzzExampleQuestionnaireBase64).map { String(decoding: $0, as: UTF8.self) } ?? ""
    guard let questionnaire = QuestionnaireLoader.load(text: text, file: "example.yaml").questionnaire else {
      fatalError("the embedded example questionnaire does not load")
    }
    return questionnaire
  }()
}

/// Before the first input: loads the example questionnaire, so that what it keeps for the whole run
/// is not counted against the input that happened to load it (LeakSanitizer checks each input).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
  _ = FuzzInput.example
  return 0
}
