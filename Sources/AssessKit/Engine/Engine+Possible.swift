/// A risk that is not raised only because answers it reads are still to come.
public struct PossibleRisk: Sendable, Hashable {
  /// Index of the risk in the questionnaire.
  public let risk: Int
  /// The ids of the unanswered questions its condition reads, which will decide it.
  public let decidedBy: [String]
}

extension Engine {
  /// The risks not raised whose condition cannot be settled yet: it reads questions that are
  /// neither answered nor skipped, and the answers given so far do not already rule it out.
  ///
  /// The condition is read with three values: a part that reads an unanswered question is
  /// unknown; `and` is false when either side is false, `or` is true when either side is true,
  /// `not` keeps unknown. A risk whose condition comes out unknown is possible, so an unknown
  /// never hides a risk in a report made mid-interview.
  public var possibleRisks: [PossibleRisk] {
    let pending = pendingQuestions
    guard !pending.isEmpty else { return [] }
    var out: [PossibleRisk] = []
    for (i, risk) in questionnaire.risks.enumerated() where !risks[i].raised {
      guard let when = risk.when, settle(when.compiled, pending: pending) == nil else { continue }
      let open = when.compiled.dependencies.reduce(into: Set<Int>()) {
        $0.formUnion(openQuestions($1, pending: pending))
      }
      let deciding = open.sorted().map { questionnaire.questions[$0].id }
      out.append(PossibleRisk(risk: i, decidedBy: deciding))
    }
    return out
  }

  /// Questions that may still get an answer: answerable, with none given, not passed over.
  private var pendingQuestions: Set<Int> {
    var pending: Set<Int> = []
    for (i, question) in questionnaire.questions.enumerated() where question.type.isAnswerable {
      if question.repeatOver != nil {
        if !answers.values.keys.contains(where: { AnswerSet.splitInstance($0)?.question == question.id }) {
          pending.insert(i)
        }
      } else if answers[question.id] == nil {
        pending.insert(i)
      }
    }
    return pending
  }

  /// The pending questions a value may still change with: a pending question itself, or those a
  /// score, computed value or level reads.
  private func openQuestions(_ symbol: Symbol, pending: Set<Int>, depth: Int = 0) -> Set<Int> {
    guard depth < 64 else { return [] }
    switch symbol {
    case .question(let q), .instance(let q, _): return pending.contains(q) ? [q] : []
    case .scale(let s): return Set(questionnaire.contributors[s].filter { pending.contains($0) })
    case .computed(let c):
      return questionnaire.computed[c].value.compiled.dependencies.reduce(into: []) {
        $0.formUnion(openQuestions($1, pending: pending, depth: depth + 1))
      }
    case .level(let l):
      return questionnaire.levels[l].value.compiled.dependencies.reduce(into: []) {
        $0.formUnion(openQuestions($1, pending: pending, depth: depth + 1))
      }
    }
  }

  /// The condition's truth with unknowns: `nil` when it depends on a pending question.
  private func settle(_ expr: CompiledExpr, pending: Set<Int>) -> Bool? {
    switch expr {
    case .binary(.and, let l, let r):
      let (a, b) = (settle(l, pending: pending), settle(r, pending: pending))
      if a == false || b == false { return false }
      return a == true && b == true ? true : nil
    case .binary(.or, let l, let r):
      let (a, b) = (settle(l, pending: pending), settle(r, pending: pending))
      if a == true || b == true { return true }
      return a == false && b == false ? false : nil
    case .not(let e):
      return settle(e, pending: pending).map { !$0 }
    default:
      let open = expr.dependencies.contains { !openQuestions($0, pending: pending).isEmpty }
      return open ? nil : expr.evaluate(in: self).holds
    }
  }
}
