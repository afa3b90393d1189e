import Foundation
import Testing

/// Live, in the oracle suite (`make test-oracle`): the scored PHQ-9-like form, with fresh walks and
/// fresh random answer sets (numbers, numeric texts, gaps), through `assess evaluate --batch`; our
/// path and computed values must equal what SurveyJS shows and holds.
extension SurveyJSOracleTests {
  static let phq9 = repositoryRoot.appendingPathComponent("Tests/Fixtures/surveyjs/phq9.json").path

  /// SurveyJS's value and ours agree: numbers within rounding, null the same as absent.
  static func same(_ ours: Any?, _ theirs: Any?) -> Bool {
    let ours = ours is NSNull ? nil : ours
    let theirs = theirs is NSNull ? nil : theirs
    switch (ours, theirs) {
    case (nil, nil): return true
    case (let a as Bool, let b as Bool): return a == b
    case (let a as NSNumber, let b as NSNumber):
      return abs(a.doubleValue - b.doubleValue) <= 1e-9 * max(1, abs(b.doubleValue))
    case (let a as String, let b as String): return a == b
    default: return false
    }
  }

  func checkScored(_ references: [[String: Any]], seed: UInt64) throws {
    let lines = try references.map { reference -> String in
      let data = try JSONSerialization.data(withJSONObject: reference["answers"] ?? [:], options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self)
    }
    let r = try assess(
      ["evaluate", Self.phq9, "--answers", "-", "--batch"], input: lines.joined(separator: "\n") + "\n")
    #expect(r.status == 0, "seed \(seed): \(r.stderr)")
    let results = r.stdout.split(separator: "\n")
    #expect(results.count == references.count, "seed \(seed)")
    for (reference, line) in zip(references, results) {
      let ours = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let computed = try #require(ours["computed"] as? [String: Any])
      let visible = (reference["visible"] as? [String] ?? []).filter { computed[$0] == nil }
      #expect(ours["path"] as? [String] == visible, "seed \(seed), answers \(reference["answers"] ?? [:])")
      let values = reference["values"] as? [String: Any] ?? [:]
      for (id, value) in computed {
        #expect(
          Self.same(value, values[id]),
          "seed \(seed): '\(id)' is \(value) here, \(values[id] ?? "absent") in SurveyJS; answers \(reference["answers"] ?? [:])"
        )
      }
    }
  }

  @Test func scoredFormWalksWithAFreshSeed() throws {
    let seed = testSeed()
    try checkScored(try oracle([Self.phq9, "--walk", "40", String(seed)]), seed: seed)
  }

  @Test func scoredFormRandomAnswersWithAFreshSeed() throws {
    let seed = testSeed()
    var generator = SeededGenerator(seed: seed)
    var lines: [String] = []
    for _ in 0..<40 {
      var answers: [String: Any] = [:]
      for k in 1...9 where Int.random(in: 0..<8, using: &generator) > 0 {
        let v = Int.random(in: 0...3, using: &generator)
        answers["phq\(k)"] = Bool.random(using: &generator) ? String(v) : v
      }
      if Bool.random(using: &generator) { answers["safety_plan"] = Bool.random(using: &generator) }
      if Bool.random(using: &generator) {
        answers["note"] = ["3", "fine", ""][Int.random(in: 0...2, using: &generator)]
      }
      let data = try JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys])
      lines.append(String(decoding: data, as: UTF8.self))
    }
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("answers.jsonl")
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    try checkScored(try oracle([Self.phq9, file.path]), seed: seed)
  }
}

/// A small deterministic generator (SplitMix64), so a seed names a run.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
