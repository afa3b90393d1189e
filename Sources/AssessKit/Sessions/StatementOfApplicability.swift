/// The Statement of Applicability (ISO/IEC 42001 6.1.3 d): every Annex A control, included by the
/// plan items that name it or by a declaration, excluded with a justification, or still open.
public struct StatementOfApplicability: Sendable {
  /// Where a control stands.
  public enum Status: String, Sendable, Hashable {
    /// Applied: named by a plan item, or declared included.
    case included
    /// Declared not applicable, with a justification.
    case excluded
    /// Neither included nor justified yet.
    case open
  }

  /// One control.
  public struct Row: Sendable, Hashable {
    /// The control.
    public let control: AnnexA.Control
    /// The risks above appetite whose plan items name it.
    public let risks: [String]
    /// The declaration made in the session, if any.
    public let declaration: SessionState.Applicability?

    /// Included when a plan item names it or it is declared included; excluded when declared so
    /// and no plan item names it; else open.
    public var status: Status {
      if !risks.isEmpty { return .included }
      guard let declaration else { return .open }
      return declaration.included ? .included : .excluded
    }

    /// Declared excluded although a plan item names it: the plan wins, and the declaration needs a look.
    public var contradicted: Bool { !risks.isEmpty && declaration?.included == false }
  }

  /// All 38 controls, in Annex A order.
  public let rows: [Row]
  /// Controls named by plan items that are not Annex A ids (other schemes), with the risks naming them.
  public let otherControls: [(control: String, risks: [String])]

  /// The statement for `session`'s plan and declarations.
  public init(_ session: Session) {
    var byControl: [String: [String]] = [:]
    var others: [String: [String]] = [:]
    var otherOrder: [String] = []
    for item in TreatmentPlan(session).items {
      for control in item.treatment?.controls ?? [] {
        if AnnexA.isControl(control) {
          byControl[control, default: []].append(item.risk.id)
        } else {
          if others[control] == nil { otherOrder.append(control) }
          others[control, default: []].append(item.risk.id)
        }
      }
    }
    rows = AnnexA.controls.map { control in
      Row(control: control, risks: byControl[control.id] ?? [], declaration: session.state.applicability[control.id])
    }
    otherControls = otherOrder.map { ($0, others[$0] ?? []) }
  }

  /// How many controls stand where.
  public func count(_ status: Status) -> Int { rows.filter { $0.status == status }.count }
}
