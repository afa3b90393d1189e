import ArgumentParser
import AssessKit
import AssessPostgres
import AssessShell
import AssessStore
import Foundation

extension Assess {
  /// `assess store init | copy`
  struct Store: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "store",
      abstract: "Set up a PostgreSQL store, and copy sessions between stores.",
      subcommands: [Init.self, Copy.self])

    /// `assess store init [--store URL]`
    struct Init: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create or upgrade the tables of a PostgreSQL store (safe to run again).")

      @OptionGroup var global: GlobalOptions

      func run() throws {
        let context = SessionContext(global)
        if let folder = context.store as? FileSessionStore {
          Console.out("\(folder.name) is a folder store: it needs no setup (it is created with the first session)")
          return
        }
        guard let store = context.store as? PostgresSessionStore else {
          do { _ = try context.store.ids() } catch { throw CLIFailure(error.message) }
          return
        }
        do {
          let (from, to) = try store.initialize()
          if from == to {
            Console.out("\(store.name) is up to date (schema version \(to))")
          } else {
            Console.out("\(store.name): schema version \(from) -> \(to)")
          }
        } catch {
          throw CLIFailure(error.message)
        }
      }
    }

    /// `assess store copy FROM TO [ID...]`
    struct Copy: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy sessions from one store to another, the same events byte for byte.",
        discussion: """
          FROM and TO are folders or postgres:// URLs. Without IDs every session is copied. Nothing is copied \
          when a session already exists in TO.
          """)

      @Argument(help: ArgumentHelp("The store to copy from: a folder or a postgres:// URL.", valueName: "from"))
      var from: String

      @Argument(help: ArgumentHelp("The store to copy to: a folder or a postgres:// URL.", valueName: "to"))
      var to: String

      @Argument(help: ArgumentHelp("Sessions to copy (ids or unambiguous starts); all when none.", valueName: "id"))
      var ids: [String] = []

      func run() throws {
        let source = StoreOpener.open(from)
        let destination = StoreOpener.open(to)
        if source.name == destination.name {
          throw CLIFailure("FROM and TO are the same store (\(source.name))")
        }
        let copied: [(id: String, events: Int)]
        do {
          copied = try SessionCopy.copy(ids, from: source, to: destination)
        } catch {
          throw CLIFailure(error.message)
        }
        for (id, events) in copied {
          Console.out("copied '\(id)' (\(events) \(events == 1 ? "event" : "events")) to \(destination.name)")
        }
        if copied.isEmpty { Console.out("no sessions in \(source.name): nothing to copy") }
      }
    }
  }
}
