import AssessKit

/// The risk register as CSV (RFC 4180): a header row, one row per raised risk, CRLF line ends,
/// fields quoted when they hold a comma, a quote or a line break. A field a spreadsheet would take
/// for a formula (starting with `=`, `+`, `-`, `@` or a tab) gets a leading `'`.
enum RiskRegisterCSV {
  static let header = [
    "id", "title", "dimension", "likelihood", "likelihood_label", "severity", "severity_label", "rating",
    "residual_likelihood", "residual_severity", "residual_rating", "above_appetite", "option", "owner", "due",
    "status", "controls",
  ]

  static func make(_ report: JSON) -> String {
    var rows = [header]
    let controls: [String: String] = Dictionary(
      report["plan"].map { plan in
        (plan["items"]?.items ?? []) + (plan["retained"]?.items ?? [])
      }?.map { item in
        (item["risk"]?.text ?? "", (item["controls"]?.items ?? []).map { $0["id"]?.text ?? "" }.joined(separator: "; "))
      } ?? [], uniquingKeysWith: { a, _ in a })
    for risk in report["risks"]?.items ?? [] {
      let inherent = risk["inherent"]
      let residual = risk["residual"]
      let id = risk["id"]?.text ?? ""
      rows.append([
        id, risk["title"]?.text ?? "", risk["dimension"]?.text ?? "",
        inherent?["likelihood"]?.text ?? "", inherent?["likelihoodLabel"]?.text ?? "",
        inherent?["severity"]?.text ?? "", inherent?["severityLabel"]?.text ?? "",
        inherent?["rating"]?.text ?? "",
        residual?["likelihood"]?.text ?? "", residual?["severity"]?.text ?? "", residual?["rating"]?.text ?? "",
        inherent?["aboveAppetite"]?.text ?? "",
        risk["option"]?.text ?? "", risk["owner"]?.text ?? "", risk["due"]?.text ?? "", risk["status"]?.text ?? "",
        controls[id] ?? "",
      ])
    }
    return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  static func field(_ raw: String) -> String {
    var text = raw
    if let first = text.first, "=+-@\t".contains(first) { text = "'" + text }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
