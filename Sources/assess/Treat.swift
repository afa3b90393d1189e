import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess treat ID RISK [--option O] [--owner NAME] [--due DATE] [--status S] [--control C]... [--action A]...`
  struct Treat: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "treat",
      abstract: "Edit the treatment of a raised risk in a session (the change is an event in the log).")

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Argument(help: ArgumentHelp("The risk id.", valueName: "risk"))
    var risk: String

    @Option(help: ArgumentHelp("avoid, mitigate, transfer or accept.", valueName: "option"))
    var option: String?

    @Option(help: ArgumentHelp("Who owns the treatment.", valueName: "name"))
    var owner: String?

    @Option(help: ArgumentHelp("When it is due: an ISO 8601 date, yyyy-mm-dd ('' clears it).", valueName: "date"))
    var due: String?

    @Option(help: ArgumentHelp("proposed, planned, in-progress or done.", valueName: "status"))
    var status: String?

    @Option(help: ArgumentHelp("A control; repeat for each (replaces the list).", valueName: "control"))
    var control: [String] = []

    @Option(help: ArgumentHelp("An action; repeat for each (replaces the list).", valueName: "action"))
    var action: [String] = []

    @Option(help: ArgumentHelp("With --option accept: who accepts the risk, and why.", valueName: "text"))
    var reason: String?

    @Option(help: ArgumentHelp("With --option avoid: what is stopped to avoid the risk.", valueName: "text"))
    var stops: String?

    @Option(help: ArgumentHelp("Who makes the change (default: your login name).", valueName: "name"))
    var by: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
      var fields: [String: String] = [:]
      if let option { fields["option"] = option }
      if let status { fields["status"] = status }
      if let owner { fields["owner"] = owner }
      if let due { fields["due"] = due }
      if !control.isEmpty { fields["controls"] = control.joined(separator: "\n") }
      if !action.isEmpty { fields["actions"] = action.joined(separator: "\n") }
      if let reason { fields["reason"] = reason }
      if let stops { fields["stops"] = stops }
      guard !fields.isEmpty else {
        throw CLIFailure(
          "say what to change: --option, --owner, --due, --status, --control, --action, --reason or --stops")
      }
      let context = SessionContext(global)
      let recorder = try context.open(id)
      defer { recorder.close() }
      do {
        try recorder.editTreatment(risk: risk, fields: fields, by: by ?? SessionContext.loginName)
      } catch {
        throw CLIFailure(error)
      }
      Console.out("Session '\(recorder.session.id)': treatment of '\(risk)' updated")
    }
  }
}
