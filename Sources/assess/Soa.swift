import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess soa ID [CONTROL --include REASON | --exclude REASON] [--json]`
  struct Soa: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "soa",
      abstract: "Print the Statement of Applicability (all 38 ISO/IEC 42001 Annex A controls), or declare a control.",
      discussion: """
        A control is included when a plan item above appetite names it, or when declared with --include \
        (applied for reasons outside this assessment); excluded with --exclude and a justification; otherwise \
        it is open.
        """)

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Argument(
      help: ArgumentHelp("An Annex A control id, e.g. A.7.5, to declare.", valueName: "control"),
      completion: .list(AnnexA.controls.map(\.id)))
    var control: String?

    @Option(help: ArgumentHelp("Include the control, for this reason.", valueName: "reason"))
    var include: String?

    @Option(help: ArgumentHelp("Exclude the control, with this justification.", valueName: "reason"))
    var exclude: String?

    @Option(help: ArgumentHelp("Who makes the declaration (default: your login name).", valueName: "name"))
    var by: String?

    @Flag(help: "Print as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
      if include != nil && exclude != nil { throw ValidationError("use either --include or --exclude, not both") }
      if control != nil && include == nil && exclude == nil {
        throw ValidationError("say --include REASON or --exclude REASON for '\(control ?? "")'")
      }
      if control == nil && (include != nil || exclude != nil) {
        throw ValidationError("name the control to declare, e.g. 'assess soa ID A.7.5 --exclude \"...\"'")
      }
    }

    func run() throws {
      let context = SessionContext(global)
      if let control {
        let recorder = try context.open(id)
        defer { recorder.close() }
        let included = include != nil
        do {
          try recorder.declareApplicability(
            control: control, included: included, reason: include ?? exclude ?? "", by: by ?? SessionContext.loginName)
        } catch {
          throw CLIFailure(error)
        }
        Console.out(
          "Session '\(recorder.session.id)': \(control) \(included ? "included" : "excluded") in the Statement of Applicability"
        )
        return
      }
      let session = try context.load(id)
      let soa = StatementOfApplicability(session)
      if json {
        Console.data(SoAText.json(session, soa).pretty())
      } else {
        Console.out(context.wrapped(SoAText.render(session, soa, style: context.style), indent: 11), terminator: "")
      }
    }
  }
}
