import Foundation
import Yams

/// Builds our questionnaire from a SurveyJS form: reads the elements once, then writes YAML.
struct SurveyJSBuilder {
  struct Option {
    var value: String
    var label: String
    var score: Double?
    var exclusive = false
  }

  struct Element {
    var key: String
    var path: String
    var id: String
    var type: QuestionType
    var prompt: String
    var help: String?
    var required = false
    /// A `requiredIf` condition, translated.
    var requiredIf: String?
    var options: [Option] = []
    var min: Double?
    var max: Double?
    var labels: [Int: String] = [:]
    var conditions: [String] = []
  }

  struct Page {
    var key: String
    var path: String
    var id: String
    var title: String
    var intro: String?
    var condition: String?
    var elements: [Element] = []
  }

  let root: JSONNode
  let fileName: String
  var locale = "default"
  var locales: [String] = []
  var issues: [SurveyJSImport.Issue] = []
  var pages: [Page] = []
  var computed: [(id: String, value: String, key: String, path: String, reads: Set<String>)] = []
  /// Names SurveyJS may show where we do not, or the reverse: not imported, imported as computed
  /// values, or with a condition left out (their own, their panel's or their page's).
  var inexact: Set<String> = []
  private var conditionFailed = false
  /// Which element's condition (or computed value, `computed` true) each line of the last YAML holds.
  var conditionLines: [Int: (key: String, path: String, computed: Bool)] = [:]
  /// Where the lines of the last YAML came from: from each `line` on, the element at `path` (in order).
  var origins: [(line: Int, path: String)] = []

  /// The JSON path (with the name) of the element line `line` of the last YAML came from.
  func origin(ofLine line: Int) -> String {
    // The last entry starting at or before the line (binary search: the entries are in order).
    var low = 0
    var high = origins.count
    while low < high {
      let mid = (low + high) / 2
      if origins[mid].line <= line { low = mid + 1 } else { high = mid }
    }
    return low > 0 ? origins[low - 1].path : "(form)"
  }
  /// Where each object and list of the form starts, by JSON path.
  let positions: [String: JSONReader.Position]
  private var translator = SurveyJSTranslator(names: [])
  private var usedIds: Set<String> = []

  init(root: JSONNode, fileName: String, positions: [String: JSONReader.Position] = [:]) {
    self.root = root
    self.fileName = fileName
    self.positions = positions
  }

  /// Types we import, and what they become.
  static let supported: Set<String> = [
    "radiogroup", "dropdown", "checkbox", "boolean", "rating", "text", "comment", "html", "expression", "panel",
    "image",
  ]

  // MARK: - Locale and texts

  mutating func chooseLocale(_ requested: String?) throws(SurveyJSImportError) {
    var found = Set<String>()
    collectLocales(root, into: &found)
    locales = ["default"] + found.subtracting(["default"]).sorted()
    let wanted = requested ?? root["locale"]?.string ?? "default"
    if locales.contains(wanted) {
      locale = wanted
    } else if wanted == "en" {
      locale = "default"
    } else {
      throw SurveyJSImportError(
        message:
          "'\(fileName)' has no texts in locale '\(wanted)'; it has \(locales.map { "'\($0)'" }.joined(separator: ", "))"
      )
    }
    build()
  }

  private func collectLocales(_ node: JSONNode, into found: inout Set<String>) {
    switch node {
    case .object(let o):
      if isLocalized(o) { found.formUnion(o.keys) }
      for value in o.values { collectLocales(value, into: &found) }
    case .array(let a):
      for item in a { collectLocales(item, into: &found) }
    default: break
    }
  }

  private func isLocalized(_ o: [String: JSONNode]) -> Bool {
    o["default"] != nil && o.values.allSatisfy { $0.string != nil }
  }

  /// A text in the chosen locale (or the default one).
  func text(_ node: JSONNode?) -> String? {
    guard let node else { return nil }
    if let s = node.string { return s }
    guard let o = node.object, isLocalized(o) else { return nil }
    return o[locale]?.string ?? o["default"]?.string ?? o.values.first?.string
  }

