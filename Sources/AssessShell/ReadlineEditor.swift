import CReadline

/// Line editing through GNU readline: Emacs keys, history kept in a file, tab completion.
public final class ReadlineEditor: LineEditor {
  private let historyPath: String?

  /// An editor whose history is loaded from and appended to `historyPath`.
  public init(historyPath: String?) {
    self.historyPath = historyPath
    assess_readline_setup()
    if let historyPath {
      assess_history_load(historyPath)
    } else {
      assess_history_clear()
    }
  }

  public var isInteractive: Bool { true }

  deinit { assess_signals_restore() }

  public func readLine(prompt: String, initial: String?) -> LineEvent {
    var pointer: UnsafeMutablePointer<CChar>?
    // The prompt is text for a person (a participant's name, a label): sanitized, our styling kept.
    let result = assess_read_line(Console.terminalText(prompt, prompt: true), initial ?? "", &pointer)
    switch Int(result) {
    case ASSESS_LINE:
      guard let pointer else { return .endOfInput }
      defer { assess_free(pointer) }
      return .line(String(cString: pointer))
    case ASSESS_INTERRUPT: return .interrupt
    case ASSESS_TERMINATE: return .terminate
    default: return .endOfInput
    }
  }

  public func setCompletions(_ candidates: [String]) {
    var pointers = candidates.map { strdupOrNil($0) }
    pointers.withUnsafeMutableBufferPointer { buffer in
      buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { rebound in
        assess_set_candidates(rebound.baseAddress, Int32(rebound.count))
      }
    }
    for pointer in pointers { free(pointer) }
  }

  public func addHistory(_ line: String) {
    assess_history_add(line, historyPath ?? "")
  }

  private func strdupOrNil(_ s: String) -> UnsafeMutablePointer<CChar>? { strdup(s) }
}
