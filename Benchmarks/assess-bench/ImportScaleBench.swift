import AssessKit
import Foundation

/// A SurveyJS form of one page: `questions` single-choice questions of `choices` choices each.
func surveyJSForm(questions: Int, choices: Int) -> String {
  var elements: [String] = []
  for q in 0..<questions {
    let items = (0..<choices).map { #"{"value":"c\#($0)","text":"Choice \#($0)","score":\#($0 % 5)}"# }
    elements.append(
      #"{"type":"radiogroup","name":"q\#(q)","title":"Question \#(q)","choices":[\#(items.joined(separator: ","))]}"#)
  }
  return #"{"title":"Scale","pages":[{"name":"p","elements":[\#(elements.joined(separator: ","))]}]}"#
}

/// Import at scale (issue 15): the time per choice must stay flat as the choices grow (the import
/// was quadratic: 20,000 choices took 13.7 s).
@MainActor func benchImportScale() {
  report.section("SurveyJS import at scale")
  var perChoice: [Double] = []
  for choices in [2_500, 5_000, 10_000, 20_000] {
    let json = surveyJSForm(questions: 1, choices: choices)
    let seconds = median(runs: 3) {
      _ = try? SurveyJSImporter.importForm(json: json, fileName: "scale.json")
    }
    perChoice.append(seconds / Double(choices))
    _ = report.add("import and check, one question of \(choices) choices", seconds: seconds, runs: 3)
  }
  if let first = perChoice.first, let last = perChoice.last, first > 0 {
    report.add("time per choice, 20,000 against 2,500 choices", ratio: last / first, note: "1.0 is linear")
  }
}
