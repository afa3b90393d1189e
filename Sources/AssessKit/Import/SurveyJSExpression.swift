import Foundation

/// A SurveyJS expression (`visibleIf`, `enableIf`, `requiredIf`, expression questions), parsed.
indirect enum SurveyJSExpression: Equatable {
  case variable(String)
  case string(String)
  case number(Double)
  case bool(Bool)
  case null
  case array([SurveyJSExpression])
  case call(String, [SurveyJSExpression])
  case unary(String, SurveyJSExpression)
  case binary(String, SurveyJSExpression, SurveyJSExpression)

  /// Why an expression cannot be read.
  struct ParseError: Error, Equatable {
    var message: String
  }

  /// The deepest an expression may go: levels of nesting in its text, and levels of its tree.
  ///
  /// Lower than `ExpressionParser.maxDepth`: a translated expression is at most about twice as deep
  /// (`a >= b` becomes `(equal(a, b) or greater(a, b))`), and must still parse.
  static let maxDepth = 100

  /// Parses SurveyJS expression text.
  static func parse(_ text: String) throws(ParseError) -> SurveyJSExpression {
    var parser = Parser(tokens: try tokenize(text))
    let expression = try parser.or().expression
    guard parser.atEnd else { throw ParseError(message: "unexpected '\(parser.peek?.text ?? "")'") }
    return expression
  }

  static var tooDeep: ParseError {
    ParseError(
      message: "the expression goes more than \(maxDepth) levels deep (nested parentheses, lists, calls or operators)")
  }

  struct Token: Equatable {
    enum Kind { case variable, string, number, word, symbol }
    var kind: Kind
    var text: String
    /// Whether white space came before it: SurveyJS calls a function only when '(' follows its name directly.
    var spaced = false
  }

  /// Comparison operators by every spelling SurveyJS accepts, to a canonical name.
  static let comparisons: [String: String] = [
    "=": "equal", "==": "equal", "equal": "equal", "equals": "equal",
    "!=": "notequal", "<>": "notequal", "notequal": "notequal",
    "<": "less", "less": "less", ">": "greater", "greater": "greater",
    "<=": "lessorequal", "lessorequal": "lessorequal", ">=": "greaterorequal", "greaterorequal": "greaterorequal",
    "contains": "contains", "contain": "contains", "notcontains": "notcontains", "notcontain": "notcontains",
    "anyof": "anyof", "allof": "allof",
  ]

  static func tokenize(_ text: String) throws(ParseError) -> [Token] {
    var tokens: [Token] = []
    let chars = Array(text)
    var i = 0
    var spaced = false
    func add(_ token: Token) {
      var token = token
      token.spaced = spaced
      tokens.append(token)
      spaced = false
    }
    while i < chars.count {
      let c = chars[i]
      if c.isWhitespace {
        spaced = true
        i += 1
        continue
      }
      if c == "{" {
        guard let close = chars[i...].firstIndex(of: "}") else { throw ParseError(message: "a '{' is not closed") }
        add(Token(kind: .variable, text: String(chars[(i + 1)..<close]).trimmingCharacters(in: .whitespaces)))
        i = close + 1
        continue
      }
      if c == "'" || c == "\"" {
        var j = i + 1
        var value = ""
        while j < chars.count, chars[j] != c {
          if chars[j] == "\\", j + 1 < chars.count {
            j += 1
          }
          value.append(chars[j])
          j += 1
        }
        guard j < chars.count else { throw ParseError(message: "a string is not closed") }
        add(Token(kind: .string, text: value))
        i = j + 1
        continue
      }
      if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
        var j = i
        while j < chars.count, chars[j].isNumber || chars[j] == "." { j += 1 }
        add(Token(kind: .number, text: String(chars[i..<j])))
        i = j
        continue
      }
      if c.isLetter || c == "_" || c == "$" {
        var j = i
        while j < chars.count,
          chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "$" || chars[j] == "."
            || chars[j] == "-" && j + 1 < chars.count && chars[j + 1].isLetter
        {
          j += 1
        }
        add(Token(kind: .word, text: String(chars[i..<j])))
        i = j
        continue
      }
      let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
      if ["==", "!=", "<>", "<=", ">=", "&&", "||"].contains(two) {
        add(Token(kind: .symbol, text: two))
        i += 2
        continue
      }
      if "=<>!+-*/%^(),[]".contains(c) {
        add(Token(kind: .symbol, text: String(c)))
        i += 1
        continue
      }
      throw ParseError(message: "unexpected character '\(c)'")
    }
    return tokens
  }

  struct Parser {
    /// A parsed subexpression and the height of its tree (a leaf is 1).
    typealias Built = (expression: SurveyJSExpression, height: Int)

    var tokens: [Token]
    var index = 0
    /// How many parentheses, lists, calls and unary operators are open at the current token.
    var nesting = 0

    /// Opens one level of nesting; the caller closes it with `leave()`.
    mutating func enter() throws(ParseError) {
      nesting += 1
      if nesting > SurveyJSExpression.maxDepth { throw SurveyJSExpression.tooDeep }
    }

    mutating func leave() { nesting -= 1 }

    /// A node over `children`, refused when the tree would grow taller than `maxDepth`.
    func node(_ expression: SurveyJSExpression, over children: [Built]) throws(ParseError) -> Built {
      let height = 1 + (children.map(\.height).max() ?? 0)
      if height > SurveyJSExpression.maxDepth { throw SurveyJSExpression.tooDeep }
      return (expression, height)
    }

    var atEnd: Bool { index >= tokens.count }
    var peek: Token? { atEnd ? nil : tokens[index] }

    func isWord(_ words: Set<String>) -> Bool {
      guard let t = peek else { return false }
      return (t.kind == .word || t.kind == .symbol) && words.contains(t.text.lowercased())
    }

    mutating func take() -> Token? {
      defer { index += 1 }
      return peek
    }

    mutating func or() throws(ParseError) -> Built {
      var left = try and()
      while isWord(["or", "||"]) {
        _ = take()
        let right = try and()
        left = try node(.binary("or", left.expression, right.expression), over: [left, right])
      }
      return left
    }

    mutating func and() throws(ParseError) -> Built {
      var left = try not()
      while isWord(["and", "&&"]) {
        _ = take()
        let right = try not()
        left = try node(.binary("and", left.expression, right.expression), over: [left, right])
      }
      return left
    }

    mutating func not() throws(ParseError) -> Built {
      // SurveyJS negates with '!' or 'negate'; 'not' is not one of its operators.
      if isWord(["!", "negate"]) {
        _ = take()
        try enter()
        defer { leave() }
        let operand = try not()
        return try node(.unary("negate", operand.expression), over: [operand])
      }
      return try comparison()
    }

    mutating func comparison() throws(ParseError) -> Built {
      let left = try additive()
      if let t = peek, t.kind == .word || t.kind == .symbol {
        let word = t.text.lowercased()
        if word == "empty" || word == "notempty" {
          _ = take()
          return try node(.unary(word, left.expression), over: [left])
        }
        if let op = SurveyJSExpression.comparisons[word] {
          _ = take()
          let right = try additive()
          return try node(.binary(op, left.expression, right.expression), over: [left, right])
        }
      }
      return left
    }

    mutating func additive() throws(ParseError) -> Built {
      var left = try multiplicative()
      while let t = peek, t.kind == .symbol, t.text == "+" || t.text == "-" {
        _ = take()
        let right = try multiplicative()
        left = try node(
          .binary(t.text == "+" ? "plus" : "minus", left.expression, right.expression), over: [left, right])
      }
      return left
    }

    mutating func multiplicative() throws(ParseError) -> Built {
      var left = try factor()
      while let t = peek, t.kind == .symbol, ["*", "/", "%", "^"].contains(t.text) {
        _ = take()
        let name = ["*": "mul", "/": "div", "%": "mod", "^": "power"][t.text] ?? t.text
        let right = try factor()
        left = try node(.binary(name, left.expression, right.expression), over: [left, right])
      }
      return left
    }

    mutating func factor() throws(ParseError) -> Built {
      guard let t = take() else { throw ParseError(message: "the expression ends too early") }
      switch t.kind {
      case .variable: return (.variable(t.text), 1)
      case .string: return (.string(t.text), 1)
      case .number:
        guard let n = Double(t.text) else { throw ParseError(message: "'\(t.text)' is not a number") }
        return (.number(n), 1)
      case .word:
        let lower = t.text.lowercased()
        if let next = peek, next.kind == .symbol, next.text == "(", !next.spaced {
          _ = take()
          try enter()
          defer { leave() }
          var arguments: [Built] = []
          if !(peek?.kind == .symbol && peek?.text == ")") {
            arguments.append(try or())
            while let comma = peek, comma.kind == .symbol, comma.text == "," {
              _ = take()
              arguments.append(try or())
            }
          }
          guard let close = take(), close.text == ")" else { throw ParseError(message: "a '(' is not closed") }
          return try node(.call(t.text, arguments.map(\.expression)), over: arguments)
        }
        if lower == "true" { return (.bool(true), 1) }
        if lower == "false" { return (.bool(false), 1) }
        if lower == "null" || lower == "undefined" { return (.null, 1) }
        return (.string(t.text), 1)
      case .symbol:
        switch t.text {
        case "(":
          try enter()
          defer { leave() }
          let inner = try or()
          guard let close = take(), close.text == ")" else { throw ParseError(message: "a '(' is not closed") }
          return inner
        case "[":
          try enter()
          defer { leave() }
          var items: [Built] = []
          if !(peek?.kind == .symbol && peek?.text == "]") {
            items.append(try or())
            while let comma = peek, comma.kind == .symbol, comma.text == "," {
              _ = take()
              items.append(try or())
            }
          }
          guard let close = take(), close.text == "]" else { throw ParseError(message: "a '[' is not closed") }
          return try node(.array(items.map(\.expression)), over: items)
        case "-":
          try enter()
          defer { leave() }
          let operand = try factor()
          if case .number(let n) = operand.expression { return (.number(-n), 1) }
          return try node(.binary("minus", .number(0), operand.expression), over: [operand])
        case "!":
          try enter()
          defer { leave() }
          let operand = try factor()
          return try node(.unary("negate", operand.expression), over: [operand])
        default:
          throw ParseError(message: "unexpected '\(t.text)'")
        }
      }
    }
  }
}
