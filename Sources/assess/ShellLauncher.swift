import AssessKit
import AssessShell
import AssessStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Opens the interactive interview on a session that is open for writing.
enum ShellLauncher {
  /// Whether standard input is a terminal (readline) or not (plain line mode).
  static var inputIsTerminal: Bool { isatty(0) == 1 }

  /// The editor for this input: readline on a terminal, plain lines otherwise.
  static func editor(historyPath: String, output: ShellOutput) -> any LineEditor {
    inputIsTerminal ? ReadlineEditor(historyPath: historyPath) : PlainEditor(output: output)
  }

  /// Runs the interview and reports how it ended.
  static func run(
    _ recorder: SessionRecorder, context: SessionContext, global: GlobalOptions, who: String, resuming: Bool,
    editor: (any LineEditor)? = nil
  ) throws {
    let session = recorder.session
    guard !session.state.archived else {
      throw CLIFailure(
        "session '\(session.id)' is archived and read-only; 'assess archive \(session.id) --restore' opens it again",
        code: .failed)
    }
    fflush(nil)
    let output = ShellOutput(color: global.useColor(for: .standardOutput))
    let historyPath = context.store.historyPath(for: session.id)
    let lineEditor = editor ?? Self.editor(historyPath: historyPath, output: output)
    var resume = "\(Invocation.command) resume \(session.id)"
    if let sessions = global.sessions { resume += " --sessions \(sessions)" }
    let interview = Interview(
      recorder: recorder, editor: lineEditor, output: output, who: who, resumeCommand: resume,
      program: Invocation.command)
    let outcome: Interview.Outcome
    do {
      outcome = try interview.run(resuming: resuming)
    } catch {
      throw CLIFailure(error.message)
    }
    // Saved and said so; a signal still ends the process as the shell expects (128 + SIGTERM).
    if outcome == .terminated { throw CLIFailure.silent(.terminated) }
  }
}
