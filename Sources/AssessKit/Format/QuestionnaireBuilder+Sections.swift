extension QuestionnaireBuilder {
  static let sectionKeys = ["id", "title", "intro", "when", "questions"]
  static let questionKeys = [
    "id", "type", "prompt", "help", "refs", "required", "when", "options", "min", "max", "labels", "unit", "repeat",
  ]
  static let optionKeys = ["value", "label", "help", "score", "exclusive"]

  func pending(_ reader: MappingReader, _ key: String) -> PendingExpression? {
    guard let node = reader.node(key), let text = reader.string(key) else { return nil }
    return PendingExpression(node: node, text: text)
  }

  /// Question types of other tools (SurveyJS, form builders, programming languages) and ours for them.
  static let typeAliases: [String: QuestionType] = [
    "boolean": .yesno, "bool": .yesno, "yes-no": .yesno, "yes_no": .yesno, "toggle": .yesno,
    "radio": .single, "radiogroup": .single, "choice": .single, "select": .single, "dropdown": .single,
    "enum": .single, "checkbox": .multi, "checkboxes": .multi, "multiple": .multi, "multiselect": .multi,
    "tagbox": .multi, "rating": .scale, "likert": .scale, "slider": .scale, "range": .scale, "integer": .number,
    "int": .number, "float": .number, "decimal": .number, "numeric": .number, "string": .text, "textarea": .text,
    "comment": .text, "html": .note, "info": .note, "markdown": .note,
  ]

  func readSections(_ nodes: [YAMLNode]) {
    // Room for every question at once (the arrays of 100,000 questions were copied as they grew).
    var count = 0
    for node in nodes { count += node.value(forKey: "questions")?.sequenceItems?.count ?? 0 }
    questions.reserveCapacity(questions.count + count)
    questionWhen.reserveCapacity(questionWhen.count + count)
    for (n, node) in nodes.enumerated() {
      guard
        let reader = MappingReader(
          node, in: document, label: .section(node, index: n), allowed: Self.sectionKeys,
          required: ["id", "title", "questions"])
      else { continue }
      let first = questions.count
      let index = sections.count
      if let items = reader.list("questions") {
        if items.isEmpty, let q = reader.node("questions") { document.error("\(reader.what) has no questions", q) }
        for item in items { readQuestion(item, section: index) }
      }
      sections.append(
        Section(
          id: reader.text("id") ?? "", title: reader.text("title") ?? "", intro: reader.string("intro"),
          when: nil, questions: first..<questions.count, location: reader.location))
      sectionWhen.append(pending(reader, "when"))
    }
  }

  func readQuestion(_ node: YAMLNode, section: Int) {
    guard
      let reader = MappingReader(
        node, in: document, label: .question(node), allowed: Self.questionKeys,
        required: ["id", "type", "prompt"])
    else { return }
    let id = reader.text("id") ?? ""
    if Self.mayHoldBrackets(id), id.contains(where: { "[]{}".contains($0) }), let idNode = reader.node("id") {
      document.error("question id '\(id)' may not contain brackets or braces", idNode)
    }
    var type = QuestionType.text
    if let name = reader.string("type"), let typeNode = reader.node("type") {
      if let t = QuestionType(rawValue: name) {
        type = t
      } else {
        let types = QuestionType.allCases.map(\.rawValue)
        if let meant = Self.typeAliases[name.lowercased()] {
          // A word other tools use: say which of ours it is, and check the rest as that type.
          document.error(
            "unknown question type '\(name)' (did you mean '\(meant.rawValue)'?); types are \(types.joined(separator: ", "))",
            typeNode)
          type = meant
        } else {
          document.error(Suggestions.unknown("question type", name, among: types, plural: "types"), typeNode)
          type = reader.has("options") ? .single : reader.has("min") || reader.has("max") ? .number : .text
          untyped.insert(questions.count)
        }
      }
    }
    var question = Question(
      id: id, type: type, prompt: reader.text("prompt") ?? "", help: reader.string("help"),
      refs: reader.strings("refs") ?? [], required: type.isAnswerable, section: section, location: reader.location)

    if let text = reader.string("required"), let requiredNode = reader.node("required") {
      switch text.lowercased() {
      case "true", "yes", "on", "false", "no", "off":
        let required = ["true", "yes", "on"].contains(text.lowercased())
        if type == .note, required {
          document.error("a note is display-only and cannot be required", requiredNode)
        } else {
          question.required = required
        }
      default:
        // A condition: required only while it holds. A lone word is a misspelled true or false.
        if text.allSatisfy({ $0.isLetter }) {
          document.error("'required' of \(reader.what) must be true, false or a condition, not '\(text)'", requiredNode)
        } else if type == .note {
          document.error("a note is display-only and cannot be required", requiredNode)
        } else {
          question.required = true
          questionRequired[questions.count] = PendingExpression(node: requiredNode, text: text)
        }
      }
    }
    readOptions(reader, into: &question)
    readBounds(reader, into: &question)
    if let name = reader.string("repeat"), let repeatNode = reader.node("repeat") {
      if type == .note {
        document.error("a note cannot repeat", repeatNode)
      } else {
        repeatNames[questions.count] = (name, repeatNode)
      }
    }
    questions.append(question)
    questionWhen.append(pending(reader, "when"))
  }

  func readOptions(_ reader: MappingReader, into question: inout Question) {
    guard let optionsNode = reader.node("options") else {
      if question.type == .single || question.type == .multi {
        document.error("\(reader.what) is \(question.type.rawValue) choice and needs 'options'", reader.node)
      }
      return
    }
    guard question.type.hasOptions else {
      document.error("'options' apply to single, multi and yesno questions, not \(question.type.rawValue)", optionsNode)
      return
    }
    guard let items = reader.list("options") else { return }
    if items.isEmpty { document.error("\(reader.what) has an empty list of options", optionsNode) }
    // Questions have a few options: they are compared with those kept so far, and hashed only
    // from 16 on (a set per question was 4% of a load, most of it seeding the hasher).
    var seen: Set<String> = []
    question.options.reserveCapacity(items.count)
    for item in items {
      guard let option = readOption(item, of: reader.node, type: question.type) else { continue }
      if !Self.isNewOption(option.value, in: question.options, seen: &seen) {
        document.error("\(reader.what) has the option '\(option.value)' twice", item)
        continue
      }
      question.options.append(option)
    }
    if question.type == .yesno {
      for extra in question.options where extra.value != "yes" && extra.value != "no" {
        document.error("options of a yes/no question have the values 'yes' and 'no', not '\(extra.value)'", optionsNode)
      }
    }
    if question.type == .multi, !question.options.isEmpty, question.options.allSatisfy(\.exclusive) {
      document.error("every option of \(reader.what) is exclusive; at most one can be", optionsNode)
    }
  }

  /// Whether no option of `options` has the value `value`. Among fewer than 16 they are compared
  /// one by one; from 16 on through `seen`, made from `options` the first time and kept up as each
  /// new value is inserted (the caller keeps every value this accepts).
  static func isNewOption(_ value: String, in options: [AnswerOption], seen: inout Set<String>) -> Bool {
    guard options.count >= 16 else { return !options.contains { $0.value == value } }
    if seen.isEmpty { seen = Set(options.map(\.value)) }
    return seen.insert(value).inserted
  }

  /// Whether a text may hold `[`, `]`, `{` or `}`: false when none of their bytes is in it (a
  /// question's id is then read without going through its characters).
  static func mayHoldBrackets(_ text: String) -> Bool {
    text.utf8.contains { $0 == 0x5B || $0 == 0x5D || $0 == 0x7B || $0 == 0x7D }
  }

  func readOption(_ node: YAMLNode, of owner: YAMLNode, type: QuestionType) -> AnswerOption? {
    // Shorthand: a plain value is an option with that value as its label.
    if node.isScalar {
      return AnswerOption(
        value: node.string, label: yesnoLabel(node.string, type) ?? node.string, location: document.location(node))
    }
    guard
      let reader = MappingReader(
        node, in: document, label: .option(node, owner: owner), allowed: Self.optionKeys, required: ["value"])
    else {
      return nil
    }
    guard let value = reader.text("value") else { return nil }
    var option = AnswerOption(
      value: value, label: reader.string("label") ?? yesnoLabel(value, type) ?? value, help: reader.string("help"),
      location: reader.location)
    if let exclusive = reader.bool("exclusive"), let exclusiveNode = reader.node("exclusive") {
      if type == .multi {
        option.exclusive = exclusive
      } else {
        document.error("'exclusive' applies to options of a multiple choice", exclusiveNode)
      }
    }
    if let scoreNode = reader.node("score") {
      option.score = readScore(scoreNode, of: reader.what)
    }
    return option
  }

  private func yesnoLabel(_ value: String, _ type: QuestionType) -> String? {
    guard type == .yesno else { return nil }
    return value == "yes" ? "Yes" : value == "no" ? "No" : nil
  }

  /// `{scale: points, ...}`.
  func readScore(_ node: YAMLNode, of owner: @autoclosure () -> String) -> [Int: Double] {
    guard let mapping = node.mappingPairs else {
      document.error("'score' of \(owner()) maps scale ids to points, e.g. {impact: 2}", node)
      return [:]
    }
    // Sized for its entries: a table of one grown to two hashed its entries again.
    var score = [Int: Double](minimumCapacity: mapping.count)
    for (key, value) in mapping {
      let name = key.scalarText ?? ""
      guard let s = scaleNumber(name) else {
        let hint = Suggestions.hint(for: name, in: scales.map(\.id))
        let known = scales.isEmpty ? " (the questionnaire declares no 'scales')" : hint
        document.error("'score' names no scale '\(name)'\(known)", key)
        continue
      }
      guard let text = value.scalarText, let points = Double(text), !points.isNaN,
        points.isFinite || text.contains(where: \.isNumber)
      else {
        document.error("points for '\(name)' must be a number", value)
        continue
      }
      guard points.isFinite else {
        document.error("points for '\(name)' are out of range: \(text); numbers go up to about 1.8e308", value)
        continue
      }
      score[s] = points
    }
    return score
  }

  /// The index of the first scale named `name`, as `scaleIndex` has it: looked for among a few
  /// scales without hashing the name (every score of every option names one).
  func scaleNumber(_ name: String) -> Int? {
    guard scales.count <= 8 else { return scaleIndex[name] }
    for i in scales.indices where scales[i].id.isSameText(name) { return i }
    // Not the same bytes: the same text in another Unicode form is still the same name.
    return scaleIndex[name]
  }

  func readBounds(_ reader: MappingReader, into question: inout Question) {
    let type = question.type
    for key in ["min", "max"] where reader.has(key) && type != .scale && type != .number {
      if let node = reader.keyNode(key) { document.error("'\(key)' applies to scale and number questions", node) }
    }
    if reader.has("unit"), type != .number, !untyped.contains(questions.count), let node = reader.keyNode("unit") {
      document.error("'unit' applies to number questions", node)
    }
    if reader.has("labels"), type != .scale, !untyped.contains(questions.count), let node = reader.keyNode("labels") {
      document.error("'labels' apply to scale questions", node)
    }
    guard type == .scale || type == .number else { return }
    question.unit = reader.string("unit")
    if type == .scale {
      question.min = reader.integer("min").map(Double.init)
      question.max = reader.integer("max").map(Double.init)
      if !reader.has("min") || !reader.has("max") {
        document.error("\(reader.what) is a scale and needs 'min' and 'max'", reader.node)
      }
    } else {
      question.min = reader.number("min")
      question.max = reader.number("max")
    }
    if let lo = question.min, let hi = question.max, lo >= hi, let node = reader.node("max") {
      document.error("'max' (\(JSON.format(hi))) must be greater than 'min' (\(JSON.format(lo)))", node)
      return
    }
    if type == .scale, let labelsNode = reader.node("labels"), let lo = question.min, let hi = question.max {
      question.labels = readLabels(labelsNode, min: Int(lo), max: Int(hi))
    }
  }

  /// Scale labels: a list for every point from min to max, or a mapping from points to labels.
  func readLabels(_ node: YAMLNode, min: Int, max: Int) -> [Int: String] {
    var labels: [Int: String] = [:]
    if let sequence = node.sequenceItems {
      if sequence.count != max - min + 1 {
        document.error(
          "a list of labels needs one per point from \(min) to \(max) (\(max - min + 1)), not \(sequence.count)", node)
        return [:]
      }
      for (i, item) in sequence.enumerated() { labels[min + i] = item.scalarText ?? "" }
      return labels
    }
    guard let mapping = node.mappingPairs else {
      document.error("'labels' is a list (one per point) or a mapping from points to labels", node)
      return [:]
    }
    for (key, value) in mapping {
      guard let point = key.scalarText.flatMap({ Int($0) }), (min...max).contains(point) else {
        document.error("labels are for whole points from \(min) to \(max), not '\(key.scalarText ?? "")'", key)
        continue
      }
      labels[point] = value.scalarText ?? ""
    }
    return labels
  }
}
