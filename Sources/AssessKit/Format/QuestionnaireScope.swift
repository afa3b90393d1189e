/// The names a questionnaire's expressions can use, with a rule for which are available where.
///
/// A class: the checker holds it as `any ExpressionScope` for every expression, and a reference
/// fits that existential as it is, where the struct it was had to be copied into a box each time.
final class QuestionnaireScope: ExpressionScope {
  var table: [String: NameInfo]
  var maxScores: [Double]
  /// Why a symbol cannot be used at this place, or `nil` when it can.
  var availability: (Symbol) -> String? = { _ in nil }
  /// Options of the question each repeated question repeats over, by question index.
  var repeatOptions: [Int: [String]] = [:]
  var repeatTypes: [Int: ExprType] = [:]
  /// The range of each symbol's value, once the table is settled (`range(of:)` scanned the table).
  var ranges: [Symbol: ClosedRange<Double>]?
  /// Conditions checked so far, once the names are settled (`nil` before).
  var checked: CheckedExpressions?

  init(table: [String: NameInfo], maxScores: [Double]) {
    self.table = table
    self.maxScores = maxScores
  }

  func lookup(_ name: String) -> NameInfo? {
    if let info = table[name] { return restricted(info, name) }
    // An instance of a repeated question: `base[option]`.
    guard name.hasSuffix("]"), let open = name.firstIndex(of: "[") else { return nil }
    let base = String(name[..<open])
    let option = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
    guard let info = table[base], case .question(let q) = info.symbol, let options = repeatOptions[q],
      options.contains(option), let type = repeatTypes[q]
    else { return nil }
    let instance = NameInfo(
      symbol: .instance(q, option), type: type, options: info.options, range: info.range, kind: "question")
    return restricted(instance, name)
  }

  private func restricted(_ info: NameInfo, _ name: String) -> NameInfo? {
    guard let reason = availability(info.symbol) else { return info }
    var unavailable = info
    unavailable.unavailable = reason
    return unavailable
  }

  var candidateNames: [String] { Array(table.keys) }

  func maxScore(_ scale: Int) -> Double { scale < maxScores.count ? maxScores[scale] : 0 }
}
