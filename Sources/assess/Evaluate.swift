import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess evaluate QUESTIONNAIRE --answers FILE [--json] [--batch]`
  struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "evaluate",
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
        var text = try QuestionnaireResolver.readFile(answers, what: "answers file")
        // The text's bytes in place: a 44 MB file is not copied again into an array.
        try text.withUTF8 { try runBatch(q, $0) }
        return
      }
      let (given, _) = try AnswerFiles.read(answers, for: q, color: color, saving: false)
      let engine = Engine(questionnaire: q, answers: given)
      if json {
        Console.data(EvaluationJSON.text(engine, pretty: true))
      } else {
        Console.out(
          EvaluationText.render(
            engine, style: Terminal.styler(global.useColor(for: .standardOutput)), width: Terminal.width),
          terminator: "")
      }
    }

    private func runBatch(_ q: Questionnaire, _ input: UnsafeBufferPointer<UInt8>) throws {
      var out = JSONWriter(pretty: false, capacity: 1 << 17)
      let write: (inout JSONWriter) -> Void = { out in
        if out.count > 0 { Console.data(bytes: out.bytes) }
        out.removeAll()
      }
      let bad = BatchEvaluator(q).run(input, into: &out, flush: write)
      write(&out)
      if bad > 0 {
        throw CLIFailure(
          "\(bad) line\(bad == 1 ? "" : "s") of '\(answers)' could not be evaluated (see their error objects)")
      }
    }
  }
}
