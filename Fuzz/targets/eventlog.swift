// Fuzz target: reading a session's event log, bytes as they are on disk (AssessStore's EventLog,
// EventLineScanner, EventCodec), then replaying the events into a session on the example
// questionnaire (SessionState, Engine). Property: every event read is written back as a line that
// reads as the same event.
@testable import AssessKit
@testable import AssessStore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard let log = try? EventLog.parse(FuzzInput.bytes(data, size), path: "events.jsonl") else { return 0 }
  let session = Session(id: "fuzz", events: log.events, questionnaire: FuzzInput.example)
  _ = session.state.answers
  // Property: each event read is written back as a line that reads as the same event.
  for event in log.events {
    let line = EventCodec.encode(event)
    guard let again = try? EventCodec.decode(line), again == event else {
      fatalError("event \(event.seq) does not survive encoding: \(line)")
    }
  }
  return 0
}
