import ArgumentParser
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
      Resume.self, Treat.self, Import.self, Register.self, Store.self,
    ]
  )

  /// Runs the command line, mapping errors to the documented exit codes: usage errors exit 2.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let failure as CLIFailure {
      if !failure.message.isEmpty { FileHandle.standardError.write(Data((failure.message + "\n").utf8)) }
      Foundation.exit(failure.code.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success || code.rawValue == 0 {
        exit(withError: error)
      }
      let message = fullMessage(for: error)
      FileHandle.standardError.write(Data((message + "\n").utf8))
      Foundation.exit(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue)
    }
  }
}

/// The version printed by `assess --version`.
enum AssessVersion {
  static let current = "0.1.0"
}
