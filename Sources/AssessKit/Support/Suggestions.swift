/// "Did you mean" suggestions by edit distance.
package enum Suggestions {
  /// The candidate closest to `word`, if it is close enough to be a likely misspelling.
  ///
  /// - Complexity: O(*n* × *m*²) for *n* candidates of length about *m*.
  package static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(lowered, candidate.lowercased())
      let limit = max(1, min(3, max(word.count, candidate.count) / 3))
      guard distance <= limit else { continue }
      if best == nil || distance < best?.1 ?? Int.max { best = (candidate, distance) }
    }
    return best?.0
  }

  /// The several candidates closest to `word`, best first, at most `limit` of them.
  package static func closestMatches(to word: String, in candidates: some Sequence<String>, limit: Int = 3)
    -> [String]
  {
    let lowered = word.lowercased()
    let scored = candidates.map { candidate -> (String, Int) in
      let lower = candidate.lowercased()
      let distance = lower.hasPrefix(lowered) || lower.contains(lowered) ? 0 : editDistance(lowered, lower)
      return (candidate, distance)
    }
    return scored.filter { $0.1 <= max(2, word.count / 2) }
      .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
      .prefix(limit).map(\.0)
  }

  /// `unknown treatment option 'x' (did you mean 'y'?); options are a, b`: for a word that must be one of `names`.
  package static func unknown(_ what: String, _ value: String, among names: [String], plural: String) -> String {
    "unknown \(what) '\(value)'\(hint(for: value, in: names)); \(plural) are \(names.joined(separator: ", "))"
  }

  /// ` (did you mean 'x'?)` or the empty string.
  package static func hint(for word: String, in candidates: some Sequence<String>) -> String {
    guard let match = closest(to: word, in: candidates) else { return "" }
    return " (did you mean '\(match)'?)"
  }

  /// Edit distance over characters, counting a swap of two neighbours as one edit
  /// (optimal string alignment), so `titel` is one edit from `title`.
  package static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = Swift.min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}
