import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess archive ID [--reason TEXT] [--restore]`
  struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "archive",
      abstract: "Archive a session: kept and readable, closed to changes, hidden from 'list' (see --all).",
      discussion: "With --restore, opens an archived session to changes again. Both are events in its log.")

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Option(help: ArgumentHelp("Why it is archived, kept in the log.", valueName: "text"))
    var reason: String?

    @Flag(help: "Open an archived session to changes again.")
    var restore = false

    @Option(help: ArgumentHelp("Who archives it (default: your login name).", valueName: "name"))
    var by: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let recorder = try SessionContext(global).open(id)
      defer { recorder.close() }
      let who = by ?? SessionContext.loginName
      do {
        if restore {
          try recorder.restore(by: who)
          Console.out("Session '\(recorder.session.id)' is restored: it takes changes again")
        } else {
          try recorder.archive(reason: reason, by: who)
          Console.out("Session '\(recorder.session.id)' is archived: kept and readable, closed to changes")
        }
      } catch {
        throw CLIFailure(error)
      }
    }
  }

  /// `assess rm ID [--yes]`
  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rm",
      abstract: "Delete a session and everything kept with it, for good.",
      discussion: """
        Asks to confirm at a terminal; in scripts, say --yes. Refused while someone has the session open. \
        To keep a session out of the way without losing it, archive it instead.
        """)

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Flag(help: "Do not ask; delete.")
    var yes = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = SessionContext(global)
      let resolved = try context.resolve(id)
      let session = try context.load(resolved)
      if !yes {
        guard ShellLauncher.inputIsTerminal else {
          throw CLIFailure("deleting session '\(resolved)' cannot be undone; say --yes to do it without a terminal")
        }
        let (answered, _) = session.progress
        Console.out(
          "Delete session '\(resolved)' (\(session.questionnaire.id) \(session.questionnaire.version), \(session.status), "
            + "\(answered) answers, \(session.events.count) events) from \(context.store.name)? This cannot be undone. [y/N] ",
          terminator: "")
        fflush(nil)
        let reply = Swift.readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard reply == "y" || reply == "yes" else {
          Console.out("Kept session '\(resolved)'.")
          return
        }
      }
      do { try context.store.remove(resolved) } catch { throw CLIFailure(error.message) }
      Console.out("Deleted session '\(resolved)' from \(context.store.name)")
    }
  }
}
