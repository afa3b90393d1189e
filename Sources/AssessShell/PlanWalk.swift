import AssessKit

/// The interactive walk through a session's treatment plan: each risk above appetite, worst
/// first; confirm or change its option, owner, due date, status, controls and actions. Every
/// accepted change is recorded (and on disk) before the next prompt. Shared by `assess plan` and
/// the interview's `:plan`.
public final class PlanWalk {
  /// How the walk ended.
  public enum Outcome: Equatable {
    /// Every item was shown.
    case finished
    /// The person left early (`:quit`, Ctrl-D, Ctrl-C on an empty line); what was accepted is saved.
    case quit
  }

  let recorder: SessionRecorder
  let editor: any LineEditor
  let out: ShellOutput
  let who: String

  /// A walk over the plan of the session `recorder` has open.
  public init(recorder: SessionRecorder, editor: any LineEditor, output: ShellOutput, who: String) {
    self.recorder = recorder
    self.editor = editor
    out = output
    self.who = who
  }

  private var plan: TreatmentPlan { TreatmentPlan(recorder.session, today: recorder.today) }

  private struct Quit: Error {}

  /// Walks every item above appetite.
  /// - Throws: `InterviewError` when a change cannot be saved.
  public func run() throws(InterviewError) -> Outcome {
    let ids = plan.items.map(\.risk.id)
    guard !ids.isEmpty else {
      out.line("No risk is above the appetite: there is nothing to plan.")
      return .finished
    }
    out.line(
      out.bold("Treatment plan") + ": \(ids.count) risk\(ids.count == 1 ? "" : "s") above appetite, worst first. "
        + "Enter keeps what is shown, - clears it, :next goes to the next risk, :quit leaves (everything accepted is saved)."
    )
    for (n, id) in ids.enumerated() {
      do {
        try walk(id, number: n + 1, of: ids.count)
      } catch let error as InterviewError {
        throw error
      } catch {
        out.line("Plan left; what was accepted is saved.")
        return .quit
      }
    }
    let untreated = plan.untreated
    out.line(
      untreated.isEmpty
        ? out.green("Every risk above appetite is treated.")
        : out.yellow("\(untreated.count) still untreated: ")
          + untreated.map { "\($0.risk.id) (\($0.missing.joined(separator: ", ")))" }.joined(separator: "; "))
    return .finished
  }

  private struct Next: Error {}

  private func walk(_ id: String, number: Int, of count: Int) throws {
    guard let item = plan.item(id) else { return }
    let m = plan.matrix
    out.line()
    out.line(
      out.bold("[\(number)/\(count)] ")
        + out.style.apply(
          .rating(index: item.state.inherent.rating, count: m.ratings.count), m.ratings[item.state.inherent.rating])
        + " \(id): \(item.risk.title)")
    out.line("  " + PlanText.summary(item, m, style: out.style), indent: 4)
    if !item.treated { out.line("  " + out.yellow("untreated: " + item.missing.joined(separator: ", ")), indent: 4) }
    do {
      try option(id)
      try owner(id)
      try due(id)
      try status(id)
      try controls(id)
      try actions(id)
    } catch is Next {
      return
    }
    if let now = plan.item(id) {
      out.line(
        "  " + (now.treated ? out.green("treated") : out.yellow("untreated: " + now.missing.joined(separator: ", "))))
    }
  }

  private func current(_ id: String) -> Treatment? { plan.item(id)?.treatment }

  /// Reads a line; `nil` for Enter (keep). Handles `:next`, `:quit` and `?`.
  private func ask(_ prompt: String, completions: [String] = [], initial: String? = nil) throws -> String? {
    while true {
      editor.setCompletions(completions + [":next", ":quit"])
      switch editor.readLine(prompt: prompt, initial: initial) {
      case .endOfInput, .interrupt, .terminate: throw Quit()
      case .line(let text):
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.lowercased() {
        case "": return nil
        case ":quit", ":q": throw Quit()
        case ":next", ":n", ":skip": throw Next()
        case "?", ":help":
          out.line(
            "Enter keeps what is shown; - clears it; :next goes to the next risk; :quit leaves the plan. Tab completes."
          )
          continue
        default:
          editor.addHistory(trimmed)
          return trimmed
        }
      }
    }
  }

