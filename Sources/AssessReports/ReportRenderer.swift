import AssessKit
import Mustache

/// Renders a `Report` as Markdown, HTML (the default templates, or an organization's own), JSON or
/// CSV. The same report gives the same bytes.
public enum ReportRenderer {
  /// The report in `format` (`pdf` gives the HTML to print).
  ///
  /// - Parameters:
  ///   - report: the report.
  ///   - format: the format.
  ///   - template: a Mustache template to use instead of the default one (Markdown and HTML).
  /// - Throws: `ReportError.template` when the template does not parse.
  public static func render(_ report: Report, as format: ReportFormat, template: String? = nil) throws(ReportError)
    -> String
  {
    switch format {
    case .json: return report.json.pretty() + "\n"
    case .csv: return RiskRegisterCSV.make(report.json)
    case .markdown:
      return try mustache(
        "{{% CONTENT_TYPE: MARKDOWN}}" + (template ?? DefaultTemplates.markdown), report, extra: [:])
    case .html, .pdf:
      return try mustache(
        "{{% CONTENT_TYPE: HTML}}" + (template ?? DefaultTemplates.html), report,
        extra: ["heatMapSVG": HeatMapSVG.make(report.json), "css": DefaultTemplates.css])
    }
  }

  private static func mustache(_ text: String, _ report: Report, extra: [String: Any]) throws(ReportError) -> String {
    _ = registerContentTypes
    let parsed: MustacheTemplate
    do {
      parsed = try MustacheTemplate(string: text)
    } catch let error as MustacheTemplate.ParserError {
      // The content type pragma was put before the template's first line: count columns without it.
      let pragma = text.prefix { $0 != "}" }.count + 2
      let column = error.context.lineNumber == 1 ? error.context.columnNumber - pragma : error.context.columnNumber
      throw .template("line \(error.context.lineNumber), column \(max(1, column)): \(describe(error.error))")
    } catch {
      throw .template("\(error)")
    }
    let ratings = report.json["heatMap"]?["ratings"]?.count ?? 4
    guard var context = TemplateContext.make(report.json, ratings: ratings) as? [String: Any] else { return "" }
    context.merge(extra) { $1 }
    return parsed.render(context)
  }

  /// A parser error in words.
  static func describe(_ error: any Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
    switch error {
    case .sectionCloseNameIncorrect: return "a section is closed that is not the one open"
    case .unfinishedName: return "a tag is not finished"
    case .expectedSectionEnd: return "a section is not closed"
    case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
    case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
    case .illegalTokenInsideInheritSection: return "an inheritance section holds a tag it cannot"
    case .textInsideInheritSection: return "an inheritance section holds text"
    case .invalidConfigVariableSyntax: return "a pragma is malformed"
    case .unrecognisedConfigVariable: return "a pragma is not one swift-mustache knows"
    @unknown default: return "\(error)"
    }
  }

  /// Registers the Markdown content type once.
  private static let registerContentTypes: Void = {
    MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
  }()
}

extension JSON {
  /// The value at `key` of an object.
  subscript(key: String) -> JSON? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }

  /// The items of an array (empty otherwise).
  var items: [JSON] {
    guard case .array(let items) = self else { return [] }
    return items
  }

  /// The number of items of an array.
  var count: Int { items.count }

  /// The text of a string, a number as people read it, empty for null.
  var text: String {
    switch self {
    case .string(let s): return s
    case .number(let n): return NumberText.format(n)
    case .bool(let b): return b ? "true" : "false"
    default: return ""
    }
  }
}
