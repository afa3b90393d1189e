import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess reconcile ID [--take median|mode|NAME] [--no-input] [--by NAME]`
  struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reconcile",
      abstract: "Settle one answer where independent raters differ.",
      discussion: """
        Records each rater copy's answers (see 'assess join') in session ID as ratings, lists the questions \
        where raters agree and where they differ (largest spread first), applies the agreed answers when you \
        confirm, and walks through the others: Enter takes the suggestion (the median for numbers and scales, \
        the most chosen answer otherwise), a rater's name takes theirs, :skip leaves one open. Without a \
        terminal, --take settles every question the same way; --no-input only records and lists.
        """
    )

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Option(
      help: ArgumentHelp(
        "Settle without asking: 'median' or 'mode' (the suggestion), or a rater's name.", valueName: "how"))
    var take: String?

    @Flag(help: "Do not ask anything: record the ratings, list, and exit (with --take: settle too).")
    var noInput = false

    @Option(
      name: [.customLong("by"), .customLong("facilitator")],
      help: ArgumentHelp("Who settles (default: the session's facilitator).", valueName: "name"))
    var by: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = SessionContext(global)
      let main = try context.resolve(id)
      let (copies, problems): ([Session], [String])
      do { (copies, problems) = try RaterCopies.find(of: main, in: context.store) } catch {
        throw CLIFailure(error.message)
      }
      for problem in problems { Terminal.error("warning: \(problem)") }
      let recorder = try context.open(main)
      defer { recorder.close() }
      if let link = recorder.session.state.raterCopy {
        throw CLIFailure("session '\(main)' is \(link.rater)'s rater copy; reconcile '\(link.session)'")
      }
      let state = recorder.session.state
      let who = by ?? state.participants.first(where: { $0.role == "facilitator" })?.name ?? state.createdBy
      var how: Reconciliation.Take?
      if let take {
        switch take.lowercased() {
        case "median", "mode", "suggestion": how = .suggestion
        default:
          let raters = Set(state.ratings.map(\.rater) + copies.compactMap { $0.state.raterCopy?.rater })
          guard let name = raters.first(where: { $0.lowercased() == take.lowercased() }) else {
            let hint = Suggestions.hint(for: take, in: ["median", "mode"] + raters.sorted())
            throw CLIFailure("--take takes 'median', 'mode' or a rater's name; no rater '\(take)'\(hint)")
          }
          how = .rater(name)
        }
      }
      fflush(nil)
      let output = ShellOutput(color: global.useColor(for: .standardOutput))
      let interactive = !noInput && how == nil
      let editor: any LineEditor =
        interactive && ShellLauncher.inputIsTerminal
        ? ReadlineEditor(historyPath: context.historyPath(for: main)) : PlainEditor(output: output)
      let reconciliation = Reconciliation(recorder: recorder, editor: editor, output: output, who: who)
      let outcome: Reconciliation.Outcome
      do {
        let added = try reconciliation.collect(from: copies)
        if added > 0 || !copies.isEmpty {
          output.line(
            "Recorded \(added) new rating\(added == 1 ? "" : "s") from \(copies.count) rater cop\(copies.count == 1 ? "y" : "ies")."
          )
        }
        outcome = try reconciliation.run(take: how, interactive: interactive)
      } catch {
        throw CLIFailure(error.message)
      }
      if outcome == .terminated { throw CLIFailure.silent(.terminated) }
    }
  }
}
