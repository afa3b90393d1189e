import Foundation
import Testing

/// A new print site cannot forget the sanitizer: outside the output sink (AssessShell/Console.swift),
/// no source writes to standard output or error by itself.
@Suite struct OutputSinkTests {
  @Test func nothingWritesToTheStandardStreamsButTheSink() throws {
    let patterns = [
      #"(^|[^.\w])print\("#, #"FileHandle\.standard(Output|Error)"#, #"\bf?puts\("#, #"\bfwrite\("#,
      #"\bputchar\("#, #"STD(OUT|ERR)_FILENO"#, #"\bwrite\((1|2),"#, #"[(,]\s*std(out|err)\b"#,
      #"\bdprintf\("#,
    ].map { try! NSRegularExpression(pattern: $0) }
    let allowed: Set<String> = ["Sources/AssessShell/Console.swift"]
    let sources = repositoryRoot.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
    var offenders: [String] = []
    for file in files where file.hasSuffix(".swift") && !file.hasPrefix("embed-questionnaires/") {
      let path = "Sources/" + file
      guard !allowed.contains(path) else { continue }
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let code = String(line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        if code.contains("func print(") { continue }
        let range = NSRange(code.startIndex..., in: code)
        if patterns.contains(where: { $0.firstMatch(in: code, range: range) != nil }) {
          offenders.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
        }
      }
    }
    #expect(offenders.isEmpty, "write through Console (out, error or data): \(offenders.joined(separator: "\n"))")
  }
}
