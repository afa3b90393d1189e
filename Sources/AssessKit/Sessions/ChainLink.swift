/// A hash chain link (`prev`) held as its 32 bytes rather than as 64 hex digits of text: reading a log
/// makes no string for it, and checking it against the hash of the line before compares bytes.
package struct ChainLink: Sendable, Hashable {
  private var a: UInt64
  private var b: UInt64
  private var c: UInt64
  private var d: UInt64

  /// The link whose text is `hex`, when it is 64 lower-case hex digits.
  ///
  /// Reads eight digits at a time (every line of a log has one): see `digits(_:)`.
  package init?(hex: UnsafeRawBufferPointer) {
    guard hex.count == 64, let base = hex.baseAddress else { return nil }
    func word(_ offset: Int) -> UInt64? {
      guard let high = Self.digits(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
        let low = Self.digits(base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
      else { return nil }
      return UInt64(high) << 32 | UInt64(low)
    }
    guard let a = word(0), let b = word(16), let c = word(32), let d = word(48) else { return nil }
    (self.a, self.b, self.c, self.d) = (a, b, c, d)
  }

  /// The value of eight lower-case hex digits as loaded from memory (the first digit in the first
  /// byte), or `nil` when any byte is not one of `0-9a-f`.
  ///
  /// All eight at once: each byte's digit is its low four bits, plus 9 for a letter (bit 6 set);
  /// the bytes are valid when that digit is under 16 and writes back as the same byte; the digits
  /// are then packed into 32 bits, the first one highest.
  static func digits(_ loaded: UInt64) -> UInt32? {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let x = UInt64(littleEndian: loaded)  // the first digit in the lowest byte
    let digit = (x & (ones * 0x0F)) &+ ((x >> 6) & ones) &* 9  // 0...24 a byte: no carries
    guard (digit &+ ones * 0x70) & (ones * 0x80) == 0 else { return nil }  // a digit of 16 or more
    let letter = ((digit &+ ones * 0x06) & (ones * 0x10)) >> 4  // 1 where the digit is 10...15
    guard digit &+ ones * 0x30 &+ letter &* 0x27 == x else { return nil }
    var y = digit.byteSwapped  // the first digit in the highest byte
    y = (y | y >> 4) & 0x00FF_00FF_00FF_00FF
    y = (y | y >> 8) & 0x0000_FFFF_0000_FFFF
    y = (y | y >> 16) & 0x0000_0000_FFFF_FFFF
    return UInt32(truncatingIfNeeded: y)
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

  /// The link to a line whose SHA-256 is the 32 bytes at `digest`, read as four words.
  package init(digestBytes digest: UnsafeRawBufferPointer) {
    guard digest.count == 32, let base = digest.baseAddress else {
      self.init(digest: digest)
      return
    }
    func word(_ k: Int) -> UInt64 { UInt64(bigEndian: base.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)) }
    self.init(words: (word(0), word(1), word(2), word(3)))
  }

  private init(words: (UInt64, UInt64, UInt64, UInt64)) {
    (a, b, c, d) = words
  }

  /// The 64 lower-case hex digits, as the log writes them.
  package var text: String {
    String(unsafeUninitializedCapacity: 64) { buffer in
      let digits: StaticString = "0123456789abcdef"
      func write(_ word: UInt64, at offset: Int) {
        for k in 0..<16 {
          let nibble = Int((word >> UInt64(60 - 4 * k)) & 0xF)
          buffer[offset + k] = digits.utf8Start[nibble]
        }
      }
      write(a, at: 0)
      write(b, at: 16)
      write(c, at: 32)
      write(d, at: 48)
      return 64
    }
  }
}