  /// Records one change; a refusal is said and `false` returned.
  @discardableResult
  private func edit(_ id: String, _ fields: [String: String]) throws(InterviewError) -> Bool {
    try out.perform { try recorder.editTreatment(risk: id, fields: fields, by: who) }
  }

  private func option(_ id: String) throws {
    let options = TreatmentOption.allCases.map(\.rawValue)
    while true {
      let shown = current(id)?.option.rawValue ?? "none"
      guard let text = try ask("Option (\(options.joined(separator: ", "))) [\(shown)]: ", completions: options) else {
        if current(id) == nil {
          out.line(out.yellow("This risk has no treatment yet: choose an option."))
          continue
        }
        return try needs(id)
      }
      guard let chosen = TreatmentOption(rawValue: text.lowercased()) else {
        out.line(
          out.yellow(
            Suggestions.unknown("treatment option", text, among: options, plural: "options").capitalizedFirst + "."))
        continue
      }
      var fields = ["option": chosen.rawValue]
      if chosen == .accept && (current(id)?.reason ?? "").isEmpty {
        guard let reason = try ask("Who accepts it, and why? ") else {
          out.line(out.yellow("Accepting a risk needs a reason; the option stays \(shown)."))
          continue
        }
        fields["reason"] = reason
      }
      if chosen == .avoid && (current(id)?.stops ?? "").isEmpty {
        guard let stops = try ask("What is stopped to avoid it? ") else {
          out.line(out.yellow("Avoiding a risk needs what is stopped; the option stays \(shown)."))
          continue
        }
        fields["stops"] = stops
      }
      if try edit(id, fields) { return }
    }
  }

  /// The reason or what is stopped, when the kept option needs it and it is missing.
  private func needs(_ id: String) throws {
    guard let t = current(id) else { return }
    if t.option == .accept && (t.reason ?? "").isEmpty {
      while true {
        if let reason = try ask("Who accepts it, and why? ") {
          try edit(id, ["reason": reason])
          return
        }
        out.line(out.yellow("Accepting a risk needs a reason (or :next to leave it untreated)."))
      }
    }
    if t.option == .avoid && (t.stops ?? "").isEmpty {
      while true {
        if let stops = try ask("What is stopped to avoid it? ") {
          try edit(id, ["stops": stops])
          return
        }
        out.line(out.yellow("Avoiding a risk needs what is stopped (or :next to leave it untreated)."))
      }
    }
  }

  private func owner(_ id: String) throws {
    let item = plan.item(id)
    let owner = item?.treatment?.owner
    let confirmed = !(item?.edits["owner"] ?? "").isEmpty
    let hint = owner.map { confirmed ? "[\($0)]" : "[\($0), proposed: Enter confirms]" } ?? "[none]"
    let known = recorder.session.state.participants.map(\.name)
    guard let text = try ask("Owner \(hint): ", completions: known + (owner.map { [$0] } ?? [])) else {
      if let owner, !confirmed { try edit(id, ["owner": owner]) }
      return
    }
    try edit(id, ["owner": text == "-" ? "" : text])
  }

  private func due(_ id: String) throws {
    while true {
      let shown = current(id)?.due ?? "none"
      guard let text = try ask("Due (yyyy-mm-dd) [\(shown)]: ", initial: nil) else { return }
      if text == "-" {
        try edit(id, ["due": ""])
        return
      }
      guard TreatmentEdits.isDate(text) else {
        out.line(out.yellow("'\(text)' is not a date: write it as yyyy-mm-dd, e.g. 2026-12-31."))
        continue
      }
      try edit(id, ["due": text])
      return
    }
  }

