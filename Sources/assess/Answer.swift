import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess answer ID QUESTION VALUE` and `assess answer ID --answers FILE`
  struct Answer: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "answer",
      abstract: "Answer questions of a session from the command line or a file.",
      discussion: """
        VALUE is read as YAML: 'significant', 'true', '3', '[public, children]'; 'null' clears the answer. \
        Each answer is saved before the next is applied.
        """
    )

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Argument(help: ArgumentHelp("The question id (q, or q[option] for a repeated question).", valueName: "question"))
    var question: String?

    @Argument(help: ArgumentHelp("The answer.", valueName: "value"))
    var value: String?

    @Option(help: ArgumentHelp("Answers to apply (YAML or JSON; '-' for standard input).", valueName: "file"))
    var answers: String?

    @Option(help: ArgumentHelp("Whose answer it is (default: your login name).", valueName: "name"))
    var by: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
      if answers == nil && (question == nil || value == nil) {
        throw ValidationError("give a question and a value, or --answers FILE")
      }
      if answers != nil && question != nil {
        throw ValidationError("give either a question and a value, or --answers FILE, not both")
      }
    }

    func run() throws {
      let context = SessionContext(global)
      let recorder = try context.open(id)
      defer { recorder.close() }
      let who = by ?? SessionContext.loginName
      var recorded = 0
      do {
        if let answers {
          let (set, order) = try AnswerFiles.read(
            answers, for: recorder.session.questionnaire, color: global.useColor(for: .standardError))
          for key in order {
            guard let value = set[key] else { continue }
            if try recorder.answer(key, value, by: who) { recorded += 1 }
          }
        } else if let question, let value {
          let parsed: Value
          let raw: String?
          do { (parsed, raw) = try AnswersReader.commandLineValue(value, for: question) } catch {
            throw CLIFailure(error.message)
          }
          if try recorder.answer(question, parsed, rawText: raw, by: who) { recorded += 1 }
        }
      } catch let error as SessionError {
        throw CLIFailure(error)
      }
      let session = recorder.session
      let (answered, onPath) = session.progress
      Console.out(
        "Session '\(session.id)': \(recorded) answer\(recorded == 1 ? "" : "s") saved; \(answered) of \(onPath) answered"
      )
      let aside = session.engine.answersAside
      if !aside.isEmpty {
        Console.out(
          "\(aside.count) answer\(aside.count == 1 ? " no longer applies and is" : "s no longer apply and are") kept aside\(session.questionnaire.semantics == .surveyjs ? " (still read, as SurveyJS does)" : ""): \(aside.joined(separator: ", "))"
        )
      }
    }
  }
}
