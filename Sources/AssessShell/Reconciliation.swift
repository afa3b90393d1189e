import AssessKit

/// `assess reconcile`: brings each rater copy's answers into the main session as ratings, then
/// settles one answer per question: the unanimous ones in one go when the facilitator confirms,
/// then those where raters differ, largest spread first, in a line-editing walk.
public final class Reconciliation {
  /// How to settle without asking.
  public enum Take: Equatable, Sendable {
    /// The suggestion: the median for numbers and scales, the most chosen value otherwise.
    case suggestion
    /// This rater's value (the suggestion where they gave none).
    case rater(String)
  }

  /// How the walk ended.
  public enum Outcome: Equatable {
    /// Every rated question has an answer in the main session.
    case settled
    /// Some are left for a later run (skipped, or the facilitator quit).
    case open
    /// SIGTERM or SIGHUP ended the walk; everything settled so far is saved.
    case terminated
  }

  let recorder: SessionRecorder
  let editor: any LineEditor
  let out: ShellOutput
  let who: String
  var settled = 0

  /// Reconciles on the main session open through `recorder`; answers are attributed to `who`.
  public init(recorder: SessionRecorder, editor: any LineEditor, output: ShellOutput, who: String) {
    self.recorder = recorder
    self.editor = editor
    out = output
    self.who = who
  }

  var session: Session { recorder.session }
  var engine: Engine { session.engine }
  var questionnaire: Questionnaire { session.questionnaire }

  /// Records the answers on each copy's path as its rater's ratings (and the rater as taking part),
  /// skipping what is already recorded, so running it again adds only what changed.
  /// - Returns: how many ratings were recorded.
  @discardableResult
  public func collect(from copies: [Session]) throws(InterviewError) -> Int {
    var count = 0
    for copy in copies {
      guard let rater = copy.state.raterCopy?.rater else { continue }
      try perform {
        if !session.state.participants.contains(where: { $0.name == rater }) {
          try recorder.join(rater, role: "rater", by: who)
        }
        for (id, value) in copy.engine.pathAnswers where try recorder.rate(id, value, rater: rater, by: who) {
          count += 1
        }
      }
    }
    return count
  }

  /// The rated questions that have no answer in the main session yet.
  var open: [Spread] {
    Agreement(session).spreads.filter { session.state.answers[$0.question] == nil }
  }

