/// What the interview keeps about the path between answers, brought up to date from the questions
/// each change touched (`Engine.questionChanges`) instead of by building the path after every answer:
///
/// - the answers kept aside (given, but off the path), so that an answer can say which answers it
///   put aside or brought back;
/// - how many path items each question has, in a Fenwick tree, so that the place of an item in its
///   section (`S2 3/9`) costs O(log n).
///
/// Each sync costs the questions the changes since the last one touched; after a change it did not
/// see (or on another engine) it rebuilds in O(n) and reports the difference all the same.
package struct PathTracker {
  /// The engine state this describes (`QuestionChanges.token`); `nil` before the first sync.
  private var token: Int?
  /// The answers kept aside.
  package private(set) var aside: Set<String> = []
  /// Path items per question, and their Fenwick tree (1-based: `tree[i]` sums a range ending at `i - 1`).
  private var counts: [Int] = []
  private var tree: [Int] = []

  package init() {}

  /// Brings the tracker up to `engine`.
  /// - Returns: the answers put aside and those back on the path since the last sync, each sorted
  ///   (both empty on the first sync).
  @discardableResult
  package mutating func sync(with engine: Engine) -> (fell: [String], back: [String]) {
    let changes = engine.questionChanges
    if token == changes.token { return ([], []) }
    guard let known = token, changes.previous == known, counts.count == engine.questionnaire.questions.count else {
      let first = token == nil
      let before = aside
      rebuild(engine)
      if first { return ([], []) }
      return (aside.subtracting(before).sorted(), before.subtracting(aside).sorted())
    }
    token = changes.token
    var fell: [String] = []
    var back: [String] = []
    var seen = Set<Int>()
    for q in changes.questions where seen.insert(q).inserted {
      let count = engine.itemCount(ofQuestion: q)
      if count != counts[q] {
        add(count - counts[q], at: q)
        counts[q] = count
      }
      for id in engine.answerIds(ofQuestion: q) {
        if engine.isAside(id) {
          if aside.insert(id).inserted { fell.append(id) }
        } else if aside.remove(id) != nil {
          back.append(id)
        }
      }
    }
    EngineWork.current?.add(seen.count)
    return (fell.sorted(), back.sorted())
  }

  /// The place of `item` among the path items of its section (1 when it is off the path), and how
  /// many there are: what filtering `pathItems` by section gave. Sync first.
  package func place(of item: PathItem, in engine: Engine) -> (place: Int, count: Int) {
    let questionnaire = engine.questionnaire
    let range = questionnaire.sections[questionnaire.questions[item.question].section].questions
    let first = prefix(range.lowerBound)
    let count = prefix(range.upperBound) - first
    guard engine.isOnPath(item) else { return (1, count) }
    var place = prefix(item.question) - first + 1
    if let option = item.option {
      place += engine.instances[item.question].firstIndex { $0.option == option } ?? 0
    }
    return (place, count)
  }

  private mutating func rebuild(_ engine: Engine) {
    let questionnaire = engine.questionnaire
    token = engine.questionChanges.token
    aside = Set(engine.answers.values.keys.filter { engine.pathItem(id: $0) == nil })
    counts = questionnaire.questions.indices.map { engine.itemCount(ofQuestion: $0) }
    // Linear construction: each node passes its sum up to its parent.
    tree = [0] + counts
    for i in 1..<tree.count {
      let parent = i + (i & -i)
      if parent < tree.count { tree[parent] += tree[i] }
    }
    EngineWork.current?.add(questionnaire.questions.count)
  }

  /// Adds `delta` to question `index`'s count.
  private mutating func add(_ delta: Int, at index: Int) {
    var i = index + 1
    while i < tree.count {
      tree[i] += delta
      i += i & -i
    }
  }

  /// The path items of questions `0..<end`.
  private func prefix(_ end: Int) -> Int {
    var sum = 0
    var i = end
    while i > 0 {
      sum += tree[i]
      i -= i & -i
    }
    return sum
  }
}
