import Foundation

/// Loose comparisons that behave as the SurveyJS engine (v1.9) does, so imported forms show
/// exactly the questions SurveyJS shows. Null stands for SurveyJS's `undefined` and `null` alike.
enum Loose {
  /// JavaScript truthiness: null, false, 0 and "" are false; every list is true.
  static func truthy(_ v: Value) -> Bool {
    switch v {
    case .null: return false
    case .bool(let b): return b
    case .number(let n): return n != 0 && !n.isNaN
    case .string(let s): return !s.isEmpty
    case .list: return true
    }
  }

  /// SurveyJS's `isValueEmpty`: null, "" and [] are empty; false and 0 are not.
  static func isEmpty(_ v: Value) -> Bool {
    switch v {
    case .null: return true
    case .string(let s): return s.isEmpty
    case .list(let l): return l.isEmpty
    default: return false
    }
  }

  /// `Number(x)` of JavaScript for a scalar; `nil` for NaN.
  static func number(_ v: Value) -> Double? {
    switch v {
    case .null: return 0
    case .bool(let b): return b ? 1 : 0
    case .number(let n): return n.isNaN ? nil : n
    case .string(let s):
      let t = asciiTrimmed(s, newlines: true).map(String.init) ?? s.trimmingCharacters(in: .whitespacesAndNewlines)
      if t.isEmpty { return 0 }
      return Double(t)
    case .list(let items):
      if items.isEmpty { return 0 }
      if items.count == 1 { return number(.string(string(items[0]))) }
      return nil
    }
  }

  /// `String(x)` of JavaScript.
  static func string(_ v: Value) -> String {
    switch v {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return JSON.format(n)
    case .string(let s): return s
    case .list(let items): return items.map { $0.isNull ? "" : string($0) }.joined(separator: ",")
    }
  }

  /// `parseFloat` and `parseInt` agree as numbers: SurveyJS's test for two numeric values.
  private static func numericallyEqual(_ x: Value, _ y: Value) -> Bool? {
    func convertible(_ v: Value) -> Bool {
      switch v {
      case .null, .list: return false
      case .bool: return true
      case .number(let n): return !n.isNaN
      case .string: return number(v) != nil
      }
    }
    guard convertible(x), convertible(y) else { return nil }
    func parsed(_ v: Value) -> (Double?, Double?) {
      switch v {
      case .number(let n): return (n.rounded(.towardZero), n)
      case .string(let s):
        let t = asciiTrimmed(s, newlines: false).map(String.init) ?? s.trimmingCharacters(in: .whitespaces)
        guard let f = leadingNumber(t) else { return (nil, nil) }
        return (f.rounded(.towardZero), f)
      default: return (nil, nil)
      }
    }
    let (ix, fx) = parsed(x)
    let (iy, fy) = parsed(y)
    if let ix, let iy, let fx, let fy, ix == iy, fx == fy { return true }
    return nil
  }

  /// The number at the start of `s`, as `parseFloat` reads it.
  private static func leadingNumber(_ s: String) -> Double? {
    var end = s.startIndex
    var seenDigit = false
    var index = s.startIndex
    if index < s.endIndex, s[index] == "-" || s[index] == "+" { index = s.index(after: index) }
    while index < s.endIndex, s[index].isNumber || s[index] == "." {
      if s[index].isNumber { seenDigit = true }
      index = s.index(after: index)
      end = index
    }
    guard seenDigit else { return nil }
    return Double(s[s.startIndex..<end])
  }

  /// SurveyJS's `isTwoValueEquals(x, y, ignoreOrder: true)` with its default comparator
  /// (strings trimmed and compared without case).
  static func equals(_ x: Value, _ y: Value) -> Bool {
    if x == y { return true }
    switch (x, y) {
    case (.list(let l), .null), (.null, .list(let l)): if l.isEmpty { return true }
    case (.null, .string("")), (.string(""), .null): return true
    default: break
    }
    if case .string(let a) = x, case .string(let b) = y {
      if let equal = asciiEqualFolded(a, b) { return equal }
      return a.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        == b.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
    if numericallyEqual(x, y) == true { return true }
    if isEmpty(x) != isEmpty(y) { return false }
    switch (x, y) {
    case (.bool(let b), .string(let s)), (.string(let s), .bool(let b)): return (b ? "true" : "false") == s.lowercased()
    case (.list(let a), .list(let b)):
      guard a.count == b.count else { return false }
      let sa = a.sorted { string($0) < string($1) }
      let sb = b.sorted { string($0) < string($1) }
      return zip(sa, sb).allSatisfy { equals($0, $1) }
    case (.list, _), (_, .list): return false
    case (.bool, .number), (.number, .bool), (.number, .string), (.string, .number):
      // JavaScript's loose ==: both sides as numbers.
      guard let a = number(x), let b = number(y) else { return false }
      return a == b
    default:
      return false
    }
  }

  /// SurveyJS's `containsCore`: a list holds every one of the right values, or a text holds the right text.
  static func contains(_ left: Value, _ right: Value, wanted: Bool) -> Bool {
    var left = left
    var right = right
    switch left {
    case .null: return false
    case .string(let s) where s.isEmpty: return false
    case .number, .bool:
      left = .string(string(left))
      if case .string(let r) = right {
        left = .string(string(left).uppercased())
        right = .string(r.uppercased())
      }
    case .list(let items) where items.isEmpty:
      left = .string("")
    default: break
    }
    if case .string(let text) = left {
      guard truthy(right) else { return false }
      let found = text.isEmpty ? string(right).isEmpty : (string(right).isEmpty || text.contains(string(right)))
      return wanted ? found : !found
    }
    guard case .list(let items) = left else { return false }
    let wantedItems: [Value]
    if case .list(let r) = right { wantedItems = r } else { wantedItems = [right] }
    for item in wantedItems where !items.contains(where: { equals($0, item) }) {
      return !wanted
    }
    return wanted
  }

  /// SurveyJS's `notcontains`.
  static func notContains(_ left: Value, _ right: Value) -> Bool {
    if !truthy(left) && !isEmpty(right) { return true }
    return contains(left, right, wanted: false)
  }

  /// SurveyJS's `anyof`.
  static func anyOf(_ left: Value, _ right: Value) -> Bool {
    if isEmpty(left) && isEmpty(right) { return true }
    if isEmpty(left) { return false }
    if isEmpty(right) { return true }
    guard case .list = left else { return contains(right, left, wanted: true) }
    guard case .list(let wantedItems) = right else { return contains(left, right, wanted: true) }
    return wantedItems.contains { contains(left, $0, wanted: true) }
  }

  /// SurveyJS's `allof`.
  static func allOf(_ left: Value, _ right: Value) -> Bool {
    if !truthy(left) && !isEmpty(right) { return false }
    guard case .list(let wantedItems) = right else { return contains(left, right, wanted: true) }
    return wantedItems.allSatisfy { contains(left, $0, wanted: true) }
  }

  /// JavaScript's `left > right`, false when either is null.
  static func greater(_ left: Value, _ right: Value) -> Bool {
    if left.isNull || right.isNull { return false }
    if case .string(let a) = left, case .string(let b) = right {
      return Array(a.utf16).lexicographicallyPrecedes(Array(b.utf16)) == false && a != b
    }
    if case .list = left, case .list = right { return greater(.string(string(left)), .string(string(right))) }
    guard let a = number(left), let b = number(right) else { return false }
    return a > b
  }
}
