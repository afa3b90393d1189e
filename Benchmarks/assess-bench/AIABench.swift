import AssessKit
import Foundation

/// The Canada AIA as the other benchmarks need it.
struct AIA {
  var formPath: String
  var questionnaire: Questionnaire
  /// The stored answer sets, one JSON object a line (the `answers` of each walk).
  var lines: [String]
  /// The same, checked.
  var sets: [AnswerSet]
  /// Median per-set time of the whole in-process batch pipeline (decode, check, evaluate, JSON).
  var batchPerSet: Double
}

@MainActor func benchAIA(formPath: String, walksPath: String) -> AIA? {
  report.section("Canada AIA (SurveyJS form)")
  guard let json = FileManager.default.contents(atPath: formPath).map({ String(decoding: $0, as: UTF8.self) }) else {
    report.note("no AIA form at \(formPath) (set ASSESS_SHARED); skipped")
    return nil
  }
  guard let walks = FileManager.default.contents(atPath: walksPath).map({ String(decoding: $0, as: UTF8.self) })
  else {
    report.note("no stored walks at \(walksPath) (run from the repository root); skipped")
    return nil
  }
  var imported: Questionnaire?
  report.add(
    "import and check",
    seconds: median(runs: 21) {
      // The import loads and checks what it makes; its questionnaire is the checked one.
      imported = (try? SurveyJSImporter.importForm(json: json, fileName: "survey-enfr.json"))?.questionnaire
    }, runs: 21)
  guard let q = imported else {
    report.note("the AIA did not import")
    return nil
  }
  report.note("\(q.questions.count) questions, \(q.sections.count) sections")
  let lines: [String] = walks.split(separator: "\n").compactMap { line in
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
      let answers = object["answers"],
      let data = try? JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys])
    else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
  let sets = lines.compactMap { line -> AnswerSet? in
    guard let pairs = try? AnswersReader.parseJSONLine(line) else { return nil }
    return AnswersReader.check(pairs, for: q).0
  }
  report.note("\(sets.count) stored answer sets")

  report.add(
    "evaluate one answer set (engine only)",
    seconds: median(runs: 5) {
      for set in sets { _ = Engine(questionnaire: q, answers: set).path }
    } / Double(sets.count), runs: 5)

  // One step: an engine on one set takes one answer of another set (as the SurveyJS side does).
  var samples: [Double] = []
  var sink = 0
  for (i, set) in sets.enumerated() {
    var engine = Engine(questionnaire: q, answers: set)
    let other = Array(sets[(i + 1) % sets.count].values.sorted { $0.key < $1.key })
    for k in 0..<min(20, other.count) {
      let (id, value) = other[(k * 7) % other.count]
      let start = now()
      sink &+= interviewStep(&engine, id, value)
      samples.append(now() - start)
    }
  }
  report.add("one interview step", seconds: median(of: samples), runs: samples.count)

  let decode =
    median(runs: 5) {
      for line in lines { sink &+= (try? JSONSerialization.jsonObject(with: Data(line.utf8))) == nil ? 0 : 1 }
    } / Double(lines.count)
  report.add("decode one JSON line (JSONSerialization)", seconds: decode, runs: 5)
  // As `evaluate --batch`: the questionnaire prepared once, each line scanned, checked, evaluated, written.
  let input = Array((lines.joined(separator: "\n") + "\n").utf8)
  let batch =
    median(runs: 5) {
      var out = JSONWriter(pretty: false, capacity: 1 << 17)
      _ = BatchEvaluator(q).run(input, into: &out) { out in
        sink &+= out.count
        out.removeAll()
      }
      sink &+= out.count
    } / Double(lines.count)
  report.add("batch: decode, check, evaluate, JSON, per set", seconds: batch, runs: 5)
  report.add("batch per set / decoding alone", ratio: batch / decode)
  if sink == 42 { print("") }
  return AIA(formPath: formPath, questionnaire: q, lines: lines, sets: sets, batchPerSet: batch)
}
