import ArgumentParser
import AssessKit
import AssessShell
import Foundation

extension Assess {
  /// `assess verify ID [--json]`
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: "Check a session's audit trail: the hash chain of its events and a strict replay of each.",
      discussion: """
        Exit 0 when every event is chained from the pinned questionnaire to the last event and every
        event replays as a new change would be accepted; 1 otherwise (a broken link, an unchained or
        partly chained log, an event that fails replay, a log that cannot be read). docs/SESSIONS.md,
        "Tamper evidence", says what this proves and what it does not.
        """)

    @OptionGroup var session: SessionArgument
    var id: String { session.id }

    @Flag(help: "Print as JSON.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = SessionContext(global)
      let resolved = try context.resolve(id)
      let verification: Verification
      do throws(StoreError) {
        // Read on past unreadable lines where the store can, so that every problem is listed.
        let record: SessionRecord
        if let auditable = context.store as? any AuditableSessionStore {
          record = try auditable.audit(resolved)
        } else {
          record = try context.store.read(resolved)
        }
        verification = Verification(record)
      } catch {
        verification = Verification(id: resolved, failure: error.message)
      }
      if json {
        Console.data(Self.json(verification).pretty())
      } else {
        Console.out(Self.text(verification, style: context.style), terminator: "")
      }
      if !verification.verified { throw CLIFailure.silent(.failed) }
    }

    static func json(_ v: Verification) -> JSON {
      .object([
        ("session", .string(v.id)), ("verified", .bool(v.verified)), ("events", .number(Double(v.events))),
        ("integrity", v.chain.json), ("head", v.head.map(JSON.string) ?? .null),
        (
          "replay",
          .array(
            v.replay.map {
              .object([
                ("event", .number(Double($0.event))), ("place", .string($0.place)), ("message", .string($0.message)),
              ])
            })
        ),
        ("warnings", .array(v.warnings.map(JSON.string))), ("error", Self.error(v).map(JSON.string) ?? .null),
        ("unreadable", .array(v.unreadable.map(problemJSON))), ("brokenLinks", .array(v.brokenLinks.map(problemJSON))),
      ])
    }

    /// `error` as before reading on was added: why the log could not be checked, or else the first
    /// line that cannot be read (programs that read `error` keep working; `unreadable` lists them all).
    static func error(_ v: Verification) -> String? {
      v.failure ?? v.unreadable.first.map(\.description)
    }

    static func problemJSON(_ p: LogProblem) -> JSON {
      .object([("event", .number(Double(p.event))), ("place", .string(p.place)), ("message", .string(p.message))])
    }

    /// At most this many problems of one kind are printed; `--json` gives them all.
    static let shown = 50

    /// The lines of a list of problems, the first `shown` and then how many more.
    static func list(_ problems: [LogProblem]) -> String {
      var out = ""
      for problem in problems.prefix(shown) { out += "    \(problem)\n" }
      if problems.count > shown { out += "    and \(problems.count - shown) more (all of them: --json)\n" }
      return out
    }

    static func text(_ v: Verification, style: any TextStyler) -> String {
      var out = style.apply(.heading, "Session '\(v.id)'") + "\n"
      if let failure = v.failure {
        out += "  cannot be checked: \(failure)\n"
        return out + style.apply(.alert, "Not verified.") + "\n"
      }
      out += "  \(v.events) event\(v.events == 1 ? "" : "s")\n"
      for warning in v.warnings { out += "  Note: \(warning)\n" }
      if !v.unreadable.isEmpty {
        out += "  Unreadable: \(v.unreadable.count) line\(v.unreadable.count == 1 ? "" : "s") (read on past):\n"
        out += list(v.unreadable)
      }
      out += "  Chain: \(v.chain.summary)\n"
      if v.brokenLinks.count > 1 {
        out += "  Broken links: \(v.brokenLinks.count):\n" + list(v.brokenLinks)
      }
      if let head = v.head {
        out += "  Head: \(head) (the hash of the last line: keep it to notice a later edit of it)\n"
      }
      if v.replay.isEmpty {
        out += "  Replay: every event is accepted as a new change would be\n"
      } else {
        out += "  Replay: \(v.replay.count) event\(v.replay.count == 1 ? " fails" : "s fail"):\n"
        out += list(v.replay)
      }
      return out + (v.verified ? style.apply(.success, "Verified.") : style.apply(.alert, "Not verified.")) + "\n"
    }
  }
}
