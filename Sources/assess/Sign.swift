import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess sign ID --by NAME [--role ROLE]`
  struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sign",
      abstract: "Accept a session's residual risk, by name.",
      discussion: """
        Refused, naming what is missing, while required answers are missing, a risk above appetite is \
        untreated or a flag is open; --force with --reason signs anyway (not past missing answers) and records \
        the override. The sign-off records the residual rating of every raised risk. A later answer change, \
        treatment edit or migration voids it; the log records why, and 'assess status' says which event voided it.
        """)

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Option(help: ArgumentHelp("Who accepts the residual risk.", valueName: "name"))
    var by: String

    @Option(help: ArgumentHelp("Their role, e.g. 'Head of AI governance'.", valueName: "role"))
    var role: String?

    @Flag(help: "Sign although risks above appetite are untreated or flags are open (needs --reason).")
    var force = false

    @Option(help: ArgumentHelp("Why the sign-off is forced (recorded in the log).", valueName: "reason"))
    var reason: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
      if force && reason == nil { throw ValidationError("--force needs --reason: why sign despite what is missing") }
      if reason != nil && !force { throw ValidationError("--reason goes with --force") }
    }

    func run() throws {
      let context = SessionContext(global)
      let recorder = try context.open(id)
      defer { recorder.close() }
      do { try recorder.signOff(by: by, role: role, override: force ? reason : nil) } catch { throw CLIFailure(error) }
      let session = recorder.session
      let summary = session.state.currentSignOff?.summary ?? session.residualSummary
      Console.out("Session '\(session.id)' signed off by \(by)\(role.map { " (\($0))" } ?? ""): \(summary)")
      if force { Console.out("Forced past what was missing; the reason is recorded: \(reason ?? "")") }
    }
  }
}
