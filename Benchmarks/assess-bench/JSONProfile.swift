import AssessKit
import Foundation

/// The answers the synthetic bench evaluates: every question not repeated answered, `a` or `b` at
/// random (a fixed seed), multiple choices `x` and `z`.
func syntheticAnswers(_ q: Questionnaire) -> AnswerSet {
  var random = LCG(state: 42)
  var answers = AnswerSet()
  for question in q.questions where question.repeatOver == nil {
    if question.type == .multi {
      answers[question.id] = .list([.string("x"), .string("z")])
    } else {
      answers[question.id] = .string(["a", "b"][random.below(2)])
    }
  }
  return answers
}

/// `assess-bench profile json N [RUNS]`: the "path + JSON result" row alone: loads a synthetic
/// questionnaire of N questions, evaluates the bench's answers, then writes the compact JSON result
/// RUNS times (default 1) and prints the median CPU time of one and the result's size. Under
/// callgrind, `--toggle-collect='*writeJSONResults*'` counts the writing alone. With
/// `ASSESS_BENCH_WRITE=FOLDER` it also writes the questionnaire, the answers and the pretty result there.
func profileJSON(_ n: Int, runs: Int) {
  let yaml = syntheticQuestionnaire(questions: n)
  guard let q = QuestionnaireLoader.load(text: yaml, file: "synthetic.yaml").questionnaire else { return }
  let answers = syntheticAnswers(q)
  let engine = Engine(questionnaire: q, answers: answers)
  if let folder = ProcessInfo.processInfo.environment["ASSESS_BENCH_WRITE"] {
    // The questionnaire, the answers and the pretty result, to compare binaries through
    // `assess evaluate FOLDER/synthetic.yaml --answers FOLDER/answers.json --json`.
    func json(_ v: Value) -> JSON {
      switch v {
      case .list(let items): return .array(items.map(json))
      case .string(let s): return .string(s)
      case .number(let n): return .number(n)
      case .bool(let b): return .bool(b)
      case .null: return .null
      }
    }
    let pairs = answers.values.sorted { $0.key < $1.key }.map { ($0.key, json($0.value)) }
    _ = FileManager.default.createFile(atPath: folder + "/synthetic.yaml", contents: Data(yaml.utf8))
    _ = FileManager.default.createFile(
      atPath: folder + "/answers.json", contents: Data(JSON.object(pairs).pretty().utf8))
    _ = FileManager.default.createFile(
      atPath: folder + "/result.json", contents: Data((EvaluationJSON.text(engine, pretty: true) + "\n").utf8))
  }
  let (times, bytes) = writeJSONResults(engine, runs: max(1, runs))
  print(String(format: "%d bytes, median %.3f ms of CPU over %d runs", bytes, median(of: times) * 1000, times.count))
}

@inline(never)
func writeJSONResults(_ engine: Engine, runs: Int) -> (times: [Double], bytes: Int) {
  var times: [Double] = []
  var bytes = 0
  for _ in 0..<runs {
    let start = cpuSeconds()
    bytes = EvaluationJSON.text(engine, pretty: false).utf8.count
    times.append(cpuSeconds() - start)
  }
  return (times, bytes)
}

/// This process's CPU time, in seconds.
func cpuSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
