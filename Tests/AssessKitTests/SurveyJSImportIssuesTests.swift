import Foundation
import Testing

@testable import AssessKit

/// Import diagnostics point into the JSON (a line:column, or the element's JSON path), never into
/// the YAML the import writes; and nothing is silently different: each difference is an issue.
@Suite struct SurveyJSImportIssuesTests {
  func failure(_ json: String) -> String? {
    do {
      _ = try SurveyJSImporter.importForm(json: json, fileName: "f.json")
      return nil
    } catch {
      return error.message
    }
  }

  @Test func nothingToImportNamesThePlaceInTheJSON() {
    #expect(failure("{}") == "'f.json' at 1:1: nothing to import: the form has no 'pages' (or 'elements')")
    #expect(failure(#"{"pages":[]}"#) == "'f.json' at 1:10: nothing to import: 'pages' is empty")
    #expect(failure("{\n  \"pages\": 3\n}") == "'f.json' at 2:12: nothing to import: 'pages' must be a list of pages")
    #expect(
      failure(#"{"pages":[{"elements":[{"type":"image","name":"i"}]}]}"#)
        == "'f.json' at 1:10: nothing to import: no page has a question that can be imported (1 element left out: pages[0].elements[0] ('i'): an image is display-only; it is left out)"
    )
    #expect(
      failure(#"{"elements":[]}"#)
        == "'f.json' at 1:13: nothing to import: 'elements' has no question that can be imported")
  }

  @Test func invalidJSONSaysWhere() {
    #expect(failure("{\n  \"a\": }") == "'f.json' is not valid JSON at 2:8: unexpected character '}'")
    #expect(failure(#"{"a": [1, 2}"#) == "'f.json' is not valid JSON at 1:12: expected ',' or ']'")
    #expect(failure(#"{"a": "x"#) == "'f.json' is not valid JSON at 1:9: a string is not closed")
    #expect(failure(#"{"é": "ü", x}"#) == "'f.json' is not valid JSON at 1:12: expected a key in double quotes")
    #expect(failure("{} x") == "'f.json' is not valid JSON at 1:4: unexpected text after the JSON value")
    #expect(failure(String(repeating: "[", count: 600)) != nil)
  }

  @Test func jsonReaderReadsWhatJSONSerializationReads() throws {
    let text = #"{"a": [1, -2.5e3, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"], "b": {"c": {}}, "d": []}"#
    let (node, positions) = try JSONReader.parse(text)
    #expect(
      node
        == .object([
          "a": .array([
            .number(1), .number(-2500), .bool(true), .bool(false), .null, .string("x\"\\/\u{8}\u{C}\n\r\té😀"),
          ]),
          "b": .object(["c": .object([:])]), "d": .array([]),
        ]))
    #expect(positions["a"] == JSONReader.Position(line: 1, column: 7))
    #expect(positions["b"] == JSONReader.Position(line: 1, column: 83))
    #expect(positions["b.c"] == nil)
  }

  /// An element SurveyJS makes nothing of (no type, or a type that is not a text) is left out and listed.
  @Test func elementsWithoutATextTypeAreListed() throws {
    let json = #"{"elements":[{"name":"a"},{"name":"b","type":3},{"type":"text","name":"c"}]}"#
    let result = try SurveyJSImporter.importForm(json: json, fileName: "f.json")
    #expect(
      result.issues.map(\.description) == [
        "elements[0] ('a'): the element has no 'type', so SurveyJS makes no question of it; it is left out",
        "elements[1] ('b'): the element has a 'type' that is not a text, so SurveyJS makes no question of it; it is left out",
      ])
    #expect(result.questionnaire.questions.map(\.id) == ["c"])
  }

  @Test func duplicateNamesAreListed() throws {
    let json =
      #"{"elements":[{"type":"text","name":"ok"},{"type":"comment","name":"ok"},{"type":"expression","name":"ok","expression":"1"}]}"#
    let result = try SurveyJSImporter.importForm(json: json, fileName: "f.json")
    #expect(
      result.issues.map(\.description) == [
        "elements[1] ('ok'): an earlier element has the name 'ok' (in SurveyJS both hold one answer); this one is imported as 'ok-2', and conditions read the first",
        "elements[2] ('ok'): an earlier element has the name 'ok' (in SurveyJS both hold one answer); this one is imported as 'ok-3', and conditions read the first",
      ])
    #expect(result.questionnaire.questions.map(\.id) == ["ok", "ok-2"])
  }

  @Test func choicesWithoutAUsableValueAreListed() throws {
    let json = """
      {"elements":[{"type":"radiogroup","name":"r","choices":[
        null, {"value": {"x": 1}}, [1, 2], {"value": [1]}, {"text": "by text"}, {"score": 1}, "ok"]}]}
      """
    let result = try SurveyJSImporter.importForm(json: json, fileName: "f.json")
    #expect(
      result.issues.map(\.description) == [
        "elements[0].choices[0] ('r'): the choice's value is null, which no answer here can be; the choice is left out",
        "elements[0].choices[1] ('r'): the choice's value is an object, which no answer here can be; the choice is left out",
        "elements[0].choices[2] ('r'): the choice's value is a list, which no answer here can be; the choice is left out",
        "elements[0].choices[3] ('r'): the choice's value is a list, which no answer here can be; the choice is left out",
        "elements[0].choices[5] ('r'): the choice's value is missing (and it has no text), which no answer here can be; the choice is left out",
      ])
    // An object without a value takes its text as the value, as SurveyJS does.
    #expect(result.questionnaire.question("r")?.optionValues == ["by text", "ok"])
  }

  /// An element whose translation our checker refuses fails the import naming the element's JSON
  /// path, never a line of the YAML the import writes.
  @Test func aRefusedElementNamesItsJSONPath() throws {
    let message = failure(
      #"{"pages":[{"name":"p","elements":[{"type":"text","name":"a"},{"type":"text","name":"not"}]}]}"#)
    #expect(message == "'f.json': pages[0].elements[1] ('not'): 'not' is a reserved word and cannot be an id")
  }

  /// Import is linear in the number of choices (it was quadratic: 20,000 choices took 13.7 s): four
  /// times the choices take well under eight times as long (sixteen, were it quadratic). The best of
  /// two runs each, so a busy machine does not decide.
  @Test func importIsLinearInTheChoices() throws {
    func seconds(_ choices: Int) throws -> Double {
      let items = (0..<choices).map { #"{"value":"c\#($0)","text":"C\#($0)"}"# }.joined(separator: ",")
      let json = #"{"elements":[{"type":"radiogroup","name":"q","choices":[\#(items)]}]}"#
      var best = Double.infinity
      for _ in 0..<2 {
        let start = Date()
        let result = try SurveyJSImporter.importForm(json: json, fileName: "f.json")
        best = min(best, Date().timeIntervalSince(start))
        #expect(result.questionnaire.question("q")?.options.count == choices)
      }
      return best
    }
    let small = try seconds(2_000)
    let large = try seconds(8_000)
    #expect(large < 8 * small, "2,000 choices: \(small) s; 8,000: \(large) s")
  }
}
