import AssessKit
import AssessShell
import AssessStore
import Foundation

/// What the session commands share: the store, the clock, who is acting.
struct SessionContext {
  let store: any TransferableSessionStore
  let color: Bool
  /// How text for standard output is styled.
  var style: any TextStyler { Terminal.styler(color) }
  /// The width to wrap long lines to: the terminal's, or none when output goes to a file or pipe.
  var width: Int? { Terminal.width }

  init(_ global: GlobalOptions) {
    store = StoreOpener.open(global.storeText)
    color = global.useColor(for: .standardOutput)
  }

  /// The login name, for events no one else is named for.
  static var loginName: String {
    let environment = ProcessInfo.processInfo.environment
    return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
  }

  /// The file that keeps a session's shell input history (always on this machine).
  func historyPath(for id: String) -> String { StoreOpener.historyPath(for: id, in: store) }

  /// Resolves a user's id, turning store errors into CLI errors.
  func resolve(_ id: String) throws -> String {
    do { return try store.resolve(id) } catch { throw CLIFailure(error.message) }
  }

  /// Loads a session read-only, printing what the store had to skip.
  func load(_ id: String) throws -> Session {
    let resolved = try resolve(id)
    do {
      let (session, warnings) = try store.load(resolved)
      for warning in warnings { Terminal.error("warning: \(warning)") }
      return session
    } catch {
      throw CLIFailure(error.message)
    }
  }

  /// Opens a session for writing (taking its lock): every change goes through the recorder.
  func open(_ id: String) throws -> SessionRecorder {
    let resolved = try resolve(id)
    do {
      let (recorder, warnings) = try SessionRecorder.open(resolved, in: store, clock: Clock.now)
      for warning in warnings { Terminal.error("warning: \(warning)") }
      return recorder
    } catch {
      throw CLIFailure(error)
    }
  }
}

extension CLIFailure {
  /// A refused or failed session change: exit 1 when it was refused, 2 otherwise.
  init(_ error: SessionError) {
    self.init(error.message, code: error.kind == .refused ? .failed : .usage)
  }
}

/// The wall clock. `ASSESS_NOW` (an ISO 8601 date and time) fixes it, for tests and reproducible demos.
enum Clock {
  @Sendable static func now() -> Timestamp {
    if let fixed = ProcessInfo.processInfo.environment["ASSESS_NOW"], let time = Timestamp(fixed) { return time }
    return Timestamp(seconds: Date().timeIntervalSince1970)
  }

  /// The time as text, for the lock file.
  @Sendable static func text() -> String { now().text }

  /// Today as `yyyy-mm-dd` (UTC).
  static func today() -> String { now().date }
}
