/// Explanations in plain words: `assess explain` and the interview's `:why` on a result.
public enum ExplainText {
  /// How `target` came about in `session`, ending with a newline.
  public static func render(
    _ target: Explanation.Target, in session: Session, plan: TreatmentPlan, style: any TextStyler = PlainStyler()
  ) -> String {
    let engine = session.engine
    switch target {
    case .risk(let i): return risk(Explanation.risk(i, in: session, plan: plan), session.questionnaire.matrix, style)
    case .scale(let s): return score(Explanation.score(s, in: engine), style)
    case .computed(let c):
      let item = session.questionnaire.computed[c]
      let rule = Explanation.computed(c, in: engine)
      return style.apply(.heading, named(item.title, item.id)) + " is \(NumberText.format(rule.value))\n"
        + ruleLines(rule, "  ")
    case .level(let l): return level(Explanation.level(l, in: engine), style)
    }
  }

  /// Everything: each raised risk, then each score, computed value and level.
  public static func all(_ session: Session, plan: TreatmentPlan, style: any TextStyler = PlainStyler()) -> String {
    let q = session.questionnaire
    var parts: [String] = (plan.items + plan.retained).map {
      render(.risk($0.index), in: session, plan: plan, style: style)
    }
    parts += q.scales.indices.map { render(.scale($0), in: session, plan: plan, style: style) }
    parts += q.computed.indices.map { render(.computed($0), in: session, plan: plan, style: style) }
    parts += q.levels.indices.map { render(.level($0), in: session, plan: plan, style: style) }
    if parts.isEmpty { return "Nothing to explain: the questionnaire has no risks, scores or levels.\n" }
    return parts.joined(separator: "\n")
  }

  static func named(_ title: String?, _ id: String) -> String { title.map { "\($0) (\(id))" } ?? id }

  static func risk(_ e: Explanation.Risk, _ m: RiskMatrix, _ style: any TextStyler) -> String {
    let r = e.risk
    var out = style.apply(.heading, "Risk \(r.id): \(r.title)") + " (\(r.dimension))\n"
    if let description = r.description { out += "  \(description)\n" }
    if let condition = e.condition {
      out +=
        e.raised
        ? "Raised because this holds: \(condition.expression ?? "")\n"
        : "Not raised: \(condition.expression ?? "") does not hold\n"
      out += inputLines(condition.inputs, "  ")
    } else {
      out += "Raised always (it has no condition).\n"
    }
    guard e.raised else { return out }
    out += cell(e.inherent, m, what: "Inherent")
    let above = m.isAboveAppetite(e.inherent.rating)
    out +=
      "  Rating: \(m.ratings[e.inherent.rating]), "
      + (above
        ? "above the appetite (\(m.ratings[m.appetite])): it must be treated\n"
        : "within the appetite (\(m.ratings[m.appetite])): it may be retained\n")
    for note in e.assumptions { out += "  Note: \(note)\n" }
    if let residual = e.residual {
      out += cell(residual, m, what: "Residual (once treated)")
      out += "  Residual rating: \(m.ratings[residual.rating])"
      let lower = residual.rating < e.inherent.rating
      out +=
        lower ? ", lower than the inherent \(m.ratings[e.inherent.rating])\n" : ", no lower than the inherent rating\n"
      var levers: [String] = []
      for input in residual.likelihood.inputs + residual.severity.inputs
      where input.kind == "answer" && !levers.contains(input.id) {
        levers.append(input.id)
      }
      if !levers.isEmpty {
        out +=
          "  What lowers it: the answers its residual rules read (\(levers.joined(separator: ", "))); "
          + "when the plan puts safeguards in place, answer them again\n"
      }
    } else {
      out += "No residual rating is given: treating it is expected to leave it as it is.\n"
    }
    if let item = e.item, let t = item.treatment {
      out += "Plan: " + PlanText.summary(item, m, style: style) + "\n"
      for control in t.controls { out += "  control \(PlanText.controlName(control))\n" }
      for action in t.actions { out += "  - \(action)\n" }
      if let reason = t.reason { out += "  accepted because: \(reason)\n" }
      if let stops = t.stops { out += "  stops: \(stops)\n" }
      if item.aboveAppetite {
        out += item.treated ? "  treated\n" : "  untreated: \(item.missing.joined(separator: ", "))\n"
      }
    } else {
      out += "Plan: no treatment is proposed.\n"
    }
    return out
  }

