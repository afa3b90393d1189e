import ArgumentParser
import AssessKit
import AssessShell
import AssessStore
import Foundation

extension Assess {
  /// `assess start QUESTIONNAIRE [--id ID] [--answers FILE] [--no-input] [--by NAME] [--participant NAME]...`
  struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "start",
      abstract: "Start a session on a questionnaire.",
      discussion: """
        Opens the interview: GNU readline on a terminal, plain lines when input is piped. With --no-input, \
        applies the answers file (if any), saves the session, prints where it stands, and exits 3 when \
        required answers are missing.
        """
    )

    @Argument(
      help: ArgumentHelp("A built-in id or a questionnaire file.", valueName: "questionnaire"),
      completion: Completions.questionnaires)
    var questionnaire: String

    @Option(help: ArgumentHelp("The session id (default: the questionnaire id and today's date).", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("Answers to apply first (YAML or JSON).", valueName: "file"))
    var answers: String?

    @Option(
      help: ArgumentHelp(
        "Carry the answers of another session that this questionnaire also asks (before --answers).",
        valueName: "session"))
    var answersFrom: String?

    @Option(
      help: ArgumentHelp(
        "Re-assess this session: carry its answers (to confirm), notes, flags and plan, linked to it.",
        valueName: "old-id"))
    var from: String?

    @Flag(help: "Do not ask anything: apply the answers, save, report, and exit.")
    var noInput = false

    @Option(
      name: [.customLong("by"), .customLong("facilitator")],
      help: ArgumentHelp(
        "Who runs the session (default: your login name); --facilitator is the same.", valueName: "name"))
    var facilitator: String?

    @Option(help: ArgumentHelp("Someone taking part; repeat for each.", valueName: "name"))
    var participant: [String] = []

    @Option(
      help: ArgumentHelp(
        "Rate independently in a rater copy of session --id (created first if new); see 'assess join'.",
        valueName: "name"))
    var rater: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = SessionContext(global)
      let errColor = global.useColor(for: .standardError)
      let (source, q) = try QuestionnaireResolver.loadWithSource(questionnaire, color: errColor)
      if let rater {
        try RaterJoin.start(self, source: source, questionnaire: q, rater: rater, context: context)
        return
      }
      var given = AnswerSet()
      var order: [String] = []
      if let answers {
        let (set, keys) = try AnswerFiles.read(answers, for: q, color: errColor)
        given = set
        order = keys
      }
      if from != nil && answersFrom != nil { throw CLIFailure("give --from or --answers-from, not both") }
      let carried = try answersFrom.map { try Carry.answers(from: $0, into: q, context: context) }
      let old = try from.map { try context.load($0) }
      let existing: Set<String>
      do { existing = Set(try context.store.ids()) } catch { throw CLIFailure(error.message) }
      let who = facilitator ?? SessionContext.loginName
      var taken = existing
      var recorder: SessionRecorder?
      // A made-up id another `start` took a moment ago (two facilitators starting at once) is not an
      // error: the next free one is taken. An id given with --id is the person's, and is refused.
      while recorder == nil {
        let candidate = id ?? SessionId.make(questionnaire: q.id, date: Clock.today(), existing: taken)
        do {
          recorder = try SessionRecorder.create(
            candidate, questionnaire: q, text: source.text, source: questionnaire, facilitator: who,
            participants: participant, in: context.store, clock: Clock.now)
        } catch {
          guard id == nil, error.kind == .store(.exists), taken.insert(candidate).inserted, taken.count < 10_000 else {
            throw CLIFailure(error)
          }
        }
      }
      guard let recorder else { throw CLIFailure("the session could not be created") }
      let sessionId = recorder.session.id
      defer { recorder.close() }
      do {
        if let carried {
          for (key, value) in carried.answers { try recorder.answer(key, value, by: who) }
          try recorder.note(carried.summary, on: nil, by: who)
          Console.out(carried.summary)
        }
        if let old {
          let carried = try recorder.reassess(from: old, by: who)
          Console.out(Carry.describe(carried, from: old))
        }
        for key in order {
          guard let value = given[key] else { continue }
          try recorder.answer(key, value, by: who)
        }
      } catch {
        throw CLIFailure(error)
      }
      guard noInput else {
        try ShellLauncher.run(recorder, context: context, global: global, who: who, resuming: false)
        return
      }
      do { try recorder.settleCompletion(by: who) } catch { throw CLIFailure(error) }
      let session = recorder.session
      Console.out("Started session '\(sessionId)' on '\(q.id)' \(q.version) in \(context.store.name)")
      Console.out(
        StatusText.render(session, style: context.style, width: context.width, today: Clock.today()), terminator: "")
      let missing = session.engine.unanswered
      if !missing.isEmpty {
        throw CLIFailure(
          "\(missing.count) required answer\(missing.count == 1 ? " is" : "s are") missing: \(missing.joined(separator: ", "))",
          code: .incomplete)
      }
    }
  }
}

