import ArgumentParser
import AssessKit
import AssessShell
import Foundation

/// The `assess` command: interactive, branching assessment questionnaires.
@main
struct Assess: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "assess",
    abstract: "Run, score and keep AI risk and impact assessments.",
    discussion: """
      QUESTIONNAIRE is a built-in id (see 'assess list') or a path to a YAML questionnaire.
      Exit codes: 0 success; 1 a check or validation failed; 2 usage or input error.
      """,
    version: AssessVersion.current,
    subcommands: [
      List.self, Validate.self, Evaluate.self, Start.self, Answer.self, Status.self, History.self, Sign.self,
      Resume.self, Treat.self, Plan.self, Explain.self, Soa.self, Check.self, Archive.self, Remove.self,
      Import.self, Join.self, Reconcile.self, Register.self, Store.self, Report.self, Diff.self, Verify.self,
    ]
  )

  /// Runs the command line, mapping errors to the documented exit codes: usage errors exit 2.
  static func main() {
    StandardDescriptors.ensureOpen()
    QuitSignal.useDefault()
    if let word = CommandLine.arguments.dropFirst().first, !word.hasPrefix("-") {
      let names = configuration.subcommands.map { $0._commandName } + ["help"]
      if !names.contains(word) {
        let close = Suggestions.closestMatches(to: word, in: names)
        let hint = close.isEmpty ? "" : " (did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?)"
        Console.error(
          "error: unknown command '\(word)'\(hint); the commands are \(names.dropLast().joined(separator: ", ")) (assess --help)"
        )
        Foundation.exit(ExitStatus.usage.rawValue)
      }
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let failure as CLIFailure {
      if !failure.message.isEmpty { Console.error(failure.message) }
      Foundation.exit(failure.code.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success || code.rawValue == 0 {
        exit(withError: error)
      }
      let message = fullMessage(for: error)
      Console.error(message)
      Foundation.exit(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue)
    }
  }
}

/// The version printed by `assess --version`.
enum AssessVersion {
  static let current = "0.1.0"
}
