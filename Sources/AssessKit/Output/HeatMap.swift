/// The risk matrix as a grid of cells, with how many raised risks fall in each: for terminals.
public enum HeatMap {
  /// The grid, highest likelihood at the top, with the matrix's own labels on both axes and a legend.
  ///
  /// Cells are styled by rating (a terminal colours them); with a plain styler each cell also shows
  /// its rating's initial, so the map reads the same without colour.
  ///
  /// - Parameters:
  ///   - engine: the evaluated answers.
  ///   - residual: place risks by their residual rating where they have one.
  ///   - style: how cells and the legend look.
  public static func render(_ engine: Engine, residual: Bool = false, style: any TextStyler = PlainStyler()) -> String {
    let m = engine.questionnaire.matrix
    guard !m.likelihood.isEmpty, !m.severity.isEmpty else { return "" }
    var counts = [[Int]](repeating: [Int](repeating: 0, count: m.severity.count), count: m.likelihood.count)
    for state in engine.risks where state.raised {
      let r = residual ? (state.residual ?? state.inherent) : state.inherent
      counts[m.clampLikelihood(r.likelihood) - 1][m.clampSeverity(r.severity) - 1] += 1
    }
    let plain = style.isPlain
    let labelWidth = min(16, max("likelihood".count, m.likelihood.map(\.count).max() ?? 0))
    func initial(_ rating: Int) -> String { m.ratings[rating].first.map { String($0).uppercased() } ?? "?" }
    func pad(_ text: String, _ width: Int) -> String {
      text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }
    var out = "  likelihood\n"
    for l in stride(from: m.likelihood.count, through: 1, by: -1) {
      out += "  " + pad(m.likelihood[l - 1], labelWidth) + " "
      for s in 1...m.severity.count {
        let rating = m.rating(likelihood: l, severity: s)
        let n = counts[l - 1][s - 1]
        let mark = n == 0 ? "." : n < 100 ? String(n) : "+"
        let cell = plain ? " \(initial(rating))\(pad(mark, 2))" : " \(pad(mark.count == 1 ? " " + mark : mark, 2)) "
        out += plain ? cell : style.apply(.rating(index: rating, count: m.ratings.count), cell)
      }
      out = (plain ? String(out.reversed().drop { $0 == " " }.reversed()) : out) + "\n"
    }
    out += "  " + String(repeating: " ", count: labelWidth + 1)
    for s in 1...m.severity.count { out += "  \(s) " }
    out += " severity\n"
    out +=
      "  severity: " + m.severity.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: " · ")
      + "\n"
    let ratings = m.ratings.indices.map { index in
      plain
        ? "\(initial(index)) \(m.ratings[index])"
        : style.apply(.rating(index: index, count: m.ratings.count), " \(m.ratings[index]) ")
    }
    out +=
      "  ratings: " + ratings.joined(separator: plain ? " · " : " ")
      + "; a number is how many raised risks sit in the cell\n"
    return out
  }
}