  static func cell(_ c: Explanation.Cell, _ m: RiskMatrix, what: String) -> String {
    var out =
      "\(what): likelihood \(c.l) (\(m.likelihood[m.clampLikelihood(c.l) - 1])) x severity \(c.s) (\(m.severity[m.clampSeverity(c.s) - 1])) = \(m.ratings[c.rating])\n"
    out += axis("likelihood", c.likelihood, c.l)
    out += axis("severity", c.severity, c.s)
    return out
  }

  static func axis(_ name: String, _ rule: Explanation.Rule, _ used: Int) -> String {
    guard let expression = rule.expression else { return "  \(name) \(used): as inherent\n" }
    var out = "  \(name) \(used)"
    if rule.inputs.isEmpty {
      out += expression == NumberText.format(Double(used)) ? ": fixed by the questionnaire\n" : ": \(expression)\n"
    } else {
      out += " from \(expression)\n"
    }
    return out + inputLines(rule.inputs, "    ")
  }

  static func ruleLines(_ rule: Explanation.Rule, _ indent: String) -> String {
    (rule.expression.map { "\(indent)from \($0)\n" } ?? "") + inputLines(rule.inputs, indent + "  ")
  }

  static func inputLines(_ inputs: [Explanation.Input], _ indent: String) -> String {
    inputs.map { input in
      switch input.kind {
      case "answer": return "\(indent)\(input.id): \(input.title.map { "\"\($0)\" " } ?? "")-> \(input.shown)\n"
      default: return "\(indent)\(input.kind) \(named(input.title, input.id)): \(input.shown)\n"
      }
    }.joined()
  }

  static func score(_ e: Explanation.Score, _ style: any TextStyler) -> String {
    var out =
      style.apply(.heading, named(e.scale.title, e.scale.id))
      + " is \(NumberText.format(e.total)) of \(NumberText.format(e.scale.maxScore))\n"
    if e.contributions.isEmpty { return out + "  No answer on the path adds to it yet.\n" }
    for (input, points) in e.contributions {
      let sign = points < 0 ? "-" : "+"
      out +=
        "  \(sign)\(NumberText.format(Swift.abs(points)))  \(input.id): \"\(input.title ?? "")\" -> \(input.shown)\n"
    }
    out += "  = \(NumberText.format(e.total))\n"
    return out
  }

  static func level(_ e: Explanation.LevelBand, _ style: any TextStyler) -> String {
    let l = e.level
    var out = style.apply(.heading, named(l.title, l.id))
    guard let n = e.rule.value.number, let band = e.band else {
      return out + " has no value yet\n" + ruleLines(e.rule, "  ")
    }
    out += " is \(band.label)" + (band.description.map { " (\($0))" } ?? "") + ": the value \(NumberText.format(n))"
    let index = l.bands.firstIndex(of: band) ?? 0
    let low = index > 0 ? l.bands[index - 1].max : nil
    switch (low, band.max) {
    case (let lo?, let hi?): out += " is above \(NumberText.format(lo)) and at most \(NumberText.format(hi))\n"
    case (nil, let hi?): out += " is at most \(NumberText.format(hi))\n"
    case (let lo?, nil): out += " is above \(NumberText.format(lo))\n"
    case (nil, nil): out += " falls in the only band\n"
    }
    out += ruleLines(e.rule, "  ")
    out +=
      "  Bands: "
      + l.bands.map { b in b.max.map { "\(b.label) up to \(NumberText.format($0))" } ?? "\(b.label) above" }.joined(
        separator: ", ") + "\n"
    return out
  }
}
