import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess plan ID [--list] [--json]`
  struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "plan",
      abstract: "Walk a session's treatment plan at the terminal, or list it.",
      discussion: """
        Without --list: each risk above appetite, worst first; confirm or change its option, owner, due date \
        (yyyy-mm-dd), status, controls (Tab completes Annex A ids and titles) and actions. Every accepted change \
        is saved before the next prompt. With --list: the plan as it is now, overdue items marked.
        """)

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Flag(help: "List the plan instead of walking it.")
    var list = false

    @Flag(help: "With --list: print as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Whom the changes are attributed to (default: your login name).", valueName: "name"))
    var by: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
      if json && !list { throw ValidationError("--json lists the plan; use it with --list") }
    }

    func run() throws {
      let context = SessionContext(global)
      if list {
        let session = try context.load(id)
        let plan = TreatmentPlan(session, today: Clock.today())
        if json {
          Console.data(PlanJSON.make(session, plan: plan).pretty())
        } else {
          Console.out(context.wrapped(PlanText.render(plan, style: context.style)), terminator: "")
        }
        return
      }
      let recorder = try context.open(id)
      defer { recorder.close() }
      fflush(nil)
      let output = ShellOutput(color: global.useColor(for: .standardOutput))
      let editor = ShellLauncher.editor(
        historyPath: context.historyPath(for: recorder.session.id), output: output)
      let walk = PlanWalk(recorder: recorder, editor: editor, output: output, who: by ?? SessionContext.loginName)
      do { _ = try walk.run() } catch { throw CLIFailure(error.message) }
    }
  }
}
