import Testing

@testable import AssessKit

/// The event scanner reads eight bytes at a time in two places: a string's text is checked for
/// anything to unescape (`isPlainASCII`), and a key is matched as two words. Each must decide
/// exactly what a byte-at-a-time reading decides.
@Suite struct EventScannerWordTests {
  /// Byte at a time: printable ASCII, no backslash.
  static func reference(_ bytes: [UInt8]) -> Bool {
    bytes.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x5C }
  }

  @Test func everyByteAtEveryPlaceOfEveryLengthIsJudgedAsOneAtATime() {
    for length in 1...19 {
      let plain = (0..<length).map { UInt8(0x41 + $0 % 26) }
      #expect(plain.withUnsafeBytes { EventLineScanner.isPlainASCII($0) }, "length \(length)")
      for place in 0..<length {
        for byte in 0...255 {
          var bytes = plain
          bytes[place] = UInt8(byte)
          let judged = bytes.withUnsafeBytes { EventLineScanner.isPlainASCII($0) }
          #expect(judged == Self.reference(bytes), "byte \(byte) at \(place) of \(length)")
        }
      }
    }
    #expect([UInt8]().withUnsafeBytes { EventLineScanner.isPlainASCII($0) })
  }

  @Test func twoBadBytesInOneWordAreStillSeen() {
    // The word test's borrows run from a low bad byte into the next: any two together.
    for first in [0x00, 0x1F, 0x5C, 0x80, 0xFF] {
      for second in [0x00, 0x1F, 0x5C, 0x80, 0xFF, 0x20, 0x5B, 0x5D, 0x7F] {
        for place in 0..<7 {
          var bytes = Array("abcdefgh".utf8)
          bytes[place] = UInt8(first)
          bytes[place + 1] = UInt8(second)
          #expect(!bytes.withUnsafeBytes { EventLineScanner.isPlainASCII($0) }, "\(first), \(second) at \(place)")
        }
      }
    }
  }

  static func reads(_ line: String) -> Bool {
    var line = line
    var record = EventCodec.Record(seq: 0, at: "", by: "", type: "")
    return line.withUTF8 { EventLineScanner.read(bytes: UnsafeRawBufferPointer($0), into: &record) }
  }

  static let head = #"{"seq":1,"at":"2026-01-02T03:04:05Z","by":"a","type":"completed""#

  @Test(arguments: [
    "questionnaire", "version", "hash", "source", "question", "text", "name", "role", "risk", "summary", "from", "to",
    "reason", "rater", "session", "override", "control", "decision",
  ])
  func everyTextKeyIsFoundAndNoNearMissIs(key: String) {
    #expect(Self.reads(Self.head + #","\#(key)":"x"}"#), "\(key)")
    let bytes = Array(key.utf8)
    var misses = [key + "s", String(key.dropLast()), "x" + key]
    for place in bytes.indices {
      var changed = bytes
      changed[place] ^= 0x20
      misses.append(String(decoding: changed, as: UTF8.self))
    }
    for miss in misses {
      #expect(!Self.reads(Self.head + #","\#(miss)":"x"}"#), "\(miss)")
    }
  }

  @Test func aKeyAtTheVeryEndOfTheBytesIsReadWithoutLoadingPastThem() {
    // Fewer than eight bytes after the key's start: the word is made byte by byte.
    #expect(!Self.reads(#"{"to""#))
    #expect(!Self.reads(#"{"seq""#))
    // A key found through that byte-by-byte path: `to":""}` is seven bytes.
    var line = Self.head + #","to":""}"#
    var record = EventCodec.Record(seq: 0, at: "", by: "", type: "")
    #expect(line.withUTF8 { EventLineScanner.read(bytes: UnsafeRawBufferPointer($0), into: &record) })
    #expect(record.to == "")
    // And one byte more, through the word: `to":"x"}` is eight.
    line = Self.head + #","to":"x"}"#
    #expect(line.withUTF8 { EventLineScanner.read(bytes: UnsafeRawBufferPointer($0), into: &record) })
    #expect(record.to == "x")
  }
}
