import Foundation

/// Finds a question's index from the bytes of its id, without making a `String` or hashing one
/// with `Hasher` (what `questionIndex` costs for every key of every line of `evaluate --batch`).
///
/// Built once per questionnaire: the ids' bytes in one buffer, and an open-addressing table of
/// question indices (at most half full) by a hash of those bytes. A lookup hashes the
/// key once and compares bytes only with ids of the same hash.
struct QuestionIdTable: Sendable {
  private let bytes: [UInt8]
  /// Where each question's id starts in `bytes`; one more entry for the end.
  private let starts: [Int]
  /// Question index + 1 per slot; 0 for an empty slot.
  private let slots: [Int32]
  private let hashes: [UInt32]
  private let mask: Int

  init(_ questionnaire: Questionnaire) {
    var bytes: [UInt8] = []
    var starts: [Int] = []
    starts.reserveCapacity(questionnaire.questions.count + 1)
    for question in questionnaire.questions {
      starts.append(bytes.count)
      bytes.append(contentsOf: question.id.utf8)
    }
    starts.append(bytes.count)
    var size = 16
    while size < 2 * questionnaire.questions.count { size *= 2 }
    var slots = [Int32](repeating: 0, count: size)
    var hashes = [UInt32](repeating: 0, count: size)
    bytes.withUnsafeBufferPointer { all in
      for q in questionnaire.questions.indices {
        let hash = Self.hash(UnsafeBufferPointer(rebasing: all[starts[q]..<starts[q + 1]]))
        var slot = Int(hash) & (size - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
        slots[slot] = Int32(q + 1)
        hashes[slot] = hash
      }
    }
    self.bytes = bytes
    self.starts = starts
    self.slots = slots
    self.hashes = hashes
    mask = size - 1
  }

  /// The index of the question whose id is exactly `key`'s bytes; `nil` for any other key.
  func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
    let hash = Self.hash(key)
    var slot = Int(hash) & mask
    return bytes.withUnsafeBufferPointer { all in
      while slots[slot] != 0 {
        let q = Int(slots[slot]) - 1
        if hashes[slot] == hash && starts[q + 1] - starts[q] == key.count {
          if key.isEmpty { return q }
          if let a = key.baseAddress, let b = all.baseAddress, memcmp(a, b + starts[q], key.count) == 0 { return q }
        }
        slot = (slot + 1) & mask
      }
      return nil
    }
  }

  /// A hash of the bytes, eight at a time (a multiply and a shift a word), then the rest one by one.
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    guard let base = key.baseAddress else { return UInt32(truncatingIfNeeded: h >> 32) }
    let raw = UnsafeRawPointer(base)
    var k = 0
    while k + 8 <= key.count {
      h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 29
      k += 8
    }
    while k < key.count {
      h = (h ^ UInt64(base[k])) &* 0x1000_0000_01B3
      k += 1
    }
    h ^= h >> 32
    return UInt32(truncatingIfNeeded: h)
  }
}
