import Testing

@testable import AssessKit

/// An unknown question type is one error, with our name for it when other tools use the word, and
/// the checks that depend on the type do not pile follow-on errors on it.
@Suite struct UnknownTypeTests {
  func yaml(_ type: String) -> String {
    wrap(
      """
        - id: s
          title: S
          questions:
            - {id: live, type: \(type), prompt: Is it live?, options: [{value: yes}, {value: no}], labels: [a, b]}
            - {id: next, type: text, prompt: Next?, when: "live == true"}
      """,
      tail: """
        risks:
          - {id: r, title: R, dimension: d, when: "live == true and live != false", likelihood: 2, severity: 2}
        """)
  }

  @Test(arguments: [("boolean", "yesno"), ("checkbox", "multi"), ("radiogroup", "single"), ("rating", "scale")])
  func aWordOfAnotherToolGetsOurs(word: String, ours: String) {
    let errors = diagnostics(yaml(word)).filter { $0.contains("error:") }
    #expect(
      errors.contains { error in
        error.hasSuffix(
          "error: unknown question type '\(word)' (did you mean '\(ours)'?); types are single, multi, yesno, scale, number, text, note"
        )
      }, "\(errors)")
    // Only follow-ons that are real for the type meant may follow (a yes/no with labels is one).
    if word == "boolean" { #expect(errors.count == 2 && errors[1].contains("'labels' apply")) }
  }

  @Test func anUnknownWordIsOneError() {
    let errors = diagnostics(yaml("flipflop")).filter { $0.contains("error:") }
    #expect(
      errors == [
        "10:26: error: unknown question type 'flipflop'; types are single, multi, yesno, scale, number, text, note"
      ])
  }
}
