import AssessKit
import Foundation

/// Keeps events in memory: the recorder's own cost, without the disk.
final class MemoryWriter: SessionWriter {
  var count = 0
  func append(_ event: SessionEvent) throws(StoreError) { count += 1 }
  func pin(_ questionnaire: PinnedQuestionnaire) throws(StoreError) {}
  func close() {}
}

/// Issue 15: answering every question of one session, one answer at a time, must cost the same per
/// answer at 1,000 and 10,000 questions (it was quadratic: 68 s of CPU for 10,000).
///   in process: the recorder (check, append, apply, settle completion) with events kept in memory;
///   whole process: `assess answer ID --answers FILE` with every answer (each one fsynced).
@MainActor func benchAnswering(sizes: [Int], binary: String?) {
  report.section("Answering a whole questionnaire into one session (issue 15)")
  var perAnswer: [Int: Double] = [:]
  for n in sizes where n <= 10_000 {
    let yaml = syntheticQuestionnaire(questions: n)
    guard let q = QuestionnaireLoader.load(text: yaml, file: "synthetic.yaml").questionnaire else { continue }
    let answers = q.questions.filter { $0.type == .single && $0.repeatOver == nil }.map(\.id)
    let seconds = median(runs: n >= 10_000 ? 1 : 3) {
      let created = SessionEvent(
        seq: 1, at: Timestamp(seconds: 1_767_225_600), by: "bench",
        kind: .created(questionnaire: q.id, version: q.version, hash: q.hash, source: "synthetic.yaml"))
      let recorder = SessionRecorder(
        session: Session(id: "big", events: [created], questionnaire: q), writer: MemoryWriter(),
        clock: { Timestamp(seconds: 1_767_225_600) })
      // `a` everywhere keeps every section shown (a `c` would hide the next ones).
      for id in answers { _ = try? recorder.answer(id, .string("a"), by: "bench") }
    }
    perAnswer[n] = seconds / Double(answers.count)
    report.add(
      "recorder, answer all \(answers.count) of \(n) questions (in memory)", seconds: seconds,
      runs: n >= 10_000 ? 1 : 3, note: String(format: "%.1f us an answer", seconds / Double(answers.count) * 1e6))
  }
  if let small = perAnswer[1000], let large = perAnswer[10_000] {
    report.add("per answer, 10,000 / 1,000 questions", ratio: large / small, note: "flat is 1")
  }
  guard let binary, sizes.contains(10_000) else { return }
  let folder = temporaryFolder("answering")
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let yaml = syntheticQuestionnaire(questions: 10_000)
  guard let q = QuestionnaireLoader.load(text: yaml, file: "synthetic.yaml").questionnaire else { return }
  let questionnaire = folder + "/synthetic.yaml"
  let answersFile = folder + "/answers.yaml"
  try? yaml.write(toFile: questionnaire, atomically: true, encoding: .utf8)
  let lines = q.questions.filter { $0.type == .single && $0.repeatOver == nil }.map { "\($0.id): a" }
  try? (lines.joined(separator: "\n") + "\n").write(toFile: answersFile, atomically: true, encoding: .utf8)
  let env = ["ASSESS_SESSIONS": folder + "/sessions", "ASSESS_NOW": "2026-01-01T00:00:00Z"]
  _ = runProcess([binary, "start", questionnaire, "--id", "big", "--no-input"], environment: env)
  if let run = runProcess([binary, "answer", "big", "--answers", answersFile], environment: env) {
    report.add(
      "assess answer --answers, \(lines.count) answers of 10,000 questions", seconds: run.seconds, runs: 1,
      note: String(format: "CPU %.2f s, exit %d", run.cpu, run.status))
  }
}
