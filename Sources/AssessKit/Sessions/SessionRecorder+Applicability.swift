extension SessionRecorder {
  /// Declares an Annex A control in the Statement of Applicability: included for a reason outside
  /// this assessment, or excluded with a justification. A later declaration replaces an earlier one.
  /// - Throws: `SessionError` for a control that is not in Annex A or an empty reason.
  public func declareApplicability(control: String, included: Bool, reason: String, by: String) throws(SessionError) {
    guard AnnexA.isControl(control) else {
      let ids = AnnexA.controls.map(\.id)
      throw SessionError(
        .invalid, "'\(control)' is not an ISO/IEC 42001 Annex A control\(Suggestions.hint(for: control, in: ids))")
    }
    let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else {
      throw SessionError(
        .invalid, "\(included ? "including" : "excluding") \(control) needs a justification in words")
    }
    try record(.applicability(control: control, included: included, reason: text), by: by)
  }
}
