import AssessKit
import Foundation

/// Issue 15: the interactive interview fed answer by answer (piped lines: the plain line editor) must
/// cost the same per answer at 1,000 and 10,000 questions. It was quadratic: every step built the
/// whole path several times (0.9 s of CPU at 1,000 questions, 3.4 s at 2,000).
///
/// `assess start FILE` on the synthetic questionnaire, with `1` (the first option) typed to every
/// question; each answer is saved (fsynced) before the next question, as in a real interview. The
/// figure is the child's CPU time (user + system, from wait4), not the wall time.
@MainActor func benchInterview(binary: String) {
  report.section("An interview answering every question, fed line by line (issue 15)")
  var perAnswer: [Int: Double] = [:]
  for n in [1000, 10_000] {
    let folder = temporaryFolder("interview")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let yaml = syntheticQuestionnaire(questions: n)
    guard let q = QuestionnaireLoader.load(text: yaml, file: "synthetic.yaml").questionnaire else { continue }
    let questionnaire = folder + "/synthetic.yaml"
    let input = folder + "/typed.txt"
    try? yaml.write(toFile: questionnaire, atomically: true, encoding: .utf8)
    // More lines than questions: the interview ends at the last one; the rest is never read.
    try? String(repeating: "1\n", count: q.questions.count * 2).write(toFile: input, atomically: true, encoding: .utf8)
    var cpu: [Double] = []
    var answered = 0
    let runs = n >= 10_000 ? 1 : 3
    for run in 0..<runs {
      let env = ["ASSESS_SESSIONS": folder + "/sessions\(run)", "ASSESS_NOW": "2026-01-01T00:00:00Z"]
      let transcript = folder + "/out\(run).txt"
      guard
        let result = runProcess(
          [binary, "start", questionnaire, "--id", "big"], stdin: input, stdout: transcript, environment: env),
        result.status == 0
      else { continue }
      cpu.append(result.cpu)
      let text = (try? String(contentsOfFile: transcript, encoding: .utf8)) ?? ""
      answered = text.components(separatedBy: "\n> ").count - 1
    }
    guard !cpu.isEmpty, answered > 0 else {
      report.note("interview of \(n) questions did not complete; skipped")
      continue
    }
    let seconds = median(of: cpu)
    perAnswer[n] = seconds / Double(answered)
    report.add(
      "interview answering all of \(n), CPU", seconds: seconds, runs: cpu.count,
      note: String(format: "%d prompts, %.0f us of CPU each", answered, seconds / Double(answered) * 1e6))
  }
  if let small = perAnswer[1000], let large = perAnswer[10_000] {
    report.add("interview, CPU per answer, 10,000 / 1,000 questions", ratio: large / small, note: "flat is 1")
  }
}
