import Foundation

/// Splits an expression into tokens.
///
/// It reads the text's UTF-8 bytes: ASCII (nearly every expression) is classified by byte, and
/// only a byte of a longer character is decoded to its scalar for the Unicode tests (letters,
/// white space). Offsets and lengths are still counted in Unicode scalars, as messages report them.
struct Lexer {
  private let bytes: UnsafeBufferPointer<UInt8>
  /// The byte at which the next token is looked for.
  private var position = 0
  /// The same place, in Unicode scalars from the start.
  private var offset = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// All tokens, ending with `.end`.
  static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
    var text = text
    let result: Result<[Token], ExpressionError> = text.withUTF8 { bytes in
      var lexer = Lexer(bytes)
      var tokens: [Token] = []
      tokens.reserveCapacity(8)
      do throws(ExpressionError) {
        while true {
          let token = try lexer.next()
          tokens.append(token)
          if token.kind == .end { return .success(tokens) }
        }
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  // MARK: Reading bytes and scalars

  private func byte(_ ahead: Int = 0) -> UInt8? {
    position + ahead < bytes.count ? bytes[position + ahead] : nil
  }

  /// The scalar starting at byte `at` and its length in bytes (the text is valid UTF-8).
  private func scalar(at index: Int) -> (Unicode.Scalar, Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for i in 1..<length where index + i < bytes.count {
      value = value << 6 | UInt32(bytes[index + i] & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// The number of scalars in `bytes[from..<to]`: the bytes that do not continue a character.
  private func scalarCount(_ from: Int, _ to: Int) -> Int {
    var count = 0
    for i in from..<to where bytes[i] & 0xC0 != 0x80 { count += 1 }
    return count
  }

  private func text(_ from: Int, _ to: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
  }

  private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

  /// The length in bytes of a name's character at byte `index`, or 0 if none starts there.
  private func nameCharacter(at index: Int, first: Bool) -> Int {
    let b = bytes[index]
    if b < 0x80 { return b == 0x5F || Self.isASCIILetter(b) || !first && Self.isDigit(b) ? 1 : 0 }
    let (c, length) = scalar(at: index)
    return c.properties.isAlphabetic ? length : 0
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      let b = bytes[position]
      if b < 0x80 {
        guard b == 0x20 || b >= 0x09 && b <= 0x0D else { return }
        position += 1
      } else {
        let (c, length) = scalar(at: position)
        guard c.properties.isWhitespace else { return }
        position += length
      }
      offset += 1
    }
  }

  /// Moves past `count` ASCII bytes.
  private mutating func skip(_ count: Int) {
    position += count
    offset += count
  }

  // MARK: Tokens

  private static func isKeyword(_ word: String) -> Bool {
    switch word {
    case "and", "or", "not", "in", "contains", "true", "false", "null": return true
    default: return false
    }
  }

  mutating func next() throws(ExpressionError) -> Token {
    skipWhitespace()
    let start = offset
    guard let c = byte() else { return Token(kind: .end, offset: start, length: 0) }

    if Self.isDigit(c) || (c == UInt8(ascii: ".") && byte(1).map(Self.isDigit) == true) {
      return try number(start)
    }
    if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") { return try string(start, quote: c) }
    if c == UInt8(ascii: "{") { return try braced(start) }
    let first = nameCharacter(at: position, first: true)
    if first > 0 {
      let from = position
      position += first
      offset += 1
      while position < bytes.count {
        let length = nameCharacter(at: position, first: false)
        guard length > 0 else { break }
        position += length
        offset += 1
      }
      let word = text(from, position)
      let kind: Token.Kind = Self.isKeyword(word) ? .keyword(word) : .name(word, braced: false)
      return Token(kind: kind, offset: start, length: offset - start)
    }
    if let d = byte(1) {
      let two: String?
      switch (c, d) {
      case (UInt8(ascii: "="), UInt8(ascii: "=")): two = "=="
      case (UInt8(ascii: "!"), UInt8(ascii: "=")): two = "!="
      case (UInt8(ascii: "<"), UInt8(ascii: "=")): two = "<="
      case (UInt8(ascii: ">"), UInt8(ascii: "=")): two = ">="
      case (UInt8(ascii: "&"), UInt8(ascii: "&")):
        throw ExpressionError("'&&' is not an operator here (use 'and')", at: start)
      case (UInt8(ascii: "|"), UInt8(ascii: "|")):
        throw ExpressionError("'||' is not an operator here (use 'or')", at: start)
      case (UInt8(ascii: "<"), UInt8(ascii: ">")):
        throw ExpressionError("'<>' is not an operator here (use '!=')", at: start)
      default: two = nil
      }
      if let two {
        skip(2)
        return Token(kind: .symbol(two), offset: start, length: 2)
      }
    }
    let symbol: String
    switch c {
    case UInt8(ascii: "<"): symbol = "<"
    case UInt8(ascii: ">"): symbol = ">"
    case UInt8(ascii: "+"): symbol = "+"
    case UInt8(ascii: "-"): symbol = "-"
    case UInt8(ascii: "*"): symbol = "*"
    case UInt8(ascii: "/"): symbol = "/"
    case UInt8(ascii: "("): symbol = "("
    case UInt8(ascii: ")"): symbol = ")"
    case UInt8(ascii: "["): symbol = "["
    case UInt8(ascii: "]"): symbol = "]"
    case UInt8(ascii: ","): symbol = ","
    case UInt8(ascii: "="): throw ExpressionError("'=' is not an operator here (use '==' to compare)", at: start)
    case UInt8(ascii: "!"): throw ExpressionError("'!' is not an operator here (use 'not')", at: start)
    default: throw ExpressionError("unexpected character '\(scalar(at: position).0)'", at: start)
    }
    skip(1)
    return Token(kind: .symbol(symbol), offset: start, length: 1)
  }

  private mutating func skipDigits() {
    while let d = byte(), Self.isDigit(d) { skip(1) }
  }

  private mutating func number(_ start: Int) throws(ExpressionError) -> Token {
    let from = position
    skipDigits()
    var whole = true
    if byte() == UInt8(ascii: "."), byte(1).map(Self.isDigit) == true {
      whole = false
      skip(1)
      skipDigits()
    }
    if let e = byte(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      let sign = byte(1) == UInt8(ascii: "+") || byte(1) == UInt8(ascii: "-") ? 1 : 0
      if byte(1 + sign).map(Self.isDigit) == true {
        whole = false
        skip(1 + sign)
        skipDigits()
      }
    }
    if position < bytes.count, nameCharacter(at: position, first: true) > 0 {
      throw ExpressionError(
        "unexpected '\(scalar(at: position).0)' after the number \(text(from, position))", at: offset)
    }
    let value: Double
    if whole && position - from <= 15 {
      // Up to 15 digits: exact in a Double, so the sum of the digits is what `Double(text)` reads.
      var n = 0
      for i in from..<position { n = n * 10 + Int(bytes[i] &- 0x30) }
      value = Double(n)
    } else {
      let literal = text(from, position)
      guard let parsed = Double(literal) else { throw ExpressionError("'\(literal)' is not a number", at: start) }
      // Double reads a literal beyond its range as infinity, which no value can hold: refuse it here.
      guard parsed.isFinite else {
        throw ExpressionError(
          "the number \(literal) is out of range: numbers go up to about 1.8e308", at: start)
      }
      value = parsed
    }
    return Token(kind: .number(value), offset: start, length: offset - start)
  }

  private mutating func string(_ start: Int, quote: UInt8) throws(ExpressionError) -> Token {
    skip(1)
    let from = position
    // Most strings have no escape: their value is the bytes between the quotes.
    var end = position
    while end < bytes.count, bytes[end] != quote, bytes[end] != UInt8(ascii: "\\") { end += 1 }
    if end < bytes.count, bytes[end] == quote {
      let value = text(from, end)
      offset += scalarCount(from, end) + 1
      position = end + 1
      return Token(kind: .string(value), offset: start, length: offset - start)
    }
    // With escapes: `\n` and `\t`, and a backslash keeps any other character as it is.
    var value: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[from..<end]))
    offset += scalarCount(from, end)
    position = end
    while position < bytes.count {
      let (c, length) = scalar(at: position)
      position += length
      offset += 1
      if c.value == UInt32(quote) {
        return Token(kind: .string(String(decoding: value, as: UTF8.self)), offset: start, length: offset - start)
      }
      if c == "\\", position < bytes.count {
        let (escaped, escapedLength) = scalar(at: position)
        switch escaped {
        case "n": value.append(0x0A)
        case "t": value.append(0x09)
        default: value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<position + escapedLength]))
        }
        position += escapedLength
        offset += 1
      } else {
        value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position - length..<position]))
      }
    }
    throw ExpressionError("unterminated string (missing \(Unicode.Scalar(quote)))", at: start)
  }

  private mutating func braced(_ start: Int) throws(ExpressionError) -> Token {
    skip(1)
    let from = position
    var end = position
    while end < bytes.count, bytes[end] != UInt8(ascii: "}") { end += 1 }
    guard end < bytes.count else { throw ExpressionError("unterminated name (missing '}')", at: start) }
    var name = text(from, end)
    // Trimmed as `trimmingCharacters(in: .whitespaces)` would, which is needed only at a space,
    // a tab or a character beyond ASCII at either end.
    if end > from, Self.mayBeBlank(bytes[from]) || Self.mayBeBlank(bytes[end - 1]) {
      name = name.trimmingCharacters(in: .whitespaces)
    }
    offset += scalarCount(from, end) + 1
    position = end + 1
    guard !name.isEmpty else { throw ExpressionError("empty name '{}'", at: start) }
    return Token(kind: .name(name, braced: true), offset: start, length: offset - start)
  }

  private static func mayBeBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b >= 0x80 }
}
