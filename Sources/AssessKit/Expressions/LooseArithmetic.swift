import Foundation

/// SurveyJS's (v1.9) arithmetic and value functions, for the loose functions `looseValue`, `loosePlus`,
/// `looseMinus`, `looseMul`, `looseDiv`, `looseMod`, `loosePow`, `looseIf`, `looseSum`, `looseMin`,
/// `looseMax` (docs/FORMAT.md, "Loose functions"): imported scored forms compute what SurveyJS computes.
/// Null stands for JavaScript's `undefined`; NaN reads as null (SurveyJS's data shows it as null).
extension Loose {
  /// What SurveyJS reads for a question's value in an expression (`Variable.getCorrectValue`):
  /// `'true'`/`'false'` become Booleans, a quoted text loses its quotes, a numeric text becomes its
  /// number (not one with a leading zero, a `-`, or `* / % ^`); anything else is kept.
  static func variable(_ v: Value) -> Value {
    guard case .string(let s) = v, !s.isEmpty else { return v }
    let lower = s.lowercased()
    if lower == "true" || lower == "false" { return .bool(lower == "true") }
    if s.count > 1, let first = s.first, let last = s.last, "'\"".contains(first), "'\"".contains(last) {
      return .string(String(s.dropFirst().dropLast()))
    }
    guard isNumeric(s) else { return v }
    if s.hasPrefix("0x") {
      let digits = s.dropFirst(2).prefix { $0.isHexDigit }
      return Int(digits, radix: 16).map { .number(Double($0)) } ?? v
    }
    if s.count > 1, s.first == "0" { return v }
    return parseFloat(s).map(Value.number) ?? v
  }

  /// `OperandMaker.isNumeric`.
  private static func isNumeric(_ s: String) -> Bool {
    if s.contains(where: { "-*^/%".contains($0) }) { return false }
    if let plus = s.firstIndex(of: "+"), s.distance(from: s.startIndex, to: plus) > 1 { return false }
    if s == " " { return false }  // SurveyJS's isSpaceString removes only the first space.
    return isNumber(.string(s))
  }

  /// `Helpers.getNumber`: the number SurveyJS sees in a value, or `nil` (NaN).
  static func getNumber(_ v: Value) -> Double? {
    var v = v
    if case .string(let s) = v {
      if s.hasPrefix("0x") && s.count > 32 { return nil }
      // A single comma is a decimal comma.
      if let comma = s.firstIndex(of: ","), !s[s.index(after: comma)...].contains(",") {
        v = .string(s.replacingCharacters(in: comma...comma, with: "."))
      }
    }
    guard let parsed = parseFloat(jsString(v)), let n = number(v), n.isFinite else { return nil }
    return parsed
  }

  static func isNumber(_ v: Value) -> Bool { getNumber(v) != nil }

