// The benchmark suite: `make bench` (release build; not part of `make test`). Run from the repository
// root. Prints a table of medians and writes them to bench-results.json (ASSESS_BENCH_JSON overrides);
// asserts nothing. docs/PERFORMANCE.md explains each figure and gives the targets.
//
// Environment: ASSESS_BENCH_SIZES (default "1000,5000,10000,100000"), ASSESS_SHARED (default ../shared:
// the AIA form and the SurveyJS oracle), ASSESS_BIN (default .build/release/assess).
import AssessKit
import AssessStore
import Foundation

if CommandLine.arguments.dropFirst().first == "profile" {
  profile(Array(CommandLine.arguments.dropFirst(2)))
  exit(0)
}

let environment = ProcessInfo.processInfo.environment
let cores = ProcessInfo.processInfo.activeProcessorCount
let report = Report()
print("assess benchmarks: release build, \(cores) cores, medians")
if CommandLine.arguments.dropFirst().first == "interview" {  // that row alone
  benchInterview(binary: environment["ASSESS_BIN"] ?? ".build/release/assess")
  exit(0)
}
if CommandLine.arguments.dropFirst().first == "sessions" {  // those rows alone
  benchSessions(binary: environment["ASSESS_BIN"] ?? ".build/release/assess")
  exit(0)
}

let sizes = (environment["ASSESS_BENCH_SIZES"] ?? "1000,5000,10000,100000").split(separator: ",").compactMap {
  Int($0)
}
for size in sizes { benchSynthetic(questions: size) }
benchScale()

let shared = environment["ASSESS_SHARED"] ?? "../shared"
let aiaPath = shared + "/fixtures/aia/survey-enfr.json"
let walksPath = "Tests/Fixtures/surveyjs/aia-walks.jsonl"
let aia = benchAIA(formPath: aiaPath, walksPath: walksPath)
benchImportScale()

let binary = environment["ASSESS_BIN"] ?? ".build/release/assess"
benchAnswering(sizes: sizes, binary: access(binary, X_OK) == 0 ? binary : nil)
if access(binary, X_OK) == 0 {
  benchProcesses(binary: binary, aia: aia)
  benchInterview(binary: binary)
  benchSessions(binary: binary)
} else {
  report.section("Whole process")
  report.note("no release binary at \(binary) (`swift build -c release --product assess`); skipped")
}
benchSurveyJS(aia: aia)

report.write(json: environment["ASSESS_BENCH_JSON"] ?? "bench-results.json", cores: cores)
