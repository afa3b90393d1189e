import ArgumentParser
import AssessKit
import AssessShell
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension Assess {
  /// `assess resume ID [--migrate | --pinned] [--no-input]`
  struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "resume",
      abstract: "Resume a session, checking whether its questionnaire changed since it started.",
      discussion: """
        When the questionnaire changed, the changes that concern this session are shown, and the session \
        either migrates (answers that still fit are kept; the others are kept aside and listed) or stays \
        on its pinned version. Without a terminal, say which with --migrate or --pinned.
        """
    )

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Flag(help: "Move the session to the current version of its questionnaire.")
    var migrate = false

    @Flag(help: "Stay on the version the session was started with.")
    var pinned = false

    @Flag(help: "Do not open the interview: settle the version, report, and exit.")
    var noInput = false

    @Option(
      name: [.customLong("by"), .customLong("facilitator")],
      help: ArgumentHelp("Who resumes (default: the session's facilitator).", valueName: "name"))
    var by: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
      if migrate && pinned { throw ValidationError("choose --migrate or --pinned, not both") }
    }

    func run() throws {
      let context = SessionContext(global)
      let recorder = try context.open(id)
      defer { recorder.close() }
      let state = recorder.session.state
      let who = by ?? state.participants.first(where: { $0.role == "facilitator" })?.name ?? state.createdBy
      let ask: ((String) -> String?)? =
        noInput || !ShellLauncher.inputIsTerminal
        ? nil
        : { question in
          Console.out(question, terminator: "")
          fflush(nil)
          return Swift.readLine()
        }
      try Migration.settle(recorder, by: who, migrate: migrate, pinned: pinned, ask: ask)
      guard noInput else {
        try ShellLauncher.run(recorder, context: context, global: global, who: who, resuming: true)
        return
      }
      Console.out(
        StatusText.render(recorder.session, style: context.style, width: context.width, today: Clock.today()),
        terminator: "")
    }
  }
}

/// Checking a session's questionnaire against the current one, and migrating.
enum Migration {
  /// The current questionnaire for a session's source, or why it cannot be had.
  static func current(for session: Session) -> Result<(QuestionnaireResolver.Source, Questionnaire), CLIFailure> {
    let reference = session.state.source
    let source: QuestionnaireResolver.Source
    do {
      source = try QuestionnaireResolver.source(for: reference)
    } catch {
      return .failure(CLIFailure("the questionnaire '\(reference)' cannot be found from here"))
    }
    let result = QuestionnaireLoader.load(text: source.text, file: source.name)
    guard let q = result.questionnaire else {
      let errors = result.diagnostics.filter { $0.severity == .error }.count
      return .failure(
        CLIFailure(
          "the questionnaire '\(reference)' now has \(errors) error\(errors == 1 ? "" : "s") (run 'assess validate \(source.name)')"
        ))
    }
    return .success((source, q))
  }

  /// Shows what changed and migrates or stays, as asked; throws when a change needs a choice not given.
  static func settle(
    _ recorder: SessionRecorder, by who: String, migrate: Bool, pinned: Bool, ask: ((String) -> String?)? = nil
  ) throws {
    let session = recorder.session
    let source: QuestionnaireResolver.Source
    let current: Questionnaire
    switch Self.current(for: session) {
    case .success(let found): (source, current) = found
    case .failure(let failure):
      Console.out("Note: \(failure.message.dropFirst("error: ".count)); the session stays on its pinned copy.")
      return
    }
    guard current.hash != session.questionnaire.hash else { return }
    let changes = QuestionnaireChanges(from: session.questionnaire, to: current, answers: session.state.answers)
    Console.out(
      "The questionnaire changed since this session was \(session.state.hashes.count > 1 ? "migrated" : "started"): "
        + "\(session.questionnaire.version) -> \(current.version)")
    if changes.changes.isEmpty {
      Console.out(
        "  nothing that concerns this session's questions (other parts changed: scoring, risks or wording elsewhere)")
    }
    for change in changes.changes { Console.out("  \(change)") }
    if !changes.aside.isEmpty {
      Console.out("Answers that would no longer fit (kept aside, not dropped):")
      for (id, reason) in changes.aside { Console.out("  \(id): \(reason)") }
    }
    var stay = pinned
    var move = migrate
    if !stay && !move, let ask {
      while true {
        let reply = ask("Migrate to \(current.version) (m) or stay on \(session.questionnaire.version) (p)? ")?
          .trimmingCharacters(in: .whitespaces).lowercased()
        guard let reply else { break }
        if ["m", "migrate"].contains(reply) {
          move = true
          break
        }
        if ["p", "pinned", "stay"].contains(reply) {
          stay = true
          break
        }
      }
    }
    if stay {
      Console.out("Staying on the pinned version \(session.questionnaire.version).")
      return
    }
    guard move else {
      throw CLIFailure("the questionnaire of session '\(session.id)' changed; resume with --migrate or --pinned")
    }
    do { try recorder.migrate(to: current, text: source.text, by: who) } catch { throw CLIFailure(error) }
    let kept = changes.kept.values.count
    Console.out(
      "Migrated to \(current.version): \(kept) answer\(kept == 1 ? "" : "s") kept, \(changes.aside.count) kept aside.")
  }
}
