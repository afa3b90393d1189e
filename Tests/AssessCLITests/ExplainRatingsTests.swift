import Foundation
import Testing

/// `explain` shows the spread of the independent ratings behind a number (issue 12).
@Suite struct ExplainRatingsTests {
  @Test func explainShowsTheRatingsOfTheAnswersARiskReads() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let env = ["USER": "dave", "ASSESS_NOW": "2026-11-29T10:00:00Z", "COLUMNS": "200"]
    let r = try assess(
      ["start", "example", "--id", "p", "--participant", "Ana", "--participant", "Ben", "--participant", "Chloe"],
      input: "Loans\n:poll Ana=3 Ben=2 Chloe=3\n\n:quit\n", directory: dir, environment: env)
    #expect(r.status == 0, "\(r.stderr)")
    let risk = try assess(["explain", "p", "unfair-outcomes"], directory: dir, environment: env).stdout
    #expect(risk.contains("Independent ratings of the answers it reads\n"))
    #expect(risk.contains("2 of 3  Yes, with a legal or similarly significant effect (Ana, Chloe)"))
    // A score that does not read the rated question shows no ratings.
    let scale = try assess(["explain", "p", "mitigation"], directory: dir, environment: env).stdout
    #expect(!scale.contains("Independent ratings"))
    let all = try assess(["explain", "p"], directory: dir, environment: env).stdout
    #expect(all.contains("Agreement: 1 question rated independently"))
  }

  /// Reports show the agreement: each rated question, each rater's answer in words, the agreed one.
  @Test func reportsShowTheRatings() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let env = ["USER": "dave", "ASSESS_NOW": "2026-11-29T10:00:00Z"]
    _ = try assess(
      ["start", "example", "--id", "p", "--participant", "Ana", "--participant", "Ben", "--participant", "Chloe"],
      input: "Loans\n:poll Ana=3 Ben=2 Chloe=3\n\n:quit\n", directory: dir, environment: env)
    let markdown = try assess(["report", "p", "--format", "markdown"], directory: dir, environment: env).stdout
    #expect(markdown.contains("### Independent ratings\n\n1 questions rated independently, 0 unanimous"))
    #expect(
      markdown.contains(
        "| 50% | Ana: Yes, with a legal or similarly significant effect; Ben: It informs a person who decides; Chloe:"))
    let html = try assess(["report", "p", "--format", "html"], directory: dir, environment: env).stdout
    #expect(html.contains("<h3>Independent ratings</h3>"))
    let json = try assess(["report", "p", "--format", "json"], directory: dir, environment: env).stdout
    #expect(json.contains("\"agreement\": {\n    \"rated\": 1,"))
  }
}
