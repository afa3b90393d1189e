import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One measured figure: a median of several runs, in seconds (or a size, for memory).
struct Figure {
  var group: String
  var name: String
  /// Median seconds, or bytes when `unit` is "MB".
  var median: Double
  var unit: String
  var runs: Int
  var note: String = ""
}

/// Collects figures, prints them as they come, and writes them all as a table and a JSON file.
final class Report {
  private(set) var figures: [Figure] = []
  private var group = ""

  func section(_ title: String) {
    group = title
    print("\n\(title)")
  }

  func note(_ text: String) { print("  " + text) }

  @discardableResult
  func add(_ name: String, seconds: Double, runs: Int, note: String = "") -> Double {
    let figure = Figure(group: group, name: name, median: seconds, unit: "ms", runs: runs, note: note)
    figures.append(figure)
    print(Self.line(figure))
    return seconds
  }

  func add(_ name: String, megabytes: Double, note: String = "") {
    let figure = Figure(group: group, name: name, median: megabytes, unit: "MB", runs: 1, note: note)
    figures.append(figure)
    print(Self.line(figure))
  }

  func add(_ name: String, ratio: Double, note: String = "") {
    let figure = Figure(group: group, name: name, median: ratio, unit: "x", runs: 1, note: note)
    figures.append(figure)
    print(Self.line(figure))
  }

  static func line(_ f: Figure) -> String {
    let value: String
    switch f.unit {
    case "ms":
      value =
        f.median * 1000 < 0.1
        ? String(format: "%10.2f us", f.median * 1e6) : String(format: "%10.3f ms", f.median * 1000)
    case "MB": value = String(format: "%10.1f MB", f.median)
    default: value = String(format: "%10.1f x ", f.median)
    }
    return "  " + f.name.padding(toLength: 52, withPad: " ", startingAt: 0) + value
      + (f.note.isEmpty ? "" : "  " + f.note)
  }

  func write(json path: String, cores: Int) {
    var out = "{\n  \"cores\": \(cores),\n  \"build\": \"release\",\n  \"figures\": [\n"
    out += figures.map { f in
      let value = f.unit == "ms" ? f.median * 1000 : f.median
      return
        "    {\"group\": \(quote(f.group)), \"name\": \(quote(f.name)), \"median\": \(value), \"unit\": \(quote(f.unit)), \"runs\": \(f.runs), \"note\": \(quote(f.note))}"
    }.joined(separator: ",\n")
    out += "\n  ]\n}\n"
    do {
      try out.write(toFile: path, atomically: true, encoding: .utf8)
      print("\nFigures written to \(path)")
    } catch {
      print("\nCould not write \(path): \(error)")
    }
  }

  private func quote(_ s: String) -> String {
    var r = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": r += "\\\""
      case "\\": r += "\\\\"
      case "\n": r += "\\n"
      default: r.unicodeScalars.append(c)
      }
    }
    return r + "\""
  }
}

/// Seconds since an arbitrary start, monotonic.
func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The median of `runs` timings of `body`, each run repeating it `inner` times (for tiny bodies).
func median(runs: Int, inner: Int = 1, _ body: () -> Void) -> Double {
  var times: [Double] = []
  for _ in 0..<runs {
    let start = now()
    for _ in 0..<inner { body() }
    times.append((now() - start) / Double(inner))
  }
  times.sort()
  return times[times.count / 2]
}

/// The median of `runs` timings of `body`, with `prepare` run before each outside the timing (to
/// release what the run before made, so that a load is not charged with freeing the last one).
func median(runs: Int, prepare: () -> Void, _ body: () -> Void) -> Double {
  var times: [Double] = []
  for _ in 0..<runs {
    prepare()
    let start = now()
    body()
    times.append(now() - start)
  }
  times.sort()
  return times[times.count / 2]
}

/// The median of already-taken samples.
func median(of samples: [Double]) -> Double {
  let sorted = samples.sorted()
  return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

/// A small deterministic generator, so runs are comparable.
struct LCG {
  var state: UInt64
  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 33
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// This process's peak resident memory so far, in MB (VmHWM).
func peakMemoryMB() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let kb = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? .nan
    return kb / 1024
  }
  return .nan
}
