import Foundation
import Testing

@Suite struct ImportCommandTests {
  /// The Canada AIA form, vendored in Tests/Fixtures/aia (MIT; SOURCE.md says from where).
  static let aia = repositoryRoot.appendingPathComponent("Tests/Fixtures/aia/survey-enfr.json").path
  static let constructs = repositoryRoot.appendingPathComponent("Tests/Fixtures/surveyjs/constructs.json").path

  @Test func importWritesAQuestionnaireThatValidates() throws {
    let dir = try temporaryDirectory()
    let r = try assess(["import", "surveyjs", Self.aia, "--output", "aia.yaml"], directory: dir)
    #expect(r.status == 0)
    #expect(r.stderr == "\(Self.aia): imported to aia.yaml (locale default); 0 elements not carried over exactly\n")
    let check = try assess(["validate", "aia.yaml"], directory: dir)
    #expect(check.status == 0 && check.stdout == "aia.yaml: ok: 'survey-enfr' imported, 295 questions, 0 risks\n")
  }

  @Test func issuesGoToStderrAndStrictFails() throws {
    let r = try assess(["import", "surveyjs", Self.constructs])
    #expect(r.status == 0 && r.stdout.hasPrefix("# Imported from constructs.json"))
    #expect(r.stderr.contains("\(Self.constructs): pages[4].elements[0] ('grid'): a 'matrix' question is not imported"))
    #expect(try assess(["import", "surveyjs", Self.constructs, "--strict"]).status == 1)
  }

  @Test func badForms() throws {
    let dir = try temporaryDirectory()
    try "{ not json".write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
    let r = try assess(["import", "surveyjs", "bad.json"], directory: dir)
    #expect(
      r.status == 2 && r.stderr == "error: 'bad.json' is not valid JSON at 1:3: expected a key in double quotes\n")
    let missing = try assess(["import", "surveyjs", "nope.json"], directory: dir)
    #expect(missing.status == 2 && missing.stderr == "error: form 'nope.json' does not exist\n")
    let locale = try assess(["import", "surveyjs", Self.aia, "--locale", "de"])
    #expect(locale.status == 2 && locale.stderr.hasSuffix("has no texts in locale 'de'; it has 'default', 'fr'\n"))
  }

  /// The whole AIA through the interactive shell (plain mode), in English and in French.
  @Test(arguments: [
    ("", "Project Details", "Published AIA version number"), ("#fr", "Détails du projet", "Nom de la personne sondée"),
  ])
  func theAIAEndToEndInTheShell(locale: String, section: String, question: String) throws {
    let dir = try temporaryDirectory()
    let answers = String(repeating: "1\n", count: 400)
    let r = try assess(["start", Self.aia + locale, "--id", "aia"], input: answers, directory: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("== \(section) =="))
    #expect(r.stdout.contains(question))
    #expect(r.stdout.contains("186 of 186 questions on the path answered; session 'aia' is complete."))
    let status = try assess(["status", "aia", "--json"], directory: dir)
    #expect(status.stdout.contains(#""status": "complete""#))
    // Resuming finds the form unchanged (same import, same hash) and nothing left to ask.
    let resumed = try assess(["resume", "aia", "--no-input"], directory: dir)
    #expect(resumed.status == 0 && !resumed.stdout.contains("changed"))
  }
}
