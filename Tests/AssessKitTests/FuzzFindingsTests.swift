import Foundation
import Testing

@testable import AssessKit

/// Inputs the fuzz targets (Fuzz/, docs/RELIABILITY.md) found, each with what it must do instead.
@Suite struct FuzzFindingsTests {
  /// eventlog: an integer of more than 18 digits in an event line overflowed `Int` in the fast line
  /// scanner and trapped (`assess` crashed on the log) instead of being refused or read as JSON.
  @Test func longIntegersInAnEventLineDoNotTrap() throws {
    let digits = String(repeating: "3", count: 64)
    #expect(throws: EventCodec.DecodeError.self) {
      try EventCodec.decode("\(digits)[[[+[\"override\":")
    }
    #expect(throws: EventCodec.DecodeError.self) {
      try EventCodec.decode("{\"seq\":\(digits),\"at\":\"2026-01-02T03:04:05Z\",\"by\":\"a\",\"type\":\"completed\"}")
    }
    let event = try EventCodec.decode(
      "{\"seq\":1,\"at\":\"2026-01-02T03:04:05Z\",\"by\":\"a\",\"type\":\"answered\",\"question\":\"users\","
        + "\"value\":-\(digits)}")
    #expect(event.kind == .answered(question: "users", value: .number(-Double(digits)!)))
  }

  /// surveyjs-expression: a quote followed by a combining mark (`'\u{335}`, one Character in Swift)
  /// inside a SurveyJS string was not escaped in the translation, so our parser, which reads
  /// Unicode scalars, ended the string there and refused the rest.
  @Test func aQuoteWithACombiningMarkIsEscapedInTheTranslation() throws {
    for text in ["{a} = \"x'\u{335}y\"", "\"'\u{335}\"", "{a} = \"\\\u{335}'\u{301}\""] {
      _ = try SurveyJSExpression.parse(text)
      var translator = SurveyJSTranslator(names: ["a"])
      let condition = try translator.condition(text)
      #expect(throws: Never.self, "\(condition)") { try ExpressionParser.parse(condition) }
    }
    var translator = SurveyJSTranslator(names: ["a"])
    let value = try translator.value("\"x'\u{335}y\"")
    #expect(try ExpressionParser.parse(value).kind == .literal(.string("x'\u{335}y")))
  }
}
