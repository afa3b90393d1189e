/// A hash chain link (`prev`) held as its 32 bytes rather than as 64 hex digits of text: reading a log
/// makes no string for it, and checking it against the hash of the line before compares bytes.
package struct ChainLink: Sendable, Hashable {
  private var a: UInt64
  private var b: UInt64
  private var c: UInt64
  private var d: UInt64

  /// The link whose text is `hex`, when it is 64 lower-case hex digits.
  package init?(hex: UnsafeRawBufferPointer) {
    guard hex.count == 64 else { return nil }
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    for w in 0..<4 {
      var word: UInt64 = 0
      for k in 0..<16 {
        let byte = hex[w * 16 + k]
        let digit: UInt8
        switch byte {
        case 0x30...0x39: digit = byte - 0x30
        case 0x61...0x66: digit = byte - 0x61 + 10
        default: return nil
        }
        word = word << 4 | UInt64(digit)
      }
      switch w {
      case 0: words.0 = word
      case 1: words.1 = word
      case 2: words.2 = word
      default: words.3 = word
      }
    }
    (a, b, c, d) = words
  }

  /// The link whose text is `text`, when it is 64 lower-case hex digits.
  package init?(_ text: String) {
    var text = text
    guard let link = text.withUTF8({ ChainLink(hex: UnsafeRawBufferPointer($0)) }) else { return nil }
    self = link
  }

  /// The link to a line whose SHA-256 is `digest` (32 bytes).
  package init(digest: some Sequence<UInt8>) {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var i = 0
    for byte in digest {
      switch i >> 3 {
      case 0: words.0 = words.0 << 8 | UInt64(byte)
      case 1: words.1 = words.1 << 8 | UInt64(byte)
      case 2: words.2 = words.2 << 8 | UInt64(byte)
      case 3: words.3 = words.3 << 8 | UInt64(byte)
      default: break
      }
      i += 1
    }
    (a, b, c, d) = words
  }

  /// The 64 lower-case hex digits, as the log writes them.
  package var text: String {
    String(unsafeUninitializedCapacity: 64) { buffer in
      let digits: StaticString = "0123456789abcdef"
      for (w, word) in [a, b, c, d].enumerated() {
        for k in 0..<16 {
          let nibble = Int((word >> UInt64(60 - 4 * k)) & 0xF)
          buffer[w * 16 + k] = digits.utf8Start[nibble]
        }
      }
      return 64
    }
  }
}
