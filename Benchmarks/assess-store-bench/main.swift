// The session stores side by side: `make bench-postgres` (release build, a throwaway PostgreSQL on
// loopback). Prints figures; asserts nothing. Without ASSESS_BENCH_POSTGRES only the file store runs.
import AssessBuiltins
import AssessKit
import AssessPostgres
import AssessStore
import Foundation

func measure(_ label: String, repeat count: Int = 1, _ body: () throws -> Void) rethrows -> Double {
  let clock = ContinuousClock()
  let start = clock.now
  for _ in 0..<count { try body() }
  let elapsed = clock.now - start
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  let per = seconds / Double(count)
  print("  " + label.padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: "%10.3f ms", per * 1000))
  return per
}

guard let example = Builtins.all().first(where: { $0.id == "example" }) else {
  print("the example questionnaire is not built in")
  exit(1)
}
let pinned = PinnedQuestionnaire(text: example.text)
let stamp = Timestamp(seconds: 1_795_000_000)

func event(_ seq: Int, _ kind: SessionEvent.Kind) -> SessionEvent {
  SessionEvent(seq: seq, at: stamp, by: "bench", kind: kind)
}
let created = event(1, .created(questionnaire: "example", version: "1.0.0", hash: pinned.hash, source: "example"))

/// A session of `count` events: created, then one answer changed over and over.
func bigSession(_ id: String, events count: Int) -> StoredSession {
  var lines = [
    EventCodec.encode(created), EventCodec.encode(event(2, .answered(question: "purpose", value: .string("v2")))),
  ]
  for seq in 3...count {
    lines.append(
      EventCodec.encode(
        event(seq, .changed(question: "purpose", old: .string("v\(seq - 1)"), new: .string("v\(seq)")))))
  }
  return StoredSession(id: id, lines: lines, pinned: [pinned])
}

func bench(_ title: String, _ store: any TransferableSessionStore) throws {
  print("\(title): \(store.name)")
  let writer = try store.create("append", pinned: pinned, events: [created])
  var seq = 1
  _ = try measure("append an answer (durable), writer open", repeat: 300) {
    seq += 1
    try writer.append(event(seq, .answered(question: "q\(seq)", value: .string("answer \(seq)"))))
  }
  writer.close()
  _ = try measure("open for writing + append + close", repeat: 50) {
    let w = try store.openForWriting("append")
    seq += 1
    try w.append(event(seq, .answered(question: "q\(seq)", value: .string("answer \(seq)"))))
    w.close()
  }
  try store.import(bigSession("big", events: 10_000))
  _ = try measure("read a session of 10,000 events", repeat: 5) { _ = try store.read("big") }
  _ = try measure("resume it (lock, read, replay, engine)", repeat: 5) {
    let (recorder, _) = try SessionRecorder.open("big", in: store, clock: { stamp })
    recorder.close()
  }
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assess-store-bench-\(UUID().uuidString)")
  .path
defer { try? FileManager.default.removeItem(atPath: folder) }
do {
  try bench("file store", FileSessionStore(root: folder, clock: { stamp.text }))
  if let url = ProcessInfo.processInfo.environment["ASSESS_BENCH_POSTGRES"] {
    let location = try PostgresLocation(url: url, environment: ProcessInfo.processInfo.environment)
    let store = PostgresSessionStore(location: location, clock: { stamp.text })
    _ = try store.initialize()
    try bench("PostgreSQL store", store)
  } else {
    print("(set ASSESS_BENCH_POSTGRES to a postgres:// URL, or run 'make bench-postgres', for the PostgreSQL figures)")
  }
} catch {
  print("error: \(error)")
  exit(1)
}
