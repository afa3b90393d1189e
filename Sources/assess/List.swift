import ArgumentParser
import AssessKit
import Foundation

extension Assess {
  /// `assess list [--json]`
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in questionnaires.")

    @Flag(help: "Print as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let builtins = QuestionnaireResolver.builtins().compactMap(\.questionnaire)
      if json {
        let items = builtins.map { q -> JSON in
          .object([
            ("id", .string(q.id)), ("title", .string(q.title)), ("version", .string(q.version)),
            ("questions", .number(Double(q.questions.filter { $0.type.isAnswerable }.count))),
            ("risks", .number(Double(q.risks.count))),
          ])
        }
        print(JSON.object([("questionnaires", .array(items))]).pretty())
        return
      }
      let bold = global.useColor(for: .standardOutput)
      print(Terminal.bold("Built-in questionnaires", bold))
      let width = builtins.map(\.id.count).max() ?? 0
      for q in builtins {
        print("  \(q.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(q.version)  \(q.title)")
      }
    }
  }
}
