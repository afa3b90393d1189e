import Foundation
import Yams

/// Reads answers files (YAML or JSON: a mapping from question id to value) and checks every answer.
public enum AnswersReader {
  /// What reading an answers file gives.
  public struct Outcome: Sendable {
    /// The accepted answers.
    public internal(set) var answers: AnswerSet
    /// One error per rejected answer, at its place in the file.
    public internal(set) var diagnostics: [Diagnostic]
    /// The ids of the accepted answers, in file order.
    public internal(set) var order: [String] = []
  }

  /// Reads and checks an answers file.
  ///
  /// - Parameters:
  ///   - text: YAML or JSON text.
  ///   - file: its name, for diagnostics.
  ///   - questionnaire: the questionnaire the answers are for.
  public static func read(text: String, file: String, for questionnaire: Questionnaire) -> Outcome {
    let document = YAMLDocument(file: file, text: text)
    var answers = AnswerSet()
    var order: [String] = []
    guard let root = document.root(allowEmpty: true) else {
      return Outcome(answers: answers, diagnostics: document.diagnostics)
    }
    if case .scalar(let s) = root, s.string.isEmpty || root.null != nil {
      return Outcome(answers: answers, diagnostics: [])
    }
    guard let mapping = root.mapping else {
      document.error("an answers file maps question ids to answers, not \(root.kindName)", root)
      return Outcome(answers: answers, diagnostics: document.diagnostics)
    }
    for (key, node) in mapping {
      guard let id = key.scalar?.string else {
        document.error("answer keys are question ids", key)
        continue
      }
      guard let (value, raw) = self.value(of: node) else {
        document.error(shapeMessage(id, node), node)
        continue
      }
      do {
        let checked = try AnswerChecker.check(id, value, rawText: raw, in: questionnaire)
        if !checked.isNull {
          answers[id] = checked
          order.append(id)
        }
      } catch {
        document.error(error.message, at: document.location(questionnaireKnows(id, questionnaire) ? node : key))
      }
    }
    return Outcome(answers: answers, diagnostics: document.diagnostics, order: order)
  }

  private static func questionnaireKnows(_ id: String, _ q: Questionnaire) -> Bool {
    q.question(id) != nil || AnswerSet.splitInstance(id).map { q.question($0.question) != nil } == true
  }

  /// A value typed on the command line (`assess answer ID Q VALUE`), read as YAML: `significant`,
  /// `true`, `3`, `[public, children]`, `null`; with the plain text it was read from, for messages.
  /// - Throws: `AnswerError` for a mapping (`{a: 1}`, `{}`) or a list holding one: no question takes
  ///   that shape, and nothing is recorded.
  public static func commandLineValue(_ text: String, for id: String) throws(AnswerError) -> (Value, String?) {
    guard let node = try? Yams.compose(yaml: text) else { return (.string(text), text) }
    guard let (value, raw) = value(of: node) else { throw AnswerError(id: id, message: shapeMessage(id, node)) }
    return (value, raw ?? (node.scalar != nil ? text : nil))
  }

  /// A YAML node as a value, with the raw text of a plain scalar; `nil` for a shape no question
  /// takes (a mapping, or a list holding a mapping or a list).
  static func value(of node: Node) -> (Value, String?)? {
    switch node {
    case .scalar(let scalar):
      guard scalar.style == .plain else { return (.string(scalar.string), nil) }
      if let b = node.bool { return (.bool(b), scalar.string) }
      // YAML reads 0x10 and 0o20 as 16; a person writing an answer means the text, which a number
      // question then refuses by name.
      let digits = scalar.string.drop { $0 == "-" || $0 == "+" }.lowercased()
      if digits.hasPrefix("0x") || digits.hasPrefix("0o") { return (.string(scalar.string), scalar.string) }
      if let n = node.float ?? node.int.map(Double.init) { return (.number(n), scalar.string) }
      if node.null != nil { return (.null, nil) }
      return (.string(scalar.string), scalar.string)
    case .sequence(let sequence):
      var items: [Value] = []
      for item in sequence {
        guard item.scalar != nil, let (value, _) = self.value(of: item) else { return nil }
        items.append(value)
      }
      return (.list(items), nil)
    case .mapping, .alias:
      return nil
    }
  }

  /// Why an answer of the wrong shape is refused.
  static func shapeMessage(_ id: String, _ node: Node) -> String {
    let what = node.mapping != nil ? "a mapping" : node.sequence != nil ? "a list of lists or mappings" : "an alias"
    return "'\(id)' takes text, a number, true or false, or a list of option values, not \(what)"
  }

  /// Parses one line of JSON Lines into id-value pairs.
  /// - Throws: `AnswerError` (with an empty id) when the line is not a JSON object.
  public static func parseJSONLine(_ line: String) throws(AnswerError) -> [(String, Value)] {
    do {
      let decoded = try JSONDecoder().decode([String: DecodedValue].self, from: Data(line.utf8))
      return decoded.map { ($0.key, $0.value.value) }.sorted { $0.0 < $1.0 }
    } catch {
      throw AnswerError(id: "", message: "the line is not a JSON object of answers")
    }
  }

  /// Checks id-value pairs against a questionnaire, collecting every error.
  public static func check(_ pairs: [(String, Value)], for questionnaire: Questionnaire) -> (AnswerSet, [AnswerError]) {
    var answers = AnswerSet()
    var errors: [AnswerError] = []
    for (id, value) in pairs {
      do {
        let checked = try AnswerChecker.check(id, value, in: questionnaire)
        if !checked.isNull { answers[id] = checked }
      } catch {
        errors.append(error)
      }
    }
    return (answers, errors)
  }
}

/// A JSON value decoded without Foundation's number/Boolean confusion.
struct DecodedValue: Decodable {
  let value: Value

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      value = .null
    } else if let b = try? container.decode(Bool.self) {
      value = .bool(b)
    } else if let n = try? container.decode(Double.self) {
      value = .number(n)
    } else if let s = try? container.decode(String.self) {
      value = .string(s)
    } else if let l = try? container.decode([DecodedValue].self) {
      value = .list(l.map(\.value))
    } else {
      value = .string("")
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "objects are not answers")
    }
  }
}
