import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess register [--json|--csv] [--above RATING] [--questionnaire ID]`
  struct Register: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "register",
      abstract: "Every risk of every session in the store, worst first; untreated and overdue ones marked.",
      discussion: """
        A risk is untreated when it is above the appetite and its treatment is missing or still 'proposed';
        overdue when its due date has passed and it is not done. Works on a folder and on a PostgreSQL store.
        """)

    @Flag(help: "Print as JSON.")
    var json = false

    @Flag(help: "Print as CSV (one row per risk, with a header).")
    var csv = false

    @Option(help: ArgumentHelp("Only risks rated above this rating (e.g. high).", valueName: "rating"))
    var above: String?

    @Option(help: ArgumentHelp("Only sessions on this questionnaire (its id).", valueName: "id"))
    var questionnaire: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
      if json && csv { throw ValidationError("choose one of --json and --csv") }
    }

    func run() throws {
      let context = SessionContext(global)
      let ids: [String]
      do { ids = try context.store.ids() } catch { throw CLIFailure(error.message) }
      var sessions: [Session] = []
      var unreadable: [(String, String)] = []
      for id in ids {
        do {
          let session = try context.store.load(id).0
          if let questionnaire, session.questionnaire.id != questionnaire { continue }
          // Archived sessions and rater copies are not the organization's open register.
          if session.state.archived || session.state.raterCopy != nil { continue }
          sessions.append(session)
        } catch {
          unreadable.append((id, error.message))
        }
      }
      if let above {
        let known = Set(sessions.flatMap(\.questionnaire.matrix.ratings))
        if !sessions.isEmpty && !known.contains(above) {
          let names = sessions.first.map { $0.questionnaire.matrix.ratings.joined(separator: ", ") } ?? ""
          throw CLIFailure("--above: no rating '\(above)' in the sessions' risk matrices (ratings: \(names))")
        }
      }
      if let questionnaire, sessions.isEmpty, unreadable.isEmpty, !ids.isEmpty {
        Terminal.error("warning: no session in \(context.store.name) is on questionnaire '\(questionnaire)'")
      }
      for (id, message) in unreadable {
        Terminal.error("warning: session '\(id)' was left out: \(message)")
      }
      let today = Clock.today()
      let rows = AssessKit.Register.rows(sessions, above: above, today: today)
      if json {
        Console.data(
          AssessKit.Register.json(rows, store: context.store.name, today: today, unreadable: unreadable).pretty())
      } else if csv {
        Console.data(AssessKit.Register.csv(rows), terminator: "")
      } else {
        Console.out(AssessKit.Register.text(rows, store: context.store.name, style: context.style), terminator: "")
      }
    }
  }
}
