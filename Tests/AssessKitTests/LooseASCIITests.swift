import Foundation
import Testing

@testable import AssessKit

/// The ASCII fast paths of the loose (SurveyJS) comparisons give what Foundation's trimming gives.
@Suite struct LooseASCIITests {
  @Test func asciiTrimmingIsFoundationsTrimming() {
    let pieces = ["", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "a", "A b", "item1", "0", "-2.5", "x\ty"]
    for a in pieces {
      for b in pieces {
        for c in pieces {
          let s = a + b + c
          #expect(
            Loose.asciiTrimmed(s, newlines: true).map(String.init) == s.trimmingCharacters(in: .whitespacesAndNewlines),
            "\(s.debugDescription)")
          #expect(
            Loose.asciiTrimmed(s, newlines: false).map(String.init) == s.trimmingCharacters(in: .whitespaces),
            "\(s.debugDescription)")
        }
      }
    }
    #expect(Loose.asciiTrimmed(" é ", newlines: true) == nil)
  }

  @Test func asciiFoldedEqualityIsTheLooseEquality() {
    let texts = ["item1", "Item1", " item1 ", "ITEM1\n", "item2", "", " ", "yes", "Yes", "1", "01", "1.0"]
    for a in texts {
      for b in texts {
        let slow =
          a.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
          == b.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        #expect(Loose.asciiEqualFolded(a, b) == slow, "\(a.debugDescription) \(b.debugDescription)")
      }
    }
    #expect(Loose.asciiEqualFolded("é", "É") == nil)
  }
}
