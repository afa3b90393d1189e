/// The Statement of Applicability in words and as JSON: `assess soa`.
public enum SoAText {
  /// Every control with where it stands, then the controls of other schemes in the plan.
  public static func render(_ session: Session, _ soa: StatementOfApplicability, style: any TextStyler = PlainStyler())
    -> String
  {
    var out =
      style.apply(.heading, "Statement of Applicability")
      + " (ISO/IEC 42001 Annex A), session '\(session.id)': \(soa.count(.included)) included, "
      + "\(soa.count(.excluded)) excluded, \(soa.count(.open)) open\n"
    let width = AnnexA.controls.map(\.id.count).max() ?? 0
    for row in soa.rows {
      let id = row.control.id.padding(toLength: width, withPad: " ", startingAt: 0)
      var line = "  \(id)  \(row.control.title): "
      switch row.status {
      case .included:
        var why: [String] = []
        if !row.risks.isEmpty { why.append("for " + row.risks.joined(separator: ", ")) }
        if let d = row.declaration, d.included { why.append(d.reason) }
        line += style.apply(.success, "included") + " (" + why.joined(separator: "; ") + ")"
        if row.contradicted, let d = row.declaration {
          line += "; " + style.apply(.warning, "declared excluded (\(d.reason)), but the plan names it")
        }
      case .excluded:
        line += "excluded (\(row.declaration?.reason ?? ""))"
      case .open:
        line += style.apply(.warning, "open")
      }
      out += line + "\n"
    }
    if !soa.otherControls.isEmpty {
      out += style.apply(.heading, "Other controls in the plan") + "\n"
      for other in soa.otherControls { out += "  \(other.control) (for \(other.risks.joined(separator: ", ")))\n" }
    }
    if soa.count(.open) > 0 {
      out += "Declare an open control: assess soa \(session.id) CONTROL --include REASON | --exclude REASON\n"
    }
    return out
  }

  /// The statement as JSON.
  public static func json(_ session: Session, _ soa: StatementOfApplicability) -> JSON {
    .object([
      ("session", .string(session.id)),
      (
        "counts",
        .object([
          ("included", .number(Double(soa.count(.included)))), ("excluded", .number(Double(soa.count(.excluded)))),
          ("open", .number(Double(soa.count(.open)))),
        ])
      ),
      (
        "controls",
        .array(
          soa.rows.map { row in
            .object([
              ("id", .string(row.control.id)), ("title", .string(row.control.title)),
              ("status", .string(row.status.rawValue)), ("risks", .array(row.risks.map(JSON.string))),
              (
                "declaration",
                row.declaration.map { d in
                  .object([
                    ("decision", .string(d.included ? "include" : "exclude")), ("reason", .string(d.reason)),
                    ("by", .string(d.by)), ("at", .string(d.at.text)),
                  ])
                } ?? .null
              ),
              ("contradicted", .bool(row.contradicted)),
            ])
          })
      ),
      (
        "otherControls",
        .array(
          soa.otherControls.map {
            .object([("control", .string($0.control)), ("risks", .array($0.risks.map(JSON.string)))])
          })
      ),
    ])
  }
}
