import Foundation
import Testing

@testable import AssessKit

/// Inputs the fuzz targets (Fuzz/, docs/RELIABILITY.md) found, each with what it must do instead.
@Suite struct FuzzFindingsTests {
  /// eventlog: an integer of more than 18 digits in an event line overflowed `Int` in the fast line
  /// scanner and trapped (`assess` crashed on the log) instead of being refused or read as JSON.
  @Test func longIntegersInAnEventLineDoNotTrap() throws {
    let digits = String(repeating: "3", count: 64)
    #expect(throws: EventCodec.DecodeError.self) {
      try EventCodec.decode("\(digits)[[[+[\"override\":")
    }
    #expect(throws: EventCodec.DecodeError.self) {
      try EventCodec.decode("{\"seq\":\(digits),\"at\":\"2026-01-02T03:04:05Z\",\"by\":\"a\",\"type\":\"completed\"}")
    }
    let event = try EventCodec.decode(
      "{\"seq\":1,\"at\":\"2026-01-02T03:04:05Z\",\"by\":\"a\",\"type\":\"answered\",\"question\":\"users\","
        + "\"value\":-\(digits)}")
    #expect(event.kind == .answered(question: "users", value: .number(-Double(digits)!)))
  }
}
