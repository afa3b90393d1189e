/// Where an event is kept, for messages: `sessions/x/events.jsonl:12` or `session 'x' in STORE, event 12`.
package enum EventPlaces: Sendable {
  /// A file, with the line number of each event.
  case file(path: String, lines: [Int])
  /// Rows numbered by `seq`, described as `session 'x' in STORE`.
  case rows(description: String)
  /// Events held in memory (a session being built).
  case memory(id: String)

  /// The place of the event at `index` (0-based).
  package func place(_ index: Int) -> String {
    switch self {
    case .file(let path, let lines): return "\(path):\(index < lines.count ? lines[index] : index + 1)"
    case .rows(let description): return "\(description), event \(index + 1)"
    case .memory(let id): return "session '\(id)', event \(index + 1)"
    }
  }

  /// The number a problem gives the event at `index` (0-based): its line in a file (which differs from
  /// `index + 1` after a blank line, or an unreadable one that `assess verify` read past), else `index + 1`.
  package func number(_ index: Int) -> Int {
    if case .file(_, let lines) = self, index < lines.count { return lines[index] }
    return index + 1
  }
}

/// A place in a session's log and what is wrong there: one sentence.
public struct LogProblem: Sendable, Hashable, CustomStringConvertible {
  /// The event's number (its line in a file store), from 1.
  public let event: Int
  /// `sessions/x/events.jsonl:12` or `session 'x' in STORE, event 12`.
  public let place: String
  /// What is wrong, and what to do.
  public let message: String

  /// Creates a problem.
  public init(event: Int, place: String, message: String) {
    self.event = event
    self.place = place
    self.message = message
  }

  public var description: String { "\(place): \(message)" }
}

/// What the hash chain of a session's log shows (docs/SESSIONS.md, "Tamper evidence").
public enum ChainState: Sendable, Hashable {
  /// Every event links to the one before it, and the first to the pinned questionnaire.
  case verified
  /// No event carries a link: the log was written before chaining.
  case unchained
  /// The events before `from` were written before chaining; from `from` on, each links to the one before.
  case chainedFrom(Int)
  /// The first broken link.
  case broken(LogProblem)

  /// `verified`, `unchained`, `partly chained` or `broken`, as `status --json` and `verify --json` give it.
  public var name: String {
    switch self {
    case .verified: return "verified"
    case .unchained: return "unchained"
    case .chainedFrom: return "partly chained"
    case .broken: return "broken"
    }
  }

  /// The state in words, for a person.
  public var summary: String {
    switch self {
    case .verified: return "verified: every event is chained to the one before it and the first to the questionnaire"
    case .unchained: return "unchained: the log was written before events were chained, so edits cannot be detected"
    case .chainedFrom(let seq):
      return "partly chained: events 1-\(seq - 1) were written before chaining; from event \(seq) on they are chained"
    case .broken(let problem): return "fails verification: \(problem)"
    }
  }
}

/// The hash chain over a session's stored event lines: each event records in `prev` the SHA-256 of the
/// exact bytes of the line before it (without its line end); the first event records the pinned
/// questionnaire's hash. Every store builds and checks it through this type, so they chain identically.
package enum EventChain {
  /// The SHA-256 of `bytes` as 64 lower-case hex digits.
  package static func hash(_ bytes: UnsafeRawBufferPointer) -> String {
    LineHash.link(bytes).text
  }

  /// The SHA-256 of a line's UTF-8 bytes.
  package static func hash(_ line: String) -> String {
    var line = line
    return line.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
  }

  /// The link the first event carries: the hex digits of the pinned questionnaire's `sha256:` hash.
  package static func origin(_ questionnaireHash: String) -> String {
    questionnaireHash.hasPrefix("sha256:") ? String(questionnaireHash.dropFirst(7)) : questionnaireHash
  }

  /// Whether `text` is 64 lower-case hex digits.
  package static func isDigest(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      bytes.count == 64 && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
  }

  /// `events` with their links set: the first to the questionnaire, each next one to the line before it
  /// as `EventCodec.encode` writes it.
  package static func link(_ events: [SessionEvent], from questionnaireHash: String) -> [SessionEvent] {
    var prev = origin(questionnaireHash)
    return events.map { event in
      let linked = SessionEvent(seq: event.seq, at: event.at, by: event.by, kind: event.kind, prev: prev)
      prev = hash(EventCodec.encode(linked))
      return linked
    }
  }

  /// Checks the chain over `lines`, the exact stored text of `events` (the same count).
  package static func check(_ events: [SessionEvent], lines: [String]) -> Checker {
    var checker = Checker()
    for (event, line) in zip(events, lines) {
      var line = line
      line.withUTF8 { checker.add(event, line: UnsafeRawBufferPointer($0)) }
    }
    return checker
  }

  /// Checks the chain line by line, as a store reads them.
  package struct Checker {
    private var previous: ChainLink?
    private var start: Int?
    /// Every broken link, oldest first: the chain is checked on past a break, each link against the
    /// line before it, so independent edits are each found.
    private var problems: [(index: Int, message: String)] = []
    private var index = 0

    /// A checker before the first line.
    package init() {}

    /// The hash of the last line added: what the next event links to.
    package var head: String? { previous?.text }

    /// Adds the next event and its exact stored line.
    package mutating func add(_ event: SessionEvent, line: UnsafeRawBufferPointer) {
      defer {
        previous = LineHash.link(line)
        index += 1
      }
      guard event.link != nil || event.prev != nil else {
        if start != nil {
          problems.append(
            (
              index,
              "event \(event.seq) has no 'prev' link although the events before it are chained: it was added or "
                + "rewritten by hand"
            ))
        }
        return
      }
      if start == nil { start = index }
      guard let previous else {
        var origin: String?
        if case .created(_, _, let hash, _) = event.kind { origin = EventChain.origin(hash) }
        if let link = event.link, let origin, link == ChainLink(origin) { return }
        let prev = event.prev ?? ""
        guard prev != origin else { return }
        problems.append(
          (
            index,
            "the first event's 'prev' is \(prev.prefix(12))..., not the pinned questionnaire's hash "
              + "\((origin ?? "?").prefix(12))...: the first line or the questionnaire it names was changed"
          ))
        return
      }
      if event.link != previous {
        problems.append(
          (
            index,
            "'prev' is \((event.prev ?? "").prefix(12))... but the line before hashes to \(previous.text.prefix(12))...: "
              + "the line before was changed, or lines were removed, moved or inserted here"
          ))
      }
    }

    /// Passes over a line that cannot be read as an event (for `assess verify`, which reads on): the
    /// next event's link is checked against its bytes.
    package mutating func skip(line: UnsafeRawBufferPointer) {
      previous = LineHash.link(line)
    }

    /// Every broken link, oldest first, naming places by `places`.
    package func brokenLinks(_ places: EventPlaces) -> [LogProblem] {
      problems.map { LogProblem(event: places.number($0.index), place: places.place($0.index), message: $0.message) }
    }

    /// What the chain shows, naming the place of a broken link by `places`.
    package func state(_ places: EventPlaces) -> ChainState {
      if let problem = problems.first {
        return .broken(
          LogProblem(event: places.number(problem.index), place: places.place(problem.index), message: problem.message))
      }
      guard let start else { return .unchained }
      return start == 0 ? .verified : .chainedFrom(start + 1)
    }
  }
}
