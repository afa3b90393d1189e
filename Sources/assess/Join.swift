import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess join ID --rater NAME [--answers FILE] [--no-input]`
  struct Join: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "join",
      abstract: "Rate a session independently, in a rater copy of your own.",
      discussion: """
        Creates (or reopens) NAME's rater copy of session ID: a session of its own, id ID.NAME, on \
        exactly the questionnaire text ID is pinned on. Answer it with the ordinary interview, at your own \
        terminal and time; each copy has its own lock, so raters work at once. 'assess reconcile ID' \
        brings the copies' answers into ID as ratings and settles one answer per question.
        """
    )

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Option(help: ArgumentHelp("Whose ratings these are.", valueName: "name"))
    var rater: String

    @Option(help: ArgumentHelp("Ratings to apply first (an answers file, YAML or JSON).", valueName: "file"))
    var answers: String?

    @Flag(help: "Do not ask anything: apply the answers file, save, and exit.")
    var noInput = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = SessionContext(global)
      try RaterJoin.run(
        main: context.resolve(id), rater: rater, answers: answers, noInput: noInput, context: context, global: global)
    }
  }
}

/// Joining a session as an independent rater: `join`, and `start --rater`.
enum RaterJoin {
  /// Creates or reopens `rater`'s copy of session `main`, applies `answers`, then opens the
  /// interview on it (or, with `noInput`, saves and reports).
  static func run(
    main: String, rater: String, answers: String?, noInput: Bool, context: SessionContext, global: GlobalOptions
  ) throws {
    let name = rater.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw CLIFailure("--rater needs a name") }
    let mainSession = try context.load(main)
    if let link = mainSession.state.raterCopy {
      throw CLIFailure(
        "session '\(main)' is \(link.rater)'s rater copy of '\(link.session)'; join '\(link.session)' instead")
    }
    let copyId = RaterCopies.id(for: main, rater: name)
    // The answers file is checked before anything is created, so a bad one leaves no copy behind.
    let given = try answers.map { path in
      let (set, order) = try AnswerFiles.read(
        path, for: mainSession.questionnaire, color: global.useColor(for: .standardError))
      return (set: set, order: order)
    }
    let existing: Set<String>
    do { existing = Set(try context.store.ids()) } catch { throw CLIFailure(error.message) }
    let recorder: SessionRecorder
    let resuming = existing.contains(copyId)
    if resuming {
      recorder = try context.open(copyId)
      if recorder.session.state.raterCopy?.rater == name {
        Console.out("\(name)'s own ratings for session '\(main)', in '\(copyId)'.")
      }
      if let owner = recorder.session.state.raterCopy, owner.session != main || owner.rater != name {
        recorder.close()
        throw CLIFailure(
          "session '\(copyId)' is \(owner.rater)'s copy of '\(owner.session)', not \(name)'s of '\(main)'")
      } else if recorder.session.state.raterCopy == nil {
        recorder.close()
        throw CLIFailure("session '\(copyId)' exists and is not a rater copy; choose another --rater name")
      }
    } else {
      let record: SessionRecord
      do { record = try context.store.read(main) } catch { throw CLIFailure(error.message) }
      guard let pinned = record.pinned[mainSession.state.hash] else {
        throw CLIFailure("session '\(main)' lacks its pinned questionnaire")
      }
      do {
        recorder = try SessionRecorder.createRaterCopy(
          of: mainSession, text: pinned.text, rater: name, in: context.store, clock: Clock.now)
      } catch {
        throw CLIFailure(error)
      }
      Console.out("\(name) rates session '\(main)' independently in '\(copyId)'.")
    }
    defer { recorder.close() }
    if let given {
      do {
        for key in given.order {
          guard let value = given.set[key] else { continue }
          try recorder.answer(key, value, by: name)
        }
      } catch {
        throw CLIFailure(error)
      }
    }
    guard noInput else {
      try ShellLauncher.run(recorder, context: context, global: global, who: name, resuming: resuming)
      return
    }
    do { try recorder.settleCompletion(by: name) } catch { throw CLIFailure(error) }
    let (answered, onPath) = recorder.session.progress
    Console.out(
      "Saved \(name)'s ratings in '\(copyId)': \(answered) of \(onPath) answered. Settle with: assess reconcile \(main)"
    )
  }
}

extension RaterJoin {
  /// `start QUESTIONNAIRE --id ID --rater NAME`: joins session ID as a rater, creating ID first
  /// (empty, with the facilitator and participants given) when it does not exist yet.
  static func start(
    _ command: Assess.Start, source: QuestionnaireResolver.Source, questionnaire q: Questionnaire, rater: String,
    context: SessionContext
  ) throws {
    let existing: Set<String>
    do { existing = Set(try context.store.ids()) } catch { throw CLIFailure(error.message) }
    let main = command.id ?? SessionId.make(questionnaire: q.id, date: Clock.today(), existing: existing)
    if existing.contains(main) {
      let session = try context.load(main)
      guard session.questionnaire.id == q.id else {
        throw CLIFailure(
          "session '\(main)' is on '\(session.questionnaire.id)', not '\(q.id)'; join it with: assess join \(main) --rater \(rater)"
        )
      }
      if session.questionnaire.hash != q.hash {
        Console.out(
          "Session '\(main)' is pinned on '\(q.id)' \(session.questionnaire.version); rating on that version, as the others do."
        )
      }
    } else {
      if command.answersFrom != nil {
        throw CLIFailure("--answers-from applies to a new session, not to a rater copy; leave out --rater")
      }
      let facilitator = command.facilitator ?? SessionContext.loginName
      do {
        let recorder = try SessionRecorder.create(
          main, questionnaire: q, text: source.text, source: command.questionnaire, facilitator: facilitator,
          participants: command.participant, in: context.store, clock: Clock.now)
        recorder.close()
      } catch {
        throw CLIFailure(error)
      }
      Console.out("Started session '\(main)' on '\(q.id)' \(q.version) for independent ratings.")
    }
    try run(
      main: main, rater: rater, answers: command.answers, noInput: command.noInput, context: context,
      global: command.global)
  }
}
