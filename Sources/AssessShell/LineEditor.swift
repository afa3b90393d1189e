/// What reading a line gave.
public enum LineEvent: Sendable, Equatable {
  /// A line, without its newline.
  case line(String)
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
  /// Ctrl-C on an empty line.
  case interrupt
  /// SIGTERM or SIGHUP while waiting.
  case terminate
}

/// Reads lines from the person at the keyboard (or from a pipe).
public protocol LineEditor: AnyObject {
  /// Whether a person is typing (a terminal), so prompts can be edited and completed.
  var isInteractive: Bool { get }
  /// Reads one line after showing `prompt`; `initial` is put on the line to edit, where supported.
  func readLine(prompt: String, initial: String?) -> LineEvent
  /// The candidates for tab completion of the whole line.
  func setCompletions(_ candidates: [String])
  /// Tab completion of the whole line from candidates collected when Tab is pressed (`candidates`
  /// is called then, on this thread, and not at all when Tab is not pressed); it replaces any list
  /// given to `setCompletions(_:)`, and a later list replaces it.
  func setCompletions(provider candidates: @escaping () -> [String])
  /// Adds an accepted line to the history.
  func addHistory(_ line: String)
}

extension LineEditor {
  /// An editor that only takes a list is given the candidates now.
  public func setCompletions(provider candidates: @escaping () -> [String]) {
    setCompletions(candidates())
  }
}
