import Foundation

/// What importing a SurveyJS form gives: our questionnaire as YAML, and every element that could
/// not be carried over exactly, with its place in the JSON.
public struct SurveyJSImport: Sendable {
  /// Something of the form that is not imported, or not exactly.
  public struct Issue: Sendable, Hashable, CustomStringConvertible {
    /// Where, as a JSON path (`pages[2].elements[0]`) and the element's name if it has one.
    public internal(set) var path: String
    /// What is not imported and what happens instead.
    public internal(set) var message: String
    public var description: String { "\(path): \(message)" }
  }

  /// The questionnaire, format version 1.
  public internal(set) var yaml: String
  /// The same, loaded and checked (what `QuestionnaireLoader.load(text: yaml, ...)` gives).
  public internal(set) var questionnaire: Questionnaire
  /// The warnings of that load (an import with errors fails).
  public internal(set) var warnings: [Diagnostic]
  /// Everything not carried over exactly.
  public internal(set) var issues: [Issue]
  /// The locales the form has texts in (`default` first).
  public internal(set) var locales: [String]
  /// The locale used.
  public internal(set) var locale: String
  /// Names of the form's questions whose visibility may differ from SurveyJS's, each because of an
  /// issue above: not imported, imported as a computed value, or with a condition left out.
  public internal(set) var inexact: Set<String>
}

/// Why a form cannot be imported at all.
public struct SurveyJSImportError: Error, Sendable, CustomStringConvertible {
  /// One sentence for the person.
  public internal(set) var message: String
  public var description: String { message }
}

/// Imports SurveyJS JSON forms (docs/IMPORT.md says how each construct maps).
public enum SurveyJSImporter {
  /// Imports a form.
  ///
  /// - Parameters:
  ///   - json: the form's JSON text.
  ///   - fileName: its file name, for the questionnaire id and messages.
  ///   - locale: the locale of the texts (`default` when `nil`, or the form's own `locale`).
  public static func importForm(json: String, fileName: String, locale: String? = nil) throws(SurveyJSImportError)
    -> SurveyJSImport
  {
    let root: JSONNode
    let positions: [String: JSONReader.Position]
    do {
      (root, positions) = try JSONReader.parse(json)
    } catch {
      throw SurveyJSImportError(message: "'\(fileName)' is not valid JSON at \(error.position): \(error.message)")
    }
    guard case .object = root else {
      throw SurveyJSImportError(message: "'\(fileName)' is not a SurveyJS form (not a JSON object)")
    }
    var builder = SurveyJSBuilder(root: root, fileName: fileName, positions: positions)
    try builder.chooseLocale(locale)
    try checkSomethingToImport(builder, fileName: fileName)
    var dropped: Set<String> = []
    // Each round leaves out at least one more condition or computed value, so this ends.
    while true {
      let (yaml, tree) = builder.emit(dropping: dropped)
      let result =
        tree.map { QuestionnaireLoader.load(tree: $0, text: yaml, file: fileName) }
        ?? QuestionnaireLoader.load(text: yaml, file: fileName)
      let errors = result.diagnostics.filter { $0.severity == .error }
      if errors.isEmpty, let questionnaire = result.questionnaire {
        return SurveyJSImport(
          yaml: yaml, questionnaire: questionnaire, warnings: result.diagnostics, issues: builder.issues,
          locales: builder.locales,
          locale: builder.locale, inexact: builder.inexact)
      }
      // A translated condition or expression our checker rejects: leave it out, and say so.
      var progress = false
      for error in errors {
        guard let line = error.location?.line, let owner = builder.conditionLines[line], !dropped.contains(owner.key)
        else {
          continue
        }
        dropped.insert(owner.key)
        builder.inexact.formUnion(builder.names(under: owner.key))
        if owner.computed, let c = builder.computed.first(where: { $0.key == owner.key }) {
          builder.inexact.insert(c.id)
          builder.issues.append(
            SurveyJSImport.Issue(
              path: "\(owner.path) ('\(c.id)')",
              message: "the expression cannot be carried over (\(error.message)); it is not imported"))
        } else {
          builder.issues.append(
            SurveyJSImport.Issue(
              path: owner.path,
              message:
                "the condition cannot be carried over (\(error.message)); it is left out, so the element is always shown"
            ))
        }
        progress = true
      }
      if !progress {
        // Not a condition or an expression: name the element it came from, never a line of our YAML.
        let first = errors[0]
        let origin = first.location.map { builder.origin(ofLine: $0.line) } ?? "(form)"
        throw SurveyJSImportError(message: "'\(fileName)': \(origin): \(first.message)")
      }
    }
  }

  /// Refuses a form with nothing to ask, naming where in the JSON.
  private static func checkSomethingToImport(_ builder: SurveyJSBuilder, fileName: String)
    throws(SurveyJSImportError)
  {
    guard builder.pages.isEmpty else { return }
    let root = builder.root
    let place: String
    let reason: String
    if let pages = root["pages"] {
      place = builder.positions["pages"].map { "\($0)" } ?? builder.positions[""].map { "\($0)" } ?? "1:1"
      if pages.array == nil {
        reason = "'pages' must be a list of pages"
      } else if pages.array?.isEmpty == true {
        reason = "'pages' is empty"
      } else {
        reason = "no page has a question that can be imported"
      }
    } else if root["elements"] != nil || root["questions"] != nil {
      let key = root["elements"] != nil ? "elements" : "questions"
      place = builder.positions[key].map { "\($0)" } ?? builder.positions[""].map { "\($0)" } ?? "1:1"
      reason = "'\(key)' has no question that can be imported"
    } else {
      place = builder.positions[""].map { "\($0)" } ?? "1:1"
      reason = "the form has no 'pages' (or 'elements')"
    }
    // The elements left out say why (a page left out for having nothing to ask says nothing more).
    let left = builder.issues.filter { !$0.message.hasPrefix("the page has nothing to ask") }
    let listed = left.isEmpty ? "" : " (\(left.count) element\(left.count == 1 ? "" : "s") left out: \(left[0]))"
    throw SurveyJSImportError(message: "'\(fileName)' at \(place): nothing to import: \(reason)\(listed)")
  }
}
