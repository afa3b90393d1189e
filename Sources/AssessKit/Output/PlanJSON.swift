/// The treatment plan as JSON: `assess plan --list --json`.
public enum PlanJSON {
  /// The plan of `session`, items above appetite first, then the retained risks.
  public static func make(_ session: Session, plan: TreatmentPlan) -> JSON {
    let m = plan.matrix
    func item(_ item: TreatmentPlan.Item) -> JSON {
      var fields: [(String, JSON)] = [
        ("risk", .string(item.risk.id)), ("title", .string(item.risk.title)),
        ("rating", .string(m.ratings[item.state.inherent.rating])),
        ("residual", item.state.residual.map { .string(m.ratings[$0.rating]) } ?? .null),
        ("aboveAppetite", .bool(item.aboveAppetite)), ("treated", .bool(item.treated)),
        ("missing", .array(item.missing.map(JSON.string))), ("overdue", .bool(item.overdue)),
      ]
      if let t = item.treatment {
        fields.append(
          (
            "treatment",
            .object([
              ("option", .string(t.option.rawValue)),
              (
                "controls",
                .array(
                  t.controls.map { id in
                    .object([
                      ("id", .string(id)),
                      ("title", AnnexA.controls.first { $0.id == id }.map { .string($0.title) } ?? .null),
                    ])
                  })
              ),
              ("actions", .array(t.actions.map(JSON.string))), ("owner", t.owner.map(JSON.string) ?? .null),
              ("ownerConfirmed", .bool(!(item.edits["owner"] ?? "").isEmpty)),
              ("due", t.due.map(JSON.string) ?? .null), ("status", .string(t.status.rawValue)),
              ("reason", t.reason.map(JSON.string) ?? .null), ("stops", t.stops.map(JSON.string) ?? .null),
            ])
          ))
      } else {
        fields.append(("treatment", .null))
      }
      return .object(fields)
    }
    return .object([
      ("session", .string(session.id)), ("appetite", .string(m.ratings[m.appetite])),
      ("items", .array(plan.items.map(item))), ("retained", .array(plan.retained.map(item))),
      ("untreated", .array(plan.untreated.map { .string($0.risk.id) })),
    ])
  }
}
