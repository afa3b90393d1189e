import AssessKit
import Foundation

/// `assess-bench profile WHAT [N]`: one piece of work alone, to run under
/// `valgrind --tool=callgrind` (instruction counts are repeatable where timings are not).
///   load N     load and check a synthetic questionnaire of N questions
///   step N     1,000 interview steps on a leaf question of N questions
///   json N [R] the path and JSON result of N questions, written R times (JSONProfile.swift)
///   loadtime N five loads of N questions, each timed alone (wall and CPU), the last one released first
///   log N      read a chained session of N events through the file store (LogProfile.swift)
///   aia        import and check the AIA, then evaluate and serialize every stored answer set
///   batch N    import the AIA, then `evaluate --batch`'s work on N answer lines (the stored sets repeated)
///   answer N   answer every question of a synthetic questionnaire of N questions through the recorder
@MainActor func profile(_ arguments: [String]) {
  let what = arguments.first ?? ""
  let n = arguments.dropFirst().first.flatMap { Int($0) } ?? 1000
  switch what {
  case "json": profileJSON(n, runs: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1)
  case "load", "step":
    let yaml = syntheticQuestionnaire(questions: n)
    guard let q = QuestionnaireLoader.load(text: yaml, file: "synthetic.yaml").questionnaire else { return }
    guard what != "load" else { return }
    var engine = Engine(questionnaire: q)
    let leaf = q.questions[q.questions.count / 2 / 50 * 50 + 49].id
    var sink = 0
    for i in 0..<1000 { sink &+= interviewStep(&engine, leaf, .string(["a", "b", "c"][i % 3])) }
    print(sink)
  case "log": profileLog(n)
  case "loadtime":
    let yaml = syntheticQuestionnaire(questions: n)
    var loaded: Questionnaire?
    for _ in 0..<5 {
      loaded = nil  // released outside the timing, as the bench's row does
      var t0 = timespec()
      var t1 = timespec()
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0)
      let start = Date()
      loaded = QuestionnaireLoader.load(text: yaml, file: "synthetic.yaml").questionnaire
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1)
      let cpu = Double(t1.tv_sec - t0.tv_sec) + Double(t1.tv_nsec - t0.tv_nsec) / 1e9
      print(
        String(format: "wall %.3f s cpu %.3f s", Date().timeIntervalSince(start), cpu), loaded?.questions.count ?? 0)
    }
  case "events":
    // N answer events (as a long session's log), decoded and replayed.
    var lines: [String] = []
    for seq in 1...max(1, n) {
      let kind: SessionEvent.Kind =
        seq == 1
        ? .answered(question: "q", value: .string("a"))
        : .changed(question: "q", old: .string(seq % 2 == 0 ? "a" : "b"), new: .string(seq % 2 == 0 ? "b" : "a"))
      lines.append(
        EventCodec.encode(
          SessionEvent(seq: seq, at: Timestamp(seconds: 1_767_225_600 + Double(seq)), by: "b", kind: kind)))
    }
    let events = lines.compactMap { try? EventCodec.decode($0) }
    print(SessionState(events: events).answers.values.count)
  case "answer":
    let yaml = syntheticQuestionnaire(questions: n)
    guard let q = QuestionnaireLoader.load(text: yaml, file: "synthetic.yaml").questionnaire else { return }
    let created = SessionEvent(
      seq: 1, at: Timestamp(seconds: 1_767_225_600), by: "bench",
      kind: .created(questionnaire: q.id, version: q.version, hash: q.hash, source: "synthetic.yaml"))
    let recorder = SessionRecorder(
      session: Session(id: "big", events: [created], questionnaire: q), writer: MemoryWriter(),
      clock: { Timestamp(seconds: 1_767_225_600) })
    for question in q.questions where question.type == .single && question.repeatOver == nil {
      _ = try? recorder.answer(question.id, .string("a"), by: "bench")
    }
    print(recorder.session.events.count)
  case "batch":
    let shared = ProcessInfo.processInfo.environment["ASSESS_SHARED"] ?? "../shared"
    guard
      let json = FileManager.default.contents(atPath: shared + "/fixtures/aia/survey-enfr.json").map({
        String(decoding: $0, as: UTF8.self)
      }),
      let q = (try? SurveyJSImporter.importForm(json: json, fileName: "survey-enfr.json"))
        .flatMap({ QuestionnaireLoader.load(text: $0.yaml, file: "aia.yaml").questionnaire }),
      let walks = try? String(contentsOfFile: "Tests/Fixtures/surveyjs/aia-walks.jsonl", encoding: .utf8)
    else { return }
    let sets: [String] = walks.split(separator: "\n").compactMap { line in
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let answers = object["answers"],
        let data = try? JSONSerialization.data(withJSONObject: answers)
      else { return nil }
      return String(decoding: data, as: UTF8.self)
    }
    guard !sets.isEmpty else { return }
    if ProcessInfo.processInfo.environment["ASSESS_BENCH_PHASES"] != nil {
      // CPU time of each phase over the N lines, cumulatively: scan, check, evaluate, write (the
      // usual line's path: keys read as bytes, answers checked by question index).
      let batch = BatchEvaluator(q)
      let layout = EvaluationJSON.Layout(q)
      let lines = (0..<n).map { Array(sets[$0 % sets.count].utf8) }
      func cpu() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
      }
      var sink = 0
      var seen = [Int32](repeating: 0, count: q.questions.count)
      for phase in 1...4 {
        let start = cpu()
        var out = JSONWriter(pretty: false, capacity: 1 << 17)
        for (number, line) in lines.enumerated() {
          line.withUnsafeBufferPointer { line in
            guard phase > 1 else {
              _ = AnswerLineScanner.visit(line) { _, value in
                sink &+= value.isNull ? 0 : 1
                return true
              }
              return
            }
            guard let (set, given) = batch.usualAnswers(line, number: number + 1 + phase * n, seen: &seen) else {
              return
            }
            guard phase > 2 else {
              sink &+= set.values.count
              return
            }
            let engine = batch.engine(set, given: given)
            guard phase > 3 else {
              sink &+= engine.risks.count
              return
            }
            EvaluationJSON.write(engine, layout: layout, into: &out)
            out.removeAll()
          }
        }
        print("phase \(phase): \(String(format: "%.1f", (cpu() - start) / Double(n) * 1e6)) us a line")
      }
      print(sink)
      return
    }
    let input = Array(((0..<n).map { sets[$0 % sets.count] }.joined(separator: "\n") + "\n").utf8)
    var out = JSONWriter(pretty: false, capacity: 1 << 17)
    var bytes = 0
    let bad = BatchEvaluator(q).run(input, into: &out) { out in
      bytes += out.count
      out.removeAll()
    }
    print(bytes + out.count, bad)
  case "aia":
    let shared = ProcessInfo.processInfo.environment["ASSESS_SHARED"] ?? "../shared"
    guard
      let json = FileManager.default.contents(atPath: shared + "/fixtures/aia/survey-enfr.json").map({
        String(decoding: $0, as: UTF8.self)
      }),
      let q = (try? SurveyJSImporter.importForm(json: json, fileName: "survey-enfr.json"))?.questionnaire,
      let walks = try? String(contentsOfFile: "Tests/Fixtures/surveyjs/aia-walks.jsonl", encoding: .utf8)
    else { return }
    guard n > 0 else { return }
    var sink = 0
    for line in walks.split(separator: "\n").prefix(n) {
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let answers = object["answers"],
        let data = try? JSONSerialization.data(withJSONObject: answers),
        let pairs = try? AnswersReader.parseJSONLine(String(decoding: data, as: UTF8.self))
      else { continue }
      let (set, _) = AnswersReader.check(pairs, for: q)
      sink &+= EvaluationJSON.make(Engine(questionnaire: q, answers: set)).serialized().utf8.count
    }
    print(sink)
  default:
    print("usage: assess-bench profile (load N | step N | json N [R] | events N | aia N | batch N | answer N)")
  }
}
