import Foundation
import Testing

@testable import AssessKit

@Suite struct SurveyJSImportTests {
  func translate(_ text: String, names: Set<String> = ["a", "b", "list"]) throws -> String {
    var translator = SurveyJSTranslator(names: names)
    return try translator.condition(text)
  }

  @Test(arguments: [
    ("{a} = 'x'", "equal({a}, 'x')"),
    ("{a} == \"x\"", "equal({a}, 'x')"),
    ("{a} equal 'x'", "equal({a}, 'x')"),
    ("{a} != 1", "not equal({a}, 1)"),
    ("{a} <> 1", "not equal({a}, 1)"),
    ("{a} > 2 and {b} < 3", "(greater({a}, 2) and less({b}, 3))"),
    ("{a} >= 2 || {b} <= 3", "((equal({a}, 2) or greater({a}, 2)) or (equal({b}, 3) or less({b}, 3)))"),
    ("{list} contains 'x'", "includes({list}, 'x')"),
    ("{list} contains ['x', 2]", "includes({list}, ['x', '2'])"),
    ("{list} notcontains 'x'", "excludes({list}, 'x')"),
    ("{list} anyof ['x', 'y']", "anyof({list}, ['x', 'y'])"),
    ("{list} allof ['x']", "allof({list}, ['x'])"),
    ("{a} empty", "empty({a})"),
    ("{a} notempty", "notempty({a})"),
    ("!{a}", "not truthy(looseValue({a}))"),
    ("{a}", "truthy(looseValue({a}))"),
    ("{a} + {b} * 2 > 6", "greater(loosePlus(looseValue({a}), looseMul(looseValue({b}), 2)), 6)"),
    ("iif({a} = 1, {b}, 0) > 3", "greater(looseIf(equal({a}, 1), looseValue({b}), 0), 3)"),
    (
      "max({a}, {b}) >= 4",
      "(equal(looseMax(looseValue({a}), looseValue({b})), 4) or greater(looseMax(looseValue({a}), looseValue({b})), 4))"
    ),
    ("{missing} = 'x'", "equal(null, 'x')"),
    ("round({a}) = 1", "equal(null, 1)"),
    ("{a} = item1", "equal({a}, 'item1')"),
    ("{a} % 2 = 1", "equal(looseMod(looseValue({a}), 2), 1)"),
    ("{a} ^ 2 - {b} / 4", "truthy(looseMinus(loosePow(looseValue({a}), 2), looseDiv(looseValue({b}), 4)))"),
  ])
  func translations(source: String, expected: String) throws {
    #expect(try translate(source) == expected)
  }

  @Test(arguments: [
    ("age({a}) > 3", "the function 'age' is not supported"),
    ("{a} = 'x' and not ({b} = 1)", "cannot read the expression: unexpected '('"),
    ("{panel.q} = 1", "'{panel.q}' refers into a panel, matrix or row, which is not imported"),
    ("{a} = 'x", "cannot read the expression: a string is not closed"),
  ])
  func unsupported(source: String, reason: String) {
    #expect(throws: SurveyJSTranslator.Unsupported(reason: reason)) { try translate(source) }
  }