  /// HTML as plain text: tags removed, entities for the common characters undone, spaces collapsed.
  static func plain(_ html: String) -> String {
    let blocks: Set<String> = ["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"]
    var out = ""
    var tag = ""
    var inTag = false
    for c in html {
      if c == "<" {
        inTag = true
        tag = ""
      } else if c == ">", inTag {
        inTag = false
        let name = tag.trimmingCharacters(in: ["/", " "]).split(separator: " ").first.map { $0.lowercased() } ?? ""
        if blocks.contains(name) { out.append("\n") }
      } else if inTag {
        tag.append(c)
      } else {
        out.append(c)
      }
    }
    for (entity, character) in [
      ("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
    ] {
      out = out.replacingOccurrences(of: entity, with: character)
    }
    let lines = out.split(separator: "\n").map { line in
      line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
    return lines.filter { !$0.isEmpty }.joined(separator: "\n")
  }

  // MARK: - Reading the form

  mutating func build() {
    issues = []
    pages = []
    computed = []
    usedIds = []
    inexact = []
    var names = Set<String>()
    var pageNodes: [(JSONNode, String)] = []
    if let list = root["pages"]?.array {
      pageNodes = list.enumerated().map { ($0.element, "pages[\($0.offset)]") }
    } else if root["elements"] != nil || root["questions"] != nil {
      pageNodes = [(root, "")]
    }
    var numericLists = Set<String>()
    for (page, path) in pageNodes { collectNames(page, path: path, into: &names, numericLists: &numericLists) }
    translator = SurveyJSTranslator(names: names)
    translator.numericLists = numericLists
    for (n, (page, path)) in pageNodes.enumerated() {
      readPage(page, path: path, number: n + 1)
    }
    orderComputed()
    for name in translator.unknownFunctions {
      issues.append(
        SurveyJSImport.Issue(
          path: "(conditions)",
          message: "'\(name)()' is not a SurveyJS function; it reads as empty, as SurveyJS reads it"))
    }
    for name in translator.unknownNames {
      issues.append(
        SurveyJSImport.Issue(
          path: "(conditions)",
          message: "'{\(name)}' names no imported question; it reads as empty, as SurveyJS reads an unknown name"))
    }
  }

  private func children(_ node: JSONNode) -> [JSONNode] {
    (node["elements"]?.array ?? []) + (node["questions"]?.array ?? [])
  }

  private func childPath(_ node: JSONNode, _ path: String, _ i: Int) -> String {
    let key = node["elements"] != nil ? "elements" : "questions"
    return path.isEmpty ? "\(key)[\(i)]" : "\(path).\(key)[\(i)]"
  }

  private func collectNames(
    _ node: JSONNode, path: String, into names: inout Set<String>, numericLists: inout Set<String>
  ) {
    for (i, child) in children(node).enumerated() {
      let type = child["type"]?.string ?? ""
      if type == "panel" {
        collectNames(child, path: childPath(node, path, i), into: &names, numericLists: &numericLists)
      } else if let name = child["name"]?.scalarText, Self.supported.contains(type), type != "html", type != "image" {
        names.insert(name)
        if type == "checkbox",
          child["choices"]?.array?.contains(where: { $0.number != nil || $0["value"]?.number != nil }) == true
        {
          numericLists.insert(name)
        }
      }
    }
  }

  private mutating func issue(_ path: String, _ name: String?, _ message: String) {
    issues.append(SurveyJSImport.Issue(path: path + (name.map { " ('\($0)')" } ?? ""), message: message))
  }

  private mutating func translateCondition(_ node: JSONNode, path: String, name: String?) -> String? {
    if node["enableIf"] != nil {
      issue(
        path, name, "'enableIf' is not imported: a disabled question is still shown, and we have no read-only questions"
      )
    }
    if node["visible"]?.bool == false { return "false" }
    guard let text = node["visibleIf"]?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    do {
      return try translator.condition(text)
    } catch {
      issue(path, name, "its condition '\(text)' is left out: \(error.reason); the element is always shown")
      conditionFailed = true
      return nil
    }
  }

  private mutating func uniqueId(_ wanted: String, path: String, listed: Bool = false) -> String {
    var id = wanted.isEmpty ? "element" : wanted
    if id.contains(where: { "[]{}".contains($0) }) {
      let cleaned = String(id.map { "[]{}".contains($0) ? "_" : $0 })
      issue(path, wanted, "the name has brackets or braces, which ids may not; it is imported as '\(cleaned)'")
      id = cleaned
    }
    var candidate = id
    var n = 2
    while usedIds.contains(candidate) {
      candidate = "\(id)-\(n)"
      n += 1
    }
    usedIds.insert(candidate)
    if listed && candidate != id {
      issue(
        path, wanted,
        "an earlier element has the name '\(id)' (in SurveyJS both hold one answer); this one is imported as '\(candidate)', and conditions read the first"
      )
    }
    return candidate
  }

  private mutating func readPage(_ node: JSONNode, path: String, number: Int) {
    let name = node["name"]?.scalarText ?? "page\(number)"
    var page = Page(
      key: path.isEmpty ? "page" : path, path: path.isEmpty ? "(form)" : path, id: name,
      title: text(node["title"]) ?? name, intro: text(node["description"]))
    conditionFailed = false
    page.condition = translateCondition(node, path: page.path, name: name)
    readElements(node, path: path, conditions: [], inexact: conditionFailed, into: &page.elements)
    if page.elements.isEmpty {
      issue(page.path, name, "the page has nothing to ask after import, so it is left out")
      return
    }
    pages.append(page)
  }

  private mutating func readElements(
    _ node: JSONNode, path: String, conditions: [String], inexact outerInexact: Bool, into elements: inout [Element]
  ) {
    for (i, child) in children(node).enumerated() {
      let path = childPath(node, path, i)
      let name = child["name"]?.scalarText
      guard let type = child["type"]?.string else {
        // SurveyJS makes nothing of an element without a type (and fails on a type that is not a text).
        if let name { inexact.insert(name) }
        let what = child["type"] == nil ? "has no 'type'" : "has a 'type' that is not a text"
        issue(path, name, "the element \(what), so SurveyJS makes no question of it; it is left out")
        continue
      }
      switch type {
      case "panel":
        var inner = conditions
        conditionFailed = false
        if let condition = translateCondition(child, path: path, name: name) { inner.append(condition) }
        let panelInexact = outerInexact || conditionFailed
        if let title = text(child["title"]) {
          var note = Element(
            key: path, path: path, id: uniqueId(name ?? "panel", path: path), type: .note, prompt: title)
          note.help = text(child["description"])
          note.conditions = inner
          elements.append(note)
        }
        readElements(child, path: path, conditions: inner, inexact: panelInexact, into: &elements)
      case "html":
        let html = text(child["html"]) ?? ""
        var note = Element(
          key: path, path: path, id: uniqueId(name ?? "html", path: path), type: .note, prompt: Self.plain(html))
        var all = conditions
        if let condition = translateCondition(child, path: path, name: name) { all.append(condition) }
        note.conditions = all
        if !note.prompt.isEmpty { elements.append(note) }
      case "image":
        issue(path, name, "an image is display-only; it is left out")
      case "expression":
        if let name { inexact.insert(name) }
        guard let name, let expression = child["expression"]?.string else {
          issue(path, name, "an expression question without a name or expression is left out")
          continue
        }
        do {
          translator.resetReferences()
          let value = try translator.value(expression)
          computed.append((uniqueId(name, path: path, listed: true), value, path, path, translator.references))
        } catch {
          issue(path, name, "the expression '\(expression)' is not imported: \(error.reason)")
        }
      default:
        guard Self.supported.contains(type) else {
          if let name { inexact.insert(name) }
          issue(
            path, name,
            "a '\(type)' question is not imported (matrices, dynamic panels, files and custom widgets have no equivalent)"
          )
          continue
        }
        guard let name else {
          issue(path, nil, "a question without a name is left out")
          continue
        }
        var all = conditions
        conditionFailed = false
        if let condition = translateCondition(child, path: path, name: name) { all.append(condition) }
        if outerInexact || conditionFailed { inexact.insert(name) }
        if var element = readQuestion(child, type: type, name: name, path: path) {
          element.conditions = all
          elements.append(element)
        } else {
          inexact.insert(name)
        }
      }
    }
  }

  private mutating func readQuestion(_ node: JSONNode, type: String, name: String, path: String) -> Element? {
    let prompt = text(node["title"]) ?? name
    var element = Element(
      key: path, path: path, id: uniqueId(name, path: path, listed: true), type: .text, prompt: prompt)
    element.help = text(node["description"])
    element.required = node["isRequired"]?.bool ?? false
    if !element.required, let text = node["requiredIf"]?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty {
      do {
        element.requiredIf = try translator.condition(text)
      } catch {
        issue(path, name, "its 'requiredIf' condition '\(text)' is left out: \(error.reason); the question is optional")
      }
    }
    if node["defaultValue"] != nil {
      issue(path, name, "its default value is not imported; the question starts unanswered")
    }
    switch type {
    case "radiogroup", "dropdown", "checkbox":
      element.type = type == "checkbox" ? .multi : .single
      if node["choicesByUrl"] != nil || node["choicesFromQuestion"] != nil {
        issue(path, name, "choices loaded from a URL or another question are not imported; the question is left out")
        return nil
      }
      element.options = readChoices(node["choices"]?.array ?? [], path: path, name: name)
      if node["hasOther"]?.bool == true || node["showOtherItem"]?.bool == true {
        element.options.append(Option(value: "other", label: text(node["otherText"]) ?? "Other"))
      }
      if node["hasNone"]?.bool == true || node["showNoneItem"]?.bool == true {
        element.options.append(
          Option(value: "none", label: text(node["noneText"]) ?? "None", exclusive: type == "checkbox"))
      }
      if node["hasSelectAll"]?.bool == true {
        issue(path, name, "'select all' is a shortcut, not a value; choose the options one by one")
      }
      if element.options.isEmpty {
        issue(path, name, "the question has no choices, so it is left out")
        return nil
      }
    case "boolean":
      element.type = .yesno
      if node["valueTrue"] != nil || node["valueFalse"] != nil {
        issue(path, name, "custom values for yes and no are not imported; the answer is true or false")
      }
      element.options = [
        Option(value: "yes", label: text(node["labelTrue"]) ?? "Yes"),
        Option(value: "no", label: text(node["labelFalse"]) ?? "No"),
      ]
    case "rating":
      if let values = node["rateValues"]?.array, !values.isEmpty {
        element.type = .single
        element.options = readChoices(values, path: path, name: name, key: "rateValues")
      } else {
        element.type = .scale
        let lo = node["rateMin"]?.number ?? 1
        let hi = node["rateMax"]?.number ?? 5
        let step = node["rateStep"]?.number ?? 1
        guard lo <= hi, abs(lo) < 1e9, abs(hi) < 1e9, step > 0, (hi - lo) / step <= 100 else {
          issue(
            path, name,
            "a rating from \(JSON.format(lo)) to \(JSON.format(hi)) by \(JSON.format(step)) cannot be imported; the question is left out"
          )
          return nil
        }
        if step != 1 || lo != lo.rounded() || hi != hi.rounded() {
          element.type = .single
          element.options = stride(from: lo, through: hi, by: step).map {
            Option(value: JSON.format($0), label: JSON.format($0))
          }
        } else {
          element.min = lo
          element.max = hi
          if let low = text(node["minRateDescription"]) { element.labels[Int(lo)] = low }
          if let high = text(node["maxRateDescription"]) { element.labels[Int(hi)] = high }
        }
      }
    case "text":
      let inputType = node["inputType"]?.string ?? "text"
      if inputType == "number" || inputType == "range" {
        element.type = .number
        element.min = node["min"]?.number
        element.max = node["max"]?.number
      } else {
        element.type = .text
        if inputType != "text" { issue(path, name, "input type '\(inputType)' is imported as plain text") }
      }
    default:
      element.type = .text
    }
    return element
  }

  private mutating func readChoices(_ items: [JSONNode], path: String, name: String, key: String = "choices")
    -> [Option]
  {
    var options: [Option] = []
    var seen = Set<String>()
    for (n, item) in items.enumerated() {
      // An object without a value takes its text as the value, as SurveyJS does.
      let value = item.scalarText ?? (item["value"] == nil ? text(item["text"]) : item["value"]?.scalarText)
      guard let value else {
        let what: String
        switch item.object == nil ? item : item["value"] {
        case .null?: what = "null"
        case .object?: what = "an object"
        case .array?: what = "a list"
        default: what = "missing (and it has no text)"
        }
        issue(
          "\(path).\(key)[\(n)]", name,
          "the choice's value is \(what), which no answer here can be; the choice is left out")
        continue
      }
      guard seen.insert(value).inserted else {
        issue(path, name, "the choice '\(value)' appears twice; the second is left out")
        continue
      }
      let label = text(item["text"]) ?? value
      options.append(Option(value: value, label: label, score: item["score"]?.number))
    }
    return options
  }

  /// Puts computed values in an order where each reads only earlier ones (SurveyJS re-runs its
  /// expressions until they settle; ours run once, in order). Values in a cycle are left out, listed.
  private mutating func orderComputed() {
    let index = Dictionary(computed.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    var state = [Int](repeating: 0, count: computed.count)  // 0 new, 1 on the stack, 2 done
    var ordered: [Int] = []
    var cyclic = Set<Int>()
    // Depth-first, without recursion (a chain may be long): a stack of (value, next dependency).
    for start in computed.indices where state[start] == 0 {
      var stack: [(Int, [Int], Int)] = [(start, deps(start, index), 0)]
      state[start] = 1
      while let (node, list, next) = stack.last {
        if next < list.count {
          stack[stack.count - 1].2 += 1
          let dep = list[next]
          if state[dep] == 0 {
            state[dep] = 1
            stack.append((dep, deps(dep, index), 0))
          } else if state[dep] == 1 {
            // A cycle: every value on the stack from dep onward.
            if let from = stack.firstIndex(where: { $0.0 == dep }) {
              for entry in stack[from...] { cyclic.insert(entry.0) }
            }
          }
        } else {
          stack.removeLast()
          state[node] = 2
          ordered.append(node)
        }
      }
    }
    for i in cyclic.sorted() {
      inexact.insert(computed[i].id)
      issue(
        computed[i].path, computed[i].id,
        "the expression reads itself through other expressions (a cycle), which never settles; it is not imported")
    }
    computed = ordered.filter { !cyclic.contains($0) }.map { computed[$0] }
  }

  private func deps(_ i: Int, _ index: [String: Int]) -> [Int] {
    computed[i].reads.compactMap { index[$0] }.sorted()
  }

  /// The question names at or under an element key (a page, panel or question path).
  func names(under key: String) -> Set<String> {
    var out = Set<String>()
    for page in pages {
      for element in page.elements
      where element.type != .note && (page.key == key || element.key == key || element.key.hasPrefix(key + ".")) {
        out.insert(element.id)
      }
    }
    return out
  }

  // MARK: - Writing YAML

  static func quote(_ s: String) -> String { JSON.string(s).serialized() }

  /// The YAML of the questionnaire, leaving out the conditions and computed values in `dropped`, and
  /// the tree Yams would compose from it (nil when only parsing the text can say).
  mutating func emit(dropping dropped: Set<String>) -> (yaml: String, tree: YAMLNode?) {
    var w = YAMLTreeWriter()
    conditionLines = [:]
    origins = []
    /// Marks the lines from the next one on as coming from the element at `path`.
    func origin(_ path: String) { origins.append((w.lineNumber, path)) }
    let base = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
    let id = String(base.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }).trimmingCharacters(in: ["-"])
    w.comment(
      "Imported from \((fileName as NSString).lastPathComponent) by 'assess import surveyjs' (locale \(locale)).")
    w.comment("Conditions keep SurveyJS's meaning: see docs/IMPORT.md.")
    var top: [(YAMLNode, YAMLNode)] = []
    top.append(w.line(0, "assess", plain: "1"))
    top.append(w.line(0, "id", quoted: id.isEmpty ? "imported" : id))
    top.append(w.line(0, "title", quoted: text(root["title"]) ?? base))
    top.append(w.line(0, "version", quoted: root["version"]?.scalarText ?? "imported"))
    if let description = text(root["description"]) { top.append(w.line(0, "description", quoted: description)) }
    top.append(w.line(0, "semantics", plain: "surveyjs"))
    let scored = pages.contains { $0.elements.contains { $0.options.contains { $0.score != nil } } }
    if scored {
      let key = w.blockKey(0, "scales")
      let at = w.dash(2)
      let scale = w.flow([("id", .plain("score")), ("title", .quoted("Score"))])
      w.newline()
      top.append((key, w.blockSequence([scale], at: at)))
    }
    if computed.contains(where: { !dropped.contains($0.key) }) {
      let key = w.blockKey(0, "computed")
      var items: [YAMLNode] = []
      var first: YAMLTreeWriter.Place?
      for c in computed where !dropped.contains(c.key) {
        origin(c.path + " ('\(c.id)')")
        let at = w.dash(2)
        if items.isEmpty { first = at }
        let idPair = w.line(nil, "id", quoted: c.id)
        conditionLines[w.lineNumber] = (c.key, c.path, true)
        let valuePair = w.line(4, "value", quoted: c.value)
        items.append(w.blockMapping([idPair, valuePair], at: nil))
      }
      top.append((key, w.blockSequence(items, at: first)))
    }
    origin("(form)")
    let sectionsKey = w.blockKey(0, "sections")
    var sections: [YAMLNode] = []
    var firstSection: YAMLTreeWriter.Place?
    for page in pages {
      origin(page.path + " ('\(page.id)')")
      let at = w.dash(2)
      if sections.isEmpty { firstSection = at }
      var section: [(YAMLNode, YAMLNode)] = []
      section.append(w.line(nil, "id", quoted: page.id))
      section.append(w.line(4, "title", quoted: page.title))
      if let intro = page.intro { section.append(w.line(4, "intro", quoted: intro)) }
      if let condition = page.condition, !dropped.contains(page.key) {
        conditionLines[w.lineNumber] = (page.key, page.path, false)
        section.append(w.line(4, "when", quoted: condition))
      }
      let questionsKey = w.blockKey(4, "questions")
      var questions: [YAMLNode] = []
      var firstQuestion: YAMLTreeWriter.Place?
      for e in page.elements {
        origin(e.path + " ('\(e.id)')")
        let at = w.dash(6)
        if questions.isEmpty { firstQuestion = at }
        var q: [(YAMLNode, YAMLNode)] = []
        q.append(w.line(nil, "id", quoted: e.id))
        q.append(w.line(8, "type", plain: e.type.rawValue))
        q.append(w.line(8, "prompt", quoted: e.prompt))
        if let help = e.help { q.append(w.line(8, "help", quoted: help)) }
        if let requiredIf = e.requiredIf, !dropped.contains(e.key + "#required") {
          conditionLines[w.lineNumber] = (e.key + "#required", e.path, false)
          q.append(w.line(8, "required", quoted: requiredIf))
        } else if e.type != .note {
          q.append(w.line(8, "required", plain: e.required ? "true" : "false"))
        }
        if !e.conditions.isEmpty && !dropped.contains(e.key) {
          let joined =
            e.conditions.count == 1 ? e.conditions[0] : e.conditions.map { "(\($0))" }.joined(separator: " and ")
          conditionLines[w.lineNumber] = (e.key, e.path, false)
          q.append(w.line(8, "when", quoted: joined))
        }
        if let lo = e.min { q.append(w.line(8, "min", plain: JSON.format(lo))) }
        if let hi = e.max { q.append(w.line(8, "max", plain: JSON.format(hi))) }
        if !e.labels.isEmpty {
          q.append(
            w.line(8, "labels", flow: e.labels.sorted { $0.key < $1.key }.map { ("\($0.key)", .quoted($0.value)) }))
        }
        if !e.options.isEmpty {
          let optionsKey = w.blockKey(8, "options")
          var options: [YAMLNode] = []
          var firstOption: YAMLTreeWriter.Place?
          for o in e.options {
            var fields: [(String, YAMLTreeWriter.Flow)] = [("value", .quoted(o.value)), ("label", .quoted(o.label))]
            if let score = o.score { fields.append(("score", .mapping([("score", .plain(JSON.format(score)))]))) }
            if o.exclusive { fields.append(("exclusive", .plain("true"))) }
            let at = w.dash(10)
            if options.isEmpty { firstOption = at }
            options.append(w.flow(fields))
            w.newline()
          }
          q.append((optionsKey, w.blockSequence(options, at: firstOption)))
        }
        questions.append(w.blockMapping(q, at: nil))
      }
      section.append((questionsKey, w.blockSequence(questions, at: firstQuestion)))
      sections.append(w.blockMapping(section, at: nil))
    }
    top.append((sectionsKey, w.blockSequence(sections, at: firstSection)))
    let tree = w.blockMapping(top, at: nil)
    return (w.text, w.unsure ? nil : tree)
  }
}
