import AssessKit

extension Interview {
  /// `:poll` on a question: each participant's own rating (asked in turn, or given in one line as
  /// `Ana=3 Ben=4`), each recorded as a `rated` event; then the spread, and the agreed answer
  /// (Enter takes the median or the most chosen answer).
  func poll(_ argument: String, at item: PathItem?) throws(InterviewError) -> Step {
    guard let item else {
      out.line(":poll applies to a question; there is none at the end. Use :review to pick one.")
      return .stay
    }
    let question = questionnaire.questions[item.question]
    if argument.isEmpty {
      let raters = session.state.participants.filter { $0.role != "facilitator" }.map(\.name)
      guard !raters.isEmpty else {
        out.line(
          out.yellow("No participants to poll.")
            + " Give the ratings in one line (:poll Ana=3 Ben=4), or add people with --participant or :who.")
        return .stay
      }
      out.line(
        out.dim("Each person's own answer, in turn (Enter: not here; :cancel stops the poll):"), indent: 2)
      for name in raters {
        if let step = try askRating(of: name, item: item, question: question) { return step }
      }
    } else {
      guard let pairs = ratingPairs(argument) else {
        out.line(out.yellow("Write the ratings as NAME=ANSWER: :poll Ana=3 Ben=4 Chloe=2"))
        return .stay
      }
      var values: [(String, Value)] = []
      for (name, text) in pairs {
        switch PromptInput.parse(text, for: question, id: item.id, in: questionnaire) {
        case .failure(let error):
          out.line(out.yellow("\(name)'s rating: \(error.message); nothing was recorded."))
          return .stay
        case .success(let value): values.append((name, value))
        }
      }
      for (name, value) in values { try recordRating(of: name, value, item: item) }
    }
    guard let spread = Agreement(session).spread(of: item.id) else {
      out.line("No ratings were given.")
      return .stay
    }
    out.write(indented(SpreadText.render(spread, in: questionnaire, style: out.style)))
    return try askAgreed(spread, item: item, question: question)
  }

  /// Asks one person for their rating; a step ends the poll early (`nil` goes on).
  private func askRating(of name: String, item: PathItem, question: Question) throws(InterviewError) -> Step? {
    while true {
      setCompletions(for: item)
      switch editor.readLine(prompt: "  \(name)> ", initial: nil) {
      case .terminate, .endOfInput: return .quit
      case .interrupt: return .stay
      case .line(let text):
        let input = text.trimmingCharacters(in: .whitespaces)
        if input.isEmpty { return nil }
        if input.lowercased() == ":cancel" || input.lowercased() == ":quit" {
          out.line(out.dim("  Poll stopped; the ratings given are kept."))
          return .stay
        }
        switch PromptInput.parse(input, for: question, id: item.id, in: questionnaire) {
        case .failure(let error):
          out.line(out.yellow("  " + error.message.prefix(1).uppercased() + error.message.dropFirst() + "."))
        case .success(let value):
          try recordRating(of: name, value, item: item)
          return nil
        }
      }
    }
  }

  private func recordRating(of name: String, _ value: Value, item: PathItem) throws(InterviewError) {
    try perform {
      if !session.state.participants.contains(where: { $0.name == name }) {
        try recorder.join(name, role: "participant", by: who)
      }
      try recorder.rate(item.id, value, rater: name, by: who)
    }
  }

  /// The agreed answer after a poll: Enter takes the suggestion, `:skip` leaves the question as it was.
  private func askAgreed(_ spread: Spread, item: PathItem, question: Question) throws(InterviewError) -> Step {
    let suggestion = SpreadText.typed(spread.suggestion, question)
    out.line(
      out.dim(
        "Agreed answer: Enter takes \(SpreadText.words(spread.suggestion, question)); :skip leaves the question as it is"
      ), indent: 2)
    while true {
      setCompletions(for: item)
      switch editor.readLine(prompt: "agreed> ", initial: editor.isInteractive ? suggestion : nil) {
      case .terminate, .endOfInput: return .quit
      case .interrupt: return .stay
      case .line(let text):
        let input = text.trimmingCharacters(in: .whitespaces)
        if input.lowercased() == ":skip" { return .stay }
        let parsed: Result<Value, AnswerError> =
          input.isEmpty
          ? .success(spread.suggestion) : PromptInput.parse(input, for: question, id: item.id, in: questionnaire)
        switch parsed {
        case .failure(let error):
          out.line(out.yellow("  " + error.message.prefix(1).uppercased() + error.message.dropFirst() + "."))
        case .success(let value):
          if !input.isEmpty { editor.addHistory(input) }
          let changed = value != engine.answer(item)
          try answer(item.id, value)
          out.line(out.green("  Agreed: ") + SpreadText.words(value, question))
          if changed { walking = false }
          advance(from: item)
          return .moved
        }
      }
    }
  }

  /// `Ana=3 Ben=4 Chloe=Yes, with a legal effect`: a word with `=` starts a rating, words after it
  /// belong to its answer. `nil` when the text does not start with `NAME=`.
  func ratingPairs(_ text: String) -> [(String, String)]? {
    var pairs: [(String, String)] = []
    for word in text.split(separator: " ") {
      if let eq = word.firstIndex(of: "="), eq > word.startIndex {
        pairs.append((String(word[..<eq]), String(word[word.index(after: eq)...])))
      } else if let last = pairs.indices.last {
        pairs[last].1 += " " + word
      } else {
        return nil
      }
    }
    guard !pairs.isEmpty, pairs.allSatisfy({ !$0.1.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
    return pairs
  }

  /// The spread of the ratings of `item`, for `:why`; nothing when it was not rated.
  func showSpread(_ item: PathItem) {
    guard let spread = Agreement(session).spread(of: item.id) else { return }
    out.write(SpreadText.render(spread, in: questionnaire, style: out.style))
  }

  private func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
      .joined(separator: "\n")
  }
}
