import ArgumentParser
import AssessKit
import Foundation
import Yams

extension Assess {
  /// `assess answer ID QUESTION VALUE` and `assess answer ID --answers FILE`
  struct Answer: ParsableCommand {
    static let configuration = CommandConfiguration(
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
      var (session, writer) = try context.open(id)
      defer { writer.close() }
      let who = by ?? SessionContext.loginName
      var changes: [(String, Value)] = []
      if let answers {
        let (set, order) = try AnswerFiles.read(
          answers, for: session.questionnaire, color: global.useColor(for: .standardError))
        changes = order.compactMap { key in set[key].map { (key, $0) } }
      } else if let question, let value {
        let (parsed, raw) = Self.parse(value)
        do {
          changes = [(question, try AnswerChecker.check(question, parsed, rawText: raw, in: session.questionnaire))]
        } catch {
          throw CLIFailure(error.message)
        }
      }
      var recorded = 0
      for (key, value) in changes {
        guard let kind = session.answerKind(key, value) else { continue }
        try SessionContext.record(kind, by: who, in: &session, writer: writer)
        recorded += 1
      }
      try SessionContext.settleCompletion(&session, writer: writer, by: who)
      let (answered, onPath) = session.progress
      print(
        "Session '\(session.id)': \(recorded) answer\(recorded == 1 ? "" : "s") saved; \(answered) of \(onPath) answered"
      )
      let aside = session.engine.answersAside
      if !aside.isEmpty {
        print(
          "\(aside.count) answer\(aside.count == 1 ? " no longer applies and is" : "s no longer apply and are") kept aside\(session.questionnaire.semantics == .surveyjs ? " (still read, as SurveyJS does)" : ""): \(aside.joined(separator: ", "))"
        )
      }
    }

    /// A command-line value read as YAML, with its plain text.
    static func parse(_ text: String) -> (Value, String?) {
      guard let node = try? Yams.compose(yaml: text) else { return (.string(text), text) }
      let (value, raw) = AnswersReader.value(of: node)
      return (value, raw ?? (node.scalar != nil ? text : nil))
    }
  }
}
