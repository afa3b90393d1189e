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
    do {
      root = try JSONDecoder().decode(JSONNode.self, from: Data(json.utf8))
    } catch {
      throw SurveyJSImportError(message: "'\(fileName)' is not valid JSON")
    }
    guard case .object = root else {
      throw SurveyJSImportError(message: "'\(fileName)' is not a SurveyJS form (not a JSON object)")
    }
    var builder = SurveyJSBuilder(root: root, fileName: fileName)
    try builder.chooseLocale(locale)
    var dropped: Set<String> = []
    for _ in 0..<4 {
      let yaml = builder.emit(dropping: dropped)
      let result = QuestionnaireLoader.load(text: yaml, file: fileName)
      let errors = result.diagnostics.filter { $0.severity == .error }
      if errors.isEmpty {
        return SurveyJSImport(
          yaml: yaml, issues: builder.issues, locales: builder.locales, locale: builder.locale, inexact: builder.inexact
        )
      }
      // A translated condition our checker rejects: drop it, and say so, element by element.
      var progress = false
      for error in errors {
        guard let line = error.location?.line, let owner = builder.conditionLines[line], !dropped.contains(owner.key)
        else {
          continue
        }
        dropped.insert(owner.key)
        builder.inexact.formUnion(builder.names(under: owner.key))
        builder.issues.append(
          SurveyJSImport.Issue(
            path: owner.path,
            message:
              "the condition cannot be carried over (\(error.message)); it is left out, so the element is always shown")
        )
        progress = true
      }
      if !progress {
        let first = errors.first.map { "\($0)" } ?? ""
        throw SurveyJSImportError(message: "'\(fileName)' imports into a questionnaire with errors: \(first)")
      }
    }
    throw SurveyJSImportError(message: "'\(fileName)' could not be imported")
  }
}
