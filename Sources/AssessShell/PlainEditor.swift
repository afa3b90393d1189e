import Foundation

/// Plain line reading for piped input: no editing, no echo of what was read, no history.
public final class PlainEditor: LineEditor {
  private let output: ShellOutput
  /// The next line without its newline, `nil` at the end of the input.
  private let next: () -> String?

  /// Reads standard input; prompts go to `output`.
  public init(output: ShellOutput) {
    self.output = output
    next = { Swift.readLine(strippingNewline: true) }
  }

  /// Reads `lines` in turn, then the end of the input (for tests and benchmarks).
  package init(output: ShellOutput, lines: [String]) {
    self.output = output
    var remaining = lines[...]
    next = { remaining.popFirst() }
  }

  public var isInteractive: Bool { false }

  public func readLine(prompt: String, initial: String?) -> LineEvent {
    output.write(prompt)
    guard let line = next() else {
      output.write("\n")
      return .endOfInput
    }
    // A piped line is not echoed; end the prompt's line so the transcript stays readable.
    output.write("\n")
    return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
  }

  public func setCompletions(_ candidates: [String]) {}

  /// Piped input is never completed: the candidates are not collected.
  public func setCompletions(provider candidates: @escaping () -> [String]) {}

  public func addHistory(_ line: String) {}
}
