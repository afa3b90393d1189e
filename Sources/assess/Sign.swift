import ArgumentParser
import AssessKit
import Foundation

extension Assess {
  /// `assess sign ID --by NAME [--role ROLE]`
  struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Accept a session's residual risk, by name.",
      discussion: "A later change to any answer voids the sign-off, and 'assess status' says so.")

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Option(help: ArgumentHelp("Who accepts the residual risk.", valueName: "name"))
    var by: String

    @Option(help: ArgumentHelp("Their role, e.g. 'Head of AI governance'.", valueName: "role"))
    var role: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
      guard !by.trimmingCharacters(in: .whitespaces).isEmpty else { throw CLIFailure("--by needs a name") }
      let context = SessionContext(global)
      var (session, writer) = try context.open(id)
      defer { writer.close() }
      let missing = session.engine.unanswered
      guard missing.isEmpty else {
        throw CLIFailure(
          "session '\(session.id)' cannot be signed off: \(missing.count) required answer\(missing.count == 1 ? " is" : "s are") missing (\(missing.prefix(5).joined(separator: ", "))\(missing.count > 5 ? ", ..." : ""))",
          code: .failed)
      }
      let summary = session.residualSummary
      try SessionContext.record(
        .signedOff(name: by, role: role, summary: summary), by: by, in: &session, writer: writer)
      print("Session '\(session.id)' signed off by \(by)\(role.map { " (\($0))" } ?? ""): \(summary)")
    }
  }
}
