import AssessKit

extension Interview {
  /// An in-line command.
  struct Command {
    let name: String
    let takesArgument: Bool
    let help: String
  }

  static let commands: [Command] = [
    Command(name: ":help", takesArgument: false, help: "this list (also ?)"),
    Command(
      name: ":why", takesArgument: false,
      help: "why we ask: help, references, and what the answer feeds; :why RISK|SCORE|LEVEL explains a result"),
    Command(name: ":back", takesArgument: false, help: "the previous question"),
    Command(
      name: ":skip", takesArgument: false,
      help: "pass over this question; a required one is parked and asked again at the end"),
    Command(name: ":review", takesArgument: false, help: "the answers so far; pick one to change"),
    Command(name: ":goto", takesArgument: true, help: "ID: jump to a question on the path"),
    Command(name: ":note", takesArgument: true, help: "TEXT: a note on this question (e.g. the discussion)"),
    Command(name: ":flag", takesArgument: true, help: "[TEXT]: mark this question for follow-up"),
    Command(name: ":unflag", takesArgument: false, help: "clear this question's flag"),
    Command(
      name: ":poll", takesArgument: true, help: "[NAME=ANSWER ...]: each person's own answer, then the agreed one"),
    Command(name: ":who", takesArgument: true, help: "NAME: whose answers these are from now on"),
    Command(name: ":status", takesArgument: false, help: "progress, scores, levels and the risk heat map"),
    Command(name: ":plan", takesArgument: false, help: "walk the treatment plan of the risks above appetite"),
    Command(name: ":undo", takesArgument: false, help: "take back the last answer of this sitting"),
    Command(name: ":quit", takesArgument: false, help: "save and leave (also Ctrl-D, or Ctrl-C on an empty line)"),
  ]

  /// Runs a command typed at `item` (`nil` at the end of the questionnaire).
  func command(_ text: String, at item: PathItem?) throws(InterviewError) -> Step {
    let name = text == "?" ? ":help" : String(text.prefix { $0 != " " }).lowercased()
    let argument = text.drop { $0 != " " }.trimmingCharacters(in: .whitespaces)
    switch name {
    case ":help", ":h":
      out.line(out.bold("Commands") + " (typed at any prompt):")
      for command in Self.commands {
        out.line("  \(command.name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(command.help)", indent: 11)
      }
      out.line(
        "Answers: an option's number, its value or the start of its label; for several, 1,3 or 1 3 or 2-4.", indent: 2)
      return .stay
    case ":why":
      if !argument.isEmpty || item == nil { return explain(argument) }
      guard let item else { return nothingHere(name) }
      why(item)
      return .stay
    case ":back", ":b":
      guard let previous = engine.item(before: item) else {
        out.line("This is the first question.")
        return .stay
      }
      walking = true
      cursor = previous
      return .moved
    case ":skip":
      guard let item else { return nothingHere(name) }
      var parked = false
      guard try perform({ parked = try recorder.park(item.id, by: who) }) else { return .stay }
      if parked {
        out.line(
          out.yellow("Parked.")
            + " This question is required: the interview comes back to it at the end, and the session cannot complete until it is answered."
        )
      }
      advance(from: item)
      return .moved
    case ":review", ":r":
      return review()
    case ":goto", ":g":
      return goto(argument)
    case ":note", ":n":
      guard !argument.isEmpty else {
        out.line("Write the note after the command: :note the group could not agree")
        return .stay
      }
      try perform { try recorder.note(argument, on: item?.id, by: who) }
      out.line(out.green("Noted") + (item == nil ? " on the session." : " on this question."))
      return .stay
    case ":flag", ":f":
      guard let item else { return nothingHere(name) }
      try perform { try recorder.flag(item.id, text: argument, by: who) }
      out.line(out.green("Flagged this question for follow-up."))
      return .stay
    case ":unflag":
      guard let item else { return nothingHere(name) }
      guard session.state.flags[item.id] != nil else {
        out.line("This question has no flag.")
        return .stay
      }
      try perform { _ = try recorder.unflag(item.id, by: who) }
      out.line("Flag on this question cleared.")
      return .stay
    case ":poll", ":p": return try poll(argument, at: item)
    case ":who", ":w":
      guard !argument.isEmpty else {
        out.line("Answers are attributed to \(who). Change with :who NAME.")
        return .stay
      }
      if !session.state.participants.contains(where: { $0.name == argument }) {
        try perform { _ = try recorder.join(argument, role: "participant", by: who) }
      }
      who = argument
      out.line("Answers are now attributed to \(argument).")
      return .stay
    case ":status", ":s":
      status()
      return .stay
    case ":plan", ":p":
      return try plan()
    case ":undo", ":u":
      guard let last = undoStack.popLast() else {
        out.line("Nothing to undo in this sitting.")
        return .stay
      }
      tracker.sync(with: engine)
      try perform { _ = try recorder.answer(last.id, last.before ?? .null, by: who) }
      reportPathChange()
      let undone = questionnaire.question(AnswerSet.splitInstance(last.id)?.question ?? last.id)
      var previous: String?
      if let value = last.before { previous = undone.map { display(value, $0) } ?? value.description }
      out.line("Undone: \(describe([last.id])) is " + (previous.map { "back to \($0)" } ?? "unanswered again") + ".")
      if let back = engine.pathItem(id: last.id) {
        cursor = back
        walking = true
      }
      return .moved
    case ":quit", ":q", ":exit":
      return .quit
    default:
      let names = Self.commands.map(\.name)
      out.line(
        out.yellow("Unknown command '\(name)'\(Suggestions.hint(for: name, in: names)).") + " Type ? for the list.")
      return .stay
    }
  }