/// Carrying the answers of one session into a new one on another questionnaire.
enum Carry {
  /// The answers of session `id` (those on its path) that `questionnaire` also asks and accepts,
  /// in the order the session has them, and a sentence saying what was carried.
  static func answers(from id: String, into questionnaire: Questionnaire, context: SessionContext) throws -> (
    answers: [(String, Value)], summary: String
  ) {
    let other = try context.load(id)
    var carried: [(String, Value)] = []
    for (key, value) in other.engine.pathAnswers {
      let base = AnswerSet.splitInstance(key)?.question ?? key
      guard questionnaire.question(base) != nil,
        let checked = try? AnswerChecker.check(key, value, in: questionnaire)
      else { continue }
      carried.append((key, checked))
    }
    let what = other.questionnaire.id + " " + other.questionnaire.version
    let summary =
      carried.isEmpty
      ? "No answers carried from session '\(other.id)' (\(what)): '\(questionnaire.id)' asks none of its questions"
      : "Carried \(carried.count) answer\(carried.count == 1 ? "" : "s") from session '\(other.id)' (\(what)): "
        + carried.map(\.0).joined(separator: ", ")
    return (carried, summary)
  }
}

extension Carry {
  /// What a re-assessment carried, in one paragraph.
  static func describe(_ r: Reassessment, from old: Session) -> String {
    var out =
      "Re-assessing session '\(old.id)' (\(old.questionnaire.id) \(old.questionnaire.version)): carried "
      + "\(r.proposed.count) answer\(r.proposed.count == 1 ? "" : "s") to confirm, \(r.notes) note\(r.notes == 1 ? "" : "s"), "
      + "\(r.flags) flag\(r.flags == 1 ? "" : "s") and the treatment of \(r.treatments.count) risk\(r.treatments.count == 1 ? "" : "s")"
    for (risk, why) in r.treatmentsLeft { out += "\n  not carried: the treatment of '\(risk)': \(why)" }
    return out
  }
}

/// Reading answers files for the session commands.
enum AnswerFiles {
  /// The checked answers of a file, and their ids in file order; prints diagnostics and throws on errors.
  static func read(_ path: String, for q: Questionnaire, color: Bool, saving: Bool = true) throws -> (
    AnswerSet, [String]
  ) {
    let text = try QuestionnaireResolver.readFile(path, what: "answers file")
    let name = path == "-" ? "<stdin>" : path
    let outcome = AnswersReader.read(text: text, file: name, for: q)
    if outcome.diagnostics.hasErrors {
      DiagnosticPrinter.printAll(outcome.diagnostics, file: name, text: text, color: color)
      let count = outcome.diagnostics.count
      throw CLIFailure(
        "\(name): \(count) answer\(count == 1 ? " is" : "s are") not accepted" + (saving ? "; nothing was saved" : ""))
    }
    return (outcome.answers, outcome.order)
  }
}
