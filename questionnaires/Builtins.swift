import Foundation

/// The questionnaires shipped with `assess`, read from the resources of this target.
public enum Builtins {
  /// One built-in questionnaire's source.
  public struct Source: Sendable {
    /// The file name, e.g. `example.yaml`, used in diagnostics.
    public var fileName: String
    /// The YAML text.
    public var text: String
  }

  /// The file names of the built-in questionnaires, in the order `assess list` shows them.
  public static let fileNames = ["example.yaml"]

  /// Every built-in questionnaire's source; files that cannot be read are left out.
  public static func all() -> [Source] {
    fileNames.compactMap(source(fileName:))
  }

  /// The source of one built-in by file name.
  public static func source(fileName: String) -> Source? {
    let base = (fileName as NSString).deletingPathExtension
    guard let url = Bundle.module.url(forResource: base, withExtension: "yaml"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return nil }
    return Source(fileName: fileName, text: text)
  }
}
