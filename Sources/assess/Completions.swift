import ArgumentParser
import AssessBuiltins
import AssessKit
import AssessStore
import Foundation

/// Shell completion of session ids and questionnaires, for the scripts
/// `assess --generate-completion-script bash|zsh|fish` makes.
enum Completions {
  /// Session ids in the store the command line names (`--store`, `--sessions`, else $ASSESS_STORE, $ASSESS_SESSIONS, ./sessions).
  static let sessions = CompletionKind.custom { words, _, prefix in
    let environment = ProcessInfo.processInfo.environment
    var root = environment["ASSESS_STORE"] ?? environment["ASSESS_SESSIONS"] ?? "sessions"
    if let flag = words.firstIndex(of: "--sessions"), flag + 1 < words.count { root = words[flag + 1] }
    if let flag = words.firstIndex(of: "--store"), flag + 1 < words.count { root = words[flag + 1] }
    let ids = (try? StoreOpener.open(root).ids()) ?? []
    return ids.filter { $0.hasPrefix(prefix) }
  }

  /// Built-in questionnaire ids, and YAML or JSON files.
  static let questionnaires = CompletionKind.custom { _, _, prefix in
    let ids = Builtins.ids.filter { $0.hasPrefix(prefix) }
    let directory = prefix.contains("/") ? String(prefix[..<(prefix.lastIndex(of: "/") ?? prefix.startIndex)]) : "."
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    let files = names.map { directory == "." ? $0 : "\(directory)/\($0)" }.filter { path in
      path.hasPrefix(prefix) && [".yaml", ".yml", ".json"].contains { path.hasSuffix($0) }
    }
    return ids + files.sorted()
  }
}
