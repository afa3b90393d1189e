/// Translates SurveyJS expressions into ours, keeping SurveyJS's meaning: comparisons become the
/// loose functions (`equal`, `includes`, `anyof`, ...) that behave as SurveyJS does.
struct SurveyJSTranslator {
  /// Why an expression cannot be carried over.
  struct Unsupported: Error, Equatable {
    var reason: String
  }

  /// The question (and expression) names of the form.
  var names: Set<String>
  /// Names referred to that are not in the form (read as empty, as SurveyJS does).
  private(set) var unknownNames: [String] = []
  /// Functions called that SurveyJS (v1.9) does not have (read as empty, as SurveyJS does).
  private(set) var unknownFunctions: [String] = []

  /// The functions SurveyJS v1.9 registers.
  static let surveyJSFunctions: Set<String> = [
    "age", "avg", "avgInArray", "count", "countInArray", "currentDate", "currentYear", "diffDays", "getDate", "getYear",
    "iif", "isContainerReady", "isDisplayMode", "max", "maxInArray", "min", "minInArray", "sum", "sumInArray", "today",
  ]

  /// The longest text that `>=` and `<=` may write twice.
  static let maxDuplicated = 50_000

  init(names: Set<String>) {
    self.names = names
  }

  /// Our expression for a SurveyJS condition (true/false).
  mutating func condition(_ text: String) throws(Unsupported) -> String {
    let (out, isBool) = try translate(try Self.parse(text))
    return isBool ? out : "truthy(\(out))"
  }

  /// Our expression for a SurveyJS value (an expression question).
  mutating func value(_ text: String) throws(Unsupported) -> String {
    try translate(try Self.parse(text)).0
  }

  private static func parse(_ text: String) throws(Unsupported) -> SurveyJSExpression {
    do {
      return try SurveyJSExpression.parse(text)
    } catch {
      throw Unsupported(reason: "cannot read the expression: \(error.message)")
    }
  }

  static func quote(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
  }

  private func asBool(_ part: (String, Bool)) -> String { part.1 ? part.0 : "truthy(\(part.0))" }

  private mutating func translate(_ e: SurveyJSExpression) throws(Unsupported) -> (String, Bool) {
    switch e {
    case .variable(let name):
      if names.contains(name) { return ("{\(name)}", false) }
      if name.contains(".") || name.contains("[") || name.hasPrefix("$") {
        throw Unsupported(reason: "'{\(name)}' refers into a panel, matrix or row, which is not imported")
      }
      if !unknownNames.contains(name) { unknownNames.append(name) }
      return ("null", false)
    case .string(let s): return (Self.quote(s), false)
    case .number(let n): return (JSON.format(n), false)
    case .bool(let b): return (b ? "true" : "false", true)
    case .null: return ("null", false)
    case .array(let items):
      // Our lists hold one type; SurveyJS compares list items loosely (1 equals '1'), so literal
      // items are written as texts, which keeps the meaning.
      var parts: [String] = []
      for item in items {
        switch item {
        case .number(let n): parts.append(Self.quote(JSON.format(n)))
        case .bool(let b): parts.append(Self.quote(b ? "true" : "false"))
        default: parts.append(try translate(item).0)
        }
      }
      return ("[" + parts.joined(separator: ", ") + "]", false)
    case .unary(let op, let operand):
      let inner = try translate(operand)
      switch op {
      case "negate": return ("not \(asBool(inner))", true)
      case "empty": return ("empty(\(inner.0))", true)
      case "notempty": return ("notempty(\(inner.0))", true)
      default: throw Unsupported(reason: "the operator '\(op)' is not supported")
      }
    case .binary(let op, let l, let r):
      let a = try translate(l)
      let b = try translate(r)
      switch op {
      case "and", "or": return ("(\(asBool(a)) \(op) \(asBool(b)))", true)
      case "equal": return ("equal(\(a.0), \(b.0))", true)
      case "notequal": return ("not equal(\(a.0), \(b.0))", true)
      case "contains": return ("includes(\(a.0), \(b.0))", true)
      case "notcontains": return ("excludes(\(a.0), \(b.0))", true)
      case "anyof": return ("anyof(\(a.0), \(b.0))", true)
      case "allof": return ("allof(\(a.0), \(b.0))", true)
      case "greater": return ("greater(\(a.0), \(b.0))", true)
      case "less": return ("less(\(a.0), \(b.0))", true)
      case "greaterorequal", "lessorequal":
        // Both sides are written twice; nested, that doubles at each level: keep it bounded.
        guard a.0.utf8.count + b.0.utf8.count <= Self.maxDuplicated else {
          throw Unsupported(reason: "the expression grows too long when translated (nested '>=' or '<=')")
        }
        let order = op == "greaterorequal" ? "greater" : "less"
        return ("(equal(\(a.0), \(b.0)) or \(order)(\(a.0), \(b.0)))", true)
      case "plus": return ("sum(\(a.0), \(b.0))", false)
      case "minus": return ("(sum(\(a.0)) - sum(\(b.0)))", false)
      case "mul": return ("(sum(\(a.0)) * sum(\(b.0)))", false)
      case "div": return ("(sum(\(a.0)) / sum(\(b.0)))", false)
      default: throw Unsupported(reason: "the operator '\(op)' is not supported")
      }
    case .call(let name, let arguments):
      var parts: [(String, Bool)] = []
      for argument in arguments { parts.append(try translate(argument)) }
      switch name {
      case "iif":
        guard parts.count == 3 else { throw Unsupported(reason: "iif takes 3 arguments") }
        return ("if(\(asBool(parts[0])), \(parts[1].0), \(parts[2].0))", parts[1].1 && parts[2].1)
      case "sum", "min", "max":
        guard !parts.isEmpty else { throw Unsupported(reason: "\(name) needs arguments") }
        return ("\(name)(\(parts.map(\.0).joined(separator: ", ")))", false)
      default:
        if Self.surveyJSFunctions.contains(name) {
          throw Unsupported(reason: "the function '\(name)' is not supported")
        }
        // SurveyJS reads a function it does not have as empty; so do we, and the import says so.
        if !unknownFunctions.contains(name) { unknownFunctions.append(name) }
        return ("null", false)
      }
    }
  }
}
