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
    let digest = text.withUTF8 { LineHash.digest(UnsafeRawBufferPointer($0)) }
    return "sha256:" + hex(digest)
  }

  private static let digits = Array("0123456789abcdef".utf8)

  /// Bytes as lower-case hex digits.
  static func hex(_ bytes: some Sequence<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
