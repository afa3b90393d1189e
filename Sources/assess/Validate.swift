import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess validate FILE...`
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
      abstract: "Check questionnaires and report every problem as FILE:LINE:COL.",
      discussion: "Exit 1 when a file has errors (or, with --strict, warnings); 2 when a file cannot be read."
    )

    @Argument(help: ArgumentHelp("Questionnaire files (YAML) or built-in ids.", valueName: "file"))
    var files: [String]

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let color = global.useColor(for: .standardError)
      var failed = false
      var unreadable = false
      for file in files {
        let source: QuestionnaireResolver.Source
        do {
          source = try QuestionnaireResolver.source(for: file)
        } catch let failure as CLIFailure {
          Terminal.error(failure.message)
          unreadable = true
          continue
        }
        let result = QuestionnaireLoader.load(text: source.text, file: source.name)
        DiagnosticPrinter.printAll(result.diagnostics, file: source.name, text: source.text, color: color)
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        if errors > 0 || (strict && warnings > 0) {
          failed = true
          Terminal.error("\(source.name): \(count(errors, "error")), \(count(warnings, "warning"))")
        } else if let q = result.questionnaire {
          let answerable = q.questions.filter { $0.type.isAnswerable }.count
          Console.out(
            "\(source.name): ok: '\(q.id)' \(q.version), \(count(answerable, "question")), \(count(q.risks.count, "risk"))"
              + (warnings > 0 ? ", \(count(warnings, "warning"))" : ""))
        }
      }
      if unreadable { throw CLIFailure.silent(.usage) }
      if failed { throw CLIFailure.silent(.failed) }
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
  }
}
