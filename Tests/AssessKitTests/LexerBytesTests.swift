import Foundation
import Testing

@testable import AssessKit

/// The lexer reads UTF-8 bytes; these tests hold it to the lexer it replaced, which read an array of
/// Unicode scalars (kept below as `ScalarLexer`, verbatim): the same tokens, offsets and lengths in
/// scalars, and the same errors at the same places, on chosen and on generated texts.
@Suite struct LexerBytesTests {
  static func tokens(_ text: String) -> Result<[Token], ExpressionError> {
    do throws(ExpressionError) { return .success(try Lexer.tokenize(text)) } catch { return .failure(error) }
  }

  static func reference(_ text: String) -> Result<[Token], ExpressionError> {
    do throws(ExpressionError) { return .success(try ScalarLexer.tokenize(text)) } catch { return .failure(error) }
  }

  static let chosen: [String] = [
    "", " ", "q1 == 'a'", "g != 'c' and q1_0 != 'c'", "q1_5 in ['a', 'b']", "if(q4 == 'b', 5, 3)",
    "total / maxScore(impact) * 100", "not (a or b)", "-3.5e2 + .5 - 1e-3 * 2E+4", "007 + 0.5.5",
    "1e", "1e+", "12abc", "3_x", "1.", "1..2", "9007199254740993", "123456789012345", "1234567890123456",
    "99999999999999999999", "1e400", "1e308", "-1e309", "'unterminated", "\"double \\\" quote\"",
    "'a\\nb\\tc\\'d\\\\'", "'ends with backslash\\", "'\\é'", "'é\\ü'", "{spaced name} + {x}",
    "{ padded }", "{\u{3000}ideographic\u{3000}}", "{\u{A0}nbsp\u{A0}}", "{}", "{ }", "{unclosed",
    "{é}", "名前 == 'é'", "naïve + Ω", "a\u{00A0}b", "a\u{2028}b", "a\u{85}b", "a\u{3000}== b",
    "&& x", "a || b", "a <> b", "a = b", "!a", "a ! b", "€", "a € b", "'€' == x", "a\u{301} == 'b'",
    "é1", "x\u{0660}", "_under_score1", "true false null and or not in contains", "andy ory",
    "a<=b>=c<d>e", "[1,2,,3]", "a\tb\nc\rd", "\u{1F600}", "'\u{1F600}' + x", "{\u{1F600}}",
    "x == \"\u{1F600}\\\u{1F600}\"", "5\u{1F600}", "5é", ".", ".e1", "0x1F", "1_000",
  ]

  @Test func chosenTextsLexAsBefore() {
    for text in Self.chosen {
      #expect(Self.tokens(text) == Self.reference(text), "\(text.debugDescription)")
    }
  }

  @Test func generatedTextsLexAsBefore() {
    // Fragments that meet each rule of the lexer, joined at random (a fixed seed: repeatable).
    let fragments = [
      "a", "q1_2", "é", "名", "Ω", "_", " ", "  ", "\t", "\n", "\u{A0}", "\u{3000}", "\u{2028}", "0", "12", "3.5",
      ".", "e", "E", "+", "-", "*", "/", "(", ")", "[", "]", ",", "=", "==", "!", "!=", "<", ">", "<=", ">=", "&",
      "|", "'", "\"", "\\", "{", "}", "€", "\u{1F600}", "\u{301}", "and", "in", "not", "1e5", "9999999999999999",
      "#", "?", ":", "\u{0660}",
    ]
    var generator = SplitMix64(seed: 13)
    for _ in 0..<20_000 {
      var text = ""
      for _ in 0..<Int.random(in: 1...10, using: &generator) {
        text += fragments[Int.random(in: 0..<fragments.count, using: &generator)]
      }
      #expect(Self.tokens(text) == Self.reference(text), "\(text.debugDescription)")
    }
  }
}

/// A small seeded generator, so that the generated texts are the same on every run.
private struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The lexer as it was before it read bytes (commit a9fcf5f), for comparison only.
private struct ScalarLexer {
  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
  }

  /// All tokens, ending with `.end`.
  static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
    var lexer = ScalarLexer(text)
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
