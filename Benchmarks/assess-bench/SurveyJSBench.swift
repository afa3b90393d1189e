import Foundation

/// The SurveyJS engine side by side: its bundle in Node on the same AIA answer sets.
@MainActor func benchSurveyJS(aia: AIA?) {
  report.section("SurveyJS engine (v1.9.84 in Node) on the same AIA answer sets")
  guard let aia else {
    report.note("no AIA; skipped")
    return
  }
  guard let node = which("node") else {
    report.note("Node is not installed; the SurveyJS comparison is skipped")
    return
  }
  let env = ProcessInfo.processInfo.environment
  let cache =
    env["SURVEYJS_ORACLE_CACHE"]
    ?? ((env["XDG_CACHE_HOME"] ?? ((env["HOME"] ?? "/tmp") + "/.cache")) + "/surveyjs-oracle")
  let bundle = cache + "/survey.jquery.js"
  let oracle = shared + "/tools/surveyjs-oracle/oracle.js"
  guard FileManager.default.fileExists(atPath: bundle) else {
    report.note("no SurveyJS bundle at \(bundle) (run \(shared)/tools/surveyjs-oracle/run once); skipped")
    return
  }
  let folder = temporaryFolder("surveyjs")
  let all = folder + "/aia-all.jsonl"
  try? (aia.lines.joined(separator: "\n") + "\n").write(toFile: all, atomically: true, encoding: .utf8)
  let out = folder + "/out.json"
  guard let run = runProcess([node, "Benchmarks/surveyjs-bench.js", bundle, aia.formPath, all], stdout: out),
    run.status == 0,
    let data = FileManager.default.contents(atPath: out),
    let figures = try? JSONSerialization.jsonObject(with: data) as? [String: Double]
  else {
    report.note("the SurveyJS benchmark did not run (Benchmarks/surveyjs-bench.js); skipped")
    return
  }
  let construct = (figures["construct"] ?? .nan) / 1000
  let step = (figures["step"] ?? .nan) / 1000
  let set = (figures["set"] ?? .nan) / 1000
  report.add("SurveyJS: model construction", seconds: construct, runs: 20)
  report.add("SurveyJS: one setValue step", seconds: step, runs: aia.sets.count * 20)
  report.add("SurveyJS: a whole answer set (model + data)", seconds: set, runs: aia.sets.count)
  report.add("SurveyJS whole set / assess batch per set", ratio: set / aia.batchPerSet)
  if let files = batchFiles, FileManager.default.fileExists(atPath: oracle) {
    if let whole = medianProcess(runs: 3, [node, oracle, bundle, aia.formPath, files.twenty]) {
      report.add("SurveyJS oracle whole process, 20 AIA sets", seconds: whole.seconds, runs: 3)
      if let ours = batchTwenty {
        report.add("SurveyJS / evaluate --batch (20 sets, whole process)", ratio: whole.seconds / ours)
      }
    }
  }
}
