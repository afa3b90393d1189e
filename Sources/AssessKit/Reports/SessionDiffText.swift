/// `assess diff` as text: one part per kind of change, each line saying what it was and what it is.
public enum SessionDiffText {
  /// The difference in words.
  public static func render(_ diff: SessionDiff, style: any TextStyler = PlainStyler()) -> String {
    let json = diff.json
    var out = ""
    func line(_ text: String) { out += text + "\n" }
    func text(_ value: JSON?) -> String {
      switch value ?? .null {
      case .null: return "none"
      case .string(let s): return "'\(s)'"
      case .number(let n): return NumberText.format(n)
      case .bool(let b): return b ? "yes" : "no"
      case .array(let items): return items.isEmpty ? "none" : items.map { text($0) }.joined(separator: ", ")
      case .object: return "?"
      }
    }
    func plain(_ value: JSON?) -> String { value?.stringValue ?? text(value) }
    func describe(_ side: String) -> String {
      let s = json.at(side)
      return "'\(plain(s?.at("session")))' (\(plain(s?.at("questionnaire"))) \(plain(s?.at("version"))), "
        + "\(plain(s?.at("status"))), last change \(plain(s?.at("lastChange"))))"
    }
    line(style.apply(.heading, "Changes from \(describe("from")) to \(describe("to"))"))
    let from = json.at("from")
    let to = json.at("to")
    if json.at("questionnaire", "sameId") == .bool(false) {
      line(style.apply(.warning, "Different questionnaires: questions and risks are matched by id"))
    } else if json.at("questionnaire", "sameVersion") == .bool(false) {
      line("Questionnaire version: \(plain(from?.at("version"))) -> \(plain(to?.at("version")))")
    } else if json.at("questionnaire", "sameContent") == .bool(false) {
      line("Questionnaire: same version \(plain(to?.at("version"))), different content")
    } else {
      line("Questionnaire: same version and content")
    }
    if diff.isEmpty {
      line("No differences in answers, results, risks or the plan")
      return out
    }
    let added = json.at("answers", "added")?.arrayItems ?? []
    let removed = json.at("answers", "removed")?.arrayItems ?? []
    let changed = json.at("answers", "changed")?.arrayItems ?? []
    if !(added.isEmpty && removed.isEmpty && changed.isEmpty) {
      line("")
      line(
        style.apply(.heading, "Answers") + " (\(changed.count) changed, \(added.count) added, \(removed.count) removed)"
      )
      for a in changed {
        line("  changed  \(plain(a.at("id"))): \(plain(a.at("text")))")
        line("           \(text(a.at("old"))) -> \(text(a.at("new")))")
      }
      for a in added { line("  added    \(plain(a.at("id"))): \(plain(a.at("text"))): \(text(a.at("new")))") }
      for a in removed { line("  removed  \(plain(a.at("id"))): \(plain(a.at("text"))): was \(text(a.at("old")))") }
    }
    let moved = (json.at("scores")?.arrayItems ?? []) + (json.at("levels")?.arrayItems ?? [])
    if !moved.isEmpty {
      line("")
      line(style.apply(.heading, "Scores and levels"))
      for m in moved {
        line("  \(plain(m.at("title"))) (\(plain(m.at("id")))): \(plain(m.at("old"))) -> \(plain(m.at("new")))")
      }
    }
    let new = json.at("risks", "new")?.arrayItems ?? []
    let gone = json.at("risks", "gone")?.arrayItems ?? []
    let rerated = json.at("risks", "rerated")?.arrayItems ?? []
    func rating(_ r: JSON?) -> String {
      plain(r?.at("rating")) + " L\(plain(r?.at("likelihood"))) S\(plain(r?.at("severity")))"
        + (r?.at("residual").flatMap(\.stringValue).map { ", residual \($0)" } ?? "")
    }
    if !(new.isEmpty && gone.isEmpty && rerated.isEmpty) {
      line("")
      line(style.apply(.heading, "Risks") + " (\(new.count) new, \(gone.count) gone, \(rerated.count) re-rated)")
      for r in new { line("  new       \(plain(r.at("id"))): \(plain(r.at("title"))) [\(rating(r.at("new")))]") }
      for r in gone { line("  gone      \(plain(r.at("id"))): \(plain(r.at("title"))) [was \(rating(r.at("old")))]") }
      for r in rerated {
        line(
          "  re-rated  \(plain(r.at("id"))): \(plain(r.at("title"))) [\(rating(r.at("old")))] -> [\(rating(r.at("new")))]"
        )
      }
    }
    let plan = json.at("plan")?.arrayItems ?? []
    if !plan.isEmpty {
      line("")
      line(style.apply(.heading, "Treatment plan"))
      for item in plan {
        let change = plain(item.at("change"))
        switch change {
        case "added": line("  added    \(plain(item.at("risk"))): \(plain(item.at("title")))")
        case "removed": line("  removed  \(plain(item.at("risk"))): \(plain(item.at("title")))")
        default:
          line("  changed  \(plain(item.at("risk"))): \(plain(item.at("title")))")
          for f in item.at("fields")?.arrayItems ?? [] {
            line("           \(plain(f.at("field"))): \(text(f.at("old"))) -> \(text(f.at("new")))")
          }
        }
      }
    }
    return out
  }
}
