import Foundation

/// Splits an expression into tokens.
struct Lexer {
  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
  }

  /// All tokens, ending with `.end`.
  static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
    var lexer = Lexer(text)
    var tokens: [Token] = []
    while true {
      let token = try lexer.next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
    position + ahead < scalars.count ? scalars[position + ahead] : nil
  }

  private static func isNameStart(_ c: Unicode.Scalar) -> Bool {
    c == "_" || c.properties.isAlphabetic
  }

  private static func isNameContinue(_ c: Unicode.Scalar) -> Bool {
    c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
  }

  private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

  mutating func next() throws(ExpressionError) -> Token {
    while let c = peek(), c.properties.isWhitespace { position += 1 }
    let start = position
    guard let c = peek() else { return Token(kind: .end, offset: start, length: 0) }

    if Self.isDigit(c) || (c == "." && peek(1).map(Self.isDigit) == true) {
      return try number(start)
    }
    if c == "'" || c == "\"" { return try string(start, quote: c) }
    if c == "{" { return try braced(start) }
    if Self.isNameStart(c) {
      while let d = peek(), Self.isNameContinue(d) { position += 1 }
      let word = String(String.UnicodeScalarView(scalars[start..<position]))
      let kind: Token.Kind = Token.keywords.contains(word) ? .keyword(word) : .name(word, braced: false)
      return Token(kind: kind, offset: start, length: position - start)
    }
    let two = peek(1).map { String(c) + String($0) } ?? ""
    if ["==", "!=", "<=", ">=", "&&", "||", "<>"].contains(two) {
      position += 2
      switch two {
      case "&&": throw ExpressionError("'&&' is not an operator here (use 'and')", at: start)
      case "||": throw ExpressionError("'||' is not an operator here (use 'or')", at: start)
      case "<>": throw ExpressionError("'<>' is not an operator here (use '!=')", at: start)
      default: return Token(kind: .symbol(two), offset: start, length: 2)
      }
    }
    position += 1
    switch c {
    case "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",":
      return Token(kind: .symbol(String(c)), offset: start, length: 1)
    case "=": throw ExpressionError("'=' is not an operator here (use '==' to compare)", at: start)
    case "!": throw ExpressionError("'!' is not an operator here (use 'not')", at: start)
    default: throw ExpressionError("unexpected character '\(c)'", at: start)
    }
  }

  private mutating func number(_ start: Int) throws(ExpressionError) -> Token {
    while let d = peek(), Self.isDigit(d) { position += 1 }
    if peek() == ".", peek(1).map(Self.isDigit) == true {
      position += 1
      while let d = peek(), Self.isDigit(d) { position += 1 }
    }
    if let e = peek(), e == "e" || e == "E" {
      let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
      if peek(1 + sign).map(Self.isDigit) == true {
        position += 1 + sign
        while let d = peek(), Self.isDigit(d) { position += 1 }
      }
    }
    let text = String(String.UnicodeScalarView(scalars[start..<position]))
    if let d = peek(), Self.isNameStart(d) {
      throw ExpressionError("unexpected '\(d)' after the number \(text)", at: position)
    }
    guard let value = Double(text) else { throw ExpressionError("'\(text)' is not a number", at: start) }
    // Double reads a literal beyond its range as infinity, which no value can hold: refuse it here.
    guard value.isFinite else {
      throw ExpressionError(
        "the number \(text) is out of range: numbers go up to about 1.8e308", at: start)
    }
    return Token(kind: .number(value), offset: start, length: position - start)
  }

  private mutating func string(_ start: Int, quote: Unicode.Scalar) throws(ExpressionError) -> Token {
    position += 1
    var value = String.UnicodeScalarView()
    while let c = peek() {
      position += 1
      if c == quote {
        return Token(kind: .string(String(value)), offset: start, length: position - start)
      }
      if c == "\\", let escaped = peek() {
        position += 1
        switch escaped {
        case "n": value.append("\n")
        case "t": value.append("\t")
        default: value.append(escaped)
        }
      } else {
        value.append(c)
      }
    }
    throw ExpressionError("unterminated string (missing \(quote))", at: start)
  }

  private mutating func braced(_ start: Int) throws(ExpressionError) -> Token {
    position += 1
    let nameStart = position
    while let c = peek(), c != "}" { position += 1 }
    guard peek() == "}" else { throw ExpressionError("unterminated name (missing '}')", at: start) }
    let name = String(String.UnicodeScalarView(scalars[nameStart..<position]))
      .trimmingCharacters(in: .whitespaces)
    position += 1
    guard !name.isEmpty else { throw ExpressionError("empty name '{}'", at: start) }
    return Token(kind: .name(name, braced: true), offset: start, length: position - start)
  }
}
