import Foundation
import Testing

/// The transcripts in README.md are real: each untagged `$ assess ...` block equals what the command prints.
@Suite struct ReadmeTests {
  /// The fenced blocks of the README that start with `$ assess`, as (command, expected output).
  func transcripts() throws -> [(arguments: [String], output: String, partial: Bool)] {
    let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    var result: [([String], String, Bool)] = []
    let blocks = readme.components(separatedBy: "```")
    for (i, block) in blocks.enumerated() where i % 2 == 1 {
      let all = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      // Blocks tagged with a language (```text) are transcripts of interactive runs, shown as captured.
      guard all.first?.isEmpty == true else { continue }
      let lines = all.dropFirst()
      guard let first = lines.first, first.hasPrefix("$ assess ") else { continue }
      let arguments = first.dropFirst("$ assess ".count).split(separator: " ").map(String.init)
      let body = lines.dropFirst().joined(separator: "\n")
      let partial = body.hasPrefix("...")
      result.append((arguments, partial ? String(body.dropFirst(4)) : body, partial))
    }
    return result
  }

  @Test func transcriptsMatchTheBinary() throws {
    let all = try transcripts()
    #expect(all.count >= 2)
    for (arguments, output, partial) in all {
      let run = try assess(arguments)
      let printed = run.stdout + run.stderr
      if partial {
        #expect(printed.contains(output), "README transcript of 'assess \(arguments.joined(separator: " "))' is stale")
      } else {
        #expect(printed == output, "README transcript of 'assess \(arguments.joined(separator: " "))' is stale")
      }
    }
  }
}
