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
let shared = environment["ASSESS_SHARED"] ?? "../shared"
let aiaPath = shared + "/fixtures/aia/survey-enfr.json"
let walksPath = "Tests/Fixtures/surveyjs/aia-walks.jsonl"
let aia = benchAIA(formPath: aiaPath, walksPath: walksPath)

// Whole-process rows first, before two minutes of this process's own work on questionnaires of up
// to 100,000 questions: measured after it, the same commands took 10-60% longer (start-up 18.7 to
// 23.0 ms, the 20-set batch 23 to 38 ms, `status` 170 to 200 ms), an effect of the bench, not of them.
let binary = environment["ASSESS_BIN"] ?? ".build/release/assess"
let haveBinary = access(binary, X_OK) == 0
if haveBinary {
  benchProcesses(binary: binary, aia: aia)
  benchSessions(binary: binary)
} else {
  report.section("Whole process")
  report.note("no release binary at \(binary) (`swift build -c release --product assess`); skipped")
}
benchSurveyJS(aia: aia)

for size in sizes { benchSynthetic(questions: size) }
benchScale()
benchImportScale()
benchAnswering(sizes: sizes, binary: haveBinary ? binary : nil)
if haveBinary { benchInterview(binary: binary) }

report.write(json: environment["ASSESS_BENCH_JSON"] ?? "bench-results.json", cores: cores)
