import AssessKit
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
    // Readline draws the line being edited itself, showing C1 controls and bidi overrides as they are:
    // a text that holds any is not put on the line (Enter on the empty line keeps the answer as it is).
    let editable = initial.flatMap { Self.isSafe($0) ? $0 : nil } ?? ""
    let result = assess_read_line(Console.terminalText(prompt, prompt: true), editable, &pointer)
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
    Self.provider = nil
    assess_set_candidate_provider(nil)
    Self.give(candidates)
  }

  /// The candidates are collected when Tab is pressed: the shim calls back (`assess_set_candidate_provider`).
  public func setCompletions(provider candidates: @escaping () -> [String]) {
    Self.give([])
    Self.provider = candidates
    assess_set_candidate_provider {
      if let provider = ReadlineEditor.provider { ReadlineEditor.give(provider()) }
    }
  }

  /// The provider of the prompt being read. Readline is one per process, its completion is called
  /// on the thread reading the line, and only one editor reads at a time.
  nonisolated(unsafe) private static var provider: (() -> [String])?

  /// Hands `candidates` to the shim.
  private static func give(_ candidates: [String]) {
    // Readline lists and inserts candidates as they are: one holding a control character or a bidi
    // override is left out (the option can still be chosen by its number).
    var pointers = candidates.filter(Self.isSafe).map { strdupOrNil($0) }
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

  /// Whether readline may draw `text` as it is: nothing in it that the sanitizer would escape.
  static func isSafe(_ text: String) -> Bool { !text.unicodeScalars.contains(where: TerminalText.needsEscape) }

  private static func strdupOrNil(_ s: String) -> UnsafeMutablePointer<CChar>? { strdup(s) }
}
