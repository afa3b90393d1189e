// Benchmarks for the engine: run with `make bench` (release build). Prints figures; asserts nothing.
import AssessKit
import Foundation

/// A synthetic questionnaire: `sections` sections of `perSection` questions, each section shown
/// on an answer in the one before, each question scored, a condition on every third question.
func syntheticQuestionnaire(sections: Int, perSection: Int) -> String {
  var y = "assess: 1\nid: synthetic\ntitle: Synthetic\nversion: 1.0.0\nscales: [{id: impact}, {id: care}]\n"
  y += "computed:\n  - {id: total, value: \"impact + care\"}\n"
  y += "levels:\n  - id: band\n    value: \"total / maxScore(impact) * 100\"\n"
  y += "    bands: [{max: 25, label: I}, {max: 50, label: II}, {max: 75, label: III}, {label: IV}]\n"
  y += "sections:\n"
  for s in 0..<sections {
    y += "  - id: s\(s)\n    title: Section \(s)\n"
    if s > 0 { y += "    when: \"q\(s - 1)_0 != 'c'\"\n" }
    y += "    questions:\n"
    for i in 0..<perSection {
      let id = "q\(s)_\(i)"
      y += "      - id: \(id)\n        type: single\n        prompt: Question \(id)?\n"
      if i > 0 && i % 3 == 0 { y += "        when: \"q\(s)_\(i - 1) in ['a', 'b']\"\n" }
      y += "        options:\n"
      y += "          - {value: a, score: {impact: 1}}\n          - {value: b, score: {impact: 2, care: 1}}\n"
      y += "          - {value: c}\n"
    }
  }
  y += "risks:\n"
  for s in 0..<sections {
    y +=
      "  - {id: r\(s), title: R\(s), dimension: d, when: \"q\(s)_1 == 'b'\", likelihood: 3, severity: \"if(band == 'IV', 5, 3)\"}\n"
  }
  return y
}

func measure(_ label: String, repeat count: Int = 1, _ body: () -> Void) -> Double {
  let clock = ContinuousClock()
  let start = clock.now
  for _ in 0..<count { body() }
  let elapsed = clock.now - start
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  let per = seconds / Double(count)
  print("  " + label.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "%10.3f ms", per * 1000))
  return per
}

struct LCG {
  var state: UInt64
  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 33
  }
}

for (sections, perSection) in [(10, 10), (50, 20), (100, 50)] {
  let yaml = syntheticQuestionnaire(sections: sections, perSection: perSection)
  print("\(sections * perSection) questions, \(sections) risks (\(yaml.utf8.count / 1024) KiB of YAML)")
  var loaded: Questionnaire?
  _ = measure("load and check") { loaded = QuestionnaireLoader.load(text: yaml, file: "synthetic.yaml").questionnaire }
  guard let q = loaded else {
    print("  the synthetic questionnaire did not load")
    exit(1)
  }
  var random = LCG(state: 42)
  var answers = AnswerSet()
  for question in q.questions { answers[question.id] = .string(["a", "b", "c"][Int(random.next() % 3)]) }
  var engine = Engine(questionnaire: q, answers: answers)
  _ = measure("full evaluation", repeat: 5) { engine = Engine(questionnaire: q, answers: answers) }
  var evaluations = 0
  let changes = 2000
  _ = measure("one answer changed (incremental)", repeat: changes) {
    let question = q.questions[Int(random.next() % UInt64(q.questions.count))]
    engine.set(question.id, to: .string(["a", "b", "c"][Int(random.next() % 3)]))
    evaluations += engine.lastEvaluationCount
  }
  let nodes = q.sections.count + q.questions.count + q.scales.count + q.computed.count + q.levels.count + q.risks.count
  let mean = String(format: "%10.1f", Double(evaluations) / Double(changes))
  print(
    "  " + "nodes evaluated per change (mean)".padding(toLength: 40, withPad: " ", startingAt: 0)
      + "\(mean) of \(nodes)")
  _ = measure("path + JSON result", repeat: 5) { _ = EvaluationJSON.make(engine).serialized() }
}

// The Canada AIA, imported from SurveyJS, over the stored walks (run from the repository root, with
// ../shared beside it). SurveyJS itself takes about 0.3 s to evaluate one answer set in Node
// (../shared/README.md); compare with the per-set figure printed here.
let aiaPath = "../shared/fixtures/aia/survey-enfr.json"
let walksPath = "Tests/Fixtures/surveyjs/aia-walks.jsonl"
if let json = FileManager.default.contents(atPath: aiaPath).map({ String(decoding: $0, as: UTF8.self) }),
  let walks = FileManager.default.contents(atPath: walksPath).map({ String(decoding: $0, as: UTF8.self) })
{
  print("Canada AIA (SurveyJS form, 295 questions)")
  var imported: Questionnaire?
  _ = measure("import and check") {
    imported = (try? SurveyJSImporter.importForm(json: json, fileName: "survey-enfr.json"))
      .flatMap { QuestionnaireLoader.load(text: $0.yaml, file: "aia.yaml").questionnaire }
  }
  struct Walk: Decodable { var answers: [String: AnswerValue] }
  enum AnswerValue: Decodable {
    case text(String)
    case flag(Bool)
    case number(Double)
    case list([String])
    init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let b = try? c.decode(Bool.self) {
        self = .flag(b)
      } else if let n = try? c.decode(Double.self) {
        self = .number(n)
      } else if let s = try? c.decode(String.self) {
        self = .text(s)
      } else {
        self = .list(try c.decode([String].self))
      }
    }
    var value: Value {
      switch self {
      case .text(let s): return .string(s)
      case .flag(let b): return .bool(b)
      case .number(let n): return .number(n)
      case .list(let l): return .list(l.map(Value.string))
      }
    }
  }
  if let q = imported {
    let sets = walks.split(separator: "\n").compactMap { line -> AnswerSet? in
      guard let walk = try? JSONDecoder().decode(Walk.self, from: Data(line.utf8)) else { return nil }
      return AnswersReader.check(walk.answers.map { ($0.key, $0.value.value) }, for: q).0
    }
    let total = measure("evaluate \(sets.count) answer sets (all)") {
      for set in sets { _ = Engine(questionnaire: q, answers: set).path }
    }
    print(
      "  " + "per answer set".padding(toLength: 40, withPad: " ", startingAt: 0)
        + String(format: "%10.3f ms", total * 1000 / Double(max(1, sets.count))))
  }
}
