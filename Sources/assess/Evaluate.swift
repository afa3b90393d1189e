import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess evaluate QUESTIONNAIRE --answers FILE [--json] [--batch]`
  struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Evaluate one answer set (or, with --batch, one per line): path, scores, levels, risks.",
      discussion: """
        The answers file (YAML or JSON; '-' reads standard input) maps question ids to answers.

        With --batch, each line of a JSON Lines file is one answer set and gives one JSON result line; \
        a bad line gives {"line": N, "errors": [...]} and the rest go on (exit 2 at the end).
        """
    )

    @Argument(
      help: ArgumentHelp("A built-in id or a questionnaire file.", valueName: "questionnaire"),
      completion: Completions.questionnaires)
    var questionnaire: String

    @Option(help: ArgumentHelp("The answers file (YAML, JSON, or JSON Lines with --batch).", valueName: "file"))
    var answers: String

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(help: "Read JSON Lines: one answer set per line, one JSON result per line.")
    var batch = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let color = global.useColor(for: .standardError)
      let q = try QuestionnaireResolver.load(questionnaire, color: color)
      if batch {
        let text = try QuestionnaireResolver.readFile(answers, what: "answers file")
        try runBatch(q, text)
        return
      }
      let (given, _) = try AnswerFiles.read(answers, for: q, color: color, saving: false)
      let engine = Engine(questionnaire: q, answers: given)
      if json {
        Console.data(EvaluationJSON.make(engine).pretty())
      } else {
        Console.out(
          EvaluationText.render(
            engine, style: Terminal.styler(global.useColor(for: .standardOutput)), width: Terminal.width),
          terminator: "")
      }
    }

    private func runBatch(_ q: Questionnaire, _ text: String) throws {
      var bad = 0
      var output = ""
      let flushEvery = 256
      for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
        let result: JSON
        do {
          let pairs = try AnswersReader.parseJSONLine(String(line))
          let (set, errors) = AnswersReader.check(pairs, for: q)
          if errors.isEmpty {
            result = EvaluationJSON.make(Engine(questionnaire: q, answers: set))
          } else {
            bad += 1
            result = .object([("line", .number(Double(n + 1))), ("errors", .array(errors.map { .string($0.message) }))])
          }
        } catch {
          bad += 1
          result = .object([("line", .number(Double(n + 1))), ("errors", .array([.string(error.message)]))])
        }
        output += result.serialized() + "\n"
        if n % flushEvery == 0 {
          Console.data(output, terminator: "")
          output = ""
        }
      }
      Console.data(output, terminator: "")
      if bad > 0 {
        throw CLIFailure(
          "\(bad) line\(bad == 1 ? "" : "s") of '\(answers)' could not be evaluated (see their error objects)")
      }
    }
  }
}
