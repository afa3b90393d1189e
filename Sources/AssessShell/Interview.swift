import AssessKit
import Foundation

/// A failure that ends the interview: the session could not be written.
public struct InterviewError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

/// The interactive interview: asks the questions on the path, takes in-line commands, records
/// every accepted answer durably before showing the next question.
public final class Interview {
  /// How the interview ended.
  public enum Outcome: Equatable {
    /// Every question on the path is answered or skipped.
    case completed
    /// The person quit (`:quit`, Ctrl-D, Ctrl-C on an empty line); everything is saved.
    case quit
    /// SIGTERM or SIGHUP ended the interview; everything is saved.
    case terminated
  }

  /// Every change goes through the recorder, which saves it before it is applied.
  let recorder: SessionRecorder
  let editor: any LineEditor
  let out: ShellOutput
  /// Whom answers are attributed to; `:who` changes it.
  var who: String
  /// The item being asked, or `nil` at the end.
  var cursor: PathItem?
  /// Moving through answered questions after `:back`, `:goto` or `:review`.
  var walking = false
  var lastSection: Int?
  var shownNotes: Set<Int> = []
  /// Whether the person went back from the end (`done>`): reaching the end again returns there.
  var cameFromEnd = false
  /// Answers recorded in this sitting, newest last: (id, value before).
  var undoStack: [(id: String, before: Value?)] = []
  /// The answers kept aside and the place of each question in its section, kept up to date from the
  /// questions each answer touched (the path is never rebuilt for a step: issue 15).
  var tracker = PathTracker()
  /// The notes not shown yet, in order (`show` passes over those before the question asked).
  var notesToShow: [Int]?
  /// The command that resumes this session, for the closing line.
  let resumeCommand: String
  /// How the person runs `assess` (`assess`, or a path when it is not on the PATH), for hints.
  let program: String

  /// Creates an interview on an open session.
  public init(
    recorder: SessionRecorder, editor: any LineEditor, output: ShellOutput, who: String, resumeCommand: String,
    program: String = "assess"
  ) {
    self.program = program
    self.recorder = recorder
    self.editor = editor
    out = output
    self.who = who
    self.resumeCommand = resumeCommand
  }

  var session: Session { recorder.session }
  var questionnaire: Questionnaire { session.questionnaire }
  var engine: Engine { session.engine }

  /// Runs until the end of the questionnaire or until the person quits.
  public func run(resuming: Bool) throws(InterviewError) -> Outcome {
    header(resuming: resuming)
    tracker.sync(with: engine)
    cursor = firstPending(after: nil)
    if resuming, let cursor {
      // Notes of the sections already done were read in an earlier sitting.
      let start = questionnaire.sections[questionnaire.questions[cursor.question].section].questions.lowerBound
      shownNotes.formUnion(0..<start)
    }
    if cursor == nil && resuming {
      // Every note was read in an earlier sitting; going back must not show them again.
      shownNotes.formUnion(questionnaire.questions.indices)
      out.line(
        "Every question on the path is answered. Type :review to change an answer, :status to see the results, or press Enter to leave."
      )
      return try endPrompt()
    }
    return try loop()
  }

  /// Asks questions from the cursor until the end or a quit.
  func loop() throws(InterviewError) -> Outcome {
    var compact = false
    while true {
      guard let item = cursor else {
        if cameFromEnd {
          // Back from a change made at the end: stay open for more until the person leaves.
          try perform { try recorder.settleCompletion(by: who) }
          let (answered, onPath) = session.progress
          out.line()
          out.line(
            out.green("Every question on the path is answered")
              + " (\(answered) of \(onPath)); session is \(session.status). Type :review to change another answer, :status for the results, or press Enter to leave."
          )
          return try endPrompt()
        }
        try finish()
        return .completed
      }
      if !engine.isOnPath(item) {
        cursor = firstPending(after: nil)
        continue
      }
      show(item, compact: compact)
      switch editor.readLine(prompt: prompt(for: item), initial: initialText(for: item)) {
      case .terminate:
        goodbye()
        return .terminated
      case .endOfInput, .interrupt:
        goodbye()
        return .quit
      case .line(let text):
        let step = try handle(text, at: item)
        if step == .quit {
          goodbye()
          return .quit
        }
        // After a command or a wrong answer, the same question is asked again in one line.
        compact = step == .stay && cursor == item
      }
    }
  }

  enum Step { case stay, moved, quit }

