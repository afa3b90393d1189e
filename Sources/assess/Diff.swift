import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess diff A B [--json]`
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "diff",
      abstract: "Show what changed from one session to another (e.g. a re-assessment).",
      discussion: """
        Lists the questionnaire versions; answers added, removed and changed (old and new, as labels); scores \
        and levels that moved; risks new, gone and re-rated (both ratings); plan items changed. Questions and \
        risks are matched by id, so the sessions may be on different versions of a questionnaire. Exits 0 \
        whether or not anything differs.
        """)

    @Argument(
      help: ArgumentHelp("The earlier session.", valueName: "old-id"), completion: Completions.sessions)
    var old: String

    @Argument(
      help: ArgumentHelp("The later session.", valueName: "new-id"), completion: Completions.sessions)
    var new: String

    @Flag(help: "Print as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = SessionContext(global)
      let a = try context.load(old)
      let b = try context.load(new)
      let diff = SessionDiff(from: a, to: b)
      if json {
        Console.data(diff.json.pretty())
      } else {
        Console.out(context.wrapped(SessionDiffText.render(diff, style: context.style), indent: 11), terminator: "")
      }
    }
  }
}
