import AssessKit
import Mustache

/// A JSON null in a template context: falsey in a section, empty when printed, and, unlike a
/// missing key, it stops the lookup, so `{{#flag}}{{text}}{{/flag}}` never prints an outer `text`.
struct Nothing: MustacheCustomRenderable {
  var renderText: String { "" }
  var isNull: Bool { true }
}

/// The report's JSON as a Mustache context: objects become dictionaries, numbers text as people
/// read them (`69.2`), nulls `Nothing`. Every object that has a `ratingIndex` also gets `tone`
/// (0 lowest to 4 highest, spread over the matrix's ratings) for colouring, and every array `xs`
/// a `hasXs` that is true when it has items.
enum TemplateContext {
  static func make(_ json: JSON, ratings: Int) -> Any {
    switch json {
    case .null: return Nothing()
    case .bool(let b): return b
    case .number(let n): return NumberText.format(n)
    case .string(let s): return s
    case .array(let items): return items.map { make($0, ratings: ratings) }
    case .object(let pairs):
      var out: [String: Any] = [:]
      for (key, value) in pairs {
        out[key] = make(value, ratings: ratings)
        if case .array(let items) = value, let first = key.first {
          out["has" + first.uppercased() + key.dropFirst()] = !items.isEmpty
        }
        if key == "ratingIndex", case .number(let n) = value { out["tone"] = String(tone(Int(n), of: ratings)) }
      }
      return out
    }
  }

  /// A rating's place on a five-step colour scale.
  static func tone(_ rating: Int, of count: Int) -> Int {
    // Four ratings (the standard matrix): green, yellow, orange, red.
    if count == 4 { return [0, 2, 3, 4][max(0, min(3, rating))] }
    guard count > 1 else { return 0 }
    return Int((Double(rating) * 4 / Double(count - 1)).rounded())
  }
}

/// Escaping for Markdown: characters that would start markup, a table cell's `|`, and HTML, which
/// Markdown passes through; line breaks become `<br>` so a note stays in its table cell.
struct MarkdownContentType: MustacheContentType {
  func escapeText(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "\\", "`", "*", "_", "[", "]", "|", "#": out += "\\" + String(c)
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\r": continue
      case "\n": out += "<br>"
      default: out.append(c)
      }
    }
    return out
  }
}
