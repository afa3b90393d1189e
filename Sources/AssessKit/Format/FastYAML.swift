import Yams

/// A fast reader for the YAML our questionnaires are written in, producing the same tree
/// (values, styles and places) as `Yams.compose` with the basic resolver, as `YAMLNode`s; `nil` for anything
/// outside that subset, which then goes to Yams.
///
/// The subset: block mappings and sequences (also a sequence at its key's indentation and a
/// mapping or sequence started on a `- ` line), one-line flow mappings and sequences, plain,
/// single- and double-quoted scalars on one line, literal and folded block scalars (clip or strip,
/// no more-indented lines), comments. Anything else (anchors, aliases, tags, directives, several
/// documents, multi-line plain or quoted scalars, empty values, tabs, carriage returns, control
/// characters, duplicate keys, every error) is left to Yams, so diagnostics are Yams's own.
/// Tests compare both readers on every fixture, every built-in and generated documents.
struct FastYAML {
  private struct Unsupported: Error {}

  private let bytes: [UInt8]
  private var pos = 0
  private var line = 1
  private var lineStart = 0
  /// The indentation of the content line the cursor is on; -1 at the end of the text.
  private var indent = -1
  /// How deep the collections being read are nested; deeper than `maxDepth` is left to Yams.
  private var depth = 0
  private static let maxDepth = 64
  private init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The root node of `text` as Yams's `Node`, or `nil` when the text is outside the subset (or
  /// not valid YAML).
  static func compose(_ text: String) -> Node? {
    read(text)?.yamsNode()
  }

