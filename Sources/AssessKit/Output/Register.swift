import Foundation

/// The organization's risk register: every raised risk of every session in a store, worst first.
///
/// A row is *untreated* when its inherent rating is above the matrix's appetite and its treatment
/// is missing or still `proposed` (nobody has planned it yet); it is *overdue* when it has a due
/// date before today and its treatment is not `done`. Worst first means: the higher rating first
/// (compared as a share of the session's own rating scale, so matrices of different sizes line
/// up), then untreated before treated, overdue before not, then by session and questionnaire order.
public enum Register {
  /// One risk of one session.
  public struct Row: Sendable, Hashable {
    /// The session id.
    public internal(set) var session: String
    /// The questionnaire id.
    public internal(set) var questionnaire: String
    /// The AI system assessed: the session's `system_name` answer, if it has one.
    public internal(set) var system: String?
    /// The risk id and title.
    public internal(set) var risk: String
    /// The risk's title.
    public internal(set) var title: String
    /// The inherent rating.
    public internal(set) var rating: String
    /// The residual rating, when the risk gives one.
    public internal(set) var residual: String?
    /// The treatment option, owner, due date and status (nil without a treatment).
    public internal(set) var option: String?
    /// Who owns the treatment.
    public internal(set) var owner: String?
    /// When the treatment is due (`yyyy-mm-dd`).
    public internal(set) var due: String?
    /// The treatment's status.
    public internal(set) var status: String?
    /// The sign-off in force: `name (role) date`, or nil.
    public internal(set) var signOff: String?
    /// Above the appetite with no treatment planned.
    public internal(set) var untreated: Bool
    /// Due before today and not done.
    public internal(set) var overdue: Bool
    /// The rating's place on its scale, 0 (lowest) to 1 (highest), for sorting.
    var severityShare: Double
    /// The risk's place in its questionnaire, for a stable order.
    var order: Int
  }

  /// The rows of `sessions`, worst first.
  /// - Parameters:
  ///   - above: keep only risks rated strictly above this rating (by the session's own scale;
  ///     sessions whose scale lacks the name are left out).
  ///   - today: `yyyy-mm-dd`, for overdue.
  public static func rows(_ sessions: [Session], above: String? = nil, today: String) -> [Row] {
    var rows: [Row] = []
    for session in sessions {
      let q = session.questionnaire
      let m = q.matrix
      var threshold: Int?
      if let above {
        guard let index = m.ratings.firstIndex(of: above) else { continue }
        threshold = index
      }
      let system: String? =
        if case .string(let name)? = session.state.answers["system_name"], !name.isEmpty { name } else { nil }
      let signOff = session.state.currentSignOff.map { s in
        "\(s.name)\(s.role.map { " (\($0))" } ?? "") \(s.at.date)"
      }
      for (i, risk) in q.risks.enumerated() {
        let state = session.engine.risks[i]
        guard state.raised else { continue }
        if let threshold, state.inherent.rating <= threshold { continue }
        let treatment = TreatmentEdits.apply(session.state.treatments[risk.id] ?? [:], to: risk.treatment)
        let status = treatment?.status
        let untreated = m.isAboveAppetite(state.inherent.rating) && (treatment == nil || status == .proposed)
        let due = treatment?.due
        let overdue = due.map { isDate($0) && $0 < today } == true && status != .done
        rows.append(
          Row(
            session: session.id, questionnaire: q.id, system: system, risk: risk.id, title: risk.title,
            rating: m.ratings[state.inherent.rating], residual: state.residual.map { m.ratings[$0.rating] },
            option: treatment?.option.rawValue, owner: treatment?.owner, due: due, status: status?.rawValue,
            signOff: signOff, untreated: untreated, overdue: overdue,
            severityShare: m.ratings.count > 1 ? Double(state.inherent.rating) / Double(m.ratings.count - 1) : 1,
            order: i))
      }
    }
    return rows.sorted { a, b in
      if a.severityShare != b.severityShare { return a.severityShare > b.severityShare }
      if a.untreated != b.untreated { return a.untreated }
      if a.overdue != b.overdue { return a.overdue }
      if a.session != b.session { return a.session < b.session }
      return a.order < b.order
    }
  }

