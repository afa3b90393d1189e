import AssessKit
import Foundation

/// Work that once grew quadratically with the input (issue 15): a long chain of computed values,
/// and reporting thousands of errors, each on one long line or on a line of its own.
@MainActor func benchScale() {
  report.section("Scale (issue 15: each was quadratic)")
  for n in [1000, 5000] {
    let yaml = computedChain(n)
    report.add(
      "validate a chain of \(n) computed values",
      seconds: median(runs: 3) { _ = QuestionnaireLoader.load(text: yaml, file: "chain.yaml") }, runs: 3)
  }
  for (name, yaml) in [
    ("10,000 errors, one per line", unknownKeys(10_000, oneLine: false)),
    ("1,000 errors on one line of JSON", unknownKeys(1000, oneLine: true)),
  ] {
    var lines = 0
    var bytes = 0
    report.add(
      "load and report \(name)",
      seconds: median(runs: 3) {
        let result = QuestionnaireLoader.load(text: yaml, file: "bad.yaml")
        let digest = DiagnosticDigest(result.diagnostics)
        let renderer = DiagnosticRenderer(sources: ["bad.yaml": yaml])
        let out = digest.shown.map(renderer.render) + digest.remainder(file: "bad.yaml")
        lines = out.count
        bytes = out.reduce(0) { $0 + $1.utf8.count }
      }, runs: 3, note: "\(yaml.utf8.count / 1024) KiB in, \(lines) diagnostics shown in \(bytes / 1024) KiB")
  }
}

/// A questionnaire with `n` computed values, each reading the one before.
func computedChain(_ n: Int) -> String {
  var y = "assess: 1\nid: chain\ntitle: Chain\nversion: '1'\ncomputed:\n  - {id: c0, value: \"1\"}\n"
  for i in 1..<n { y += "  - {id: c\(i), value: \"c\(i - 1) + 1\"}\n" }
  y += "sections:\n  - id: s\n    title: S\n    questions:\n      - {id: a, type: text, prompt: A?}\n"
  return y
}

/// A questionnaire with `n` unknown top-level keys: one a line, or all on one line of JSON.
func unknownKeys(_ n: Int, oneLine: Bool) -> String {
  let sections =
    "{\"id\": \"s\", \"title\": \"S\", \"questions\": [{\"id\": \"a\", \"type\": \"text\", \"prompt\": \"A?\"}]}"
  if oneLine {
    let keys = (0..<n).map { "\"k\($0)\": 1" }.joined(separator: ", ")
    return
      "{\"assess\": 1, \"id\": \"t\", \"title\": \"T\", \"version\": \"1\", \(keys), \"sections\": [\(sections)]}\n"
  }
  return "assess: 1\nid: t\ntitle: T\nversion: '1'\n" + (0..<n).map { "k\($0): 1\n" }.joined()
    + "sections: [\(sections)]\n"
}
