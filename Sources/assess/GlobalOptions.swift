import ArgumentParser
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp("Where sessions are kept (else $ASSESS_SESSIONS, else ./sessions).", valueName: "dir"))
  var sessions: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The session store: a folder or a postgres:// URL (else $ASSESS_STORE; see docs/STORES.md).",
      valueName: "url"))
  var store: String?

  @Flag(name: .long, help: "Never use colour (also when NO_COLOR is set).")
  var noColor = false

  /// The session folder in force.
  var sessionsDirectory: String {
    sessions ?? ProcessInfo.processInfo.environment["ASSESS_SESSIONS"] ?? "sessions"
  }

  /// The store in force: `--store`, else `--sessions`, else `$ASSESS_STORE`, else `$ASSESS_SESSIONS`,
  /// else `./sessions`. A flag on the command line wins over any variable.
  var storeText: String {
    if let store { return store }
    if let sessions { return sessions }
    let environment = ProcessInfo.processInfo.environment
    if let store = environment["ASSESS_STORE"], !store.isEmpty { return store }
    return sessionsDirectory
  }

  /// The options that name the store, to repeat in a hint (`assess resume ID --store ...`), without a password.
  var storeArguments: String {
    if let store { return " --store \(StoreOpener.displayName(store))" }
    if let sessions { return " --sessions \(sessions)" }
    return ""
  }

  /// Whether to colour output written to `handle`.
  func useColor(for handle: Terminal.Stream) -> Bool {
    !noColor && Terminal.supportsColor(handle)
  }
}
