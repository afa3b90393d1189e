import Foundation

/// Prints report HTML to PDF with a headless Chromium: `ASSESS_CHROMIUM` if set, else the first of
/// `chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable` on the PATH.
enum PDFPrinter {
  static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

  /// How long printing may take before the browser is stopped.
  static let timeout: Double = 90

  /// The browser to print with, or `nil` when none is installed.
  static var browser: String? {
    let environment = ProcessInfo.processInfo.environment
    if let chosen = environment["ASSESS_CHROMIUM"], !chosen.isEmpty {
      return chosen.contains("/") ? chosen : find(chosen, in: environment["PATH"] ?? "")
    }
    for name in candidates {
      if let path = find(name, in: environment["PATH"] ?? "") { return path }
    }
    return nil
  }

  static func find(_ name: String, in path: String) -> String? {
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Writes `html` to a temporary file and prints it to `output`.
  static func print(html: String, to output: String) throws {
    guard let browser = browser, FileManager.default.isExecutableFile(atPath: browser) else {
      throw CLIFailure(
        "--format pdf needs a headless Chromium, and none is installed: install it with 'apt-get install chromium' "
          + "(or set ASSESS_CHROMIUM to its path), or write --format html and print that from a browser",
        code: .failed)
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assess-pdf-\(getpid())")
    let profile = folder.appendingPathComponent("profile")
    let page = folder.appendingPathComponent("report.html")
    let target = URL(fileURLWithPath: output).standardizedFileURL
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
      try Data(html.utf8).write(to: page)
    } catch {
      throw CLIFailure("cannot write a temporary file for the PDF: \(error.localizedDescription)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    // A template's own script could stall the printing (an alert waits forever): the timeout stops it.
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
      "--user-data-dir=\(profile.path)",
      "--print-to-pdf=\(target.path)", page.absoluteString,
    ]
    let log = folder.appendingPathComponent("chromium.log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try? FileHandle(forWritingTo: log)
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    do {
      try process.run()
    } catch {
      throw CLIFailure("cannot run '\(browser)': \(error.localizedDescription)", code: .failed)
    }
    if done.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      _ = done.wait(timeout: .now() + 5)
      throw CLIFailure(
        "'\(browser)' did not finish printing the report within \(Int(timeout)) seconds", code: .failed)
    }
    let messages = FileManager.default.contents(atPath: log.path) ?? Data()
    guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: target.path) else {
      let text = String(decoding: messages, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
      throw CLIFailure(
        "'\(browser)' could not print the report to '\(output)' (exit \(process.terminationStatus))"
          + (text.isEmpty ? "" : ": \(text)"), code: .failed)
    }
  }
}
