import AssessKit
import AssessStore
import Foundation

/// `assess-bench profile log N`: a chained session of N events on questionnaires/example.yaml, read
/// and replayed (strictly, with its chain checked) through the file store, as `assess status` reads it.
/// Prints the time of each of 5 loads, for callgrind or a quick look. `ASSESS_BENCH_KEEP=DIR` keeps the
/// store in DIR.
func profileLog(_ n: Int) {
  guard let text = try? String(contentsOfFile: "questionnaires/example.yaml", encoding: .utf8),
    let q = QuestionnaireLoader.load(text: text, file: "example.yaml").questionnaire
  else {
    print("run from the repository root")
    return
  }
  // ASSESS_BENCH_KEEP=DIR keeps the store there (for timing `assess status` on it).
  let keep = ProcessInfo.processInfo.environment["ASSESS_BENCH_KEEP"]
  let root = keep ?? NSTemporaryDirectory() + "assess-log-\(getpid())"
  defer { if keep == nil { try? FileManager.default.removeItem(atPath: root) } }
  let store = FileSessionStore(root: root, clock: { "2026-01-01T00:00:00Z" })
  guard
    let recorder = try? SessionRecorder.create(
      "log", questionnaire: q, text: text, source: "example", facilitator: "bench", in: store,
      clock: { Timestamp(seconds: 1_767_225_600) })
  else { return }
  recorder.close()
  let path = root + "/log/events.jsonl"
  guard let log = try? String(contentsOfFile: path, encoding: .utf8) else { return }
  var seq = log.split(separator: "\n").count
  var head = log.split(separator: "\n").last.map { EventChain.hash(String($0)) }
  var out = ""
  var last: String?
  while seq < n {
    seq += 1
    let value = seq % 2 == 0 ? "advisory" : "significant"
    let kind: SessionEvent.Kind =
      last.map { .changed(question: "effect", old: .string($0), new: .string(value)) }
      ?? .answered(question: "effect", value: .string(value))
    last = value
    let event = SessionEvent(
      seq: seq, at: Timestamp(seconds: 1_767_225_600 + Double(seq)), by: "bench", kind: kind, prev: head)
    let line = EventCodec.encode(event)
    head = EventChain.hash(line)
    out += line + "\n"
  }
  if let handle = FileHandle(forWritingAtPath: path) {
    handle.seekToEndOfFile()
    handle.write(Data(out.utf8))
    try? handle.close()
  }
  for _ in 0..<5 {
    let start = Date()
    let loaded = try? store.load("log")
    print(
      String(format: "%.1f ms", Date().timeIntervalSince(start) * 1000), loaded?.0.events.count ?? -1,
      loaded?.0.integrity.name ?? "unreadable")
  }
}
