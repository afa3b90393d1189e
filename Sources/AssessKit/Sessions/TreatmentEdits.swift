/// Treatment fields edited in a session, applied over a risk's treatment template.
///
/// Fields are `option`, `status`, `owner`, `due`, `controls`, `actions`, `reason` (why an accepted
/// risk is accepted) and `stops` (what is stopped to avoid a risk); lists are kept one item per line.
public enum TreatmentEdits {
  /// The field names that can be edited.
  public static let fields = ["option", "status", "owner", "due", "controls", "actions", "reason", "stops"]

  /// The treatment with `edits` applied; `nil` when there is neither a template nor an option.
  public static func apply(_ edits: [String: String], to template: Treatment?) -> Treatment? {
    guard !edits.isEmpty else { return template }
    var treatment = template ?? Treatment(option: .mitigate)
    if template == nil && edits["option"] == nil { return nil }
    if let option = edits["option"].flatMap(TreatmentOption.init(rawValue:)) { treatment.option = option }
    if let status = edits["status"].flatMap(TreatmentStatus.init(rawValue:)) { treatment.status = status }
    if let owner = edits["owner"] { treatment.owner = owner.isEmpty ? nil : owner }
    if let due = edits["due"] { treatment.due = due.isEmpty ? nil : due }
    if let controls = edits["controls"] { treatment.controls = lines(controls) }
    if let actions = edits["actions"] { treatment.actions = lines(actions) }
    if let reason = edits["reason"] { treatment.reason = reason.isEmpty ? nil : reason }
    if let stops = edits["stops"] { treatment.stops = stops.isEmpty ? nil : stops }
    return treatment
  }

  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
  }

  /// Whether `text` is an ISO 8601 calendar date, `yyyy-mm-dd`, that exists (`2026-02-30` does not).
  public static func isDate(_ text: String) -> Bool {
    text.utf8.count == 10 && Timestamp(text + "T00:00:00Z") != nil
  }

  /// What is wrong with edits to risk `risk` whose treatment is now `current`, or `nil`: a due
  /// date that is not a date, a control that is neither an Annex A id nor qualified by its scheme,
  /// `accept` without a reason, `avoid` without what it stops.
  static func problem(_ edits: [String: String], risk: String, current: Treatment?) -> String? {
    if let due = edits["due"], !due.isEmpty, !isDate(due) {
      return "the due date of '\(risk)' must be an ISO 8601 date like 2026-12-31, not '\(due)'"
    }
    // New controls only: one a questionnaire's template already names was warned about when it loaded.
    let known = Set(current?.controls ?? [])
    for control in lines(edits["controls"] ?? "")
    where !known.contains(control) && !AnnexA.isControl(control) && !AnnexA.isQualifiedExternal(control) {
      let hint = Suggestions.hint(for: control, in: AnnexA.controls.map(\.id))
      return
        "'\(control)' is not an ISO/IEC 42001 Annex A control\(hint); qualify controls from elsewhere, e.g. 'ISO 27001 A.8.12'"
    }
    guard edits["option"] != nil, let after = apply(edits, to: current) else { return nil }
    if after.option == .accept && (after.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
      return "accepting '\(risk)' needs a reason: who accepts it and why (--reason)"
    }
    if after.option == .avoid && (after.stops ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
      return "avoiding '\(risk)' needs what is stopped to avoid it (--stops)"
    }
    return nil
  }
}

extension TreatmentEdits {
  /// What is wrong with the names and values of treatment edits, or `nil`: an unknown field, an
  /// unknown option or status. The recorder and strict replay both check with it.
  static func fieldProblem(_ fields: [String: String]) -> String? {
    for name in fields.keys.sorted() where !TreatmentEdits.fields.contains(name) {
      return Suggestions.unknown("treatment field", name, among: TreatmentEdits.fields, plural: "fields")
    }
    if let option = fields["option"], TreatmentOption(rawValue: option) == nil {
      return Suggestions.unknown(
        "treatment option", option, among: TreatmentOption.allCases.map(\.rawValue), plural: "options")
    }
    if let status = fields["status"], TreatmentStatus(rawValue: status) == nil {
      return Suggestions.unknown(
        "treatment status", status, among: TreatmentStatus.allCases.map(\.rawValue), plural: "statuses")
    }
    return nil
  }
}
