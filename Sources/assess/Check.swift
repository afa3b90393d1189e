import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess check ID [--fail-on RATING] [--require-signoff] [--json]`
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Exit 1 while a risk at or above a rating is untreated (for CI); 0 otherwise.",
      discussion: """
        Without --fail-on, the risks above the matrix appetite must be treated. A risk is treated when its plan \
        item has an option and an owner confirmed in the session; 'accept' also needs a reason, 'avoid' what is \
        stopped. --require-signoff also fails while no sign-off is in force.
        """)

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Option(
      name: .customLong("fail-on"),
      help: ArgumentHelp("Fail on untreated risks at or above this rating.", valueName: "rating"))
    var failOn: String?

    @Flag(name: .customLong("require-signoff"), help: "Fail also while the residual risk is not signed off.")
    var requireSignOff = false

    @Flag(help: "Print as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = SessionContext(global)
      let session = try context.load(id)
      let m = session.questionnaire.matrix
      var threshold: Int?
      if let failOn {
        guard let index = m.ratings.firstIndex(of: failOn) else {
          throw CLIFailure(
            Suggestions.unknown(
              "rating", failOn, among: m.ratings, plural: "the ratings of '\(session.questionnaire.id)'"))
        }
        threshold = index
      }
      let plan = TreatmentPlan(session, today: Clock.today())
      let offending = plan.untreated(atOrAbove: threshold)
      let signed = session.state.currentSignOff != nil
      let missingSignOff = requireSignOff && !signed
      let passed = offending.isEmpty && !missingSignOff
      let what = threshold.map { "at or above \(m.ratings[$0])" } ?? "above appetite (\(m.ratings[m.appetite]))"
      let unanswered = session.engine.unanswered.count
      if json {
        let result = JSON.object([
          ("session", .string(session.id)), ("passed", .bool(passed)),
          ("failOn", .string(threshold.map { m.ratings[$0] } ?? "above-appetite")),
          (
            "untreated",
            .array(
              offending.map { item in
                .object([
                  ("risk", .string(item.risk.id)), ("title", .string(item.risk.title)),
                  ("rating", .string(m.ratings[item.state.inherent.rating])),
                  ("missing", .array(item.missing.map(JSON.string))),
                ])
              })
          ),
          ("signedOff", .bool(signed)), ("signOffRequired", .bool(requireSignOff)),
          ("unanswered", .number(Double(unanswered))),
        ])
        Console.data(result.pretty())
      } else {
        for item in offending {
          Console.out(
            "\(m.ratings[item.state.inherent.rating]) \(item.risk.id): untreated (\(item.missing.joined(separator: ", ")))"
          )
        }
        if missingSignOff { Console.out("sign-off: none in force") }
        if passed {
          Console.out("Session '\(session.id)': no risk \(what) is untreated" + (requireSignOff ? "; signed off" : ""))
        }
      }
      if unanswered > 0 {
        Terminal.error(
          "warning: session '\(session.id)' has \(unanswered) required answer\(unanswered == 1 ? "" : "s") missing; its risks may still change"
        )
      }
      guard passed else {
        var reasons: [String] = []
        if !offending.isEmpty {
          reasons.append("\(offending.count) risk\(offending.count == 1 ? "" : "s") \(what) untreated")
        }
        if missingSignOff { reasons.append("no sign-off in force") }
        throw CLIFailure(
          "session '\(session.id)' fails the check: " + reasons.joined(separator: " and "), code: .failed)
      }
    }
  }
}
