/// Treatment fields edited in a session, applied over a risk's treatment template.
///
/// Fields are `option`, `status`, `owner`, `due`, `controls` and `actions`; lists are kept one item
/// per line.
public enum TreatmentEdits {
  /// The field names that can be edited.
  public static let fields = ["option", "status", "owner", "due", "controls", "actions"]

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
    return treatment
  }

  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
  }
}
