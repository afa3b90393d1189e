import Testing

@testable import AssessKit

/// The heat map names both axes with the matrix's labels and has a legend, with colour and without.
@Suite struct HeatMapLegendTests {
  /// Marks styled text `<index:text>`, standing in for a terminal's colours.
  struct Marking: TextStyler {
    var isPlain: Bool { false }
    func apply(_ style: TextStyle, _ text: String) -> String {
      if case .rating(let index, _) = style { return "<\(index):\(text)>" }
      return text
    }
  }

  func engine() throws -> Engine {
    let q = try example()
    return Engine(
      questionnaire: q,
      answers: try answers(
        [
          "purpose": .string("p"), "effect": .string("significant"), "users": .number(50000),
          "groups": .list([.string("public")]), "harm_by_group[public]": .number(3), "children_affected": .bool(false),
          "subgroup_tested": .bool(false), "oversight": .string("none"), "appeal_days": .number(30),
        ], for: q))
  }

  @Test func withoutColour() throws {
    let map = HeatMap.render(try engine())
    #expect(map.contains("  severity: 1 Negligible · 2 Minor · 3 Moderate · 4 Major · 5 Severe\n"))
    #expect(map.contains("  ratings: L low · M medium · H high · C critical; a number is how many raised risks"))
    #expect(map.contains("  Almost certain  M.  H.  C.  C1  C.\n"))
  }

  @Test func withColourEveryRatingIsInTheLegendAndTheAxisIsNamed() throws {
    let map = HeatMap.render(try engine(), style: Marking())
    #expect(map.contains("  severity: 1 Negligible · 2 Minor · 3 Moderate · 4 Major · 5 Severe\n"))
    #expect(map.contains("  ratings: <0: low > <1: medium > <2: high > <3: critical >; a number is how many"))
    // The likelihood row names itself; cells carry the count in their rating's colour.
    #expect(map.contains("  Almost certain <1:  . ><2:  . ><3:  . ><3:  1 ><3:  . >\n"))
  }
}
