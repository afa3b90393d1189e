import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess explain ID [RISK|SCORE|LEVEL]`
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "explain",
      abstract: "Explain in plain words how a risk rating, score, computed value or level came about.",
      discussion: "Without a name: every raised risk, then every score, computed value and level.")

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Argument(help: ArgumentHelp("A risk, scale, computed value or level id.", valueName: "name"))
    var name: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = SessionContext(global)
      let session = try context.load(id)
      let q = session.questionnaire
      let plan = TreatmentPlan(session, today: Clock.today())
      guard let name else {
        Console.out(
          context.wrapped(
            ExplainText.all(session, plan: plan, style: context.style)
              + SpreadText.summary(Agreement(session), style: context.style)), terminator: "")
        return
      }
      guard let target = Explanation.target(name, in: q) else {
        let names = Explanation.names(in: q)
        throw CLIFailure(
          "'\(q.id)' has no risk, score, computed value or level '\(name)'\(Suggestions.hint(for: name, in: names))")
      }
      Console.out(
        context.wrapped(
          ExplainText.render(target, in: session, plan: plan, style: context.style)
            + ExplainRatings.render(target, in: session, style: context.style)), terminator: "")
    }
  }
}
