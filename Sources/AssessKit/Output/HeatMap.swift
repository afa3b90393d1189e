/// The risk matrix as a grid of cells, with how many raised risks fall in each: for terminals.
public enum HeatMap {
  /// The grid, highest likelihood at the top. Cells are styled by rating; with a plain styler each
  /// cell shows its rating's initial and a legend follows.
  ///
  /// - Parameters:
  ///   - engine: the evaluated answers.
  ///   - residual: place risks by their residual rating where they have one.
  public static func render(_ engine: Engine, residual: Bool = false, style: any TextStyler = PlainStyler()) -> String {
    let color = !style.isPlain
    let m = engine.questionnaire.matrix
    guard !m.likelihood.isEmpty, !m.severity.isEmpty else { return "" }
    var counts = [[Int]](repeating: [Int](repeating: 0, count: m.severity.count), count: m.likelihood.count)
    for state in engine.risks where state.raised {
      let r = residual ? (state.residual ?? state.inherent) : state.inherent
      counts[m.clampLikelihood(r.likelihood) - 1][m.clampSeverity(r.severity) - 1] += 1
    }
    let labelWidth = min(16, m.likelihood.map(\.count).max() ?? 0)
    var out = ""
    for l in stride(from: m.likelihood.count, through: 1, by: -1) {
      let label = String(m.likelihood[l - 1].prefix(labelWidth))
      out += "  " + label + String(repeating: " ", count: labelWidth - label.count) + " "
      for s in 1...m.severity.count {
        let rating = m.rating(likelihood: l, severity: s)
        let n = counts[l - 1][s - 1]
        let mark = n > 0 ? String(n) : "."
        if color {
          out += style.apply(.rating(index: rating, count: m.ratings.count), " \(mark.count == 1 ? " " : "")\(mark) ")
        } else {
          let initial = m.ratings[rating].first.map { String($0).uppercased() } ?? "?"
          out += " \(initial)\(n > 0 ? (n < 10 ? String(n) : "+") : "."  )"
        }
      }
      out += "\n"
    }
    out += "  " + String(repeating: " ", count: labelWidth + 1)
    for s in 1...m.severity.count { out += color ? "  \(s) " : "  \(s)" }
    out += "  severity\n"
    if !color {
      out +=
        "  " + m.ratings.map { "\($0.first.map { String($0).uppercased() } ?? "?") \($0)" }.joined(separator: ", ")
        + "; the digit is how many raised risks sit in the cell\n"
    }
    return out
  }
}
