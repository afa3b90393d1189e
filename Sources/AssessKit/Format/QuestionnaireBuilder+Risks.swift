/// A risk as read, with its expressions not yet checked.
struct PendingRisk {
  var id: String
  var title: String
  var dimension: String
  var description: String?
  var when: PendingExpression?
  var likelihood: PendingExpression?
  var severity: PendingExpression?
  var residualLikelihood: PendingExpression?
  var residualSeverity: PendingExpression?
  var hasResidual: Bool
  var treatment: Treatment?
  var location: SourceLocation
}

extension QuestionnaireBuilder {
  static let riskKeys = [
    "id", "title", "dimension", "description", "when", "likelihood", "severity", "residual", "treatment",
  ]
  static let treatmentKeys = ["option", "controls", "actions", "owner", "due", "status"]

  func readRisks(_ nodes: [YAMLNode]) {
    for node in nodes {
      let label = node.text(forKey: "id").map { "risk '\($0)'" } ?? "a risk"
      guard
        let reader = MappingReader(
          node, in: document, what: label, allowed: Self.riskKeys,
          required: ["id", "title", "dimension", "likelihood", "severity"])
      else { continue }
      var risk = PendingRisk(
        id: reader.text("id") ?? "", title: reader.text("title") ?? "", dimension: reader.text("dimension") ?? "",
        description: reader.string("description"), when: pending(reader, "when"),
        likelihood: pending(reader, "likelihood"), severity: pending(reader, "severity"), hasResidual: false,
        location: reader.location)
      if let residualNode = reader.node("residual"),
        let residual = MappingReader(
          residualNode, in: document, what: "the residual of \(label)",
          allowed: ["likelihood", "severity"])
      {
        if !residual.has("likelihood") && !residual.has("severity") {
          document.error("the residual of \(label) needs 'likelihood', 'severity' or both", residualNode)
        }
        risk.hasResidual = true
        risk.residualLikelihood = pending(residual, "likelihood")
        risk.residualSeverity = pending(residual, "severity")
      }
      if let treatmentNode = reader.node("treatment") {
        risk.treatment = readTreatment(treatmentNode, of: label)
      }
      risks.append(risk)
    }
  }

  func readTreatment(_ node: YAMLNode, of owner: String) -> Treatment? {
    guard
      let reader = MappingReader(
        node, in: document, what: "the treatment of \(owner)",
        allowed: Self.treatmentKeys, required: ["option"])
    else { return nil }
    var treatment = Treatment(option: .mitigate)
    if let option = reader.string("option"), let optionNode = reader.node("option") {
      if let value = TreatmentOption(rawValue: option) {
        treatment.option = value
      } else {
        let names = TreatmentOption.allCases.map(\.rawValue)
        document.error(
          Suggestions.unknown("treatment option", option, among: names, plural: "options"),
          optionNode)
      }
    }
    if let status = reader.string("status"), let statusNode = reader.node("status") {
      if let value = TreatmentStatus(rawValue: status) {
        treatment.status = value
      } else {
        let names = TreatmentStatus.allCases.map(\.rawValue)
        document.error(
          Suggestions.unknown("treatment status", status, among: names, plural: "statuses"),
          statusNode)
      }
    }
    treatment.controls = reader.strings("controls") ?? []
    treatment.actions = reader.strings("actions") ?? []
    treatment.owner = reader.string("owner")
    treatment.due = reader.string("due")
    if let controlsNode = reader.node("controls") {
      let items = controlsNode.sequenceItems ?? [controlsNode]
      for item in items {
        guard let control = item.scalarText, !AnnexA.isControl(control), !AnnexA.isQualifiedExternal(control) else {
          continue
        }
        let hint = Suggestions.hint(for: control, in: AnnexA.controls.map(\.id))
        document.warning(
          "'\(control)' is not an ISO/IEC 42001 Annex A control\(hint); qualify controls from elsewhere, e.g. 'ISO 27001 A.8.12'",
          at: document.location(item))
      }
    }
    return treatment
  }
}
