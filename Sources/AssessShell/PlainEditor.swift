import Foundation

/// Plain line reading for piped input: no editing, no echo of what was read, no history.
public final class PlainEditor: LineEditor {
  private let output: ShellOutput

  /// Reads standard input; prompts go to `output`.
  public init(output: ShellOutput) {
    self.output = output
  }

  public var isInteractive: Bool { false }

  public func readLine(prompt: String, initial: String?) -> LineEvent {
    output.write(prompt)
    guard let line = Swift.readLine(strippingNewline: true) else {
      output.write("\n")
      return .endOfInput
    }
    // A piped line is not echoed; end the prompt's line so the transcript stays readable.
    output.write("\n")
    return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
  }

  public func setCompletions(_ candidates: [String]) {}

  public func addHistory(_ line: String) {}
}
