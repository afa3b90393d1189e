/// What changed from one session to another (a re-assessment, or two teams' answers): the
/// questionnaire versions; answers added, removed and changed (as labels); scores and levels that
/// moved; risks new, gone and re-rated; plan items changed. Questions and risks are matched by id,
/// so it works across versions of a questionnaire. Built from the two reports, so it says what
/// they say.
public struct SessionDiff: Sendable {
  /// The version of the JSON shape.
  public static let schema = 1

  /// The difference as ordered JSON (`assess diff --json`).
  public let json: JSON

  /// The difference from `old` to `new`.
  public init(from old: Session, to new: Session) {
    json = SessionDiffBuilder(old: Report(old).json, new: Report(new).json, oldId: old.id, newId: new.id).make()
  }

  /// Whether nothing differs in answers, results, risks or plan.
  public var isEmpty: Bool {
    guard case .object(let pairs) = json else { return true }
    let parts = ["answers", "scores", "levels", "risks", "plan"]
    return pairs.filter { parts.contains($0.0) }.allSatisfy { _, value in
      switch value {
      case .array(let items): return items.isEmpty
      case .object(let inner):
        return inner.allSatisfy { if case .array(let a) = $0.1 { return a.isEmpty } else { return true } }
      default: return true
      }
    }
  }
}

struct SessionDiffBuilder {
  let old: JSON
  let new: JSON
  let oldId: String
  let newId: String

  func make() -> JSON {
    .object([
      ("schema", .number(Double(SessionDiff.schema))),
      ("from", side(old, oldId)),
      ("to", side(new, newId)),
      (
        "questionnaire",
        .object([
          ("sameId", .bool(old.at("questionnaire", "id") == new.at("questionnaire", "id"))),
          ("sameVersion", .bool(old.at("questionnaire", "version") == new.at("questionnaire", "version"))),
          ("sameContent", .bool(old.at("questionnaire", "hash") == new.at("questionnaire", "hash"))),
        ])
      ),
      ("answers", answers()),
      ("scores", .array(moved("scores", value: "text"))),
      ("levels", .array(moved("levels", value: "label"))),
      ("risks", risks()),
      ("plan", plan()),
    ])
  }

  func side(_ report: JSON, _ id: String) -> JSON {
    .object([
      ("session", .string(id)),
      ("questionnaire", report.at("questionnaire", "id") ?? .null),
      ("version", report.at("questionnaire", "version") ?? .null),
      ("hash", report.at("questionnaire", "hash") ?? .null),
      ("status", report.at("session", "status") ?? .null),
      ("lastChange", report.at("session", "lastChange") ?? .null),
    ])
  }

  /// Answers on the path by id: the question's text and the answer's label.
  func answerMap(_ report: JSON) -> (order: [String], byId: [String: (text: JSON, answer: JSON, value: JSON)]) {
    var order: [String] = []
    var byId: [String: (text: JSON, answer: JSON, value: JSON)] = [:]
    for section in report.at("sections")?.arrayItems ?? [] {
      for question in section.at("questions")?.arrayItems ?? [] {
        guard let id = question.at("id")?.stringValue, let answer = question.at("answer"), answer != .null else {
          continue
        }
        order.append(id)
        byId[id] = (question.at("text") ?? .null, answer, question.at("value") ?? .null)
      }
    }
    return (order, byId)
  }

  func answers() -> JSON {
    let a = answerMap(old)
    let b = answerMap(new)
    var added: [JSON] = []
    var removed: [JSON] = []
    var changed: [JSON] = []
    for id in b.order {
      guard let now = b.byId[id] else { continue }
      if let was = a.byId[id] {
        if was.value != now.value {
          changed.append(.object([("id", .string(id)), ("text", now.text), ("old", was.answer), ("new", now.answer)]))
        }
      } else {
        added.append(.object([("id", .string(id)), ("text", now.text), ("new", now.answer)]))
      }
    }
    for id in a.order where b.byId[id] == nil {
      guard let was = a.byId[id] else { continue }
      removed.append(.object([("id", .string(id)), ("text", was.text), ("old", was.answer)]))
    }
    return .object([("added", .array(added)), ("removed", .array(removed)), ("changed", .array(changed))])
  }

