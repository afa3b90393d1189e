import Foundation
import Testing

@testable import AssessKit
@testable import AssessStore

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct FileSessionStoreTests {
  let root: String
  let store: FileSessionStore
  let pinned = PinnedQuestionnaire(text: "assess: 1\nid: x\n")

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)").path
    store = FileSessionStore(root: root, clock: { "2026-11-29T10:00:00Z" })
  }

  func event(_ seq: Int, _ kind: SessionEvent.Kind) -> SessionEvent {
    SessionEvent(seq: seq, at: "2026-11-29T10:00:0\(seq % 10)Z", by: "ana", kind: kind)
  }

  var created: SessionEvent {
    event(1, .created(questionnaire: "x", version: "1", hash: pinned.hash, source: "x.yaml"))
  }

  func eventsPath(_ id: String) -> String { "\(root)/\(id)/events.jsonl" }

  @Test func createAppendRead() throws {
    let writer = try store.create("s1", pinned: pinned, events: [created])
    try writer.append(event(2, .answered(question: "a", value: .string("yes"))))
    // On disk before the writer closes: a fresh read sees it.
    let record = try store.read("s1")
    #expect(record.events.count == 2 && record.warnings.isEmpty)
    #expect(record.pinned[pinned.hash]?.text == pinned.text)
    writer.close()
    let files = try FileManager.default.contentsOfDirectory(atPath: "\(root)/s1").sorted()
    #expect(files == ["events.jsonl", "lock", "questionnaire-\(pinned.hash.dropFirst(7).prefix(12)).yaml"])
    #expect(try store.ids() == ["s1"])
  }

  @Test func createRefusesAnExistingSession() throws {
    try store.create("s1", pinned: pinned, events: [created]).close()
    let error = try #require(throws: StoreError.self) { try store.create("s1", pinned: pinned, events: [created]) }
    #expect(error.kind == .exists && error.message == "session 's1' already exists in \(root)/")
  }

  /// A create that fails before its events are written leaves no folder that would block the id.
  @Test func aFailedCreateLeavesNothingBehind() throws {
    // A pinned copy whose file name cannot be made (its format holds a '/'): the create fails
    // after making the folder and taking the lock.
    let unwritable = PinnedQuestionnaire(text: "assess: 1\nid: x\n", format: "no/such")
    let error = try #require(throws: StoreError.self) {
      try store.create("s1", pinned: unwritable, events: [created])
    }
    #expect(error.kind == .io && error.message.hasPrefix("cannot open '\(root)/s1/"))
    #expect(!FileManager.default.fileExists(atPath: "\(root)/s1"))
    try store.create("s1", pinned: pinned, events: [created]).close()
    #expect(try store.read("s1").events.count == 1)
  }

  /// A folder with no events log (left by a create that crashed, by an older version) is reused.
  @Test func aFolderWithoutALogIsReused() throws {
    try FileManager.default.createDirectory(atPath: "\(root)/s1", withIntermediateDirectories: true)
    try "".write(toFile: "\(root)/s1/lock", atomically: true, encoding: .utf8)
    try "old".write(toFile: "\(root)/s1/.questionnaire-0.yaml.1.tmp", atomically: true, encoding: .utf8)
    #expect(try store.ids().isEmpty)
    let writer = try store.create("s1", pinned: pinned, events: [created])
    try writer.append(event(2, .completed))
    writer.close()
    #expect(try store.read("s1").events.count == 2)
    #expect(try store.ids() == ["s1"])
    // Once the log is there, the id is taken.
    let again = try #require(throws: StoreError.self) { try store.create("s1", pinned: pinned, events: [created]) }
    #expect(again.kind == .exists)
  }

  /// A folder another creator holds the lock of is its: a second create neither takes it nor removes it.
  @Test func aFolderBeingCreatedIsLeftToItsCreator() throws {
    try FileManager.default.createDirectory(atPath: "\(root)/s1", withIntermediateDirectories: true)
    let other = try SessionLock(path: "\(root)/s1/lock", session: "s1", now: "2026-11-29T10:00:00Z")
    let error = try #require(throws: StoreError.self) { try store.create("s1", pinned: pinned, events: [created]) }
    #expect(error.kind == .exists && error.message == "session 's1' already exists in \(root)/ (it is being created)")
    #expect(FileManager.default.fileExists(atPath: "\(root)/s1/lock"))
    other.release()
    try store.create("s1", pinned: pinned, events: [created]).close()
  }

  @Test func oneWriterAtATimeNamingTheHolder() throws {
    let first = try store.create("s1", pinned: pinned, events: [created])
    do {
      _ = try store.openForWriting("s1")
      Issue.record("a second writer was let in")
    } catch {
      #expect(error.kind == .locked)
      #expect(
        error.message
          == "session 's1' is open for writing by pid \(getpid()) on \(POSIX.hostName()), since 2026-11-29T10:00:00Z; read-only commands still work"
      )
    }
    // Reading never needs the lock.
    #expect(try store.read("s1").events.count == 1)
    first.close()
    let second = try store.openForWriting("s1")
    second.close()
  }

  @Test func aLockLeftByAKilledProcessIsTakenOver() throws {
    try store.create("s1", pinned: pinned, events: [created]).close()
    // Another process takes the lock and is killed with SIGKILL while holding it.
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    holder.arguments = ["--exclusive", "--no-fork", "\(root)/s1/lock", "sleep", "30"]
    try holder.run()
    var refused = false
    for _ in 0..<100 {
      do {
        try store.openForWriting("s1").close()
        usleep(20_000)
      } catch {
        refused = error.kind == .locked
        break
      }
    }
    #expect(refused, "the lock of the other process was not seen")
    kill(holder.processIdentifier, SIGKILL)
    holder.waitUntilExit()
    let writer = try store.openForWriting("s1")
    try writer.append(event(2, .completed))
    writer.close()
    #expect(try store.read("s1").events.count == 2)
  }

  @Test func aTornLastRecordIsReportedSkippedAndSetAside() throws {
    let writer = try store.create("s1", pinned: pinned, events: [created])
    try writer.append(event(2, .answered(question: "a", value: .number(1))))
    writer.close()
    // A crash in the middle of writing the third record.
    let handle = try #require(FileHandle(forWritingAtPath: eventsPath("s1")))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"seq":3,"at":"2026-11-29T10:00:03Z","by":"ana","type":"answ"#.utf8))
    try handle.close()

    let record = try store.read("s1")
    #expect(record.events.count == 2)
    #expect(
      record.warnings == [
        "\(eventsPath("s1")):3: the last record is incomplete (the writer stopped while writing it) and was ignored"
      ])
    // The next writer sets the torn bytes aside and appends on a clean line.
    let next = try store.openForWriting("s1")
    try next.append(event(3, .answered(question: "a", value: .number(2))))
    next.close()
    let after = try store.read("s1")
    #expect(after.events.count == 3 && after.warnings.isEmpty)
    let torn = try String(contentsOfFile: "\(root)/s1/events.torn", encoding: .utf8)
    #expect(torn.hasPrefix(#"{"seq":3,"#))
  }

  @Test func aCompleteLastRecordWithoutItsNewlineIsKept() throws {
    try store.create("s1", pinned: pinned, events: [created]).close()
    let handle = try #require(FileHandle(forWritingAtPath: eventsPath("s1")))
    handle.seekToEndOfFile()
    handle.write(Data(EventCodec.encode(event(2, .completed)).utf8))
    try handle.close()
    #expect(try store.read("s1").events.count == 2)
    let writer = try store.openForWriting("s1")
    try writer.append(event(3, .reopened))
    writer.close()
    let record = try store.read("s1")
    #expect(record.events.count == 3 && record.warnings.isEmpty)
  }

  @Test func corruptionInTheMiddleNamesFileAndLineAndSparesOtherSessions() throws {
    try store.create("good", pinned: pinned, events: [created]).close()
    try store.create("bad", pinned: pinned, events: [created, event(2, .completed)]).close()
    var text = try String(contentsOfFile: eventsPath("bad"), encoding: .utf8)
    text = text.replacingOccurrences(of: #""type":"created""#, with: #""type":"cr"#)
    try text.write(toFile: eventsPath("bad"), atomically: true, encoding: .utf8)
    do {
      _ = try store.read("bad")
      Issue.record("a corrupt log was read")
    } catch {
      #expect(error.kind == .corrupt)
      #expect(error.message.hasPrefix("\(eventsPath("bad")):1: not a valid event record"))
    }
    #expect(try store.ids() == ["bad", "good"])
    #expect(try store.read("good").events.count == 1)
  }

  @Test func idsResolveExactlyOrByAnUnambiguousStart() throws {
    for id in ["ai-impact-2026-11-29", "ai-impact-2026-11-29-2", "risk-2026-01-01"] {
      try store.create(id, pinned: pinned, events: [created]).close()
    }
    #expect(try store.resolve("ai-impact-2026-11-29") == "ai-impact-2026-11-29")
    #expect(try store.resolve("risk") == "risk-2026-01-01")
    let ambiguous = try #require(throws: StoreError.self) { try store.resolve("ai-impact") }
    #expect(
      ambiguous.message
        == "session id 'ai-impact' is ambiguous: it starts 'ai-impact-2026-11-29', 'ai-impact-2026-11-29-2'")
    let missing = try #require(throws: StoreError.self) { try store.resolve("rsk-2026-01-01") }
    #expect(missing.message == "no session 'rsk-2026-01-01' in \(root)/ (closest: 'risk-2026-01-01')")
    let outside = try #require(throws: StoreError.self) { try store.resolve("../etc") }
    #expect(outside.kind == .invalidId)
  }

  @Test func idsCannotLeaveTheStore() throws {
    for id in ["../escape", "a/b", "/abs"] {
      #expect(throws: StoreError.self) { try store.create(id, pinned: pinned, events: [created]) }
    }
    #expect(!FileManager.default.fileExists(atPath: (root as NSString).deletingLastPathComponent + "/escape"))
  }

  @Test func aStoreThatIsAFile() throws {
    try "x".write(toFile: root, atomically: true, encoding: .utf8)
    do {
      _ = try store.ids()
      Issue.record("a file was listed as a store")
    } catch {
      #expect(error.message == "the session store '\(root)' is a file, not a folder")
    }
  }

  /// A signal whose handler does not ask for SA_RESTART interrupts a slow `open` (here a FIFO
  /// waiting for its reader) with EINTR: the store opens again instead of failing.
  @Test func anInterruptedOpenIsRetried() throws {
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let fifo = "\(root)/fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    var saved = sigaction()
    sigaction(SIGUSR2, &action, &saved)
    defer { sigaction(SIGUSR2, &saved, nil) }

    final class Outcome: @unchecked Sendable {
      let lock = NSLock()
      var thread: pthread_t?
      var result: Result<Int32, StoreError>?
      var done = false
    }
    let outcome = Outcome()
    let opener = Thread {
      outcome.lock.withLock { outcome.thread = pthread_self() }
      // Threads start with signals blocked here: let this one be interrupted.
      var signals = sigset_t()
      sigemptyset(&signals)
      sigaddset(&signals, SIGUSR2)
      pthread_sigmask(SIG_UNBLOCK, &signals, nil)
      let result: Result<Int32, StoreError>
      do throws(StoreError) {
        result = .success(try POSIX.open(fifo, O_WRONLY))
      } catch {
        result = .failure(error)
      }
      outcome.lock.withLock {
        outcome.result = result
        outcome.done = true
      }
    }
    opener.start()
    var thread: pthread_t?
    while thread == nil {
      usleep(1_000)
      thread = outcome.lock.withLock { outcome.thread }
    }
    // Interrupt the waiting open a few times, then come in as the reader it waits for.
    for _ in 0..<5 {
      usleep(20_000)
      if let thread, !outcome.lock.withLock({ outcome.done }) { pthread_kill(thread, SIGUSR2) }
    }
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    defer { close(reader) }
    while !outcome.lock.withLock({ outcome.done }) { usleep(1_000) }
    switch outcome.lock.withLock({ outcome.result }) {
    case .success(let fd):
      #expect(fd >= 0)
      close(fd)
    case .failure(let error):
      Issue.record("the interrupted open failed: \(error.message)")
    case nil:
      Issue.record("the open did not end")
    }
  }
}
