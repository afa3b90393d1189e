import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What one finished child process took.
struct ProcessRun {
  var seconds: Double
  var status: Int32
  /// User and system CPU time of the child (from wait4; exact for CPU, unlike its peak memory).
  var cpu: Double = .nan
}

/// Runs `arguments` (the first is the program path) with standard input from `stdin` (a file path, or
/// /dev/null) and output to `stdout` (a path; /dev/null by default); measures wall time and peak memory.
func runProcess(
  _ arguments: [String], stdin: String = "/dev/null", stdout: String = "/dev/null", environment: [String: String] = [:]
) -> ProcessRun? {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  var env = ProcessInfo.processInfo.environment
  env["NO_COLOR"] = "1"
  for (k, v) in environment { env[k] = v }
  let argv = arguments.map { strdup($0) } + [nil]
  let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer {
    for p in argv { free(p) }
    for p in envp { free(p) }
  }
  var pid: pid_t = 0
  let start = now()
  guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else { return nil }
  var status: Int32 = 0
  var usage = rusage()
  guard wait4(pid, &status, 0, &usage) == pid else { return nil }
  let elapsed = now() - start
  let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  let cpu =
    Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
  return ProcessRun(seconds: elapsed, status: exit, cpu: cpu)
}

/// The median wall time of `runs` runs of a command, and the highest peak memory seen.
func medianProcess(
  runs: Int, _ arguments: [String], stdin: String = "/dev/null", stdout: String = "/dev/null",
  environment: [String: String] = [:], before: () -> Void = {}
) -> (seconds: Double, peakMB: Double, status: Int32)? {
  var times: [Double] = []
  var status: Int32 = 0
  for _ in 0..<runs {
    before()
    guard let run = runProcess(arguments, stdin: stdin, stdout: stdout, environment: environment) else { return nil }
    times.append(run.seconds)
    status = run.status
  }
  before()
  return (median(of: times), peakMemory(arguments, stdin: stdin, environment: environment), status)
}

/// The peak resident memory of one run of a command, in MB, through GNU time (NaN without it).
///
/// The child's own rusage cannot be used: a spawned child starts with this process's high-water mark.
func peakMemory(_ arguments: [String], stdin: String, environment: [String: String]) -> Double {
  let time = "/usr/bin/time"
  guard access(time, X_OK) == 0 else { return .nan }
  let out = temporaryFolder("time") + "/peak"
  guard runProcess([time, "-f", "%M", "-o", out] + arguments, stdin: stdin, environment: environment) != nil,
    let text = try? String(contentsOfFile: out, encoding: .utf8),
    let kilobytes = Double(text.split(separator: "\n").last.map(String.init) ?? "")
  else { return .nan }
  return kilobytes / 1024
}

/// The first executable named `name` on PATH.
func which(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  for dir in path.split(separator: ":") {
    let candidate = "\(dir)/\(name)"
    if access(candidate, X_OK) == 0 { return candidate }
  }
  return nil
}

/// A fresh temporary folder.
func temporaryFolder(_ name: String) -> String {
  let path = NSTemporaryDirectory() + "assess-bench-\(getpid())-\(name)"
  try? FileManager.default.removeItem(atPath: path)
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}
