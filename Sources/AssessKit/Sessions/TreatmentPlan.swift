/// A session's risk treatment plan as it is now (ISO/IEC 42001 6.1.3): an item for every raised
/// risk above the matrix appetite, pre-filled from its treatment template and edited in the
/// session, and the raised risks at or below appetite, retained.
public struct TreatmentPlan: Sendable {
  /// One raised risk and its treatment.
  public struct Item: Sendable, Hashable {
    /// Index of the risk in the questionnaire.
    public let index: Int
    /// The risk.
    public let risk: Risk
    /// Its rating now.
    public let state: RiskState
    /// The treatment: the template with the session's edits over it; `nil` when there is none.
    public let treatment: Treatment?
    /// The fields edited in the session.
    public let edits: [String: String]
    /// Whether the inherent rating is above the appetite, so the risk must be treated.
    public let aboveAppetite: Bool
    /// What the item still lacks to count as treated, in words; empty when it is treated.
    public let missing: [String]
    /// Whether the due date has passed and the item is not done.
    public let overdue: Bool

    /// Whether the item counts as treated: an option and an owner confirmed in the session;
    /// `accept` also with a reason, `avoid` with what is stopped.
    public var treated: Bool { missing.isEmpty }
  }

  /// The items above appetite, highest inherent rating first (then in questionnaire order).
  public let items: [Item]
  /// The raised risks at or below appetite, highest first: retained, with the rating that justifies it.
  public let retained: [Item]
  /// The matrix the ratings are on.
  public let matrix: RiskMatrix

  /// The plan of `session`; `today` (`yyyy-mm-dd`, from the edge's clock) marks overdue items.
  public init(_ session: Session, today: String? = nil) {
    let q = session.questionnaire
    let engine = session.engine
    matrix = q.matrix
    var all: [Item] = []
    for (i, risk) in q.risks.enumerated() where engine.risks[i].raised {
      let state = engine.risks[i]
      let edits = session.state.treatments[risk.id] ?? [:]
      let treatment = TreatmentEdits.apply(edits, to: risk.treatment)
      var missing: [String] = []
      if let t = treatment {
        if t.owner == nil {
          missing.append("no owner")
        } else if (edits["owner"] ?? "").isEmpty {
          missing.append("owner '\(t.owner ?? "")' only proposed, not confirmed")
        }
        if t.option == .accept && (t.reason ?? "").isEmpty { missing.append("no reason for accepting") }
        if t.option == .avoid && (t.stops ?? "").isEmpty { missing.append("nothing recorded as stopped") }
      } else {
        missing.append("no treatment option")
        missing.append("no owner")
      }
      var overdue = false
      if let today, let t = treatment, let due = t.due, TreatmentEdits.isDate(due), t.status != .done {
        overdue = due < today
      }
      all.append(
        Item(
          index: i, risk: risk, state: state, treatment: treatment, edits: edits,
          aboveAppetite: q.matrix.isAboveAppetite(state.inherent.rating), missing: missing, overdue: overdue))
    }
    let ordered = all.enumerated().sorted {
      $0.element.state.inherent.rating != $1.element.state.inherent.rating
        ? $0.element.state.inherent.rating > $1.element.state.inherent.rating : $0.offset < $1.offset
    }.map(\.element)
    items = ordered.filter(\.aboveAppetite)
    retained = ordered.filter { !$0.aboveAppetite }
  }

  /// The items above appetite that are not treated yet.
  public var untreated: [Item] { items.filter { !$0.treated } }

  /// The raised risks that are not treated and are rated `rating` or higher; with `nil`, those
  /// above the appetite.
  public func untreated(atOrAbove rating: Int?) -> [Item] {
    guard let rating else { return untreated }
    return (items + retained).filter { $0.state.inherent.rating >= rating && !$0.treated }
      .sorted { $0.state.inherent.rating > $1.state.inherent.rating }
  }

  /// The item of risk `id`, above appetite or retained.
  public func item(_ id: String) -> Item? { (items + retained).first { $0.risk.id == id } }

  /// The residual rating each raised risk is left with (its residual, else its inherent rating), by risk id.
  public var residualRatings: [String: String] {
    var out: [String: String] = [:]
    for item in items + retained {
      out[item.risk.id] = matrix.ratings[(item.state.residual ?? item.state.inherent).rating]
    }
    return out
  }
}
