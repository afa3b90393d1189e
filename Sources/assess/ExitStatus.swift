/// The exit codes `assess` promises.
enum ExitStatus: Int32 {
  case success = 0
  /// A check or validation failed.
  case failed = 1
  /// Usage or input error.
  case usage = 2
  /// Required answers missing under `--no-input`.
  case incomplete = 3
  /// The interview was ended by SIGTERM or SIGHUP, after saving (128 + SIGTERM, as shells report it).
  case terminated = 143
}

/// An error that ends the command with one sentence on stderr and a given exit code.
struct CLIFailure: Error {
  var message: String
  var code: ExitStatus

  init(_ message: String, code: ExitStatus = .usage) {
    self.message = message.hasPrefix("error: ") ? message : "error: " + message
    self.code = code
  }

  /// Ends the command with `code` and no further message (what was to say has been said).
  static func silent(_ code: ExitStatus) -> CLIFailure {
    var failure = CLIFailure("", code: code)
    failure.message = ""
    return failure
  }
}
