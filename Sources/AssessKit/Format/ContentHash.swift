/// The content hash that pins a questionnaire: `sha256:` and the SHA-256 of its text's UTF-8 bytes
/// in lower-case hex.
///
/// The digest comes from `LineHash` (swift-crypto where the build has it, with the CPU's SHA
/// instructions; the package's own `SHA256` otherwise): the package's own took 6% of a load.
/// Both give the same digest (`ContentHashTests` compares them).
enum ContentHash {
  /// `sha256:` and the hex digest of `text`.
  static func of(_ text: String) -> String {
    var text = text
    return "sha256:" + text.withUTF8 { EventChain.hash(UnsafeRawBufferPointer($0)) }
  }
}