  /// Lists what is agreed and what differs, then settles: by `take` without asking, by asking when
  /// `interactive`, else only lists.
  public func run(take: Take?, interactive: Bool) throws(InterviewError) -> Outcome {
    let agreement = Agreement(session)
    let raters = Array(Set(session.state.ratings.map(\.rater))).sorted()
    let pending = open
    let agreed = pending.filter(\.unanimous)
    let differing = pending.filter { !$0.unanimous }.sorted { $0.agreement < $1.agreement }
    out.line(
      out.bold("Reconciling '\(session.id)'") + ": \(raters.count) rater\(raters.count == 1 ? "" : "s")"
        + (raters.isEmpty ? "" : " (\(raters.joined(separator: ", ")))")
        + ", \(agreement.rated) question\(agreement.rated == 1 ? "" : "s") rated; "
        + "\(pending.count) to settle: \(agreed.count) agreed, \(differing.count) differ.")
    if pending.isEmpty {
      out.line(
        agreement.rated == 0
          ? "Nothing to reconcile: no ratings yet. Raters join with: assess join \(session.id) --rater NAME"
          : "Every rated question has an answer.")
      return .settled
    }
    if !agreed.isEmpty {
      out.line()
      out.line(out.bold("Agreed") + " (every rater gave the same answer):")
      for spread in agreed {
        let who = spread.entries.count < raters.count ? " (\(spread.entries.map(\.rater).joined(separator: ", ")))" : ""
        out.line("  \(label(spread.question)): \(words(spread.suggestion, spread.question))\(who)", indent: 4)
      }
    }
    if !differing.isEmpty {
      out.line()
      out.line(out.bold("Where raters differ") + " (largest spread first) or only one rated:")
      for spread in differing {
        let how =
          spread.entries.count == 1
          ? "only \(spread.entries[0].rater) rated" : "agreement \(SpreadText.percent(spread.agreement))"
        out.line("  \(label(spread.question)): \(how)", indent: 4)
      }
    }
    guard take != nil || interactive else {
      out.line()
      out.line("Nothing was settled. Settle at a terminal, or with --take median|mode|NAME.")
      return .open
    }
    var apply = take != nil
    if !agreed.isEmpty && take == nil {
      out.line()
      let prompt = "Apply the \(agreed.count) agreed answer\(agreed.count == 1 ? "" : "s")? [Y/n] "
      switch editor.readLine(prompt: prompt, initial: nil) {
      case .terminate: return .terminated
      case .endOfInput, .interrupt: return finish(quit: true)
      case .line(let text): apply = !["n", "no"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
      }
    }
    // Agreed answers first, then the others by spread; each when its question is on the path that
    // the answers settled so far make, so a follow-up question comes after the one it depends on.
    var queue = (apply ? agreed : []) + differing
    var asked = 0
    while let index = queue.firstIndex(where: { engine.path.contains($0.question) }) {
      let spread = queue.remove(at: index)
      if session.state.answers[spread.question] != nil { continue }
      if spread.unanimous {
        try settle(spread.question, spread.suggestion)
        out.line(
          out.green("Agreed: ") + "\(label(spread.question)): \(words(spread.suggestion, spread.question))", indent: 4)
        continue
      }
      asked += 1
      out.line()
      out.line(out.dim("[\(asked)/\(differing.count)] ") + out.bold(label(spread.question)), indent: 2)
      out.write(indented(SpreadText.render(spread, in: questionnaire, style: out.style)))
      if let take {
        let value: Value
        switch take {
        case .suggestion: value = spread.suggestion
        case .rater(let name): value = spread.entries.first { $0.rater == name }?.value ?? spread.suggestion
        }
        try settle(spread.question, value)
        out.line("  Settled: \(words(value, spread.question))")
        continue
      }
      switch try ask(spread) {
      case .terminate: return .terminated
      case .quit: return finish(quit: true)
      case .next: continue
      }
    }
    let offPath = queue.filter { session.state.answers[$0.question] == nil }
    if !offPath.isEmpty {
      out.line()
      out.line(
        out.dim(
          "Not on the path with the answers settled (left open): " + offPath.map(\.question).joined(separator: ", ")))
    }
    return finish(quit: false)
  }

  enum Asked { case next, quit, terminate }

  /// Asks for the agreed answer to one question until one is given, skipped or the walk ends.
  func ask(_ spread: Spread) throws(InterviewError) -> Asked {
    guard let question = question(of: spread.question) else { return .next }
    let suggestion = SpreadText.typed(spread.suggestion, question)
    out.line(
      out.dim(
        "Agreed answer: Enter takes \(words(spread.suggestion, spread.question)); a rater's name takes theirs; "
          + ":skip leaves it open; :quit stops"), indent: 2)
    var candidates = question.options.flatMap { [$0.value, $0.label] } + [":skip", ":quit"]
    candidates += spread.entries.map(\.rater)
    while true {
      editor.setCompletions(candidates)
      let event = editor.readLine(prompt: "agreed> ", initial: editor.isInteractive ? suggestion : nil)
      switch event {
      case .terminate: return .terminate
      case .endOfInput, .interrupt: return .quit
      case .line(let text):
        let input = text.trimmingCharacters(in: .whitespaces)
        switch input.lowercased() {
        case ":skip", ":s":
          out.line(out.dim("  Left open."))
          return .next
        case ":quit", ":q":
          return .quit
        default: break
        }
        if input.isEmpty {
          try settle(spread.question, spread.suggestion)
          out.line(out.green("  Settled: ") + words(spread.suggestion, spread.question))
          return .next
        }
        if let entry = spread.entries.first(where: { $0.rater.lowercased() == input.lowercased() }) {
          try settle(spread.question, entry.value)
          out.line(out.green("  Settled: ") + words(entry.value, spread.question) + " (\(entry.rater)'s)")
          return .next
        }
        switch PromptInput.parse(input, for: question, id: spread.question, in: questionnaire) {
        case .failure(let error):
          out.line(out.yellow("  " + error.message.prefix(1).uppercased() + error.message.dropFirst() + "."))
        case .success(let value):
          editor.addHistory(input)
          try settle(spread.question, value)
          out.line(out.green("  Settled: ") + words(value, spread.question))
          return .next
        }
      }
    }
  }

  func settle(_ id: String, _ value: Value) throws(InterviewError) {
    if try perform({ try recorder.answer(id, value, by: who) }) { settled += 1 }
  }

  func finish(quit: Bool) -> Outcome {
    let left = open.filter { engine.path.contains($0.question) }.count
    out.line()
    out.line(
      "Settled \(settled) answer\(settled == 1 ? "" : "s") in '\(session.id)'"
        + (left == 0
          ? "; every rated question on the path has an answer."
          : "; \(left) left open (run reconcile again to settle them)."))
    out.write(SpreadText.summary(Agreement(session), style: out.style))
    return left == 0 && !quit ? .settled : .open
  }

  /// Runs a change through the recorder: `ShellOutput.perform`.
  @discardableResult
  func perform(_ change: () throws -> Void) throws(InterviewError) -> Bool { try out.perform(change) }

  func question(of id: String) -> Question? {
    questionnaire.question(AnswerSet.splitInstance(id)?.question ?? id)
  }

  /// A question's text with its id beside it (the id is what `:goto` and answers files use).
  func label(_ id: String) -> String {
    guard let q = question(of: id) else { return id }
    var prompt = q.prompt
    if let option = AnswerSet.splitInstance(id)?.option, let source = q.repeatOver {
      prompt = prompt.replacingOccurrences(
        of: "{item}", with: questionnaire.questions[source].option(option)?.label ?? option)
    }
    return "\(prompt) (\(id))"
  }

  func words(_ value: Value, _ id: String) -> String {
    question(of: id).map { SpreadText.words(value, $0) } ?? value.description
  }

  func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
      .joined(separator: "\n")
  }
}
