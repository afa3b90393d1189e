/// Translates SurveyJS expressions into ours, keeping SurveyJS's meaning: comparisons become the
/// loose functions (`equal`, `includes`, `anyof`, ...) that behave as SurveyJS does.
struct SurveyJSTranslator {
  /// Why an expression cannot be carried over.
  struct Unsupported: Error, Equatable {
    var reason: String
  }

  /// The question (and expression) names of the form.
  var names: Set<String>
  /// Multiple-choice questions with numeric choice values: SurveyJS's arithmetic on them differs from
  /// ours (their answers are texts here), so it is not imported.
  var numericLists: Set<String> = []
  /// Names referred to that are not in the form (read as empty, as SurveyJS does).
  private(set) var unknownNames: [String] = []
  /// Functions called that SurveyJS (v1.9) does not have (read as empty, as SurveyJS does).
  private(set) var unknownFunctions: [String] = []
  /// The names the expressions translated since the last `resetReferences()` read.
  private(set) var references: Set<String> = []

  mutating func resetReferences() { references = [] }

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

  static func quote(_ s: String) -> String { Value.quoted(s) }

  private func asBool(_ part: (String, Bool)) -> String { part.1 ? part.0 : "truthy(\(part.0))" }

  /// Our expression for `e`, and whether it is true/false. `compared`: an operand of a comparison,
  /// which the loose comparisons take as the answer is (they compare '3' and 3 as SurveyJS does);
  /// elsewhere a name reads as SurveyJS reads it (`Variable.getCorrectValue`: '3' is 3, 'true' is true).
  private mutating func translate(_ e: SurveyJSExpression, compared: Bool = false) throws(Unsupported) -> (
    String, Bool
  ) {
    switch e {
    case .variable(let name):
      if names.contains(name) {
        references.insert(name)
        return (compared ? "{\(name)}" : "looseValue({\(name)})", false)
      }
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
        default: parts.append(try translate(item, compared: compared).0)
        }
      }
      return ("[" + parts.joined(separator: ", ") + "]", false)
    case .unary(let op, let operand):
      switch op {
      case "negate": return ("not \(asBool(try translate(operand)))", true)
      case "empty": return ("empty(\(try translate(operand, compared: true).0))", true)
      case "notempty": return ("notempty(\(try translate(operand, compared: true).0))", true)
      default: throw Unsupported(reason: "the operator '\(op)' is not supported")
      }
    case .binary(let op, let l, let r):
      let comparison = !["and", "or", "plus", "minus", "mul", "div", "mod", "power"].contains(op)
      for side in [l, r] where op == "plus" {
        if case .variable(let name) = side, numericLists.contains(name) {
          throw Unsupported(reason: "'+' on '{\(name)}', a multiple choice with numeric values, is not supported")
        }
      }
      let a = try translate(l, compared: comparison)
      let b = try translate(r, compared: comparison)
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
      case "plus": return ("loosePlus(\(a.0), \(b.0))", false)
      case "minus": return ("looseMinus(\(a.0), \(b.0))", false)
      case "mul": return ("looseMul(\(a.0), \(b.0))", false)
      case "div": return ("looseDiv(\(a.0), \(b.0))", false)
      case "mod": return ("looseMod(\(a.0), \(b.0))", false)
      case "power": return ("loosePow(\(a.0), \(b.0))", false)
      default: throw Unsupported(reason: "the operator '\(op)' is not supported")
      }
    case .call(let name, let arguments):
      var parts: [(String, Bool)] = []
      for argument in arguments { parts.append(try translate(argument)) }
      switch name {
      case "iif":
        guard parts.count == 3 else { throw Unsupported(reason: "iif takes 3 arguments") }
        // SurveyJS's iif gives either value whatever its type (a number or a text).
        return ("looseIf(\(parts[0].0), \(parts[1].0), \(parts[2].0))", false)
      case "sum", "min", "max":
        guard !parts.isEmpty else { throw Unsupported(reason: "\(name) needs arguments") }
        let loose = ["sum": "looseSum", "min": "looseMin", "max": "looseMax"][name] ?? name
        return ("\(loose)(\(parts.map(\.0).joined(separator: ", ")))", false)
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
