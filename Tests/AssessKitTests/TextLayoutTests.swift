import Testing

@testable import AssessKit

@Suite struct TextLayoutTests {
  @Test func wrapsAtSpacesKeepingColumns() {
    let line =
      "  critical  unchecked-automation: Significant decisions taken without human review [L5 S5; residual medium]"
    let wrapped = TextLayout.wrap(line, width: 60, indent: 10)
    #expect(
      wrapped == """
          critical  unchecked-automation: Significant decisions
                    taken without human review [L5 S5; residual
                    medium]
        """)
    for part in wrapped.split(separator: "\n") { #expect(part.count <= 60) }
    // A line that fits is left as it is, spaces and all.
    #expect(TextLayout.wrap("  high      x: y", width: 60) == "  high      x: y")
  }

  @Test func escapesTakeNoRoom() {
    let styled = "\u{1B}[1;31m" + String(repeating: "word ", count: 4) + "\u{1B}[0m"
    #expect(TextLayout.wrap(styled, width: 20) == styled)
    #expect(TextLayout.visibleLength(styled) == 20)
  }
}
