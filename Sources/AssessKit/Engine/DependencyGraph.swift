/// The evaluation graph of a questionnaire: which parts read which, in an order that respects it.
///
/// Nodes are sections (their condition), questions (visibility and effective answer), scales,
/// computed values, levels and risks, and for each required question with a `required` condition,
/// that condition (read by nothing: it only keeps the count of missing answers current). After one answer changes, only the nodes downstream of it
/// are evaluated again, in topological order.
struct DependencyGraph: Sendable {
  enum Node: Sendable, Hashable {
    case section(Int)
    case question(Int)
    case scale(Int)
    case computed(Int)
    case level(Int)
    case risk(Int)
    /// The `required` condition of a required question.
    case required(Int)
  }

  let nodes: [Node]
  /// Node ids in an order where every node comes after what it reads.
  let order: [Int]
  /// Position of each node in `order`.
  let position: [Int]
  /// For each node, the nodes that read it.
  let dependents: [[Int]]
  /// For each question, the scales it can add points to.
  let scalesOfQuestion: [[Int]]
  /// For each scale, whether every sum of its points is exact in floating point (whole-number points
  /// with totals far below 2^53): then a total kept by adding each change equals the total summed
  /// afresh, whatever the order, and the engine keeps it that way. Otherwise it sums afresh.
  let exactScales: [Bool]
  private let base: (section: Int, question: Int, scale: Int, computed: Int, level: Int, risk: Int, required: Int)

  init(_ q: Questionnaire) {
    let conditional = q.questions.indices.filter { q.questions[$0].required && q.questions[$0].requiredWhen != nil }
    let counts = [
      q.sections.count, q.questions.count, q.scales.count, q.computed.count, q.levels.count, q.risks.count,
      conditional.count,
    ]
    var offsets: [Int] = []
    var total = 0
    for c in counts {
      offsets.append(total)
      total += c
    }
    base = (offsets[0], offsets[1], offsets[2], offsets[3], offsets[4], offsets[5], offsets[6])
    var nodes: [Node] = []
    nodes += q.sections.indices.map(Node.section)
    nodes += q.questions.indices.map(Node.question)
    nodes += q.scales.indices.map(Node.scale)
    nodes += q.computed.indices.map(Node.computed)
    nodes += q.levels.indices.map(Node.level)
    nodes += q.risks.indices.map(Node.risk)
    nodes += conditional.map(Node.required)
    self.nodes = nodes

    let b = base
    func id(of symbol: Symbol) -> Int {
      switch symbol {
      case .question(let i), .instance(let i, _): return b.question + i
      case .scale(let i): return b.scale + i
      case .computed(let i): return b.computed + i
      case .level(let i): return b.level + i
      }
    }
    func reads(_ expressions: [Expression?]) -> [Int] {
      expressions.compactMap { $0 }.flatMap { $0.compiled.dependencies.map(id) }
    }
    var inputs = [[Int]](repeating: [], count: nodes.count)
    for (i, s) in q.sections.enumerated() { inputs[b.section + i] = reads([s.when]) }
    for (i, question) in q.questions.enumerated() {
      var list = reads([question.when]) + [b.section + question.section]
      if let source = question.repeatOver { list.append(b.question + source) }
      inputs[b.question + i] = list
    }
    for (s, contributors) in q.contributors.enumerated() { inputs[b.scale + s] = contributors.map { b.question + $0 } }
    for (i, c) in q.computed.enumerated() { inputs[b.computed + i] = reads([c.value]) }
    for (i, l) in q.levels.enumerated() { inputs[b.level + i] = reads([l.value]) }
    for (i, r) in q.risks.enumerated() {
      inputs[b.risk + i] = reads([r.when, r.likelihood, r.severity, r.residualLikelihood, r.residualSeverity])
    }
    for (k, i) in conditional.enumerated() { inputs[b.required + k] = reads([q.questions[i].requiredWhen]) }

    var dependents = [[Int]](repeating: [], count: nodes.count)
    var indegree = [Int](repeating: 0, count: nodes.count)
    for (node, list) in inputs.enumerated() {
      for input in Set(list) where input != node {
        dependents[input].append(node)
        indegree[node] += 1
      }
    }
    // Kahn's algorithm, taking ready nodes in id order so the order is stable.
    var ready = MinHeap()
    for node in nodes.indices where indegree[node] == 0 { ready.insert(node) }
    var order: [Int] = []
    order.reserveCapacity(nodes.count)
    while let node = ready.popMin() {
      order.append(node)
      for d in dependents[node] {
        indegree[d] -= 1
        if indegree[d] == 0 { ready.insert(d) }
      }
    }
    // The loader rejects cycles; should one slip through, keep every node evaluable.
    if order.count < nodes.count {
      let placed = Set(order)
      order += nodes.indices.filter { !placed.contains($0) }
    }
    var position = [Int](repeating: 0, count: nodes.count)
    for (p, node) in order.enumerated() { position[node] = p }
    self.order = order
    self.position = position
    self.dependents = dependents

    var scalesOfQuestion = [[Int]](repeating: [], count: q.questions.count)
    var exact = [Bool](repeating: true, count: q.scales.count)
    var bound = [Double](repeating: 0, count: q.scales.count)
    for (s, contributors) in q.contributors.enumerated() {
      for i in contributors {
        scalesOfQuestion[i].append(s)
        let question = q.questions[i]
        // A repeated question adds once per option of the question it repeats over.
        let times = question.repeatOver.map { Double(Swift.max(1, q.questions[$0].options.count)) } ?? 1
        for option in question.options {
          guard let points = option.score[s] else { continue }
          if !points.isFinite || points.rounded() != points { exact[s] = false }
          bound[s] += Swift.abs(points) * times
        }
      }
      if !(bound[s] < 0x1p50) { exact[s] = false }
    }
    self.scalesOfQuestion = scalesOfQuestion
    exactScales = exact
  }

  func id(question i: Int) -> Int { base.question + i }
}

/// A binary min-heap of integers.
struct MinHeap: Sendable {
  private var items: [Int] = []

  var isEmpty: Bool { items.isEmpty }

  mutating func insert(_ x: Int) {
    items.append(x)
    var i = items.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard items[parent] > items[i] else { break }
      items.swapAt(parent, i)
      i = parent
    }
  }

  mutating func popMin() -> Int? {
    guard let first = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var i = 0
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var smallest = i
        if l < items.count, items[l] < items[smallest] { smallest = l }
        if r < items.count, items[r] < items[smallest] { smallest = r }
        if smallest == i { break }
        items.swapAt(i, smallest)
        i = smallest
      }
    }
    return first
  }
}