  /// JavaScript's `parseFloat` of a text: the longest decimal number at its start.
  static func parseFloat(_ s: String) -> Double? {
    let scalars = Array(s.unicodeScalars.drop { $0.properties.isWhitespace })
    var i = 0
    if i < scalars.count, scalars[i] == "-" || scalars[i] == "+" { i += 1 }
    if String(String.UnicodeScalarView(scalars[i...].prefix(8))) == "Infinity" {
      return scalars.first == "-" ? -.infinity : .infinity
    }
    var digits = 0
    while i < scalars.count, ("0"..."9").contains(scalars[i]) {
      i += 1
      digits += 1
    }
    if i < scalars.count, scalars[i] == "." {
      i += 1
      while i < scalars.count, ("0"..."9").contains(scalars[i]) {
        i += 1
        digits += 1
      }
    }
    guard digits > 0 else { return nil }
    var end = i
    if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
      var j = i + 1
      if j < scalars.count, scalars[j] == "-" || scalars[j] == "+" { j += 1 }
      let start = j
      while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
      if j > start { end = j }
    }
    var text = String(String.UnicodeScalarView(scalars[..<end]))
    if text.hasSuffix(".") { text.removeLast() }
    if text.hasPrefix("+") { text.removeFirst() }
    if text.hasPrefix(".") || text.hasPrefix("-.") { text = text.replacingOccurrences(of: ".", with: "0.") }
    return Double(text)
  }

  /// `String(x)` of JavaScript, with numbers as JavaScript writes them.
  static func jsString(_ v: Value) -> String {
    switch v {
    case .number(let n): return numberText(n)
    case .list(let items): return items.map { $0.isNull ? "" : jsString($0) }.joined(separator: ",")
    default: return string(v)
    }
  }

  private static func numberText(_ n: Double) -> String {
    if n.isNaN { return "NaN" }
    if n.isInfinite { return n > 0 ? "Infinity" : "-Infinity" }
    if n == n.rounded(), abs(n) < 1e21 { return String(format: "%.0f", n) }
    return String(n)
  }

  /// `Helpers.countDecimals`.
  private static func decimals(_ v: Value) -> Int {
    guard isNumber(v) else { return 0 }
    if case .number(let n) = v, n == n.rounded() { return 0 }
    let parts = jsString(v).split(separator: ".", omittingEmptySubsequences: false)
    return parts.count > 1 ? parts[1].count : 0
  }

  /// `res.toFixed(digits)` read back as a number; nil (NaN, or an error in SurveyJS) otherwise.
  private static func fixed(_ result: Value, digits: Int) -> Value {
    guard digits > 0 else { return result }
    guard case .number(let n) = result, digits <= 100 else { return .null }
    return number(.string(String(format: "%.\(digits)f", n))).map(Value.number) ?? .null
  }

  /// `Helpers.correctAfterPlusMinis`.
  private static func afterPlusMinus(_ a: Value, _ b: Value, _ result: Value) -> Value {
    fixed(result, digits: Swift.max(decimals(a), decimals(b)))
  }

  /// JavaScript's `a + b`: texts (and lists, as texts) join; anything else adds as numbers.
  private static func jsAdd(_ a: Value, _ b: Value) -> Value {
    func textual(_ v: Value) -> Bool {
      switch v {
      case .string, .list: return true
      default: return false
      }
    }
    if textual(a) || textual(b) { return .string(jsString(a) + jsString(b)) }
    return numeric(Loose.number(a).flatMap { x in Loose.number(b).map { x + $0 } })
  }

  private static func numeric(_ n: Double?) -> Value {
    guard let n, !n.isNaN else { return .null }
    return .number(n)
  }

  /// SurveyJS's `convertForArithmeticOp`: an empty operand becomes 0, '' or [] after the other's kind.
  private static func arithmeticOperand(_ v: Value, other: Value) -> Value {
    if !isEmpty(v) { return v }
    if case .number = other { return .number(0) }
    if case .string = v { return v }
    if case .string = other { return .string("") }
    if case .list = other { return .list([]) }
    return .number(0)
  }

  private static func operands(_ a: Value, _ b: Value) -> (Value, Value) {
    let a = arithmeticOperand(a, other: b)
    return (a, arithmeticOperand(b, other: a))
  }

  /// SurveyJS's `+` (`Helpers.sumAnyValues`).
  static func plus(_ a: Value, _ b: Value) -> Value {
    let (a, b) = operands(a, b)
    guard isNumber(a), isNumber(b) else {
      switch (a, b) {
      case (.list(let x), .list(let y)): return .list(x + y)
      case (.list(let items), .string(let s)): return .string(items.map(jsString).joined(separator: ", ") + s)
      case (.string(let s), .list(let items)): return .string(s + items.map(jsString).joined(separator: ", "))
      case (.list(let items), .number), (.number, .list(let items)):
        let value = a.isList ? b : a
        var total = Value.number(0)
        for case .number(let n) in items { total = afterPlusMinus(total, .number(n), jsAdd(total, .number(n))) }
        return afterPlusMinus(total, value, jsAdd(total, value))
      default: return jsAdd(a, b)
      }
    }
    return afterPlusMinus(a, b, jsAdd(a, b))
  }

  /// SurveyJS's `-`.
  static func minus(_ a: Value, _ b: Value) -> Value {
    let (a, b) = operands(a, b)
    return afterPlusMinus(a, b, numeric(number(a).flatMap { x in number(b).map { x - $0 } }))
  }

  /// SurveyJS's `*`.
  static func mul(_ a: Value, _ b: Value) -> Value {
    let (a, b) = operands(a, b)
    return fixed(numeric(number(a).flatMap { x in number(b).map { x * $0 } }), digits: decimals(a) + decimals(b))
  }

  /// SurveyJS's `/`: null when dividing by zero (or anything falsy).
  static func div(_ a: Value, _ b: Value) -> Value {
    let (a, b) = operands(a, b)
    guard truthy(b) else { return .null }
    return numeric(number(a).flatMap { x in number(b).map { x / $0 } })
  }

  /// SurveyJS's `%`: null when dividing by zero (or anything falsy).
  static func mod(_ a: Value, _ b: Value) -> Value {
    let (a, b) = operands(a, b)
    guard truthy(b) else { return .null }
    return numeric(number(a).flatMap { x in number(b).map { fmod(x, $0) } })
  }

  /// SurveyJS's `^`.
  static func power(_ a: Value, _ b: Value) -> Value {
    let (a, b) = operands(a, b)
    return numeric(number(a).flatMap { x in number(b).map { pow(x, $0) } })
  }

  /// SurveyJS's `getParamsAsArray`: lists flattened, empties left out, numeric values as numbers.
  private static func parameters(_ values: [Value]) -> [Value] {
    var out: [Value] = []
    func add(_ v: Value) {
      switch v {
      case .null: return
      case .list(let items): for item in items { add(item) }
      default: out.append(getNumber(v).map(Value.number) ?? v)
      }
    }
    for v in values { add(v) }
    return out
  }

  /// SurveyJS's `sum(...)`.
  static func sum(_ values: [Value]) -> Value {
    var total = Value.number(0)
    for v in parameters(values) { total = afterPlusMinus(total, v, jsAdd(total, v)) }
    return total
  }

  /// SurveyJS's `min(...)` and `max(...)`: null for none.
  static func extreme(_ values: [Value], least: Bool) -> Value {
    var result: Value?
    for v in parameters(values) {
      guard let current = result else {
        result = v
        continue
      }
      if least ? greater(current, v) : greater(v, current) { result = v }
    }
    return result ?? .null
  }
}

extension Value {
  fileprivate var isList: Bool {
    if case .list = self { return true }
    return false
  }
}
