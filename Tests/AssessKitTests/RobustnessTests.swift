import AssessBuiltins
import Testing

@testable import AssessKit

/// Damaged questionnaires never crash the loader: each gives a questionnaire or errors with a place,
/// and what loads evaluates.
@Suite struct RobustnessTests {
  func check(_ text: String) {
    let result = QuestionnaireLoader.load(text: text, file: "m.yaml")
    if let q = result.questionnaire {
      let engine = Engine(questionnaire: q)
      _ = EvaluationJSON.make(engine)
    } else {
      #expect(result.diagnostics.hasErrors)
      #expect(result.diagnostics.allSatisfy { $0.location != nil })
    }
  }

  @Test func everyLineDeletedDuplicatedOrDamaged() throws {
    let source = try #require(Builtins.source(fileName: "example.yaml")).text
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let damage: [(String) -> String] = [
      { _ in "" },
      { $0 + "\n" + $0 },
      { $0.replacingOccurrences(of: ":", with: "") },
      { $0.replacingOccurrences(of: "'", with: "") },
      { $0.replacingOccurrences(of: "[", with: "{") },
      { String($0.prefix($0.count / 2)) },
      { $0.replacingOccurrences(of: "1", with: "-7") },
    ]
    for i in lines.indices {
      for change in damage {
        var copy = lines
        copy[i] = change(copy[i])
        check(copy.joined(separator: "\n"))
      }
    }
  }

  @Test func everyPrefix() throws {
    let source = try #require(Builtins.source(fileName: "example.yaml")).text
    let scalars = Array(source.unicodeScalars)
    for end in stride(from: 0, to: scalars.count, by: 37) {
      check(String(String.UnicodeScalarView(scalars[..<end])))
    }
  }
}
