import AssessKit

extension Interview {
  func header(resuming: Bool) {
    let q = questionnaire
    out.line(out.bold(q.title) + out.dim("  (\(q.id) \(q.version), session '\(session.id)')"))
    if resuming {
      let (answered, onPath) = session.progress
      out.line("Resuming: \(answered) of \(onPath) answered so far. Type ? for help.")
    } else {
      if let description = q.description { out.line(description) }
      out.line(out.dim("Type ? for help and commands (:back, :review, :note, :flag, :status, :quit). Tab completes."))
    }
  }

  /// The notes due before `item`, its section's title when entering it, the question and its options.
  func show(_ item: PathItem, compact: Bool = false) {
    let question = questionnaire.questions[item.question]
    if compact {
      let (answered, onPath) = session.progress
      out.line(
        out.dim("[\(answered)/\(onPath)] ") + out.bold(prompt(of: item))
          + out.dim("  (\(hint(for: question, item: item)))"), indent: 2)
      return
    }
    // Notes due before this question, each under its section's title (a section may hold only
    // notes, like a welcome page). Going back or jumping shows only the notes of the question's own
    // section, never another section's title before the real one.
    // Only the notes not shown yet are looked at (`notesToShow`), not every question before this one.
    var notes = notesToShow ?? questionnaire.questions.indices.filter { questionnaire.questions[$0].type == .note }
    var end = 0
    var dropped = false
    var waiting: [Int] = []
    while end < notes.count, notes[end] < item.question {
      let index = notes[end]
      end += 1
      guard !shownNotes.contains(index) else {
        dropped = true
        continue
      }
      let note = questionnaire.questions[index]
      guard engine.isVisible(question: index), !walking || note.section == question.section else {
        waiting.append(index)
        continue
      }
      dropped = true
      shownNotes.insert(index)
      enterSection(note.section)
      out.line(out.dim("Note: ") + note.prompt)
    }
    if dropped { notes.replaceSubrange(0..<end, with: waiting) }
    notesToShow = notes
    enterSection(question.section)
    out.line()
    out.line(progressLine(item))
    if session.state.parked.contains(item.id) {
      out.line(out.yellow("You parked this question earlier; it is required, so here it is again."))
    }
    out.line(out.bold(prompt(of: item)) + (question.help != nil ? out.dim("  (:why for help)") : ""), indent: 2)
    switch question.type {
    case .single, .multi:
      let width = max(2, String(question.options.count).count)
      for (n, option) in question.options.enumerated() {
        let help = option.help.map { out.dim(" - \($0)") } ?? ""
        out.line("  \(String(n + 1).leftPadded(to: width))) \(option.label)\(help)", indent: 4 + width)
      }
    case .yesno:
      let yes = question.option("yes")?.label ?? "Yes"
      let no = question.option("no")?.label ?? "No"
      out.line("   y) \(yes)   n) \(no)", indent: 6)
    case .scale:
      if let lo = question.min, let hi = question.max, !question.labels.isEmpty, hi - lo <= 20 {
        let points = (Int(lo)...Int(hi)).map { p in question.labels[p].map { "\(p) \($0)" } ?? "\(p)" }
        out.line("   " + points.joined(separator: " · "), indent: 3)
      } else if !question.labels.isEmpty {
        let points = question.labels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        out.line("   " + points.joined(separator: " · "), indent: 3)
      }
    default:
      break
    }
    out.line(out.dim("   " + hint(for: question, item: item)), indent: 3)
  }

  /// The question as asked, `{item}` replaced by the option a repeated question is asked for.
  func prompt(of item: PathItem) -> String {
    let question = questionnaire.questions[item.question]
    guard let option = item.option, let source = question.repeatOver else { return question.prompt }
    let label = questionnaire.questions[source].option(option)?.label ?? option
    return question.prompt.replacingOccurrences(of: "{item}", with: label)
  }

  /// The section's title and intro, when the interview enters it.
  func enterSection(_ index: Int) {
    guard lastSection != index else { return }
    lastSection = index
    let section = questionnaire.sections[index]
    out.line()
    out.line(out.bold(out.cyan("== \(section.title) ==")))
    if let intro = section.intro { out.line(intro) }
  }

  /// `answered 3 of 9 on the path · Context and intended use, 2 of 4`.
  func progressLine(_ item: PathItem) -> String {
    let (answered, onPath) = session.progress
    let question = questionnaire.questions[item.question]
    tracker.sync(with: engine)
    let (place, inSection) = tracker.place(of: item, in: engine)
    let flag = session.state.flags[item.id] != nil ? out.yellow("  [flagged]") : ""
    return out.dim(
      "[\(answered)/\(onPath) answered · \(questionnaire.sections[question.section].title) \(place)/\(inSection)]"
    ) + flag
  }

