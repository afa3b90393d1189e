import Foundation

/// Writes events as JSON lines and reads them back.
///
/// A line is one JSON object: `{"seq":1,"at":"...","by":"...","type":"answered","question":"q","value":...}`.
/// docs/SESSIONS.md lists every type and its fields.
public enum EventCodec {
  /// A line of the log that cannot be read.
  public struct DecodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with it.
    public internal(set) var message: String
    public var description: String { message }
  }

  /// The event as one line of JSON, without the newline.
  public static func encode(_ event: SessionEvent) -> String { json(event).serialized() }

  /// The event as a JSON object.
  public static func json(_ event: SessionEvent) -> JSON {
    var fields: [(String, JSON)] = [
      ("seq", .number(Double(event.seq))), ("at", .string(event.at.text)), ("by", .string(event.by)),
      ("type", .string(event.kind.name)),
    ]
    func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    switch event.kind {
    case .created(let questionnaire, let version, let hash, let source):
      fields += [
        ("questionnaire", .string(questionnaire)), ("version", .string(version)), ("hash", .string(hash)),
        ("source", .string(source)),
      ]
    case .answered(let question, let value):
      fields += [("question", .string(question)), ("value", value.json)]
    case .changed(let question, let old, let new):
      fields += [("question", .string(question)), ("old", old.json), ("value", new.json)]
    case .cleared(let question, let old):
      fields += [("question", .string(question)), ("old", old.json)]
    case .skipped(let question), .parked(let question):
      fields += [("question", .string(question))]
    case .noteAdded(let question, let text):
      fields += [("question", optional(question)), ("text", .string(text))]
    case .flagSet(let question, let text):
      fields += [("question", .string(question)), ("text", optional(text))]
    case .flagCleared(let question):
      fields += [("question", .string(question))]
    case .participantJoined(let name, let role):
      fields += [("name", .string(name)), ("role", optional(role))]
    case .treatmentEdited(let risk, let changes):
      fields += [
        ("risk", .string(risk)),
        ("fields", .object(changes.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
      ]
    case .signedOff(let name, let role, let summary, let residual, let override):
      fields += [("name", .string(name)), ("role", optional(role)), ("summary", .string(summary))]
      if !residual.isEmpty {
        fields.append(("residual", .object(residual.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
      }
      if let override { fields.append(("override", .string(override))) }
    case .applicability(let control, let included, let reason):
      fields += [
        ("control", .string(control)), ("decision", .string(included ? "include" : "exclude")),
        ("reason", .string(reason)),
      ]
    case .signOffVoided(let reason, let cause):
      fields += [("reason", .string(reason)), ("cause", .number(Double(cause)))]
    case .migrated(let fromHash, let toHash, let version, let aside):
      fields += [
        ("from", .string(fromHash)), ("to", .string(toHash)), ("version", .string(version)),
        ("aside", .array(aside.map(JSON.string))),
      ]
    case .rated(let question, let rater, let value):
      fields += [("question", .string(question)), ("rater", .string(rater)), ("value", value.json)]
    case .reassessment(let of, let version, let proposed):
      fields += [
        ("session", .string(of)), ("version", .string(version)), ("proposed", .array(proposed.map(JSON.string))),
      ]
    case .confirmed(let question):
      fields += [("question", .string(question))]
    case .raterCopy(let session, let rater):
      fields += [("session", .string(session)), ("rater", .string(rater))]
    case .archived(let reason):
      fields += [("reason", optional(reason))]
    case .completed, .reopened, .restored:
      break
    }
    if let prev = event.prev { fields.append(("prev", .string(prev))) }
    return JSON.object(fields)
  }

  struct Record: Decodable {
    var seq: Int
    var at: String
    var by: String
    var type: String
    var questionnaire: String?
    var version: String?
    var hash: String?
    var source: String?
    var question: String?
    var value: DecodedValue?
    var old: DecodedValue?
    var text: String?
    var name: String?
    var role: String?
    var risk: String?
    var fields: [String: String]?
    var summary: String?
    var from: String?
    var to: String?
    var aside: [String]?
    var reason: String?
    var cause: Int?
    var proposed: [String]?
    var rater: String?
    var session: String?
    var residual: [String: String]?
    var override: String?
    var control: String?
    var decision: String?
    var prev: String?
    /// `at` already read from the line's bytes (then `at` is not made).
    var time: Timestamp?
    /// `prev` already read from the line's bytes (then `prev` is not made).
    var link: ChainLink?

    /// The fields read from JSON (`time` and `link` are set by the fast reader only).
    enum CodingKeys: String, CodingKey {
      case seq, at, by, type, questionnaire, version, hash, source, question, value, old, text, name, role, risk
      case fields, summary, from, to, aside, reason, cause, proposed, rater, session, residual, override, control
      case decision, prev
    }

    init(seq: Int, at: String, by: String, type: String) {
      self.seq = seq
      self.at = at
      self.by = by
      self.type = type
    }
  }

  /// Reads one line.
  /// - Throws: `DecodeError` saying what is wrong.
  public static func decode(_ line: String) throws(DecodeError) -> SessionEvent {
    try decode(line, scanning: true)
  }

  /// Reads one line from its UTF-8 bytes (valid UTF-8: the caller checks), as `decode(_:)` reads its text.
  package static func decode(bytes: UnsafeRawBufferPointer) throws(DecodeError) -> SessionEvent {
    var record = Record(seq: 0, at: "", by: "", type: "")
    if EventLineScanner.read(bytes: bytes, into: &record) { return try decode(record) }
    return try decode(String(decoding: bytes, as: UTF8.self), scanning: false)
  }

  /// Reads one line: with `scanning`, through the fast reader when the line is in its subset.
  static func decode(_ line: String, scanning: Bool) throws(DecodeError) -> SessionEvent {
    let record: Record
    if scanning, let fast = EventLineScanner.scan(line).flatMap(Record.init(scanned:)) {
      record = fast
    } else {
      do {
        record = try JSONDecoder().decode(Record.self, from: Data(line.utf8))
      } catch {
        throw DecodeError(message: "not a valid event record")
      }
    }
    return try decode(record)
  }

  /// The event a record holds.
  private static func decode(_ record: Record) throws(DecodeError) -> SessionEvent {
    func need<T>(_ value: T?, _ field: String) throws(DecodeError) -> T {
      guard let value else { throw DecodeError(message: "a '\(record.type)' event needs '\(field)'") }
      return value
    }
    let kind: SessionEvent.Kind
    switch record.type {
    case "created":
      kind = .created(
        questionnaire: try need(record.questionnaire, "questionnaire"), version: try need(record.version, "version"),
        hash: try need(record.hash, "hash"), source: record.source ?? "")
    case "answered":
      kind = .answered(question: try need(record.question, "question"), value: try need(record.value, "value").value)
    case "changed":
      kind = .changed(
        question: try need(record.question, "question"), old: try need(record.old, "old").value,
        new: try need(record.value, "value").value)
    case "cleared":
      kind = .cleared(question: try need(record.question, "question"), old: record.old?.value ?? .null)
    case "skipped": kind = .skipped(question: try need(record.question, "question"))
    case "parked": kind = .parked(question: try need(record.question, "question"))
    case "note": kind = .noteAdded(question: record.question, text: try need(record.text, "text"))
    case "flag": kind = .flagSet(question: try need(record.question, "question"), text: record.text)
    case "unflag": kind = .flagCleared(question: try need(record.question, "question"))
    case "joined": kind = .participantJoined(name: try need(record.name, "name"), role: record.role)
    case "treatment":
      kind = .treatmentEdited(risk: try need(record.risk, "risk"), fields: try need(record.fields, "fields"))
    case "signed":
      kind = .signedOff(
        name: try need(record.name, "name"), role: record.role, summary: record.summary ?? "",
        residual: record.residual ?? [:], override: record.override)
    case "soa":
      let decision = try need(record.decision, "decision")
      guard decision == "include" || decision == "exclude" else {
        throw DecodeError(message: "a 'soa' event's 'decision' is 'include' or 'exclude', not '\(decision)'")
      }
      kind = .applicability(
        control: try need(record.control, "control"), included: decision == "include",
        reason: try need(record.reason, "reason"))
    case "migrated":
      kind = .migrated(
        fromHash: try need(record.from, "from"), toHash: try need(record.to, "to"), version: record.version ?? "",
        aside: record.aside ?? [])
    case "voided":
      kind = .signOffVoided(reason: try need(record.reason, "reason"), cause: try need(record.cause, "cause"))
    case "archived": kind = .archived(reason: record.reason)
    case "restored": kind = .restored
    case "completed": kind = .completed
    case "reopened": kind = .reopened
    case "rated":
      kind = .rated(
        question: try need(record.question, "question"), rater: try need(record.rater, "rater"),
        value: try need(record.value, "value").value)
    case "rater":
      kind = .raterCopy(session: try need(record.session, "session"), rater: try need(record.rater, "rater"))
    case "reassessment":
      kind = .reassessment(
        of: try need(record.session, "session"), version: record.version ?? "", proposed: record.proposed ?? [])
    case "confirmed": kind = .confirmed(question: try need(record.question, "question"))
    default: throw DecodeError(message: "unknown event type '\(record.type)'")
    }
    guard let at = record.time ?? Timestamp(record.at) else {
      throw DecodeError(message: "'at' is not an ISO 8601 date and time with a zone: '\(record.at.prefix(40))'")
    }
    var link = record.link
    if link == nil, let prev = record.prev {
      guard let digest = ChainLink(prev) else {
        throw DecodeError(message: "'prev' is not a SHA-256 digest (64 lower-case hex digits): '\(prev.prefix(70))'")
      }
      link = digest
    }
    return SessionEvent(seq: record.seq, at: at, by: record.by, kind: kind, link: link)
  }
}
