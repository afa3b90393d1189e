import Foundation
import Testing

/// Live against the real SurveyJS engine, with a fresh seed each run: walks made now, compared now.
/// The oracle needs Node and PyPI (which CI has); when it cannot run, this fails, it does not pass.
@Suite struct SurveyJSOracleTests {
  static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

  func oracle(_ arguments: [String]) throws -> [[String: Any]] {
    let process = Process()
    process.executableURL = Self.shared.appendingPathComponent("tools/surveyjs-oracle/run")
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "the SurveyJS oracle could not run: \(errors)")
    return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  func check(form: String, walks: Int, excluded: Set<String>) throws {
    let seed = Int.random(in: 1...1_000_000)
    let references = try oracle([form, "--walk", String(walks), String(seed)])
    #expect(references.count == walks, "the oracle gave \(references.count) walks for seed \(seed)")
    let lines = try references.map { reference -> String in
      let data = try JSONSerialization.data(withJSONObject: reference["answers"] ?? [:], options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self)
    }
    let r = try assess(["evaluate", form, "--answers", "-", "--batch"], input: lines.joined(separator: "\n") + "\n")
    #expect(r.status == 0, "seed \(seed): \(r.stderr)")
    let results = r.stdout.split(separator: "\n")
    #expect(results.count == references.count)
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
    try check(form: Self.shared.appendingPathComponent("fixtures/aia/survey-enfr.json").path, walks: 3, excluded: [])
  }
}
