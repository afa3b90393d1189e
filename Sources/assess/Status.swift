import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess status ID [--json]`
  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status",
      abstract: "Show where a session stands: progress, scores, levels, risks, flags, notes, sign-off.")

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Flag(help: "Print as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = SessionContext(global)
      let session = try context.load(id)
      let copies = RaterStatus.copies(of: session, context: context)
      if json {
        Console.data(RaterStatus.json(SessionJSON.status(session, today: Clock.today()), copies: copies).pretty())
      } else {
        Console.out(
          StatusText.render(session, style: context.style, width: context.width, today: Clock.today())
            + RaterStatus.text(copies, main: session.id), terminator: "")
      }
    }
  }

  /// `assess history ID [--json]`
  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract: "Show a session's audit trail: every event, who and when.")

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Flag(help: "Print as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let session = try SessionContext(global).load(id)
      if json {
        Console.data(SessionJSON.history(session).pretty())
      } else {
        Console.out(HistoryText.render(session), terminator: "")
      }
    }
  }
}