  /// Handles one line typed at `item`.
  func handle(_ text: String, at item: PathItem) throws(InterviewError) -> Step {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed == "?" || trimmed.hasPrefix(":") {
      if !trimmed.isEmpty { editor.addHistory(trimmed) }
      return try command(trimmed, at: item)
    }
    let question = questionnaire.questions[item.question]
    let existing = engine.answer(item)
    if trimmed.isEmpty {
      if existing.isPresent {
        // Enter keeps the answer; a carried one is thereby confirmed.
        try perform { try recorder.confirm(item.id, by: who) }
        advance(from: item)
        return .moved
      }
      if !engine.isRequired(item) {
        try perform { try recorder.skip(item.id, by: who) }
        advance(from: item)
        return .moved
      }
      out.line(
        out.yellow("An answer is required here.")
          + " Type one, :skip to park it until the end, or ? for help and commands.")
      return .stay
    }
    switch PromptInput.parse(text, for: question, id: item.id, in: questionnaire) {
    case .failure(let error):
      let message = humanize(error.message, item: item)
      out.line(out.yellow(message.prefix(1).uppercased() + message.dropFirst() + "."))
      return .stay
    case .success(let value):
      editor.addHistory(trimmed)
      let changed = value != existing
      try answer(item.id, value)
      if !changed { try perform { try recorder.confirm(item.id, by: who) } }
      // A new or changed answer goes on to what is still open (newly opened questions come next);
      // keeping an answer while walking back through them goes to the next one.
      if changed { walking = false }
      advance(from: item)
      return .moved
    }
  }

  /// Records an answer and says what it did to the path.
  func answer(_ id: String, _ value: Value) throws(InterviewError) {
    tracker.sync(with: engine)
    let previous = session.state.answers[id]
    var recorded = false
    try perform { recorded = try recorder.answer(id, value, by: who) }
    guard recorded else { return }
    undoStack.append((id, previous))
    reportPathChange()
  }

  /// Says which answers the last change put aside or brought back (the tracker was synced before it).
  func reportPathChange() {
    let (fell, back) = tracker.sync(with: engine)
    if !fell.isEmpty {
      out.line(
        out.dim(
          "\(fell.count) answer\(fell.count == 1 ? " no longer applies and is" : "s no longer apply and are") kept aside\(session.questionnaire.semantics == .surveyjs ? " (still read, as SurveyJS does)" : ""): \(describe(fell))"
        ), indent: 2)
    }
    if !back.isEmpty {
      out.line(
        out.dim("\(back.count) answer\(back.count == 1 ? " applies" : "s apply") again: \(describe(back))"), indent: 2)
    }
  }

  /// Runs a change through the recorder: `ShellOutput.perform`.
  @discardableResult
  func perform(_ change: () throws -> Void) throws(InterviewError) -> Bool { try out.perform(change) }

  /// The next item to ask after `item`.
  func advance(from item: PathItem) {
    if walking, engine.isOnPath(item), let next = engine.firstItem(after: item, where: { _ in true }) {
      if isPending(next) { walking = false }
      cursor = next
      return
    }
    walking = false
    cursor = firstPending(after: item)
  }

  /// Open: no answer and not passed over, or an answer carried by a re-assessment and not confirmed.
  func isPending(_ item: PathItem) -> Bool {
    (!engine.answer(item).isPresent && !session.state.skipped.contains(item.id))
      || session.state.proposed.contains(item.id)
  }

  /// The first unanswered, unskipped, unparked item after `item` (or from the start), else before
  /// it; when only parked questions are left, the first of them: the interview comes back to them.
  /// Costs the questions passed over, not the whole path.
  func firstPending(after item: PathItem?) -> PathItem? {
    let parked = session.state.parked
    let open = { (candidate: PathItem) in self.isPending(candidate) && !parked.contains(candidate.id) }
    if let item, let next = engine.firstItem(after: item, where: open) { return next }
    if let earlier = engine.firstItem(after: nil, where: open) { return earlier }
    return engine.firstItem(after: nil) { isPending($0) && parked.contains($0.id) }
  }

  func goodbye() {
    let (answered, onPath) = session.progress
    out.line()
    out.line("Saved: \(answered) of \(onPath) answered. Resume with: \(resumeCommand)")
  }

  /// After the last question: the summary, and the session marked complete.
  func finish() throws(InterviewError) {
    try perform { try recorder.settleCompletion(by: who) }
    out.line()
    out.write(Summary.render(session, output: out, program: program, today: recorder.today))
  }

  /// At the end of a completed session: commands until Enter or :quit.
  func endPrompt() throws(InterviewError) -> Outcome {
    while true {
      setCompletions(for: nil)
      switch editor.readLine(prompt: "done> ", initial: nil) {
      case .terminate:
        goodbye()
        return .terminated
      case .endOfInput, .interrupt:
        goodbye()
        return .quit
      case .line(let text):
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .completed }
        if trimmed == "?" || trimmed.hasPrefix(":") {
          editor.addHistory(trimmed)
          switch try command(trimmed, at: nil) {
          case .quit:
            goodbye()
            return .quit
          case .moved:
            cameFromEnd = true
            return try loop()
          case .stay: continue
          }
        }
        out.line("Type :review to change an answer, :status for the results, or press Enter to leave.")
      }
    }
  }
}
