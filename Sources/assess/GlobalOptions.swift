import ArgumentParser
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp("Where sessions are kept (else $ASSESS_SESSIONS, else ./sessions).", valueName: "dir"))
  var sessions: String?

  @Flag(name: .long, help: "Never use colour (also when NO_COLOR is set).")
  var noColor = false

  /// The session folder in force.
  var sessionsDirectory: String {
    sessions ?? ProcessInfo.processInfo.environment["ASSESS_SESSIONS"] ?? "sessions"
  }

  /// Whether to colour output written to `handle`.
  func useColor(for handle: Terminal.Stream) -> Bool {
    !noColor && Terminal.supportsColor(handle)
  }
}
