/// The treatment plan in words: for `assess plan --list`, `status` and the end-of-interview summary.
public enum PlanText {
  /// The plan, ending with a newline; `compact` gives one line per item (for `status`).
  public static func render(_ plan: TreatmentPlan, style: any TextStyler = PlainStyler(), compact: Bool = false)
    -> String
  {
    let m = plan.matrix
    var out = style.apply(.heading, "Treatment plan")
    if plan.items.isEmpty && plan.retained.isEmpty { return out + ": no risks raised\n" }
    let untreated = plan.untreated.count
    let overdue = plan.items.filter(\.overdue).count + plan.retained.filter(\.overdue).count
    var counts = ["\(plan.items.count) above appetite (\(m.ratings[m.appetite]))"]
    counts.append(untreated == 0 ? "all treated" : "\(untreated) untreated")
    if overdue > 0 { counts.append("\(overdue) overdue") }
    out += ": " + counts.joined(separator: ", ") + "\n"
    let width = (plan.items + plan.retained).map { m.ratings[$0.state.inherent.rating].count }.max() ?? 0
    func pad(_ s: String) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }
    let indent = String(repeating: " ", count: width + 4)
    for item in plan.items {
      let rating = m.ratings[item.state.inherent.rating]
      let head = "  \(pad(rating))  \(item.risk.id)"
      if compact {
        var line = head + ": " + summary(item, m, style: style)
        if !item.treated { line += "; " + style.apply(.alert, "untreated: " + item.missing.joined(separator: ", ")) }
        out += line + "\n"
        continue
      }
      out +=
        style.apply(.rating(index: item.state.inherent.rating, count: m.ratings.count), head) + ": \(item.risk.title)\n"
      out += indent + summary(item, m, style: style) + "\n"
      if let t = item.treatment {
        if !t.controls.isEmpty {
          out += indent + "controls: " + t.controls.map(controlName).joined(separator: "; ") + "\n"
        }
        for action in t.actions { out += indent + "- \(action)\n" }
        if let reason = t.reason { out += indent + "accepted because: \(reason)\n" }
        if let stops = t.stops { out += indent + "stops: \(stops)\n" }
      }
      out +=
        indent
        + (item.treated
          ? style.apply(.success, "treated")
          : style.apply(.alert, "untreated: " + item.missing.joined(separator: ", "))) + "\n"
    }
    if !plan.retained.isEmpty {
      out += style.apply(.heading, "Retained") + " (at or below appetite, \(m.ratings[m.appetite]))\n"
      for item in plan.retained {
        let s = item.state.inherent
        out +=
          "  \(pad(m.ratings[s.rating]))  \(item.risk.id): \(item.risk.title) "
          + "[\(m.likelihood[m.clampLikelihood(s.likelihood) - 1]) x \(m.severity[m.clampSeverity(s.severity) - 1])]\n"
      }
    }
    return out
  }

  /// Option, owner, due date, status and expected residual of an item, on one line.
  package static func summary(_ item: TreatmentPlan.Item, _ m: RiskMatrix, style: any TextStyler) -> String {
    guard let t = item.treatment else { return style.apply(.warning, "no treatment") }
    var parts = [t.option.rawValue]
    if let owner = t.owner {
      parts.append("owner \(owner)" + ((item.edits["owner"] ?? "").isEmpty ? " (proposed)" : ""))
    } else {
      parts.append(style.apply(.warning, "no owner"))
    }
    if let due = t.due {
      parts.append("due \(due)" + (item.overdue ? " " + style.apply(.alert, "OVERDUE") : ""))
    }
    parts.append(t.status.rawValue)
    if let r = item.state.residual { parts.append("residual \(m.ratings[r.rating])") }
    return parts.joined(separator: "; ")
  }

  /// A control id with its Annex A title, when it has one.
  public static func controlName(_ id: String) -> String {
    AnnexA.controls.first { $0.id == id }.map { "\($0.id) \($0.title)" } ?? id
  }
}
