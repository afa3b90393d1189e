import Testing

@testable import AssessKit

/// Splits `text` at the marker 1️⃣, returning the text without it and the marker's offset in scalars.
func marked(_ text: String) -> (String, Int) {
  let scalars = Array(text.unicodeScalars)
  let marker = Array("1️⃣".unicodeScalars)
  for i in 0...(scalars.count - marker.count) where Array(scalars[i..<(i + marker.count)]) == marker {
    let clean = String(String.UnicodeScalarView(scalars[..<i] + scalars[(i + marker.count)...]))
    return (clean, i)
  }
  return (text, -1)
}

@Suite struct ParserTests {
  /// Renders a parse tree with full parentheses.
  func show(_ e: Expr) -> String {
    switch e.kind {
    case .literal(let v): return v.description
    case .name(let n): return n
    case .list(let items): return "[" + items.map(show).joined(separator: ", ") + "]"
    case .unary(let op, let x): return "(\(op.rawValue) \(show(x)))"
    case .binary(let op, let l, let r): return "(\(show(l)) \(op.rawValue) \(show(r)))"
    case .call(let f, let args): return "\(f)(" + args.map(show).joined(separator: ", ") + ")"
    }
  }

  @Test(arguments: [
    ("a or b and c", "(a or (b and c))"),
    ("not a and b", "((not a) and b)"),
    ("not a == 1", "(not (a == 1))"),
    ("1 + 2 * 3 - 4", "((1 + (2 * 3)) - 4)"),
    ("-x * 2", "((- x) * 2)"),
    ("-3 + 1", "(-3 + 1)"),
    ("(1 + 2) * 3", "((1 + 2) * 3)"),
    ("'a' in groups or groups contains 'b'", "(('a' in groups) or (groups contains 'b'))"),
    ("if(x > 1, 'y', \"z\")", "if((x > 1), 'y', 'z')"),
    ("{harm by group[kids]} >= 2.5", "(harm by group[kids] >= 2.5)"),
    ("x == null and y != [1, 2]", "((x == null) and (y != [1, 2]))"),
    ("'it\\'s' == t", "('it\\'s' == t)"),
    ("max(a, b, 3) / 2", "(max(a, b, 3) / 2)"),
  ])
  func precedence(source: String, tree: String) throws {
    #expect(show(try ExpressionParser.parse(source)) == tree)
  }

  @Test(arguments: [
    ("x 1️⃣= 1", "'=' is not an operator here (use '==' to compare)"),
    ("1️⃣!x", "'!' is not an operator here (use 'not')"),
    ("a 1️⃣&& b", "'&&' is not an operator here (use 'and')"),
    ("(a == 1 1️⃣", "expected ')' to close '(', found end of expression"),
    ("a == 1️⃣'open", "unterminated string (missing ')"),
    ("a 1️⃣b", "unexpected b after a complete expression"),
    ("1 < x 1️⃣< 3", "comparisons do not chain; join them with 'and' (or add parentheses)"),
    ("a +1️⃣", "the expression ends too early"),
    ("1️⃣{oops", "unterminated name (missing '}')"),
    ("a == 1️⃣#", "unexpected character '#'"),
    ("f(1, 2 1️⃣", "expected ')' to close the arguments of 'f', found end of expression"),
    ("1️⃣", "empty expression"),
  ])
  func errorsAtTheirPlace(source: String, message: String) {
    let (text, offset) = marked(source)
    #expect(throws: ExpressionError(message, at: offset)) { try ExpressionParser.parse(text) }
  }
}
