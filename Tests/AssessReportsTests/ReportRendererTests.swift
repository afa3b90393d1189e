import AssessBuiltins
import Foundation
import Testing

@testable import AssessKit
@testable import AssessReports

/// The report renderers on a session built from events: escaping, the template context, the heat
/// map, the CSV and determinism.
@Suite struct ReportRendererTests {
  static func session(_ extra: [SessionEvent.Kind] = []) throws -> Session {
    let source = try #require(Builtins.source(id: "example"))
    let q = try #require(QuestionnaireLoader.load(text: source.text, file: source.fileName).questionnaire)
    let kinds: [SessionEvent.Kind] =
      [
        .created(questionnaire: q.id, version: q.version, hash: q.hash, source: "example"),
        .participantJoined(name: "Ana", role: "facilitator"),
        .answered(question: "purpose", value: .string("<b>bold</b> & \"q\" | pipe")),
        .answered(question: "effect", value: .string("significant")),
        .answered(question: "users", value: .number(20000)),
        .answered(question: "groups", value: .list([.string("public")])),
        .answered(question: "harm_by_group[public]", value: .number(3)),
        .answered(question: "subgroup_tested", value: .bool(false)),
        .answered(question: "oversight", value: .string("none")),
        .noteAdded(question: "purpose", text: "line one\nline two"),
        .flagSet(question: "effect", text: nil),
      ] + extra
    let events = kinds.enumerated().map { i, kind in
      SessionEvent(seq: i + 1, at: Timestamp(seconds: 1_790_000_000 + Double(i) * 60), by: "Ana", kind: kind)
    }
    return Session(id: "s", events: events, questionnaire: q)
  }

  @Test func theReportHasItsSchemaAndParts() throws {
    let json = Report(try Self.session()).json
    #expect(json.at("schema") == .number(1))
    #expect(json.at("session", "lastChange") == .string(Timestamp(seconds: 1_790_000_000 + 600).text))
    #expect(json.at("sections")?.arrayItems?.isEmpty == false)
    let purpose = json.at("sections")?.arrayItems?.first?.at("questions")?.arrayItems?.first
    #expect(purpose?.at("answer") == .string("<b>bold</b> & \"q\" | pipe"))
    #expect(purpose?.at("by") == .string("Ana"))
    // A flag without text on an unanswered... on an answered question is listed with the answer.
    let effect = json.at("sections")?.arrayItems?.first?.at("questions")?.arrayItems?[1]
    #expect(effect?.at("flag", "text") == .null)
    #expect(effect?.at("answer") == .string("Yes, with a legal or similarly significant effect"))
  }

  @Test func aNullStopsTheLookup() throws {
    // The flag has no text: `{{#flag}}{{text}}{{/flag}}` must not print the question's text.
    let md = try ReportRenderer.render(
      Report(try Self.session()), as: .markdown,
      template: "{{#sections}}{{#questions}}{{#flag}}[{{text}}]{{/flag}}{{/questions}}{{/sections}}")
    #expect(md == "[]")
  }

  @Test func markdownEscapesMarkupAndKeepsCellsWhole() throws {
    let md = try ReportRenderer.render(Report(try Self.session()), as: .markdown)
    #expect(md.contains("&lt;b&gt;bold&lt;/b&gt; &amp; \"q\" \\| pipe"))
    #expect(md.contains("line one<br>line two"))
  }

  @Test func htmlEscapesEverything() throws {
    let html = try ReportRenderer.render(Report(try Self.session()), as: .html)
    #expect(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;q&quot; | pipe"))
    #expect(!html.contains("<b>bold"))
  }

  @Test func theHeatMapCountsRaisedRisks() throws {
    let session = try Self.session()
    let svg = HeatMapSVG.make(Report(session).json)
    let raised = session.engine.risks.filter(\.raised).count
    let counted = svg.components(separatedBy: "font-weight=\"bold\" fill=").count - 1
    #expect(raised > 0)
    #expect(counted <= raised && counted > 0)
    #expect(svg.contains(">critical</text>") && svg.contains(">Likelihood</text>"))
  }

  @Test func tonesSpreadOverTheRatings() {
    #expect((0..<4).map { TemplateContext.tone($0, of: 4) } == [0, 2, 3, 4])
    #expect((0..<3).map { TemplateContext.tone($0, of: 3) } == [0, 2, 4])
    #expect((0..<5).map { TemplateContext.tone($0, of: 5) } == [0, 1, 2, 3, 4])
  }

  @Test func csvFieldsFollowRFC4180() {
    #expect(RiskRegisterCSV.field("plain") == "plain")
    #expect(RiskRegisterCSV.field("a, b") == "\"a, b\"")
    #expect(RiskRegisterCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(RiskRegisterCSV.field("two\nlines") == "\"two\nlines\"")
    #expect(RiskRegisterCSV.field("=HYPERLINK(1)") == "'=HYPERLINK(1)")
  }

  @Test func theSameSessionGivesTheSameBytes() throws {
    for format in [ReportFormat.markdown, .html, .json, .csv] {
      let a = try ReportRenderer.render(Report(try Self.session()), as: format)
      let b = try ReportRenderer.render(Report(try Self.session()), as: format)
      #expect(a == b, "\(format)")
    }
  }

  @Test func aBrokenTemplateIsNamed() throws {
    #expect(throws: ReportError.self) {
      try ReportRenderer.render(Report(try Self.session()), as: .html, template: "{{#a}}")
    }
  }

  @Test func answersKeptAsideAndUnansweredAreListed() throws {
    let s = try Self.session([
      .answered(question: "appeal_days", value: .number(30)),
      .migrated(fromHash: "sha256:a", toHash: "sha256:b", version: "1.0.1", aside: ["appeal_days"]),
      .parked(question: "appeal_days"),
    ])
    let json = Report(s).json
    let aside = json.at("aside")?.arrayItems ?? []
    #expect(aside.count == 1)
    #expect(aside.first?.at("answer") == .string("30"))
    #expect(aside.first?.at("why") == .string("no longer fits the questionnaire"))
    let unanswered = json.at("unanswered")?.arrayItems ?? []
    #expect(unanswered.map { $0.at("id") } == [.string("children_affected"), .string("appeal_days")])
    #expect(unanswered.map { $0.at("parked") } == [.bool(false), .bool(true)])
    let md = try ReportRenderer.render(Report(s), as: .markdown)
    #expect(
      md.contains(
        "- Unanswered: Within how many days can a person contest a decision? (Fairness and oversight), parked"))
    #expect(
      md.contains(
        "- Kept aside, no longer fits the questionnaire: Within how many days can a person contest a decision?: 30"))
  }

  @Test func theDiffOfASessionWithItselfIsEmpty() throws {
    let s = try Self.session()
    #expect(SessionDiff(from: s, to: s).isEmpty)
    let changed = try Self.session([.changed(question: "users", old: .number(20000), new: .number(500))])
    let diff = SessionDiff(from: s, to: changed)
    #expect(!diff.isEmpty)
    #expect(diff.json.at("answers", "changed")?.arrayItems?.first?.at("new") == .string("500 people"))
  }
}
