extension SessionJSON {
  /// Independent ratings as JSON: `{"rated", "unanimous", "lowest": {"question", "agreement"} or null,
  /// "questions": [{"question", "agreement", "unanimous", "ratings": {rater: value}, "suggestion"}]}`;
  /// agreement runs from 0 (as far apart as can be) to 1 (unanimous), rounded to two places.
  public static func agreement(_ agreement: Agreement) -> JSON {
    func rounded(_ x: Double) -> JSON { .number((x * 100).rounded() / 100) }
    let lowest: JSON =
      agreement.lowest.map {
        .object([("question", .string($0.question)), ("agreement", rounded($0.agreement))])
      } ?? .null
    return .object([
      ("rated", .number(Double(agreement.rated))), ("unanimous", .number(Double(agreement.unanimous))),
      ("lowest", lowest),
      (
        "questions",
        .array(
          agreement.spreads.map { spread in
            var fields: [(String, JSON)] = [
              ("question", .string(spread.question)), ("agreement", rounded(spread.agreement)),
              ("unanimous", .bool(spread.unanimous)),
              ("ratings", .object(spread.entries.map { ($0.rater, $0.value.json) })),
            ]
            if let lo = spread.min, let hi = spread.max, let median = spread.median {
              fields += [("min", .number(lo)), ("max", .number(hi)), ("median", .number(median))]
            }
            fields.append(("suggestion", spread.suggestion.json))
            return .object(fields)
          })
      ),
    ])
  }
}
