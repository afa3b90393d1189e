import Testing

@testable import AssessKit

/// `ChainLink(hex:)` reads eight digits at a time; it must accept exactly what reading one digit at
/// a time accepts (64 lower-case hex digits) and give the same value.
@Suite struct ChainLinkHexTests {
  /// One digit at a time: the obvious reading, for comparison.
  static func reference(_ bytes: [UInt8]) -> String? {
    guard bytes.count == 64 else { return nil }
    for byte in bytes where !(0x30...0x39).contains(byte) && !(0x61...0x66).contains(byte) { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func link(_ bytes: [UInt8]) -> ChainLink? {
    bytes.withUnsafeBytes { ChainLink(hex: $0) }
  }

  @Test func everyByteAtEveryPlaceIsReadAsOneDigitAtATimeReadsIt() {
    var random = SplitMix64(seed: 42)
    let digits = Array("0123456789abcdef".utf8)
    for round in 0..<4 {
      let valid = (0..<64).map { _ in digits[Int(random.next() % 16)] }
      // A valid text reads back as itself.
      #expect(Self.link(valid)?.text == String(decoding: valid, as: UTF8.self), "round \(round)")
      for place in 0..<64 {
        for byte in 0...255 {
          var bytes = valid
          bytes[place] = UInt8(byte)
          let expected = Self.reference(bytes)
          #expect(Self.link(bytes)?.text == expected, "byte \(byte) at \(place)")
        }
      }
    }
  }

  @Test func eachDigitValueInEachPlaceOfAWord() {
    // The packing: digit k of a group of eight is bits 28 - 4k of its half word.
    for place in 0..<64 {
      for value in 0..<16 {
        var bytes = Array(repeating: UInt8(ascii: "0"), count: 64)
        bytes[place] = Array("0123456789abcdef".utf8)[value]
        #expect(Self.link(bytes)?.text == String(decoding: bytes, as: UTF8.self))
      }
    }
  }

  @Test func aDigestReadAsWordsIsTheDigestReadByteByByte() {
    var random = SplitMix64(seed: 7)
    for _ in 0..<200 {
      let digest = (0..<32).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      #expect(digest.withUnsafeBytes { ChainLink(digestBytes: $0) } == ChainLink(digest: digest))
    }
    let line = Array("{\"seq\":1}".utf8)
    let link = line.withUnsafeBytes { LineHash.link($0) }
    #expect(link == ChainLink(digest: line.withUnsafeBytes { SHA256.digest($0) }))
  }
}
