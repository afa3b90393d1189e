import ArgumentParser
import AssessKit
import AssessShell
import AssessStore
import Foundation

extension Assess {
  /// `assess list [--json]`
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the built-in questionnaires and the sessions (status, progress, highest rating).")

    @Flag(help: "Print as JSON.")
    var json = false

    @Flag(help: "Show archived sessions too.")
    var all = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let builtins = QuestionnaireResolver.builtins().compactMap(\.questionnaire)
      let context = SessionContext(global)
      let ids: [String]
      do { ids = try context.store.ids() } catch { throw CLIFailure(error.message) }
      var sessions: [(String, Result<Session, StoreError>)] = []
      for id in ids {
        do {
          let session = try context.store.load(id).0
          if session.state.archived && !all { continue }
          sessions.append((id, .success(session)))
        } catch {
          sessions.append((id, .failure(error)))
        }
      }
      if json {
        let items = builtins.map { q -> JSON in
          let span = PathSpan(q)
          return .object([
            ("id", .string(q.id)), ("title", .string(q.title)), ("version", .string(q.version)),
            ("questions", .number(Double(q.questions.filter { $0.type.isAnswerable }.count))),
            ("risks", .number(Double(q.risks.count))),
            ("onPath", .array([.number(Double(span.fewest)), .number(Double(span.most))])),
            (
              "minutes",
              q.minutes.map { .array([.number(Double($0.lowerBound)), .number(Double($0.upperBound))]) } ?? .null
            ),
          ])
        }
        let sessionItems = sessions.map { id, result -> JSON in
          switch result {
          case .success(let session): return SessionJSON.summary(session)
          case .failure(let error): return .object([("id", .string(id)), ("error", .string(error.message))])
          }
        }
        Console.data(JSON.object([("questionnaires", .array(items)), ("sessions", .array(sessionItems))]).pretty())
        return
      }
      let bold = global.useColor(for: .standardOutput)
      Console.out(Terminal.bold("Built-in questionnaires", bold))
      let width = builtins.map(\.id.count).max() ?? 0
      let titleWidth = builtins.map(\.title.count).max() ?? 0
      for q in builtins {
        let span = PathSpan(q)
        let time = q.minutes.map { ", \($0.lowerBound)-\($0.upperBound) min" } ?? ""
        Console.out(
          "  \(q.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(q.version)  "
            + "\(q.title.padding(toLength: titleWidth, withPad: " ", startingAt: 0))  "
            + "\(span.fewest)-\(span.most) questions\(time)")
      }
      Console.out(Terminal.bold("Sessions in \(context.store.name)", bold))
      if sessions.isEmpty { Console.out("  none yet: 'assess start QUESTIONNAIRE' starts one") }
      let idWidth = sessions.map(\.0.count).max() ?? 0
      for (id, result) in sessions {
        let name = id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
        switch result {
        case .success(let s):
          let (answered, onPath) = s.progress
          let rating = s.highestRating.map { "highest risk \($0)" } ?? "no risks raised"
          let changed = s.state.updatedAt.map { ", last change \($0.text)" } ?? ""
          Console.out(
            "  \(name)  \(s.questionnaire.id) \(s.questionnaire.version)  \(s.status), \(answered)/\(onPath) answered, \(rating)\(changed)"
              + (s.state.archived ? " (archived)" : "") + Self.integrity(s)
          )
        case .failure(let error):
          Console.out("  \(name)  cannot be read: \(error.message)")
        }
      }
    }

    /// What `list` says of a session's audit trail when it is not verified.
    static func integrity(_ session: Session) -> String {
      switch session.integrity {
      case .verified: return ""
      case .unchained: return " (unchained)"
      case .chainedFrom: return " (partly chained)"
      case .broken: return " FAILS VERIFICATION ('assess verify \(session.id)')"
      }
    }
  }
}