  private func status(_ id: String) throws {
    let statuses = TreatmentStatus.allCases.map(\.rawValue)
    while true {
      let shown = current(id)?.status.rawValue ?? "proposed"
      guard let text = try ask("Status (\(statuses.joined(separator: ", "))) [\(shown)]: ", completions: statuses)
      else { return }
      guard TreatmentStatus(rawValue: text.lowercased()) != nil else {
        out.line(
          out.yellow(
            Suggestions.unknown("treatment status", text, among: statuses, plural: "statuses").capitalizedFirst + "."))
        continue
      }
      try edit(id, ["status": text.lowercased()])
      return
    }
  }

  /// Completion candidates for controls: `A.7.5 Data provenance` and `Data provenance (A.7.5)`.
  static let controlCandidates: [String] =
    AnnexA.controls.map { "\($0.id) \($0.title)" } + AnnexA.controls.map { "\($0.title) (\($0.id))" }

  /// The control a line names: an Annex A id (with or without its title), a title, or a control of
  /// another scheme named with it (`ISO 27001 A.8.12`); else the reason it is not accepted.
  static func control(from text: String) -> Result<String, ControlProblem> {
    let first = String(text.prefix { $0 != " " })
    if AnnexA.isControl(first) { return .success(first) }
    if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
      let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
      if AnnexA.isControl(inner) { return .success(inner) }
    }
    if let match = AnnexA.controls.first(where: { $0.title.lowercased() == text.lowercased() }) {
      return .success(match.id)
    }
    if AnnexA.isQualifiedExternal(text) { return .success(text) }
    let ids = AnnexA.controls.map(\.id)
    return .failure(
      ControlProblem(
        message:
          "'\(text)' is not an Annex A control\(Suggestions.hint(for: first, in: ids)); name a control of another scheme with it, e.g. 'ISO 27001 A.8.12'"
      ))
  }

  struct ControlProblem: Error { let message: String }

  private func controls(_ id: String) throws {
    while true {
      let list = current(id)?.controls ?? []
      out.line(
        "  Controls: "
          + (list.isEmpty
            ? "none" : list.enumerated().map { "\($0 + 1). \(PlanText.controlName($1))" }.joined(separator: "; ")),
        indent: 4)
      guard
        let text = try ask(
          "Add a control (Tab completes ids and titles; -N removes; Enter when done): ",
          completions: Self.controlCandidates)
      else { return }
      if text.hasPrefix("-") {
        let rest = text.dropFirst().trimmingCharacters(in: .whitespaces)
        let index = Int(rest).map { $0 - 1 } ?? list.firstIndex(of: rest)
        guard let index, list.indices.contains(index) else {
          out.line(out.yellow("There is no control '\(rest)' in the list to remove."))
          continue
        }
        var changed = list
        changed.remove(at: index)
        try edit(id, ["controls": changed.joined(separator: "\n")])
        continue
      }
      switch Self.control(from: text) {
      case .failure(let problem):
        out.line(out.yellow(problem.message.capitalizedFirst + "."))
      case .success(let control):
        guard !list.contains(control) else {
          out.line("\(control) is already in the list.")
          continue
        }
        try edit(id, ["controls": (list + [control]).joined(separator: "\n")])
      }
    }
  }

  private func actions(_ id: String) throws {
    while true {
      let list = current(id)?.actions ?? []
      out.line(
        "  Actions: " + (list.isEmpty ? "none" : list.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "; ")),
        indent: 4)
      guard let text = try ask("Add an action (-N removes; Enter when done): ") else { return }
      if text.hasPrefix("-"), let n = Int(text.dropFirst().trimmingCharacters(in: .whitespaces)) {
        guard list.indices.contains(n - 1) else {
          out.line(out.yellow("There is no action \(n) to remove."))
          continue
        }
        var changed = list
        changed.remove(at: n - 1)
        try edit(id, ["actions": changed.joined(separator: "\n")])
        continue
      }
      try edit(id, ["actions": (list + [text]).joined(separator: "\n")])
    }
  }
}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
