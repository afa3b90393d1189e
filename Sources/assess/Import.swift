import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess import surveyjs FILE.json [--output FILE.yaml] [--locale LOCALE]`
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import questionnaires from other formats.", subcommands: [SurveyJS.self])

    /// `assess import surveyjs`
    struct SurveyJS: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "surveyjs",
        abstract: "Import a SurveyJS JSON form as a questionnaire (YAML).",
        discussion: """
          What cannot be imported (matrices, dynamic panels, custom widgets, unsupported functions) is listed \
          on stderr element by element with its JSON path; the rest is imported. docs/IMPORT.md has the mapping.
          """)

      @Argument(
        help: ArgumentHelp("The SurveyJS form.", valueName: "file.json"), completion: .file(extensions: ["json"]))
      var file: String

      @Option(help: ArgumentHelp("Write the questionnaire here instead of standard output.", valueName: "file.yaml"))
      var output: String?

      @Option(help: ArgumentHelp("The locale of the texts (default: the form's default).", valueName: "locale"))
      var locale: String?

      @Flag(help: "Exit 1 when anything could not be imported exactly.")
      var strict = false

      func run() throws {
        let json = try QuestionnaireResolver.readFile(file, what: "form")
        let result: SurveyJSImport
        do {
          result = try SurveyJSImporter.importForm(json: json, fileName: file, locale: locale)
        } catch {
          throw CLIFailure(error.message)
        }
        for issue in result.issues { Terminal.error("\(file): \(issue)") }
        if let output {
          do {
            try result.yaml.write(toFile: output, atomically: true, encoding: .utf8)
          } catch {
            throw CLIFailure("cannot write '\(output)': \(error.localizedDescription)")
          }
          let count = result.issues.count
          Terminal.error(
            "\(file): imported to \(output) (locale \(result.locale)); \(count) element\(count == 1 ? "" : "s") not carried over exactly"
          )
        } else {
          Console.data(result.yaml, terminator: "")
        }
        if strict && !result.issues.isEmpty { throw CLIFailure.silent(.failed) }
      }
    }
  }
}
