import AssessKit

/// The heat map as inline SVG: likelihood (rows, highest at the top) by severity (columns), each
/// cell coloured by its rating and showing how many raised risks sit there, with a legend of the
/// ratings. All text from the questionnaire is escaped.
enum HeatMapSVG {
  /// Fill colours from the lowest tone to the highest (see `TemplateContext.tone`).
  static let fills = ["#2e7d32", "#9ccc65", "#fbc02d", "#ef6c00", "#c62828"]
  static let inks = ["#ffffff", "#1b1b1b", "#1b1b1b", "#ffffff", "#ffffff"]

  static func make(_ report: JSON) -> String {
    guard let map = report["heatMap"] else { return "" }
    let rows = map["rows"]?.items ?? []
    let severity = map["severity"]?.items.map(\.text) ?? []
    let ratings = map["ratings"]?.items.map(\.text) ?? []
    let cell = 64
    let left = 120
    let top = 10
    let gridWidth = cell * severity.count
    let gridHeight = cell * rows.count
    let legendTop = top + gridHeight + 62
    let width = left + gridWidth + 10
    let height = legendTop + 30
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" class="heatmap" role="img" width="\(width)" height="\(height)" \
      viewBox="0 0 \(width) \(height)" font-family="sans-serif" font-size="12">
      <title>Heat map: raised risks by likelihood and severity</title>

      """
    for (r, row) in rows.enumerated() {
      let y = top + r * cell
      svg +=
        "<text x=\"\(left - 8)\" y=\"\(y + cell / 2 + 4)\" text-anchor=\"end\">\(escape(row["likelihood"]?.text ?? ""))</text>\n"
      for (c, item) in (row["cells"]?.items ?? []).enumerated() {
        let x = left + c * cell
        let tone = TemplateContext.tone(Int(item["ratingIndex"]?.text ?? "0") ?? 0, of: ratings.count)
        let count = item["count"]?.text ?? "0"
        let label =
          "\(row["likelihood"]?.text ?? "") x \(item["severity"]?.text ?? ""): \(item["rating"]?.text ?? ""), \(count)"
        svg += "<g><title>\(escape(label))</title>"
        svg +=
          "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" rx=\"4\" fill=\"\(fills[tone])\"\(count == "0" ? " fill-opacity=\"0.35\"" : "")/>"
        if count != "0" {
          svg +=
            "<text x=\"\(x + cell / 2 - 1)\" y=\"\(y + cell / 2 + 7)\" text-anchor=\"middle\" font-size=\"20\" font-weight=\"bold\" fill=\"\(inks[tone])\">\(count)</text>"
        }
        svg += "</g>\n"
      }
    }
    for (c, name) in severity.enumerated() {
      let x = left + c * cell + cell / 2 - 1
      svg += "<text x=\"\(x)\" y=\"\(top + gridHeight + 16)\" text-anchor=\"middle\">\(escape(name))</text>\n"
    }
    svg +=
      "<text x=\"\(left + gridWidth / 2)\" y=\"\(top + gridHeight + 38)\" text-anchor=\"middle\" font-weight=\"bold\">Severity</text>\n"
    svg +=
      "<text x=\"14\" y=\"\(top + gridHeight / 2)\" text-anchor=\"middle\" font-weight=\"bold\" transform=\"rotate(-90 14 \(top + gridHeight / 2))\">Likelihood</text>\n"
    var x = left
    for (i, rating) in ratings.enumerated() {
      let tone = TemplateContext.tone(i, of: ratings.count)
      svg += "<rect x=\"\(x)\" y=\"\(legendTop)\" width=\"14\" height=\"14\" rx=\"2\" fill=\"\(fills[tone])\"/>"
      svg += "<text x=\"\(x + 19)\" y=\"\(legendTop + 11)\">\(escape(rating))</text>\n"
      x += 24 + rating.count * 7 + 16
    }
    svg += "</svg>"
    return svg
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }
}
