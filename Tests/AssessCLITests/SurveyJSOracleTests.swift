import Foundation
import Testing

/// Live against the real SurveyJS engine, with a fresh seed each run: walks made now, compared now.
///
/// Not part of `make test` (which skips this suite by name, and compares stored walks instead, in
/// `SurveyJSDifferentialTests`): `make test-oracle` runs it. The oracle is
/// `../shared/tools/surveyjs-oracle` beside the clone and needs Node and PyPI (which CI has); when
/// it cannot run, these tests fail, they do not pass or skip. `ASSESS_TEST_SEED` replays a seed.
@Suite struct SurveyJSOracleTests {
  static let oracleURL = repositoryRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/tools/surveyjs-oracle/run")

  func oracle(_ arguments: [String]) throws -> [[String: Any]] {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.oracleURL.path),
      "the SurveyJS oracle is not at \(Self.oracleURL.standardizedFileURL.path): the live oracle tests need ../shared beside the clone"
    )
    let process = Process()
    process.executableURL = Self.oracleURL
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "the SurveyJS oracle could not run: \(errors)")
    return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  func check(form: String, walks: Int, excluded: Set<String>, test: String = #function) throws {
    let seed = testSeed(test: test)
    let references = try oracle([form, "--walk", String(walks), String(seed)])
    #expect(references.count == walks, "the oracle gave \(references.count) walks for seed \(seed)")
    let lines = try references.map { reference -> String in
      let data = try JSONSerialization.data(withJSONObject: reference["answers"] ?? [:], options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self)
    }
    let r = try assess(["evaluate", form, "--answers", "-", "--batch"], input: lines.joined(separator: "\n") + "\n")
    #expect(r.status == 0, "seed \(seed): \(r.stderr)")
    let results = r.stdout.split(separator: "\n")
    #expect(results.count == references.count, "seed \(seed)")
    for (reference, line) in zip(references, results) {
      let ours = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let path = (ours["path"] as? [String] ?? []).filter { !excluded.contains($0) }
      let visible = (reference["visible"] as? [String] ?? []).filter { !excluded.contains($0) }
      #expect(path == visible, "seed \(seed), answers \(reference["answers"] ?? [:])")
    }
  }

  @Test func constructsWithAFreshSeed() throws {
    try check(
      form: repositoryRoot.appendingPathComponent("Tests/Fixtures/surveyjs/constructs.json").path, walks: 25,
      excluded: ["reachTwice", "grid", "people", "q_paren", "q_fn_unsupported"])
  }

  @Test func canadaAIAWithAFreshSeed() throws {
    try check(
      form: repositoryRoot.appendingPathComponent("Tests/Fixtures/aia/survey-enfr.json").path, walks: 3, excluded: [])
  }
}
