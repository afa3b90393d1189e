// Fuzz target: our expression language, parse, check and evaluate (Sources/AssessKit/Expressions:
// Lexer, Parser, Checker, Evaluator). Any text is parsed; what parses is checked against a scope of
// one name of each type, and what checks is evaluated.
@testable import AssessKit

/// One name of each kind an expression can read.
private struct FuzzScope: ExpressionScope {
  static let names: [String: NameInfo] = [
    "n": NameInfo(symbol: .question(0), type: .number, range: 0...10, kind: "question"),
    "t": NameInfo(symbol: .question(1), type: .string, kind: "question"),
    "c": NameInfo(symbol: .question(2), type: .string, options: ["low", "high"], scored: true, kind: "question"),
    "b": NameInfo(symbol: .question(3), type: .bool, scored: true, kind: "question"),
    "m": NameInfo(symbol: .question(4), type: .list(.string), options: ["x", "y", "z"], kind: "question"),
    "s": NameInfo(symbol: .scale(0), type: .number, kind: "scale"),
    "v": NameInfo(symbol: .computed(0), type: .number, kind: "computed value"),
    "l": NameInfo(symbol: .level(0), type: .string, options: ["I", "II"], kind: "level"),
  ]
  func lookup(_ name: String) -> NameInfo? { Self.names[name] }
  var candidateNames: [String] { Self.names.keys.sorted() }
  func maxScore(_ scale: Int) -> Double { 10 }
}

/// Fixed values for those names (one unanswered, to reach the null paths).
private struct FuzzContext: EvaluationContext {
  func value(of symbol: Symbol) -> Value {
    switch symbol {
    case .question(0): return .number(7)
    case .question(1): return .string("text")
    case .question(2): return .string("high")
    case .question(3): return .null
    case .question(4): return .list([.string("x"), .string("z")])
    case .scale: return .number(4.5)
    case .computed: return .number(-2)
    case .level: return .string("II")
    default: return .null
    }
  }
  func isAnswered(_ symbol: Symbol) -> Bool { value(of: symbol).isPresent }
  func points(ofQuestion index: Int) -> Double { Double(index) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = FuzzInput.text(data, size)
  switch ExpressionChecker.check(text, in: FuzzScope(), expecting: nil) {
  case .success(let compiled, _):
    _ = compiled.evaluate(in: FuzzContext())
  case .failure(let errors):
    _ = errors.map(\.description)
  }
  return 0
}
