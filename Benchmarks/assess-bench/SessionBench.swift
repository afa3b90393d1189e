import AssessKit
import AssessStore
import Foundation

/// Session figures: an append with fsync, and `status` / `resume` of a session with 100,000 events.
@MainActor func benchSessions(binary: String) {
  report.section("Sessions")
  let store = temporaryFolder("sessions")
  defer { try? FileManager.default.removeItem(atPath: store) }
  let env = ["ASSESS_SESSIONS": store, "ASSESS_NOW": "2026-01-01T00:00:00Z"]
  _ = runProcess([binary, "start", "example", "--id", "big", "--no-input"], environment: env)
  let folder = store + "/big"
  let eventsPath = folder + "/events.jsonl"
  guard let log = try? String(contentsOfFile: eventsPath, encoding: .utf8),
    let pinnedFile = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.first(where: {
      $0.hasPrefix("questionnaire-")
    }),
    let pinned = try? String(contentsOfFile: folder + "/" + pinnedFile, encoding: .utf8),
    let q = QuestionnaireLoader.load(text: pinned, file: pinnedFile).questionnaire,
    let question = q.questions.first(where: { $0.type == .single && $0.when == nil && $0.options.count >= 2 })
  else {
    report.note("could not make a session with `assess start example`; skipped")
    return
  }
  let existing = log.split(separator: "\n").count
  let values = question.options.prefix(2).map { Value.string($0.value) }

  // Appends through the store, each made durable (write + fsync) before the next.
  let fileStore = FileSessionStore(root: store, clock: { "2026-01-01T00:00:00Z" })
  var seq = existing
  var last: Value?
  // Chained as the recorder chains them, so `status` verifies the whole log.
  var head = log.split(separator: "\n").last.map { EventChain.hash(String($0)) }
  func nextEvent() -> SessionEvent {
    seq += 1
    let value = values[seq % 2]
    let kind: SessionEvent.Kind =
      last.map { .changed(question: question.id, old: $0, new: value) }
      ?? .answered(question: question.id, value: value)
    last = value
    let event = SessionEvent(
      seq: seq, at: Timestamp(seconds: 1_767_225_600 + Double(seq)), by: "bench", kind: kind, prev: head)
    head = EventChain.hash(EventCodec.encode(event))
    return event
  }
  if let writer = try? fileStore.openForWriting("big") {
    var samples: [Double] = []
    for _ in 0..<200 {
      let event = nextEvent()
      let start = now()
      do { try writer.append(event) } catch { break }
      samples.append(now() - start)
    }
    writer.close()
    report.add("append one event with fsync", seconds: median(of: samples), runs: samples.count)
  }

  // Bring the log to 100,000 events in one write (fsync on each would take minutes).
  var text = ""
  while seq < 100_000 { text += EventCodec.encode(nextEvent()) + "\n" }
  if let handle = FileHandle(forWritingAtPath: eventsPath) {
    handle.seekToEndOfFile()
    handle.write(Data(text.utf8))
    try? handle.close()
  }
  report.note(
    "session of \(seq) events, \(((try? FileManager.default.attributesOfItem(atPath: eventsPath))?[.size] as? Int ?? 0) / 1024) KiB"
  )
  if let run = medianProcess(runs: 5, [binary, "status", "big"], environment: env) {
    report.add(
      "status of 100,000 events", seconds: run.seconds, runs: 5,
      note: String(format: "peak %.1f MB, exit %d", run.peakMB, run.status))
  }
  if let run = medianProcess(runs: 5, [binary, "resume", "big"], environment: env) {
    report.add(
      "resume of 100,000 events to the first question", seconds: run.seconds, runs: 5,
      note: String(format: "peak %.1f MB, exit %d", run.peakMB, run.status))
  }
  // In process: reading and replaying the log.
  report.add(
    "read + replay 100,000 events (in process)",
    seconds: median(runs: 3) {
      _ = try? fileStore.load("big")
    }, runs: 3)
}
