import ArgumentParser
import AssessKit
import Foundation

extension Assess {
  /// `assess sign ID --by NAME [--role ROLE]`
  struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Accept a session's residual risk, by name.",
      discussion: """
        A later answer change, treatment edit or migration voids the sign-off; the log records why, and \
        'assess status' says which event voided it.
        """)

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Option(help: ArgumentHelp("Who accepts the residual risk.", valueName: "name"))
    var by: String

    @Option(help: ArgumentHelp("Their role, e.g. 'Head of AI governance'.", valueName: "role"))
    var role: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = SessionContext(global)
      let recorder = try context.open(id)
      defer { recorder.close() }
      do { try recorder.signOff(by: by, role: role) } catch { throw CLIFailure(error) }
      let session = recorder.session
      let summary = session.state.currentSignOff?.summary ?? session.residualSummary
      print("Session '\(session.id)' signed off by \(by)\(role.map { " (\($0))" } ?? ""): \(summary)")
    }
  }
}