  /// Scores or levels whose value differs, matched by id (those only one side has are listed too).
  func moved(_ key: String, value: String) -> [JSON] {
    let a = old.at("summary", key)?.arrayItems ?? []
    let b = new.at("summary", key)?.arrayItems ?? []
    let before = Dictionary(a.compactMap { item in item.at("id")?.stringValue.map { ($0, item) } }) { x, _ in x }
    var out: [JSON] = []
    var seen = Set<String>()
    for item in b {
      guard let id = item.at("id")?.stringValue else { continue }
      seen.insert(id)
      let was = before[id]?.at(value) ?? .null
      let now = item.at(value) ?? .null
      if was != now {
        out.append(.object([("id", .string(id)), ("title", item.at("title") ?? .null), ("old", was), ("new", now)]))
      }
    }
    for item in a {
      guard let id = item.at("id")?.stringValue, !seen.contains(id) else { continue }
      out.append(
        .object([
          ("id", .string(id)), ("title", item.at("title") ?? .null), ("old", item.at(value) ?? .null), ("new", .null),
        ]))
    }
    return out
  }

  func ratings(_ risk: JSON) -> JSON {
    .object([
      ("rating", risk.at("inherent", "rating") ?? .null), ("likelihood", risk.at("inherent", "likelihood") ?? .null),
      ("severity", risk.at("inherent", "severity") ?? .null), ("residual", risk.at("residual", "rating") ?? .null),
    ])
  }

  func risks() -> JSON {
    let a = old.at("risks")?.arrayItems ?? []
    let b = new.at("risks")?.arrayItems ?? []
    let before = Dictionary(a.compactMap { r in r.at("id")?.stringValue.map { ($0, r) } }) { x, _ in x }
    let after = Set(b.compactMap { $0.at("id")?.stringValue })
    var raised: [JSON] = []
    var rerated: [JSON] = []
    for risk in b {
      guard let id = risk.at("id")?.stringValue else { continue }
      let entry: [(String, JSON)] = [("id", .string(id)), ("title", risk.at("title") ?? .null)]
      if let was = before[id] {
        if ratings(was) != ratings(risk) {
          rerated.append(.object(entry + [("old", ratings(was)), ("new", ratings(risk))]))
        }
      } else {
        raised.append(.object(entry + [("new", ratings(risk))]))
      }
    }
    let gone = a.filter { !after.contains($0.at("id")?.stringValue ?? "") }.map { risk in
      JSON.object([("id", risk.at("id") ?? .null), ("title", risk.at("title") ?? .null), ("old", ratings(risk))])
    }
    return .object([("new", .array(raised)), ("gone", .array(gone)), ("rerated", .array(rerated))])
  }

  static let planFields = ["option", "owner", "due", "status", "controls", "actions", "reason", "stops", "treated"]

  func planItems(_ report: JSON) -> [(id: String, item: JSON)] {
    ((report.at("plan", "items")?.arrayItems ?? []) + (report.at("plan", "retained")?.arrayItems ?? [])).compactMap {
      item in item.at("risk")?.stringValue.map { ($0, item) }
    }
  }

  /// Plan items whose treatment differs (field by field), and items only one side has.
  func plan() -> JSON {
    let a = planItems(old)
    let b = planItems(new)
    let before = Dictionary(a.map { ($0.id, $0.item) }) { x, _ in x }
    let after = Set(b.map(\.id))
    var out: [JSON] = []
    for (id, item) in b {
      let title = item.at("title") ?? .null
      guard let was = before[id] else {
        out.append(
          .object([("risk", .string(id)), ("title", title), ("change", .string("added")), ("fields", .array([]))]))
        continue
      }
      var fields: [JSON] = []
      for field in Self.planFields {
        let x = field == "controls" ? controlIds(was) : was.at(field) ?? .null
        let y = field == "controls" ? controlIds(item) : item.at(field) ?? .null
        if x != y { fields.append(.object([("field", .string(field)), ("old", x), ("new", y)])) }
      }
      if !fields.isEmpty {
        out.append(
          .object([("risk", .string(id)), ("title", title), ("change", .string("changed")), ("fields", .array(fields))])
        )
      }
    }
    for (id, item) in a where !after.contains(id) {
      out.append(
        .object([
          ("risk", .string(id)), ("title", item.at("title") ?? .null), ("change", .string("removed")),
          ("fields", .array([])),
        ]))
    }
    return .array(out)
  }

  func controlIds(_ item: JSON) -> JSON {
    .array((item.at("controls")?.arrayItems ?? []).map { $0.at("id") ?? .null })
  }
}

extension JSON {
  /// The value at a path of object keys.
  package func at(_ keys: String...) -> JSON? {
    var current = self
    for key in keys {
      guard case .object(let pairs) = current, let next = pairs.first(where: { $0.0 == key })?.1 else { return nil }
      current = next
    }
    return current
  }

  /// The items of an array, or `nil`.
  package var arrayItems: [JSON]? {
    guard case .array(let items) = self else { return nil }
    return items
  }

  /// The text of a string, or `nil`.
  package var stringValue: String? {
    guard case .string(let s) = self else { return nil }
    return s
  }
}
