import Foundation

/// How the person can run this binary again from their shell, for hints such as "Resume with: ...".
enum Invocation {
  /// `assess` when the PATH finds this very binary under that name; otherwise the path it was run
  /// by (`.build/debug/assess` after `make run`), so the hint works as printed.
  static let command: String = {
    let typed = CommandLine.arguments.first ?? "assess"
    guard typed.contains("/") else { return "assess" }
    let me = resolved(typed)
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/assess"
      if FileManager.default.isExecutableFile(atPath: candidate), resolved(candidate) == me { return "assess" }
    }
    return typed.contains(" ") ? "'\(typed)'" : typed
  }()

  private static func resolved(_ path: String) -> String {
    URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
  }
}
