/// The questionnaires shipped with `assess`, compiled into the binary from `questionnaires/*.yaml`
/// (by the `EmbedQuestionnaires` build plugin), so a copied binary needs nothing beside it.
public enum Builtins {
  /// One built-in questionnaire's source.
  public struct Source: Sendable {
    /// The built-in's id: its file name without `.yaml` (the questionnaire's `id`, which a test checks).
    public let id: String
    /// The file name, e.g. `ai-impact.yaml`, used in diagnostics.
    public let fileName: String
    /// The YAML text, byte for byte as in the repository.
    public let text: String
  }

  /// The order `assess list` shows them in: the three assessments, then the example.
  static let order = ["ai-impact", "ai-risk", "eu-ai-act", "example"]

  /// Every built-in questionnaire's source, in `assess list` order.
  public static func all() -> [Source] {
    let sources = embedded.map { entry in
      Source(id: String(entry.fileName.dropLast(".yaml".count)), fileName: entry.fileName, text: entry.text)
    }
    return sources.sorted { a, b in
      let (i, j) = (order.firstIndex(of: a.id) ?? order.count, order.firstIndex(of: b.id) ?? order.count)
      return i != j ? i < j : a.id < b.id
    }
  }

  /// The ids of the built-ins, in `assess list` order.
  public static var ids: [String] { all().map(\.id) }

  /// The source of one built-in by id.
  public static func source(id: String) -> Source? {
    all().first { $0.id == id }
  }

  /// The source of one built-in by file name (`example.yaml`).
  public static func source(fileName: String) -> Source? {
    all().first { $0.fileName == fileName }
  }
}
