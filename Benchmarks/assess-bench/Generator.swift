/// A synthetic questionnaire of `questions` questions, in sections of 50.
///
/// - Sections form a chain: each is shown while the first question of the one before is not `c`,
///   and while the global gate `g` (first question of all) is not `c`: changing `g` fans out to every section.
/// - In each section, question 1 is a hub read by every fifth question (a fan-out); every third question
///   is shown on an answer to the one before (short chains); question 2 is a multiple choice that
///   question 3 repeats over (a repeat group).
/// - Two scales, a computed total, a banded level, a risk on the level, and one risk per section.
///
/// The last question of a section is a leaf: only its scale reads it (few dependents).
func syntheticQuestionnaire(questions: Int) -> String {
  let perSection = 50
  let sections = max(1, questions / perSection)
  var y = "assess: 1\nid: synthetic\ntitle: Synthetic\nversion: 1.0.0\nscales: [{id: impact}, {id: care}]\n"
  y += "computed:\n  - {id: total, value: \"impact + care\"}\n"
  y += "levels:\n  - id: band\n    value: \"total / maxScore(impact) * 100\"\n"
  y += "    bands: [{max: 25, label: I}, {max: 50, label: II}, {max: 75, label: III}, {label: IV}]\n"
  y += "sections:\n"
  for s in 0..<sections {
    y += "  - id: s\(s)\n    title: Section \(s)\n"
    if s == 1 { y += "    when: \"g != 'c'\"\n" }
    if s > 1 { y += "    when: \"g != 'c' and q\(s - 1)_0 != 'c'\"\n" }
    y += "    questions:\n"
    for i in 0..<perSection {
      let id = s == 0 && i == 0 ? "g" : "q\(s)_\(i)"
      y += "      - id: \(id)\n"
      if i == 2 {
        y += "        type: multi\n        prompt: Which apply in \(s)?\n        options:\n"
        y += "          - {value: x, score: {care: 1}}\n          - {value: y}\n          - {value: z}\n"
        continue
      }
      if i == 3 {
        y += "        type: single\n        repeat: q\(s)_2\n        prompt: \"How much for {item}?\"\n"
      } else {
        y += "        type: single\n        prompt: Question \(id)?\n"
      }
      if i > 3 && i < perSection - 1 && i % 5 == 0 {
        y += "        when: \"q\(s)_1 != 'c'\"\n"
      } else if i > 3 && i < perSection - 1 && i % 3 == 0 {
        y += "        when: \"q\(s)_\(i - 1) in ['a', 'b']\"\n"
      }
      y += "        options:\n"
      y += "          - {value: a, score: {impact: 1}}\n          - {value: b, score: {impact: 2, care: 1}}\n"
      y += "          - {value: c}\n"
    }
  }
  // One risk on the overall band (its reasons list every scored answer); one per section on its own answers.
  y += "risks:\n  - {id: overall, title: Overall, dimension: d, likelihood: 3, severity: \"if(band == 'IV', 5, 3)\"}\n"
  for s in 0..<sections {
    let first = s == 0 ? "g" : "q\(s)_0"
    y += "  - {id: r\(s), title: R\(s), dimension: d, when: \"\(first) == 'b'\", likelihood: 3, "
    y += "severity: \"if(q\(s)_4 == 'b', 5, 3)\"}\n"
  }
  return y
}
