import AssessBuiltins
import AssessKit
import AssessStore
import Foundation

/// Turns a QUESTIONNAIRE argument (a built-in id or a path) into a loaded questionnaire.
enum QuestionnaireResolver {
  /// A questionnaire's text and the name diagnostics use.
  struct Source {
    var name: String
    var text: String
    /// An imported form's questionnaire, already loaded from `text` by the import, and its warnings.
    var imported: (questionnaire: Questionnaire, warnings: [Diagnostic])? = nil
  }

  /// Built-in questionnaires, loaded: each with its id.
  static func builtins() -> [(source: Source, questionnaire: Questionnaire?)] {
    Builtins.all().map { builtin in
      let source = Source(name: builtin.fileName, text: builtin.text)
      return (source, QuestionnaireLoader.load(text: builtin.text, file: builtin.fileName).questionnaire)
    }
  }

  /// Whether an argument names a file rather than a built-in: it has a folder part or a
  /// questionnaire's extension. A bare word is a built-in id when one has it, else a file.
  static func looksLikePath(_ argument: String) -> Bool {
    let lower = argument.lowercased()
    return argument.contains("/") || lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
      || surveyJSReference(argument) != nil
  }

  /// Reads a file (`-`: standard input) as UTF-8 text, through the one file reader (`InputFile`):
  /// pipes, FIFOs, `/dev/stdin` and process substitution read as regular files do.
  /// - Throws: `CLIFailure` naming the file and what went wrong.
  static func readFile(_ path: String, what: String = "file") throws -> String {
    do {
      return try InputFile.text(path, what: what)
    } catch {
      throw CLIFailure(error.message)
    }
  }

  /// A SurveyJS form reference: `form.json`, or `form.json#fr` for its texts in a locale.
  static func surveyJSReference(_ argument: String) -> (path: String, locale: String?)? {
    if argument.lowercased().hasSuffix(".json") { return (argument, nil) }
    guard let hash = argument.lastIndex(of: "#") else { return nil }
    let path = String(argument[..<hash])
    guard path.lowercased().hasSuffix(".json") else { return nil }
    return (path, String(argument[argument.index(after: hash)...]))
  }

  /// The source for a built-in id or a path.
  static func source(for argument: String) throws -> Source {
    let isPath = looksLikePath(argument)
    if !isPath, let builtin = Builtins.source(id: argument) {
      return Source(name: builtin.fileName, text: builtin.text)
    }
    if let (path, locale) = surveyJSReference(argument) {
      let json = try readFile(path, what: "form")
      do {
        let result = try SurveyJSImporter.importForm(json: json, fileName: path, locale: locale)
        return Source(name: path, text: result.yaml, imported: (result.questionnaire, result.warnings))
      } catch {
        throw CLIFailure(error.message)
      }
    }
    if isPath || FileManager.default.fileExists(atPath: argument) {
      return Source(name: argument, text: try readFile(argument, what: "questionnaire"))
    }
    let ids = Builtins.ids
    let hint = Suggestions.hint(for: argument, in: ids)
    throw CLIFailure(
      "no built-in questionnaire '\(argument)' and no such file\(hint); built-ins are \(ids.joined(separator: ", "))")
  }

  /// Loads a questionnaire, printing its diagnostics (errors, and warnings only when `showWarnings`).
  /// - Throws: `CLIFailure` (exit 2) when it has errors.
  static func load(_ argument: String, color: Bool, showWarnings: Bool = false) throws -> Questionnaire {
    try loadWithSource(argument, color: color, showWarnings: showWarnings).questionnaire
  }

  /// Loads a questionnaire and gives its source too (the text a session pins), reading it once.
  static func loadWithSource(_ argument: String, color: Bool, showWarnings: Bool = false) throws
    -> (source: Source, questionnaire: Questionnaire)
  {
    let source = try source(for: argument)
    if let imported = source.imported {
      // Loaded by the import already (the same text, the same loader): not parsed a second time.
      let renderer = DiagnosticRenderer(sources: [source.name: source.text])
      for diagnostic in imported.warnings where showWarnings {
        Terminal.error(DiagnosticPrinter.render(diagnostic, renderer, color: color))
      }
      return (source, imported.questionnaire)
    }
    let result = QuestionnaireLoader.load(text: source.text, file: source.name)
    DiagnosticPrinter.printAll(
      result.diagnostics, file: source.name, text: source.text, color: color, warnings: showWarnings)
    guard let questionnaire = result.questionnaire else {
      let count = result.diagnostics.filter { $0.severity == .error }.count
      throw CLIFailure(
        "questionnaire '\(source.name)' has \(count) error\(count == 1 ? "" : "s"); run 'assess validate \(source.name)'"
      )
    }
    return (source, questionnaire)
  }
}

/// Colours rendered diagnostics.
enum DiagnosticPrinter {
  /// Prints the diagnostics of one file on standard error: the first 50 errors and the first 50
  /// warnings (`DiagnosticDigest`), each with a window of its line, then how many were left out.
  static func printAll(_ diagnostics: [Diagnostic], file: String, text: String, color: Bool, warnings: Bool = true) {
    let digest = DiagnosticDigest(diagnostics, warnings: warnings)
    guard !digest.shown.isEmpty else { return }
    let renderer = DiagnosticRenderer(sources: [file: text])
    for diagnostic in digest.shown {
      Terminal.error(render(diagnostic, renderer, color: color))
    }
    for line in digest.remainder(file: file) {
      Terminal.error(line)
    }
  }

  static func render(_ diagnostic: Diagnostic, _ renderer: DiagnosticRenderer, color: Bool) -> String {
    let text = renderer.render(diagnostic)
    guard color else { return text }
    let label = diagnostic.severity.rawValue + ":"
    let coloured = diagnostic.severity == .error ? Terminal.red(label, true) : Terminal.yellow(label, true)
    guard let range = text.range(of: " " + label) else { return text }
    return text.replacingCharacters(in: range, with: " " + coloured)
  }
}