  /// Whether `text` looks like `yyyy-mm-dd`, so it compares as a date.
  static func isDate(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
    return bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) }
  }

  /// The register as JSON: `{"store", "today", "risks": [...], "unreadable": [...]}`.
  public static func json(_ rows: [Row], store: String, today: String, unreadable: [(String, String)] = []) -> JSON {
    func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    return .object([
      ("store", .string(store)), ("today", .string(today)),
      (
        "risks",
        .array(
          rows.map { r in
            .object([
              ("session", .string(r.session)), ("questionnaire", .string(r.questionnaire)),
              ("system", optional(r.system)), ("risk", .string(r.risk)), ("title", .string(r.title)),
              ("rating", .string(r.rating)), ("residual", optional(r.residual)), ("option", optional(r.option)),
              ("owner", optional(r.owner)), ("due", optional(r.due)), ("status", optional(r.status)),
              ("signOff", optional(r.signOff)), ("untreated", .bool(r.untreated)), ("overdue", .bool(r.overdue)),
            ])
          })
      ),
      (
        "unreadable",
        .array(unreadable.map { .object([("session", .string($0.0)), ("error", .string($0.1))]) })
      ),
    ])
  }

  /// The columns of the CSV, in order.
  public static let csvHeader = [
    "session", "questionnaire", "system", "risk", "title", "rating", "residual", "option", "owner", "due",
    "status", "sign_off", "untreated", "overdue",
  ]

  /// The register as CSV (RFC 4180: fields with commas, quotes or line ends are quoted).
  public static func csv(_ rows: [Row]) -> String {
    var lines = [csvHeader.joined(separator: ",")]
    for r in rows {
      let fields = [
        r.session, r.questionnaire, r.system ?? "", r.risk, r.title, r.rating, r.residual ?? "", r.option ?? "",
        r.owner ?? "", r.due ?? "", r.status ?? "", r.signOff ?? "", r.untreated ? "yes" : "no",
        r.overdue ? "yes" : "no",
      ]
      lines.append(fields.map(csvField).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The register as a text table for a terminal, untreated and overdue items marked.
  public static func text(_ rows: [Row], store: String, style: any TextStyler) -> String {
    var out = style.apply(.heading, "Risk register of \(store)") + "\n"
    if rows.isEmpty { return out + "  no risks raised\n" }
    let header = ["RATING", "RESIDUAL", "SESSION", "SYSTEM", "RISK", "OPTION", "OWNER", "DUE", "STATUS", "SIGN-OFF"]
    let cells = rows.map { r in
      [
        r.rating, r.residual ?? "-", r.session, r.system ?? "-", r.risk, r.option ?? "-", r.owner ?? "-",
        r.due ?? "-", r.status ?? "-", r.signOff ?? "-",
      ]
    }
    let widths = header.indices.map { c in max(header[c].count, cells.map { $0[c].count }.max() ?? 0) }
    func line(_ values: [String]) -> String {
      values.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
        .joined(separator: "  ")
    }
    out += "  " + style.apply(.dim, line(header)) + "\n"
    for (r, row) in zip(rows, cells) {
      var marks: [String] = []
      if r.untreated { marks.append(style.apply(.warning, "UNTREATED")) }
      if r.overdue { marks.append(style.apply(.alert, "OVERDUE")) }
      var text = line(row)
      while text.hasSuffix(" ") { text.removeLast() }
      out += "  " + text + (marks.isEmpty ? "" : "  " + marks.joined(separator: " ")) + "\n"
    }
    let untreated = rows.filter(\.untreated).count
    let overdue = rows.filter(\.overdue).count
    let sessions = Set(rows.map(\.session)).count
    out +=
      "\(rows.count) \(rows.count == 1 ? "risk" : "risks") in \(sessions) \(sessions == 1 ? "session" : "sessions"), "
      + "\(untreated) untreated, \(overdue) overdue\n"
    return out
  }
}
