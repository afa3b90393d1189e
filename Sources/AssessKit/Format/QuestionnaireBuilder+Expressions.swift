extension QuestionnaireBuilder {
  struct CompiledParts {
    var computed: [Computed] = []
    var levels: [Level] = []
    var risks: [Risk] = []
  }

  /// Every name with its type, for the checker.
  func nameTable(computedTypes: [ExprType]) -> [String: NameInfo] {
    // Sized once for every name, and the questions read in place (not copied whole, field by field).
    let questions = self.questions
    var table: [String: NameInfo] = [:]
    table.reserveCapacity(questions.count + scales.count + computed.count + levels.count)
    // A choice question's option values, shared with the previous choice question when they are
    // the same (yes/no, a common scale of answers): one array per distinct list, not per question.
    var lastOptions: [String] = []
    func optionValues(_ options: [AnswerOption]) -> [String] {
      if options.count == lastOptions.count
        && !zip(options, lastOptions).contains(where: { option, value in option.value != value })
      {
        return lastOptions
      }
      lastOptions = options.map(\.value)
      return lastOptions
    }
    // The table is empty before the questions: when `checkIds` found no question id twice, every
    // question is the first of its id, and is entered without a lookup first.
    let unique = !duplicateQuestionIds
    for i in questions.indices {
      let id = questions[i].id
      guard unique || table[id] == nil else { continue }
      let questionType = questions[i].type
      let repeated = questions[i].repeatOver != nil
      // A question of an unknown type reads as anything, so its one error is not followed by others.
      var type = !untyped.isEmpty && untyped.contains(i) ? .any : questionType.valueType
      if repeated { type = .list(type) }
      var range: ClosedRange<Double>? = nil
      if !repeated, let lo = questions[i].min, let hi = questions[i].max, lo <= hi { range = lo...hi }
      table[id] = NameInfo(
        symbol: .question(i), type: questionType == .note ? .any : type,
        options: questionType == .single || questionType == .multi ? optionValues(questions[i].options) : nil,
        range: range,
        scored: questionType.hasOptions, kind: questionType == .note ? "note" : "question")
    }
    for (i, s) in scales.enumerated() where table[s.id] == nil {
      table[s.id] = NameInfo(symbol: .scale(i), type: .number, range: 0...Swift.max(0, s.maxScore), kind: "scale")
    }
    for (i, c) in computed.enumerated() where table[c.id] == nil {
      table[c.id] = NameInfo(
        symbol: .computed(i), type: i < computedTypes.count ? computedTypes[i] : .any, kind: "computed value")
    }
    for (i, l) in levels.enumerated() where table[l.id] == nil {
      table[l.id] = NameInfo(symbol: .level(i), type: .string, options: l.bands.map(\.label), kind: "level")
    }
    namesEntered += table.count
    return table
  }

  /// Checks `pending` in `scope`, reporting errors at their place; `nil` on error.
  func compile(
    _ pending: PendingExpression?, in scope: QuestionnaireScope, expecting type: ExprType?,
    what: @autoclosure () -> String
  ) -> Expression? {
    guard let pending else { return nil }
    let location = document.location(ofOffset: 0, in: pending.node)
    if let entry = scope.checked?.reusable(pending.text, expecting: type, in: scope) {
      return Expression(source: pending.text, compiled: entry.compiled, type: entry.type, location: location)
    }
    var resolved: [Symbol] = []
    switch ExpressionChecker.check(pending.text, in: scope, expecting: type, resolved: &resolved) {
    case .success(let compiled, let resultType):
      scope.checked?.remember(
        pending.text, expecting: type,
        CheckedExpressions.Entry(compiled: compiled, type: resultType, resolved: resolved))
      return Expression(source: pending.text, compiled: compiled, type: resultType, location: location)
    case .failure(let errors):
      let what = what()
      for error in errors {
        document.error("\(error.message) (in \(what))", at: document.location(ofOffset: error.offset, in: pending.node))
      }
      return nil
    }
  }

  func compileExpressions(maxScores: [Double]) -> CompiledParts {
    var parts = CompiledParts()
    let placeholder = Expression.constant(0, location: nil)
    let scope = QuestionnaireScope(table: [:], maxScores: maxScores)
    // By index: a `Question` copied whole is a dozen retains and releases.
    for i in questions.indices {
      if let source = questions[i].repeatOver {
        scope.repeatOptions[i] = questions[source].options.filter { !$0.exclusive }.map(\.value)
        scope.repeatTypes[i] = questions[i].type.valueType
      }
    }
    // The last question each symbol depends on, for the rule that a condition reads only earlier questions.
    var lastQuestion: [Symbol: (Int, String)] = [:]
    for (s, list) in questionsContributing().enumerated() {
      if let last = list.max() { lastQuestion[.scale(s)] = (last, questions[last].id) }
    }
    func latest(_ deps: Set<Symbol>) -> (Int, String)? {
      deps.compactMap { symbol -> (Int, String)? in
        switch symbol {
        case .question(let q), .instance(let q, _): return (q, questions[q].id)
        default: return lastQuestion[symbol]
        }
      }.max { $0.0 < $1.0 }
    }

    // Computed values, in order: each may read answers, scales and earlier computed values.
    // The table is built once and each computed value's type entered when it is known: rebuilding
    // it for every computed value made a long chain of them quadratic.
    var computedTypes: [ExprType] = []
    scope.table = nameTable(computedTypes: computedTypes)
    for (i, c) in computed.enumerated() {
      scope.availability = { symbol in
        switch symbol {
        case .computed(let j) where j == i: return "computed value '\(c.id)' cannot use itself"
        case .computed(let j) where j > i:
          return
            "computed value '\(self.computed[j].id)' is defined after '\(c.id)'; computed values may use only earlier ones"
        case .level: return "levels are banded after computed values, so computed value '\(c.id)' cannot use one"
        default: return nil
        }
      }
      let expression = compile(c.value, in: scope, expecting: nil, what: "computed value '\(c.id)'")
      computedTypes.append(expression?.type ?? .any)
      if scope.table[c.id]?.symbol == .computed(i) {
        scope.table[c.id]?.type = computedTypes[i]
        namesEntered += 1
      }
      if let expression, let last = latest(expression.compiled.dependencies) { lastQuestion[.computed(i)] = last }
      parts.computed.append(Computed(id: c.id, title: c.title, value: expression ?? placeholder, location: c.location))
    }
    // Levels, in order: may read everything but later levels.
    for (i, l) in levels.enumerated() {
      scope.availability = { symbol in
        if case .level(let j) = symbol, j >= i {
          return j == i
            ? "level '\(l.id)' cannot use itself" : "level '\(self.levels[j].id)' is defined after '\(l.id)'"
        }
        return nil
      }
      let expression = compile(l.value, in: scope, expecting: .number, what: "level '\(l.id)'")
      if let expression, let last = latest(expression.compiled.dependencies) { lastQuestion[.level(i)] = last }
      parts.levels.append(
        Level(id: l.id, title: l.title, value: expression ?? placeholder, bands: l.bands, location: l.location))
    }
    // Conditions of sections and questions: they may read only what is settled before the question.
    // From here on the names are settled: a condition written again is checked once.
    var conditions = sections.count + questionRequired.count + risks.count * 5
    for i in questionWhen.indices where questionWhen[i] != nil { conditions += 1 }
    scope.checked = CheckedExpressions(capacity: conditions)
    for (si, section) in sections.enumerated() {
      let first = section.questions.lowerBound
      scope.availability = { symbol in
        self.unavailableBefore(first, symbol, lastQuestion: lastQuestion, what: "section '\(section.id)'")
      }
      sections[si].when = compile(
        sectionWhen[si], in: scope, expecting: .bool, what: "the condition of section '\(section.id)'")
      for qi in section.questions {
        // Most questions have no condition: nothing to set up for them.
        let when = questionWhen[qi]
        let required = questionRequired.isEmpty ? nil : questionRequired[qi]
        guard when != nil || required != nil else { continue }
        let id = questions[qi].id
        scope.availability = { symbol in
          if case .question(let j) = symbol, j == qi { return "the condition of '\(id)' cannot read its own answer" }
          if case .instance(let j, _) = symbol, j == qi {
            return "the condition of '\(id)' cannot read its own answer"
          }
          return self.unavailableBefore(qi, symbol, lastQuestion: lastQuestion, what: "'\(id)'")
        }
        if let when {
          questions[qi].when = compile(when, in: scope, expecting: .bool, what: "the condition of '\(id)'")
        }
        if let required {
          questions[qi].requiredWhen = compile(
            required, in: scope, expecting: .bool, what: "the 'required' condition of '\(id)'")
        }
      }
    }
    // Risks read everything.
    scope.availability = { _ in nil }
    var ranges: [Symbol: ClosedRange<Double>] = [:]
    // Only names with a range are entered: a lookup of any other finds none, as before.
    for info in scope.table.values { if let range = info.range { ranges[info.symbol] = range } }
    scope.ranges = ranges
    for risk in risks {
      parts.risks.append(compileRisk(risk, scope: scope))
    }
    return parts
  }

  private func unavailableBefore(_ index: Int, _ symbol: Symbol, lastQuestion: [Symbol: (Int, String)], what: String)
    -> String?
  {
    // As in SurveyJS, a condition may read any question: answers read as given, shown or not.
    if semantics == .surveyjs { return nil }
    switch symbol {
    case .question(let j), .instance(let j, _):
      guard j >= index else { return nil }
      return "'\(questions[j].id)' is asked after \(what); a condition can only read questions placed before it"
    default:
      guard let (j, id) = lastQuestion[symbol], j >= index else { return nil }
      let name: String
      switch symbol {
      case .scale(let s): name = "scale '\(scales[s].id)'"
      case .computed(let c): name = "computed value '\(computed[c].id)'"
      case .level(let l): name = "level '\(levels[l].id)'"
      default: name = "it"
      }
      return
        "\(name) depends on '\(id)', which is asked after \(what); a condition can only read what is settled before it"
    }
  }

  /// For each scale, the questions that can add to it.
  func questionsContributing() -> [[Int]] {
    if let contributors { return contributors }
    let made = Questionnaire.scaleContributors(of: questions, scaleCount: scales.count)
    contributors = made
    return made
  }

  private func compileRisk(_ risk: PendingRisk, scope: QuestionnaireScope) -> Risk {
    let what = "risk '\(risk.id)'"
    let when = compile(risk.when, in: scope, expecting: .bool, what: "the condition of \(what)")
    let likelihood = rating(
      risk.likelihood, axis: "likelihood", count: matrix.likelihood.count, scope: scope, what: what)
    let severity = rating(risk.severity, axis: "severity", count: matrix.severity.count, scope: scope, what: what)
    let residualLikelihood = rating(
      risk.residualLikelihood, axis: "likelihood", count: matrix.likelihood.count, scope: scope,
      what: "the residual of \(what)")
    let residualSeverity = rating(
      risk.residualSeverity, axis: "severity", count: matrix.severity.count, scope: scope,
      what: "the residual of \(what)")
    if let when, let reason = NeverHolds.reason(when.compiled, names: displayName, ranges: scope) {
      document.warning("\(what) can never be raised: \(reason)", at: when.location ?? risk.location)
    }
    return Risk(
      id: risk.id, title: risk.title, dimension: risk.dimension, description: risk.description, when: when,
      likelihood: likelihood ?? .constant(1, location: nil), severity: severity ?? .constant(1, location: nil),
      residualLikelihood: residualLikelihood, residualSeverity: residualSeverity, hasResidual: risk.hasResidual,
      treatment: risk.treatment, location: risk.location)
  }

  /// A likelihood or severity: a whole number in the matrix's range, or a number expression.
  private func rating(_ pending: PendingExpression?, axis: String, count: Int, scope: QuestionnaireScope, what: String)
    -> Expression?
  {
    guard let pending, let expression = compile(pending, in: scope, expecting: .number, what: "the \(axis) of \(what)")
    else { return nil }
    if case .constant(.number(let n)) = expression.compiled, n != n.rounded() || n < 1 || n > Double(count) {
      document.error(
        "\(axis) \(JSON.format(n)) is outside the matrix: a whole number from 1 to \(count) (in \(what))", pending.node)
    }
    return expression
  }

  func displayName(_ symbol: Symbol) -> String {
    switch symbol {
    case .question(let q): return questions[q].id
    case .instance(let q, let option): return "\(questions[q].id)[\(option)]"
    case .scale(let s): return scales[s].id
    case .computed(let c): return computed[c].id
    case .level(let l): return levels[l].id
    }
  }
}

extension QuestionnaireScope {
  /// The known range of a symbol's value, if any.
  func range(of symbol: Symbol) -> ClosedRange<Double>? {
    if let ranges { return ranges[symbol] }
    return table.values.first { $0.symbol == symbol }?.range
  }
}