  @Test func constructsImportWithEveryIssueNamed() throws {
    let json = try fixture("surveyjs/constructs.json")
    let result = try SurveyJSImporter.importForm(json: json, fileName: "constructs.json")
    #expect(
      result.issues.map(\.description) == [
        "pages[3].elements[2] ('q_paren'): its condition '({kind} = 'model' or {kind} = 'agent') and not ({data} contains 'public')' is left out: cannot read the expression: unexpected '('; the element is always shown",
        "pages[4].elements[0] ('grid'): a 'matrix' question is not imported (matrices, dynamic panels, files and custom widgets have no equivalent)",
        "pages[4].elements[1] ('people'): a 'paneldynamic' question is not imported (matrices, dynamic panels, files and custom widgets have no equivalent)",
        "pages[4].elements[2] ('q_enable'): 'enableIf' is not imported: a disabled question is still shown, and we have no read-only questions",
        "pages[4].elements[3] ('q_fn_unsupported'): its condition 'age({owner}) > 3' is left out: the function 'age' is not supported; the element is always shown",
        "(conditions): 'round()' is not a SurveyJS function; it reads as empty, as SurveyJS reads it",
        "(conditions): '{nosuch}' names no imported question; it reads as empty, as SurveyJS reads an unknown name",
      ])
    #expect(result.inexact == ["reachTwice", "grid", "people", "q_paren", "q_fn_unsupported"])
    #expect(result.locales == ["default", "fr"])
    let q = try load(result.yaml, file: "constructs.yaml")
    #expect(q.semantics == .surveyjs)
    let kind = try #require(q.question("kind"))
    #expect(kind.type == .single && kind.required && kind.optionValues == ["model", "Agent", "rules", "3"])
    let data = try #require(q.question("data"))
    #expect(data.type == .multi && data.options.last?.exclusive == true && data.options.last?.value == "none")
    #expect(q.scales.map(\.id) == ["score"] && data.options.first?.score == [0: 2])
    #expect(q.question("sector")?.optionValues.last == "other")
    #expect(q.question("live")?.type == .yesno && q.question("live")?.option("yes")?.label == "Live")
    #expect(q.question("reach")?.type == .scale && q.question("reach")?.labels == [1: "narrow", 5: "wide"])
    #expect(q.question("notes")?.type == .text && q.question("owner")?.required == false)
    #expect(q.question("intro")?.type == .note && q.question("intro")?.prompt == "Answer as you would.")
    #expect(q.computed.map(\.id) == ["reachTwice"])
    #expect(q.question("q_hidden")?.when?.source == "false")
    #expect(
      q.question("q_nested")?.when?.source == "(equal({live}, true)) and (greater({reach}, 2)) and (greater({care}, 1))"
    )
  }

  @Test func localesPickTheirTexts() throws {
    let json = try fixture("surveyjs/constructs.json")
    let french = try SurveyJSImporter.importForm(json: json, fileName: "constructs.json", locale: "fr")
    let q = try load(french.yaml)
    #expect(q.title == "Constructions importées" && q.question("kind")?.prompt == "Quel genre de système ?")
    // A text with no French falls back to the default.
    #expect(q.question("sector")?.prompt == "Sector")
    let error = try #require(throws: SurveyJSImportError.self) {
      try SurveyJSImporter.importForm(json: json, fileName: "c.json", locale: "de")
    }
    #expect(error.message == "'c.json' has no texts in locale 'de'; it has 'default', 'fr'")
  }

  @Test func ratingsThatCannotBeImportedAreListedNotCrashed() throws {
    let json = """
      {"elements": [
        {"type": "rating", "name": "zero", "rateStep": 0},
        {"type": "rating", "name": "huge", "rateMin": 1, "rateMax": 1e300},
        {"type": "rating", "name": "half", "rateMin": 1, "rateMax": 2, "rateStep": 0.5},
        {"type": "text", "name": "t"}
      ]}
      """
    let result = try SurveyJSImporter.importForm(json: json, fileName: "r.json")
    #expect(result.issues.map(\.path) == ["elements[0] ('zero')", "elements[1] ('huge')"])
    let q = try load(result.yaml)
    #expect(q.question("half")?.optionValues == ["1", "1.5", "2"])
    #expect(q.question("zero") == nil && q.question("t") != nil)
  }

  @Test func requiredIfBecomesARequiredCondition() throws {
    let json = """
      {"elements": [
        {"type": "boolean", "name": "live"},
        {"type": "text", "name": "owner", "requiredIf": "{live} = true"},
        {"type": "text", "name": "why", "requiredIf": "age({live}) > 1"}
      ]}
      """
    let result = try SurveyJSImporter.importForm(json: json, fileName: "r.json")
    #expect(
      result.issues.map(\.description) == [
        "elements[2] ('why'): its 'requiredIf' condition 'age({live}) > 1' is left out: the function 'age' is not supported; the question is optional"
      ])
    let q = try load(result.yaml)
    #expect(q.question("owner")?.requiredWhen?.source == "equal({live}, true)")
    let off = Engine(questionnaire: q, answers: try answers(["live": .bool(false)], for: q))
    #expect(off.unanswered.isEmpty)
    let on = Engine(questionnaire: q, answers: try answers(["live": .bool(true)], for: q))
    #expect(on.unanswered == ["owner"])
  }

  @Test func notAForm() {
    for (text, message) in [
      ("{", "'x.json' is not valid JSON at 1:2: the JSON ends inside an object"),
      ("[1]", "'x.json' is not a SurveyJS form (not a JSON object)"),
    ] {
      do {
        _ = try SurveyJSImporter.importForm(json: text, fileName: "x.json")
        Issue.record("imported \(text)")
      } catch {
        #expect(error.message == message)
      }
    }
  }

  /// SurveyJS's loose comparisons, case by case (survey-core v1.9 helpers.ts and expressions.ts).
  @Test(arguments: [
    (Value.string(" Yes "), Value.string("yes"), true),
    (.number(1), .string("1"), true),
    (.string("1.0"), .number(1), true),
    (.bool(true), .string("TRUE"), true),
    (.bool(true), .number(1), true),
    (.null, .string(""), true),
    (.list([]), .null, true),
    (.list([.string("b"), .string("a")]), .list([.string("a"), .string("b")]), true),
    // SurveyJS sorts both lists case-sensitively before comparing, so case matters here.
    (.list([.string("b"), .string("a")]), .list([.string("a"), .string("B")]), false),
    (.list([.string("a")]), .string("a"), false),
    (.null, .number(0), false),
    (.string("abc"), .number(0), false),
  ])
  func looseEquality(a: Value, b: Value, equal: Bool) {
    #expect(Loose.equals(a, b) == equal)
  }

  @Test func looseContainsAnyAllEmpty() {
    let list = Value.list([.string("a"), .string("b")])
    #expect(Loose.contains(list, .string("A"), wanted: true))
    #expect(Loose.contains(list, .list([.string("a"), .string("b")]), wanted: true))
    #expect(!Loose.contains(list, .list([.string("a"), .string("c")]), wanted: true))
    #expect(Loose.contains(list, .list([]), wanted: true))
    #expect(Loose.contains(.string("hello"), .string("ell"), wanted: true))
    #expect(!Loose.contains(.string("hello"), .string("ELL"), wanted: true))
    #expect(!Loose.contains(.null, .string("x"), wanted: true))
    #expect(Loose.notContains(.null, .string("x")))
    #expect(!Loose.notContains(.null, .null))
    #expect(Loose.anyOf(.null, .list([])))
    #expect(!Loose.anyOf(.list([]), .list([.string("a")])))
    #expect(Loose.anyOf(.string("a"), .list([.string("a"), .string("b")])))
    #expect(!Loose.allOf(.null, .list([.string("a")])))
    #expect(Loose.allOf(list, .list([.string("b"), .string("a")])))
    #expect(
      Loose.isEmpty(.list([])) && Loose.isEmpty(.string("")) && !Loose.isEmpty(.bool(false))
        && !Loose.isEmpty(.number(0)))
    #expect(Loose.truthy(.list([])) && !Loose.truthy(.number(0)) && !Loose.truthy(.string("")))
    #expect(
      Loose.greater(.string("10"), .number(9)) && !Loose.greater(.null, .number(-1))
        && Loose.greater(.string("b"), .string("a")))
  }
}