  /// The root node of `text`, or `nil` when the text is outside the subset (or not valid YAML).
  static func read(_ text: String) -> YAMLNode? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 1)  // with the sentinel, so that it is not copied again
    bytes.append(contentsOf: text.utf8)
    guard prescan(bytes) else { return nil }
    bytes.append(0)  // a sentinel: `peek` past the end reads 0
    var reader = FastYAML(bytes)
    return try? reader.document()
  }

  /// Refuses texts with what this reader leaves to Yams anywhere: control characters (but line
  /// feeds), tabs, carriage returns, byte order marks, and YAML 1.1's other line breaks (U+0085,
  /// U+2028, U+2029).
  private static func prescan(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer(prescan)
  }

  private static func prescan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      // Printable ASCII, nearly all of a text: nothing more to look at.
      if b >= 0x20 && b < 0x7F {
        i += 1
        continue
      }
      if b < 0x20 && b != 0x0A { return false }
      if b == 0x7F { return false }
      if b == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 || bytes[i + 1] < 0xA0 { return false }
      if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
      if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return false }
      if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE { return false }
      i += 1
    }
    return true
  }

  // MARK: The cursor

  private var end: Int { bytes.count - 1 }
  private func peek(_ offset: Int = 0) -> UInt8 { pos + offset < end ? bytes[pos + offset] : 0 }
  private var atLineEnd: Bool { pos >= end || bytes[pos] == 0x0A }
  /// At the end of the line, or at a comment (a `#` after a space).
  private var atLineEndOrComment: Bool {
    atLineEnd || (bytes[pos] == UInt8(ascii: "#") && (pos == lineStart || bytes[pos - 1] == 0x20))
  }

  private mutating func skipSpaces() {
    while pos < end && bytes[pos] == 0x20 { pos += 1 }
  }

  /// The column of the byte at `offset` on the current line (in Unicode scalars, from 1).
  ///
  /// The last column found is kept: a later one on the same line is counted on from it, so that
  /// a line of several scalars (`- {value: a, score: {impact: 1}}`) is read once, not once each.
  private mutating func column(at offset: Int) -> Int {
    var column = 1
    var from = lineStart
    if lastColumn.lineStart == lineStart && lastColumn.offset <= offset {
      column = lastColumn.column
      from = lastColumn.offset
    }
    column += bytes.withUnsafeBufferPointer { bytes in
      var count = 0
      for i in from..<offset where bytes[i] & 0xC0 != 0x80 { count += 1 }
      return count
    }
    lastColumn = (lineStart, offset, column)
    return column
  }

  /// The last column `column(at:)` found: the start of its line, its offset and its column.
  private var lastColumn = (lineStart: -1, offset: 0, column: 1)

  /// The place of the cursor.
  private mutating func here() -> (line: Int, column: Int) { (line, column(at: pos)) }

  /// From the end of a line (or a comment), past blank and comment lines, to the first character
  /// of the next content line; sets `indent` (-1 at the end of the text).
  private mutating func nextContentLine() throws(Unsupported) {
    guard atLineEndOrComment else { throw Unsupported() }
    while true {
      while pos < end && bytes[pos] != 0x0A { pos += 1 }
      guard pos < end else {
        indent = -1
        return
      }
      pos += 1
      line += 1
      lineStart = pos
      skipSpaces()
      if pos >= end {
        indent = -1
        return
      }
      if bytes[pos] == 0x0A || bytes[pos] == UInt8(ascii: "#") { continue }
      indent = pos - lineStart
      return
    }
  }

  private var dashHere: Bool {
    peek() == UInt8(ascii: "-") && (peek(1) == 0x20 || peek(1) == 0x0A || peek(1) == 0)
  }

  // MARK: Block structure

  private mutating func document() throws(Unsupported) -> YAMLNode {
    // Start as if after a line: the first line may itself be content.
    skipSpaces()
    if atLineEndOrComment {
      try nextContentLine()
    } else {
      indent = pos - lineStart
    }
    guard indent >= 0 else { throw Unsupported() }
    // Directives, document markers and a scalar root are left to Yams.
    if peek() == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-"), peek(2) == UInt8(ascii: "-") {
      throw Unsupported()
    }
    let root = try blockNode(indent)
    guard indent == -1 else { throw Unsupported() }
    return root
  }

  /// A block mapping or sequence starting at the cursor, at indentation `n`.
  private mutating func blockNode(_ n: Int) throws(Unsupported) -> YAMLNode {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maxDepth else { throw Unsupported() }
    if dashHere { return try blockSequence(n, indentless: false) }
    return try blockMapping(n)
  }

  private mutating func blockMapping(_ n: Int) throws(Unsupported) -> YAMLNode {
    let start = here()
    // Room for five pairs (a question's usual keys), so that most mappings are one allocation, not four.
    var pairs: [YAMLNode] = []
    pairs.reserveCapacity(10)
    var keys: Set<String> = []
    while true {
      guard indent == n, !dashHere else { throw Unsupported() }
      let key = try mappingKey()
      guard key.isScalar, Self.isNew(key.string, in: pairs, seen: &keys) else { throw Unsupported() }
      let value = try value(parent: n, inMapping: true)
      pairs.append(key)
      pairs.append(value)
      if indent < n { break }
    }
    return .mapping(pairs, line: start.line, column: start.column)
  }

  private mutating func blockSequence(_ n: Int, indentless: Bool) throws(Unsupported) -> YAMLNode {
    let start = here()
    var items: [YAMLNode] = []
    items.reserveCapacity(4)
    while true {
      guard indent == n, dashHere else { throw Unsupported() }
      pos += 1
      items.append(try sequenceItem(n))
      if indent < n { break }
      if indent > n { throw Unsupported() }
      if !dashHere {
        if indentless { break }
        throw Unsupported()
      }
    }
    return .sequence(items, line: start.line, column: start.column)
  }

  /// The item after a `- ` at indentation `n`.
  private mutating func sequenceItem(_ n: Int) throws(Unsupported) -> YAMLNode {
    skipSpaces()
    if atLineEndOrComment {
      try nextContentLine()
      guard indent > n else { throw Unsupported() }
      return try blockNode(indent)
    }
    let column = pos - lineStart
    // Only ASCII before a compact collection: its indentation is then its column.
    guard bytes[lineStart..<pos].allSatisfy({ $0 < 0x80 }) else { throw Unsupported() }
    if dashHere || looksLikeKey() {
      indent = column
      return try blockNode(column)
    }
    return try inlineValue(parent: n)
  }

  /// The value after `key:` in a mapping at indentation `n`; leaves the cursor on the next content line.
  private mutating func value(parent n: Int, inMapping: Bool) throws(Unsupported) -> YAMLNode {
    skipSpaces()
    if atLineEndOrComment {
      try nextContentLine()
      if indent > n { return try blockNode(indent) }
      if indent == n, dashHere, inMapping { return try blockSequence(n, indentless: true) }
      throw Unsupported()  // an empty value
    }
    return try inlineValue(parent: n)
  }

  /// A scalar, flow collection or block scalar starting on this line, inside a block collection at `n`.
  private mutating func inlineValue(parent n: Int) throws(Unsupported) -> YAMLNode {
    let node: YAMLNode
    switch peek() {
    case UInt8(ascii: "|"), UInt8(ascii: ">"):
      return try blockScalar(parent: n)
    case UInt8(ascii: "["), UInt8(ascii: "{"):
      node = try flowNode()
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      node = try quoted()
    default:
      node = try plain(flow: false)
    }
    skipSpaces()
    try nextContentLine()
    if indent > n { throw Unsupported() }
    return node
  }

  /// Whether the cursor is at `key:` (a plain or quoted key followed by `: ` or `:` at the line's end).
  private func looksLikeKey() -> Bool {
    var i = pos
    let first = bytes[i]
    if first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") {
      i += 1
      while i < end && bytes[i] != first && bytes[i] != 0x0A { i += 1 }
      guard i < end, bytes[i] == first else { return false }
      i += 1
      while i < end && bytes[i] == 0x20 { i += 1 }
      return i < end && bytes[i] == UInt8(ascii: ":")
    }
    // A flow collection, block scalar, anchor, alias or tag is a value here, not a key.
    if Self.isIndicator(first) && first != UInt8(ascii: "-") && first != UInt8(ascii: "?")
      && first != UInt8(ascii: ":")
    {
      return false
    }
    while i < end && bytes[i] != 0x0A {
      if bytes[i] == UInt8(ascii: ":") && (i + 1 >= end || bytes[i + 1] == 0x20 || bytes[i + 1] == 0x0A) {
        return true
      }
      if bytes[i] == UInt8(ascii: "#") && i > pos && bytes[i - 1] == 0x20 { return false }
      i += 1
    }
    return false
  }

  /// A key and its `:`.
  private mutating func mappingKey() throws(Unsupported) -> YAMLNode {
    let key: YAMLNode
    if peek() == UInt8(ascii: "'") || peek() == UInt8(ascii: "\"") {
      key = try quoted()
      skipSpaces()
    } else {
      key = try plain(flow: false, key: true)
    }
    guard peek() == UInt8(ascii: ":") else { throw Unsupported() }
    pos += 1
    guard peek() == 0x20 || atLineEnd else { throw Unsupported() }
    return key
  }

  // MARK: Scalars

  /// The characters that cannot start a plain scalar (`-`, `?` and `:` can, before a non-space).
  private static func isIndicator(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
      UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
      UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
      return true
    default: return false
    }
  }

  private static func isFlowIndicator(_ b: UInt8) -> Bool {
    b == UInt8(ascii: ",") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "{")
      || b == UInt8(ascii: "}")
  }

  /// Whether `key` is new among `pairs` (keys and values alternating; keys are compared as texts,
  /// as Yams does with the basic resolver).
  private static func isNew(_ key: String, in pairs: [YAMLNode], seen: inout Set<String>) -> Bool {
    let count = pairs.count / 2
    if count < 8 {
      var i = 0
      while i < pairs.count {
        if pairs[i].string == key { return false }
        i += 2
      }
      if count == 7 { seen = Set(stride(from: 0, to: pairs.count, by: 2).map { pairs[$0].string }) }
      return true
    }
    return seen.insert(key).inserted
  }

  /// A plain scalar: to `: `, ` #` or the line's end (in flow, also to `,[]{}`), trailing spaces dropped.
  private mutating func plain(flow: Bool, key: Bool = false) throws(Unsupported) -> YAMLNode {
    let start = pos
    let first = peek()
    if Self.isIndicator(first) {
      // `-`, `?` and `:` start a plain scalar when a character other than a space follows.
      let next = peek(1)
      guard first == UInt8(ascii: "-") || first == UInt8(ascii: "?") || first == UInt8(ascii: ":"),
        next != 0x20, next != 0x0A, next != 0, !(flow && Self.isFlowIndicator(next))
      else { throw Unsupported() }
    }
    // The scan works on the bytes in place, with the cursor in a local: through `self` each byte
    // cost a bounds check and a store (this loop reads most of a text).
    let (stop, last, supported) = bytes.withUnsafeBufferPointer { bytes in
      Self.plainEnd(bytes, from: start, end: end, flow: flow, key: key)
    }
    pos = stop
    guard supported, last > start else { throw Unsupported() }
    // A comment in a flow collection means it goes on over lines; a key needs its colon.
    if flow && bytes[pos] == UInt8(ascii: "#") { throw Unsupported() }
    return .scalar(
      String(decoding: bytes[start..<last], as: UTF8.self), .plain, line: line, column: column(at: start))
  }

  /// Where a plain scalar starting at `start` stops, where its text ends (trailing spaces
  /// dropped), and whether it is in the subset (a `: ` inside a value, or a `:` before a character
  /// other than a flow indicator in flow, is not). `bytes[end]` is the sentinel 0.
  private static func plainEnd(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, flow: Bool, key: Bool
  ) -> (stop: Int, last: Int, supported: Bool) {
    var pos = start
    var last = start
    while pos < end {
      let b = bytes[pos]
      if b == 0x0A { break }
      if b == UInt8(ascii: ":") {
        let next = bytes[pos + 1]  // at most the sentinel
        if next == 0x20 || next == 0x0A || next == 0 {
          if key { break }
          return (pos, last, false)  // a mapping inside a value: Yams's error
        }
        if flow {
          if isFlowIndicator(next) { break }
          return (pos, last, false)
        }
      }
      if b == UInt8(ascii: "#") && bytes[pos - 1] == 0x20 { break }
      if flow && isFlowIndicator(b) { break }
      pos += 1
      if b != 0x20 { last = pos }
    }
    return (pos, last, true)
  }

  private mutating func quoted() throws(Unsupported) -> YAMLNode {
    let start = pos
    let quote = bytes[pos]
    pos += 1
    var value: [UInt8] = []
    while true {
      guard pos < end, bytes[pos] != 0x0A else { throw Unsupported() }  // over lines: left to Yams
      let b = bytes[pos]
      if b == quote {
        if quote == UInt8(ascii: "'") && peek(1) == quote {
          value.append(quote)
          pos += 2
          continue
        }
        pos += 1
        break
      }
      if quote == UInt8(ascii: "\"") && b == UInt8(ascii: "\\") {
        try escape(into: &value)
        continue
      }
      value.append(b)
      pos += 1
    }
    let style: Node.Scalar.Style = quote == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted
    return .scalar(String(decoding: value, as: UTF8.self), style, line: line, column: column(at: start))
  }

  private mutating func escape(into value: inout [UInt8]) throws(Unsupported) {
    let c = peek(1)
    pos += 2
    let simple: [UInt8: UInt8] = [
      UInt8(ascii: "\\"): UInt8(ascii: "\\"), UInt8(ascii: "\""): UInt8(ascii: "\""),
      UInt8(ascii: "/"): UInt8(ascii: "/"),
      UInt8(ascii: "n"): 0x0A, UInt8(ascii: "t"): 0x09, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "0"): 0,
      UInt8(ascii: " "): 0x20,
    ]
    if let byte = simple[c] {
      value.append(byte)
      return
    }
    let digits: Int
    switch c {
    case UInt8(ascii: "x"): digits = 2
    case UInt8(ascii: "u"): digits = 4
    case UInt8(ascii: "U"): digits = 8
    default: throw Unsupported()
    }
    guard pos + digits <= end else { throw Unsupported() }
    let hex = String(decoding: bytes[pos..<pos + digits], as: UTF8.self)
    guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else { throw Unsupported() }
    value.append(contentsOf: Array(String(Character(scalar)).utf8))
    pos += digits
  }

  /// `|` or `>` (with `-` for strip), content lines indented more than `n`; leaves the cursor on the next content line.
  private mutating func blockScalar(parent n: Int) throws(Unsupported) -> YAMLNode {
    let start = here()
    let folded = peek() == UInt8(ascii: ">")
    pos += 1
    var strip = false
    if peek() == UInt8(ascii: "-") {
      strip = true
      pos += 1
    }
    guard peek() == 0x20 || atLineEnd else { throw Unsupported() }
    skipSpaces()
    guard atLineEndOrComment else { throw Unsupported() }
    while pos < end && bytes[pos] != 0x0A { pos += 1 }
    // The lines of the scalar: nil for an empty line.
    var lines: [ArraySlice<UInt8>?] = []
    var contentIndent = -1
    while pos < end {
      let next = pos + 1
      var i = next
      while i < end && bytes[i] == 0x20 { i += 1 }
      let spaces = i - next
      let blank = i >= end || bytes[i] == 0x0A
      if blank {
        // Leading blank lines, or spaces past the content's indentation, are left to Yams.
        if contentIndent < 0 || spaces > contentIndent { throw Unsupported() }
        if i >= end { break }
        lines.append(nil)
      } else {
        if contentIndent < 0 {
          guard spaces > n else { throw Unsupported() }
          contentIndent = spaces
        }
        if spaces < contentIndent { break }
        if spaces > contentIndent && folded { throw Unsupported() }
        var lineEnd = i
        while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
        if folded && bytes[lineEnd - 1] == 0x20 { throw Unsupported() }
        lines.append(bytes[(next + contentIndent)..<lineEnd])
        i = lineEnd
      }
      pos = i
      line += 1
      lineStart = next
    }
    while let last = lines.last, last == nil { lines.removeLast() }
    guard !lines.isEmpty else { throw Unsupported() }
    var value: [UInt8] = []
    var breaks = 0
    var first = true
    for item in lines {
      guard let text = item else {
        breaks += 1
        continue
      }
      if !first {
        if folded {
          if breaks == 0 {
            value.append(0x20)
          } else {
            value.append(contentsOf: repeatElement(0x0A, count: breaks))
          }
        } else {
          value.append(contentsOf: repeatElement(0x0A, count: breaks + 1))
        }
      }
      value.append(contentsOf: text)
      first = false
      breaks = 0
    }
    if !strip { value.append(0x0A) }
    let node = YAMLNode.scalar(
      String(decoding: value, as: UTF8.self), folded ? .folded : .literal, line: start.line, column: start.column)
    try nextContentLine()
    if indent > n { throw Unsupported() }
    return node
  }

  // MARK: Flow collections, on one line

  private mutating func flowNode() throws(Unsupported) -> YAMLNode {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maxDepth else { throw Unsupported() }
    switch peek() {
    case UInt8(ascii: "["): return try flowSequence()
    case UInt8(ascii: "{"): return try flowMapping()
    case UInt8(ascii: "'"), UInt8(ascii: "\""): return try quoted()
    default: return try plain(flow: true)
    }
  }

  private mutating func flowSequence() throws(Unsupported) -> YAMLNode {
    let start = here()
    pos += 1
    var items: [YAMLNode] = []
    items.reserveCapacity(4)
    skipSpaces()
    while peek() != UInt8(ascii: "]") {
      items.append(try flowNode())
      skipSpaces()
      if peek() == UInt8(ascii: ",") {
        pos += 1
        skipSpaces()
      } else if peek() != UInt8(ascii: "]") {
        throw Unsupported()  // a pair in a list, a line break, or an error
      }
    }
    pos += 1
    return .sequence(items, line: start.line, column: start.column)
  }

  private mutating func flowMapping() throws(Unsupported) -> YAMLNode {
    let start = here()
    pos += 1
    var pairs: [YAMLNode] = []
    pairs.reserveCapacity(4)
    var keys: Set<String> = []
    skipSpaces()
    while peek() != UInt8(ascii: "}") {
      let key: YAMLNode
      switch peek() {
      case UInt8(ascii: "'"), UInt8(ascii: "\""): key = try quoted()
      default: key = try plain(flow: true, key: true)
      }
      guard key.isScalar, Self.isNew(key.string, in: pairs, seen: &keys) else { throw Unsupported() }
      skipSpaces()
      guard peek() == UInt8(ascii: ":") else { throw Unsupported() }
      pos += 1
      guard peek() == 0x20 else { throw Unsupported() }
      skipSpaces()
      guard peek() != UInt8(ascii: ",") && peek() != UInt8(ascii: "}") else { throw Unsupported() }
      pairs.append(key)
      pairs.append(try flowNode())
      skipSpaces()
      if peek() == UInt8(ascii: ",") {
        pos += 1
        skipSpaces()
      } else if peek() != UInt8(ascii: "}") {
        throw Unsupported()
      }
    }
    pos += 1
    return .mapping(pairs, line: start.line, column: start.column)
  }
}
