/// How many questions a person answers on the way through a questionnaire: the fewest and the
/// most seen over a fixed set of walks.
///
/// A walk answers the first open question on the path with a chosen answer until none is open,
/// as a respondent would. Two greedy walks choose, at each question, the answer that leaves the
/// shortest or the longest path; the others choose at random from a fixed seed, so the estimate
/// is the same on every run. It is an estimate: a branch that only a rare combination opens may
/// not be seen.
public struct PathSpan: Sendable, Hashable {
  /// The fewest questions seen on a complete path.
  public let fewest: Int
  /// The most questions seen on a complete path.
  public let most: Int

  /// Walks `questionnaire` `walks` times (at least the two fixed walks).
  /// - Complexity: O(walks × questions × the cost of one engine step).
  public init(_ questionnaire: Questionnaire, walks: Int = 8, seed: UInt64 = 42) {
    var generator = SplitMix64(seed: seed)
    var counts: [Int] = []
    for walk in 0..<max(2, walks) {
      let pick: Pick = walk == 0 ? .shortest : walk == 1 ? .longest : .random
      counts.append(Self.walk(questionnaire, pick: pick, generator: &generator))
    }
    fewest = counts.min() ?? 0
    most = counts.max() ?? 0
  }

  private enum Pick { case shortest, longest, random }

  private static func walk(_ q: Questionnaire, pick: Pick, generator: inout SplitMix64) -> Int {
    var engine = Engine(questionnaire: q)
    // Each step answers one more question, so a path of n questions takes n steps.
    for _ in 0...(q.questions.count * 8 + 8) {
      guard let item = engine.pathItems.first(where: { !engine.answer($0).isPresent }) else { break }
      let choices = candidates(q.questions[item.question])
      guard !choices.isEmpty else { break }
      switch pick {
      case .random:
        engine.set(item.id, to: choices[Int(generator.next() % UInt64(choices.count))])
      case .shortest, .longest:
        var best: (count: Int, value: Value)?
        for value in choices {
          var trial = engine
          trial.set(item.id, to: value)
          let count = trial.pathItems.count
          if best == nil || (pick == .shortest ? count < best?.count ?? 0 : count > best?.count ?? 0) {
            best = (count, value)
          }
        }
        if let best { engine.set(item.id, to: best.value) }
      }
    }
    return engine.pathItems.count
  }

  /// The answers a walk chooses among: each option; for a multiple choice also all the
  /// non-exclusive options together; for numbers the bounds, the middle and a large value.
  private static func candidates(_ question: Question) -> [Value] {
    switch question.type {
    case .single:
      return question.options.map { .string($0.value) }
    case .multi:
      let all = question.options.filter { !$0.exclusive }.map { Value.string($0.value) }
      return question.options.map { .list([.string($0.value)]) } + (all.count > 1 ? [.list(all)] : [])
    case .yesno:
      return [.bool(true), .bool(false)]
    case .scale, .number:
      let low = question.min ?? 0
      let values = [low, question.max ?? low + 1, question.max.map { (low + $0) / 2 } ?? low + 10, low + 1_000_000]
        .filter { $0 >= low && $0 <= (question.max ?? .infinity) }
      return values.map { .number(question.type == .scale ? $0.rounded() : $0) }
    case .text:
      return [.string("x")]
    case .note:
      return []
    }
  }
}