  /// What the question accepts, and its current answer.
  func hint(for question: Question, item: PathItem) -> String {
    var parts: [String] = []
    switch question.type {
    case .single: parts.append("one of 1-\(question.options.count), a value, or the start of a label")
    case .multi: parts.append("any of them: 1,3 or 1 3 or 2-4")
    case .yesno: parts.append("y or n")
    case .scale, .number:
      parts.append(AnswerChecker.describeRange(question) + (question.unit.map { " (\($0))" } ?? ""))
    case .text: parts.append("text")
    case .note: break
    }
    let current = engine.answer(item)
    if current.isPresent, session.state.proposed.contains(item.id) {
      let from = session.state.reassessmentOf.map { " from '\($0)'" } ?? ""
      parts.append("carried\(from): \(display(current, question)); Enter confirms it")
    } else if current.isPresent {
      parts.append("now: \(display(current, question)); Enter keeps it")
    } else if !engine.isRequired(item) {
      parts.append("optional: Enter skips")
    }
    return parts.joined(separator: "; ")
  }

  /// Questions by their text, for people: `Which groups does the system affect?; How many ...`.
  func describe(_ ids: [String]) -> String {
    ids.map { id in
      if let item = engine.pathItem(id: id) { return "\"\(prompt(of: item))\"" }
      let base = AnswerSet.splitInstance(id)?.question ?? id
      guard let question = questionnaire.question(base) else { return id }
      let option = AnswerSet.splitInstance(id).flatMap { split in
        question.repeatOver.flatMap { questionnaire.questions[$0].option(split.option)?.label }
      }
      let text = option.map { question.prompt.replacingOccurrences(of: "{item}", with: $0) } ?? question.prompt
      return "\"\(text)\""
    }.joined(separator: "; ")
  }

  /// A checker's message in the words of the question asked: no ids, option labels for values.
  func humanize(_ message: String, item: PathItem) -> String {
    let question = questionnaire.questions[item.question]
    var text = message
    for option in question.options {
      text = text.replacingOccurrences(of: "'\(option.value)' in '\(item.id)'", with: "'\(option.label)'")
    }
    text = text.replacingOccurrences(of: "'\(item.id)'", with: "this question")
    for option in question.options where option.value != option.label {
      text = text.replacingOccurrences(of: "'\(option.value)'", with: "'\(option.label)'")
    }
    return text
  }

  /// An answer in words: option labels rather than values.
  func display(_ value: Value, _ question: Question) -> String {
    switch value {
    case .string(let s) where question.type == .single: return question.option(s)?.label ?? s
    case .list(let items) where question.type == .multi:
      return items.compactMap(\.string).map { question.option($0)?.label ?? $0 }.joined(separator: ", ")
    case .bool(let b): return question.option(b ? "yes" : "no")?.label ?? (b ? "yes" : "no")
    case .string(let s): return s
    default: return value.description
    }
  }

  func prompt(for item: PathItem) -> String {
    setCompletions(for: item)
    return "> "
  }

  /// A text answer is offered for editing when revisiting it.
  func initialText(for item: PathItem) -> String? {
    let question = questionnaire.questions[item.question]
    guard question.type == .text, case .string(let s) = engine.answer(item), editor.isInteractive else { return nil }
    return s
  }

  /// Tab completion: the option values and labels, the commands, and `:goto` with ids on the path;
  /// collected when Tab is pressed, not before every prompt (the path's ids cost the whole path).
  func setCompletions(for item: PathItem?) {
    editor.setCompletions(provider: { [weak self] in self?.completions(for: item) ?? [] })
  }

  /// The candidates `setCompletions(for:)` offers.
  func completions(for item: PathItem?) -> [String] {
    var candidates = Interview.commands.map { $0.name + ($0.takesArgument ? " " : "") }
    candidates += engine.path.map { ":goto \($0)" }
    candidates += Explanation.names(in: questionnaire).map { ":why \($0)" }
    if let item {
      let question = questionnaire.questions[item.question]
      candidates += question.options.flatMap { [$0.value, $0.label] }
      if question.type == .yesno { candidates += ["yes", "no"] }
      if question.type == .scale { candidates += Array(question.labels.values) }
    }
    var seen = Set<String>()
    return candidates.filter { seen.insert($0).inserted }
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