  private func nothingHere(_ name: String) -> Step {
    out.line("\(name) applies to a question; there is none at the end. Use :review to pick one.")
    return .stay
  }

  func why(_ item: PathItem) {
    let question = questionnaire.questions[item.question]
    out.line(question.help ?? "No help is written for this question.", indent: 0)
    if !question.refs.isEmpty { out.line(out.dim("References: ") + question.refs.joined(separator: "; ")) }
    let feeds = questionnaire.feeds(question: item.question)
    func title(_ id: String) -> String {
      if let scale = questionnaire.scales.first(where: { $0.id == id }) { return scale.title ?? id }
      if let value = questionnaire.computed.first(where: { $0.id == id }) { return value.title ?? id }
      if let level = questionnaire.levels.first(where: { $0.id == id }) { return level.title ?? id }
      if let risk = questionnaire.risks.first(where: { $0.id == id }) { return risk.title }
      return id
    }
    var parts: [String] = []
    if !feeds.scales.isEmpty { parts.append("scores: " + feeds.scales.map(title).joined(separator: ", ")) }
    if !feeds.computed.isEmpty { parts.append("values: " + feeds.computed.map(title).joined(separator: ", ")) }
    if !feeds.levels.isEmpty { parts.append("levels: " + feeds.levels.map(title).joined(separator: ", ")) }
    if !feeds.risks.isEmpty { parts.append("risks: " + feeds.risks.map(title).joined(separator: ", ")) }
    if !feeds.conditions.isEmpty {
      let n = feeds.conditions.count
      parts.append("which questions are asked (\(n) condition\(n == 1 ? "" : "s"))")
    }
    out.line(
      out.dim("This answer feeds: ")
        + (parts.isEmpty ? "nothing else (it is kept for the record)" : parts.joined(separator: "; ")))
    showSpread(item)
  }

  func goto(_ target: String) -> Step {
    guard !target.isEmpty else {
      out.line("Say where: :goto ID (Tab completes the ids on the path).")
      return .stay
    }
    if let item = engine.pathItem(id: target) {
      cursor = item
      walking = true
      return .moved
    }
    if questionnaire.question(target) != nil
      || AnswerSet.splitInstance(target).flatMap({ questionnaire.question($0.question) }) != nil
    {
      out.line(out.yellow("'\(target)' is not on the path now: its condition does not hold for these answers."))
    } else {
      out.line(out.yellow("There is no question '\(target)'\(Suggestions.hint(for: target, in: engine.path))."))
    }
    return .stay
  }

  func review() -> Step {
    let items = engine.pathItems
    out.line(out.bold("Answers on the path") + out.dim(" (the id in brackets is for :goto)") + ":")
    let width = String(items.count).count
    for (n, item) in items.enumerated() {
      let question = questionnaire.questions[item.question]
      let value = engine.answer(item)
      let shown: String
      if value.isPresent {
        shown = display(value, question)
      } else if session.state.parked.contains(item.id) {
        shown = out.yellow("(parked: required, still to answer)")
      } else {
        shown = session.state.skipped.contains(item.id) ? out.dim("(skipped)") : out.dim("(no answer)")
      }
      let flag = session.state.flags[item.id] != nil ? out.yellow(" [flagged]") : ""
      let number = String(n + 1).leftPadded(to: width)
      out.line("  \(number). \(prompt(of: item))" + out.dim("  [\(item.id)]"), indent: width + 4)
      out.line(String(repeating: " ", count: width + 4) + "= \(shown)\(flag)", indent: width + 6)
    }
    let aside = engine.answersAside
    if !aside.isEmpty { out.line(out.dim("Kept aside (off the path): \(describe(aside))"), indent: 2) }
    editor.setCompletions(items.map(\.id))
    switch editor.readLine(prompt: "Change which (number or id; Enter to go on)? ", initial: nil) {
    case .line(let text):
      let choice = text.trimmingCharacters(in: .whitespaces)
      if choice.isEmpty { return .stay }
      if let n = Int(choice), n >= 1, n <= items.count {
        cursor = items[n - 1]
        walking = true
        return .moved
      }
      return goto(choice)
    default:
      return .stay
    }
  }

  func status() {
    let (answered, onPath) = session.progress
    out.line(out.bold("Progress: ") + "\(answered) of \(onPath) answered")
    out.write(
      EvaluationText.results(
        engine, style: out.style, width: out.width, treatments: session.state.treatments, titles: true))
    out.write(EvaluationText.possible(engine, style: out.style, width: out.width))
    out.write(
      Text.wrap(
        PlanText.render(TreatmentPlan(session, today: recorder.today), style: out.style, compact: true),
        width: out.width, indent: 4))
    out.line(out.bold("Heat map") + " (likelihood by severity, inherent):")
    out.write(Text.wrap(HeatMap.render(engine, style: out.style), width: out.width, indent: 4))
  }
}
