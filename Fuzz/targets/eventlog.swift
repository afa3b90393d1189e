// Fuzz target: reading a session's event log, bytes as they are on disk (AssessStore's EventLog,
// EventLineScanner, EventCodec, the hash chain), then replaying the events strictly (ReplayCheck:
// AnswerChecker, the `old` values, questions, risks, treatment fields, migrations) on the example
// questionnaire, whatever hash the log names, and into a session (SessionState, Engine).
// Properties: every event read is written back as a line that reads as the same event; the strict
// replay's state is the state of the events applied one by one; reading for an audit (`verify`,
// reading on past unreadable lines) gives the same events as a plain read when that succeeds.
@testable import AssessKit
@testable import AssessStore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = FuzzInput.bytes(data, size)
  let audited = try? EventLog.parse(bytes, path: "events.jsonl", lenient: true)
  guard let log = try? EventLog.parse(bytes, path: "events.jsonl") else { return 0 }
  if let audited {
    guard audited.unreadable.isEmpty, audited.events == log.events else {
      fatalError("the audit read differs from the plain read of a readable log")
    }
  } else {
    fatalError("the audit read failed where the plain read did not")
  }
  let places = EventPlaces.file(path: "events.jsonl", lines: log.lines)
  let (state, _) = ReplayCheck.replay(log.events, places: places, stoppingAtFirst: false) { _ in FuzzInput.example }
  guard state == SessionState(events: log.events) else {
    fatalError("the strict replay's state differs from the events applied one by one")
  }
  let session = Session(
    id: "fuzz", events: log.events, questionnaire: FuzzInput.example, integrity: .unchained, head: nil, state: state)
  _ = session.state.answers
  _ = session.status
  // Property: each event read is written back as a line that reads as the same event.
  for event in log.events {
    let line = EventCodec.encode(event)
    guard let again = try? EventCodec.decode(line), again == event else {
      fatalError("event \(event.seq) does not survive encoding: \(line)")
    }
  }
  return 0
}
