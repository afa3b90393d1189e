#if canImport(Crypto)
  import Crypto
#endif

/// The SHA-256 of stored event lines, for the hash chain.
///
/// swift-crypto's (BoringSSL, with the CPU's SHA instructions) wherever the build has it; otherwise the
/// package's own (`Support/SHA256.swift`), which gives the same digests more slowly. The fuzz build
/// (scripts/fuzz.sh) compiles AssessKit with `swiftc` alone, without swift-crypto.
enum LineHash {
  #if canImport(Crypto)
    typealias Digest = Crypto.SHA256.Digest
    static func digest(_ bytes: UnsafeRawBufferPointer) -> Digest { Crypto.SHA256.hash(data: bytes) }
  #else
    typealias Digest = [UInt8]
    static func digest(_ bytes: UnsafeRawBufferPointer) -> Digest { SHA256.digest(bytes) }
  #endif

  /// The chain link to the line `bytes`: its SHA-256.
  static func link(_ bytes: UnsafeRawBufferPointer) -> ChainLink {
    digest(bytes).withUnsafeBytes { ChainLink(digestBytes: $0) }
  }
}
