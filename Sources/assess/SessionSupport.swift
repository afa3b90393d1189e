import AssessKit
import AssessStore
import Foundation

/// What the session commands share: the store, the clock, who is acting.
struct SessionContext {
  let store: FileSessionStore
  let color: Bool

  init(_ global: GlobalOptions) {
    store = FileSessionStore(root: global.sessionsDirectory, clock: Clock.now)
    color = global.useColor(for: .standardOutput)
  }

  /// The login name, for events no one else is named for.
  static var loginName: String {
    let environment = ProcessInfo.processInfo.environment
    return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
  }

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

  /// Opens a session for writing (taking its lock) and loads it.
  func open(_ id: String) throws -> (Session, any SessionWriter) {
    let resolved = try resolve(id)
    let writer: any SessionWriter
    do { writer = try store.openForWriting(resolved) } catch { throw CLIFailure(error.message) }
    do {
      let (session, warnings) = try store.load(resolved)
      for warning in warnings { Terminal.error("warning: \(warning)") }
      return (session, writer)
    } catch {
      writer.close()
      throw CLIFailure(error.message)
    }
  }

  /// Records `completed` when every required answer on the path is given, and `reopened` when a
  /// completed session has required answers missing again.
  static func settleCompletion(_ session: inout Session, writer: any SessionWriter, by: String) throws {
    let done = session.engine.unanswered.isEmpty
    if done && !session.state.completed {
      try record(.completed, by: by, in: &session, writer: writer)
    } else if !done && session.state.completed {
      try record(.reopened, by: by, in: &session, writer: writer)
    }
  }

  /// Persists an event, then applies it.
  static func record(_ kind: SessionEvent.Kind, by: String, in session: inout Session, writer: any SessionWriter) throws
  {
    let event = session.event(kind, at: Clock.now(), by: by)
    do { try writer.append(event) } catch { throw CLIFailure(error.message) }
    session.apply(event)
  }
}

/// The wall clock, as ISO 8601 UTC text. `ASSESS_NOW` fixes it (for tests and reproducible demos).
enum Clock {
  @Sendable static func now() -> String {
    if let fixed = ProcessInfo.processInfo.environment["ASSESS_NOW"], !fixed.isEmpty { return fixed }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date())
  }

  /// Today as `yyyy-mm-dd` (UTC).
  static func today() -> String { String(now().prefix(10)) }
}
