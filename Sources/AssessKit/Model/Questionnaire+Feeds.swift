/// What a question's answer feeds: for `:why` in the shell.
package struct Feeds: Sendable, Hashable {
  /// Scales its options add to.
  package var scales: [String]
  /// Computed values that read it, directly or not.
  package var computed: [String]
  /// Levels that read it, directly or not.
  package var levels: [String]
  /// Risks whose condition or rating reads it, directly or not.
  package var risks: [String]
  /// Questions and sections whose condition reads it.
  package var conditions: [String]
}

extension Questionnaire {
  /// Everything that depends on question `index`'s answer.
  package func feeds(question index: Int) -> Feeds {
    var reached: Set<Symbol> = [.question(index)]
    for (s, list) in contributors.enumerated() where list.contains(index) { reached.insert(.scale(s)) }
    func reads(_ expression: Expression?) -> Bool {
      guard let expression else { return false }
      return expression.compiled.dependencies.contains { symbol in
        if case .instance(let q, _) = symbol { return reached.contains(.question(q)) }
        return reached.contains(symbol)
      }
    }
    for (i, c) in computed.enumerated() where reads(c.value) { reached.insert(.computed(i)) }
    for (i, l) in levels.enumerated() where reads(l.value) { reached.insert(.level(i)) }
    let scaleIds = scales.indices.filter { reached.contains(.scale($0)) }.map { scales[$0].id }
    let computedIds = computed.indices.filter { reached.contains(.computed($0)) }.map { computed[$0].id }
    let levelIds = levels.indices.filter { reached.contains(.level($0)) }.map { levels[$0].id }
    let riskIds = risks.filter { r in
      [r.when, r.likelihood, r.severity, r.residualLikelihood, r.residualSeverity].contains { reads($0) }
    }.map(\.id)
    var conditions = sections.filter { reads($0.when) }.map { "section '\($0.id)'" }
    conditions += questions.filter { reads($0.when) || $0.repeatOver == index }.map { "'\($0.id)'" }
    return Feeds(scales: scaleIds, computed: computedIds, levels: levelIds, risks: riskIds, conditions: conditions)
  }
}
