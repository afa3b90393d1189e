import AssessKit
import Foundation

/// Whole-process figures: start-up, `evaluate --batch`, peak memory.
@MainActor func benchProcesses(binary: String, aia: AIA?) {
  report.section("Whole process (\(binary))")
  let store = temporaryFolder("start")
  let env = ["ASSESS_SESSIONS": store, "ASSESS_NOW": "2026-01-01T00:00:00Z"]
  let clear: () -> Void = { _ = try? FileManager.default.removeItem(atPath: store) }
  if let run = medianProcess(runs: 11, [binary, "start", "ai-impact", "--id", "s1"], environment: env, before: clear) {
    report.add(
      "start-up to the first question (start ai-impact)", seconds: run.seconds, runs: 11,
      note: String(format: "peak %.1f MB, exit %d", run.peakMB, run.status))
  }
  if let run = medianProcess(runs: 11, [binary, "list"], environment: env) {
    report.add("assess list", seconds: run.seconds, runs: 11)
  }
  guard let aia else { return }
  if let run = medianProcess(runs: 5, [binary, "start", aia.formPath, "--id", "s1"], environment: env, before: clear) {
    report.add(
      "AIA session: start to the first question", seconds: run.seconds, runs: 5,
      note: String(format: "peak %.1f MB, exit %d", run.peakMB, run.status))
  }
  let one = temporaryFolder("aia-one") + "/answers.json"
  try? aia.lines[0].write(toFile: one, atomically: true, encoding: .utf8)
  if let run = medianProcess(
    runs: 3, [binary, "start", aia.formPath, "--id", "s1", "--answers", one, "--no-input"], environment: env,
    before: clear)
  {
    report.add(
      "AIA session: start, apply a whole answer set, save", seconds: run.seconds, runs: 3,
      note: "exit \(run.status)")
    report.add("AIA session: peak memory", megabytes: run.peakMB)
  }
  let folder = temporaryFolder("batch")
  let twenty = folder + "/aia-20.jsonl"
  let many = folder + "/aia-10000.jsonl"
  try? (aia.lines.prefix(20).joined(separator: "\n") + "\n").write(toFile: twenty, atomically: true, encoding: .utf8)
  let tenThousand = (0..<10_000).map { aia.lines[$0 % aia.lines.count] }
  try? (tenThousand.joined(separator: "\n") + "\n").write(toFile: many, atomically: true, encoding: .utf8)
  // 21 runs: at about 40 ms a run, a median of 5 moved by a third between runs on a shared machine.
  if let run = medianProcess(runs: 21, [binary, "evaluate", aia.formPath, "--answers", twenty, "--batch"]) {
    report.add("evaluate --batch, 20 AIA sets", seconds: run.seconds, runs: 21, note: "exit \(run.status)")
    batchTwenty = run.seconds
  }
  if let run = medianProcess(runs: 3, [binary, "evaluate", aia.formPath, "--answers", many, "--batch"]) {
    report.add(
      "evaluate --batch, 10,000 AIA sets", seconds: run.seconds, runs: 3,
      note: String(format: "peak %.1f MB, exit %d", run.peakMB, run.status))
    // Decoding alone, the same 10,000 lines in this process.
    let decode = median(runs: 3) {
      var n = 0
      for line in tenThousand { n += (try? JSONSerialization.jsonObject(with: Data(line.utf8))) == nil ? 0 : 1 }
      if n == 42 { print("") }
    }
    report.add("decoding the 10,000 lines alone (in process)", seconds: decode, runs: 3)
    report.add("evaluate --batch 10,000 / decoding alone", ratio: run.seconds / decode)
  }
  batchFiles = (twenty, many)
}

nonisolated(unsafe) var batchTwenty: Double?
nonisolated(unsafe) var batchFiles: (twenty: String, many: String)?
