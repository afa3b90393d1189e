import AssessKit
import Foundation

/// An interview step as the shell takes it: apply the answer, re-evaluate, find the next question
/// to ask, and read progress and scores.
@inline(never)
func interviewStep(_ engine: inout Engine, _ id: String, _ value: Value) -> Int {
  engine.set(id, to: value)
  let next = engine.nextItem(after: engine.questionnaire.questionIndex[id] ?? 0) { !engine.answer($0).isPresent }
  let (answered, onPath) = engine.progress
  let total = engine.scaleValues.reduce(0, +)
  return (next?.question ?? 0) + answered + onPath + Int(total)
}

@MainActor func benchSynthetic(questions: Int) {
  let yaml = syntheticQuestionnaire(questions: questions)
  report.section("\(questions) questions (\(yaml.utf8.count / 1024) KiB of YAML)")
  var loaded: Questionnaire?
  let loadRuns = questions >= 100_000 ? 3 : 5
  report.add(
    "load and check",
    // The questionnaire the run before loaded is released before the timing starts: a load of
    // 100,000 questions is not charged with freeing another one (a process loads once).
    seconds: median(runs: loadRuns, prepare: { loaded = nil }) {
      loaded = QuestionnaireLoader.load(text: yaml, file: "synthetic.yaml").questionnaire
    }, runs: loadRuns)
  guard let q = loaded else {
    let result = QuestionnaireLoader.load(text: yaml, file: "synthetic.yaml")
    report.note("the synthetic questionnaire did not load: \(result.diagnostics.prefix(3).map(\.message))")
    return
  }
  let answers = syntheticAnswers(q)
  var engine = Engine(questionnaire: q, answers: answers)
  report.add(
    "full evaluation", seconds: median(runs: 5) { engine = Engine(questionnaire: q, answers: answers) }, runs: 5)

  // Few dependents: the last question of a section in the middle (only its scale reads it).
  let leaf = q.questions[q.questions.count / 2 / 50 * 50 + 49].id
  var sink = 0
  var samples: [Double] = []
  var evaluated = 0
  let steps = 3000
  for i in 0..<steps {
    let value = Value.string(["a", "b", "c"][i % 3])
    let start = now()
    sink &+= interviewStep(&engine, leaf, value)
    samples.append(now() - start)
    evaluated += engine.lastEvaluationCount
  }
  report.add(
    "step, few dependents (\(leaf))", seconds: median(of: samples), runs: steps,
    note: String(format: "%.0f nodes", Double(evaluated) / Double(steps)))

  // Many dependents: the gate every section reads, flipped between shown and hidden.
  samples = []
  evaluated = 0
  let manySteps = questions >= 100_000 ? 20 : 100
  for i in 0..<manySteps {
    let start = now()
    sink &+= interviewStep(&engine, "g", .string(i % 2 == 0 ? "c" : "a"))
    samples.append(now() - start)
    evaluated += engine.lastEvaluationCount
  }
  report.add(
    "step, many dependents (g)", seconds: median(of: samples), runs: manySteps,
    note: String(format: "%.0f nodes", Double(evaluated) / Double(manySteps)))
  report.add("path + JSON result", seconds: median(runs: 5) { _ = EvaluationJSON.text(engine, pretty: false) }, runs: 5)
  if sink == 42 { print("") }
}
