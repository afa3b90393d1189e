extension QuestionnaireBuilder {
  func readScales(_ nodes: [YAMLNode]) {
    for node in nodes {
      guard
        let reader = MappingReader(
          node, in: document, what: "a scale", allowed: ["id", "title", "description"],
          required: ["id"]), let id = reader.text("id")
      else { continue }
      if scaleIndex[id] == nil { scaleIndex[id] = scales.count }
      scales.append(Scale(id: id, title: reader.string("title"), location: reader.location))
    }
  }

  func readComputed(_ nodes: [YAMLNode]) {
    for node in nodes {
      let label = node.text(forKey: "id").map { "computed value '\($0)'" } ?? "a computed value"
      guard
        let reader = MappingReader(
          node, in: document, what: label, allowed: ["id", "title", "value"],
          required: ["id", "value"])
      else { continue }
      computed.append((reader.text("id") ?? "", reader.string("title"), pending(reader, "value"), reader.location))
    }
  }

  func readLevels(_ nodes: [YAMLNode]) {
    for node in nodes {
      let label = node.text(forKey: "id").map { "level '\($0)'" } ?? "a level"
      guard
        let reader = MappingReader(
          node, in: document, what: label, allowed: ["id", "title", "value", "bands"],
          required: ["id", "value", "bands"])
      else { continue }
      var bands: [Level.Band] = []
      if let items = reader.list("bands") {
        if items.isEmpty, let bandsNode = reader.node("bands") { document.error("\(label) has no bands", bandsNode) }
        for (i, item) in items.enumerated() {
          guard
            let band = MappingReader(
              item, in: document, what: "band \(i + 1) of \(label)",
              allowed: ["max", "label", "description"], required: ["label"])
          else { continue }
          let max = band.number("max")
          if let previous = bands.last {
            if previous.max == nil {
              document.error("only the last band of \(label) may leave out 'max'", item)
            } else if let max, let prevMax = previous.max, max <= prevMax, let maxNode = band.node("max") {
              document.error(
                "bands must go up: 'max' \(JSON.format(max)) is not above the previous band's \(JSON.format(prevMax))",
                maxNode)
            }
          }
          if let text = band.text("label") {
            if bands.contains(where: { $0.label == text }) {
              document.error("\(label) has the band '\(text)' twice", item)
            }
            bands.append(Level.Band(max: max, label: text, description: band.string("description")))
          }
        }
      }
      levels.append((reader.text("id") ?? "", reader.string("title"), pending(reader, "value"), bands, reader.location))
    }
  }

  func readMatrix(_ node: YAMLNode) {
    let axes = ["likelihood", "severity", "ratings", "grid"]
    guard let reader = MappingReader(node, in: document, what: "the matrix", allowed: axes + ["appetite"]) else {
      return
    }
    var candidate = matrix
    candidate.location = reader.location
    if axes.contains(where: reader.has) {
      for key in axes where !reader.has(key) {
        document.error("the matrix needs '\(key)' (give all of likelihood, severity, ratings and grid, or none)", node)
      }
      guard axes.allSatisfy(reader.has) else { return }
      candidate.likelihood = labels(reader, "likelihood")
      candidate.severity = labels(reader, "severity")
      candidate.ratings = labels(reader, "ratings")
      candidate.appetite = 0
      guard !candidate.likelihood.isEmpty, !candidate.severity.isEmpty, !candidate.ratings.isEmpty,
        let rows = reader.list("grid")
      else { return }
      candidate.grid = readGrid(rows, reader.node("grid") ?? node, candidate)
    }
    if let appetite = reader.string("appetite"), let appetiteNode = reader.node("appetite") {
      if let index = candidate.ratings.firstIndex(of: appetite) {
        candidate.appetite = index
      } else {
        let hint = Suggestions.hint(for: appetite, in: candidate.ratings)
        document.error("appetite '\(appetite)' is not one of the ratings\(hint)", appetiteNode)
      }
    }
    matrix = candidate
  }

  private func labels(_ reader: MappingReader, _ key: String) -> [String] {
    let values = reader.strings(key) ?? []
    guard let node = reader.node(key) else { return values }
    if values.isEmpty { document.error("the matrix's '\(key)' is empty", node) }
    if Set(values).count != values.count { document.error("the matrix's '\(key)' has a label twice", node) }
    return values
  }

  private func readGrid(_ rows: [YAMLNode], _ gridNode: YAMLNode, _ m: RiskMatrix) -> [[Int]] {
    guard rows.count == m.likelihood.count else {
      document.error(
        "the grid needs one row per likelihood (\(m.likelihood.count)), not \(rows.count)", gridNode)
      return []
    }
    var grid: [[Int]] = []
    var complete = true
    for (r, row) in rows.enumerated() {
      guard let cells = row.sequenceItems else {
        document.error("row \(r + 1) of the grid must be a list of ratings", row)
        complete = false
        continue
      }
      if cells.count != m.severity.count {
        document.error(
          "row \(r + 1) of the grid needs one rating per severity (\(m.severity.count)), not \(cells.count)", row)
        complete = false
      }
      var ratings: [Int] = []
      for cell in cells {
        let name = cell.scalarText ?? ""
        guard let index = m.ratings.firstIndex(of: name) else {
          let hint = Suggestions.hint(for: name, in: m.ratings)
          document.error("'\(name)' in the grid is not one of the ratings\(hint)", cell)
          ratings.append(0)
          continue
        }
        ratings.append(index)
      }
      grid.append(ratings)
    }
    return complete ? grid : []
  }
}
