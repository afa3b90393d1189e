import Foundation

/// Prints report HTML to PDF with a headless Chromium: `ASSESS_CHROMIUM` if set, else the first of
/// `chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable` on the PATH.
enum PDFPrinter {
  static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

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
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
      "--user-data-dir=\(profile.path)", "--print-to-pdf=\(target.path)", page.absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw CLIFailure("cannot run '\(browser)': \(error.localizedDescription)", code: .failed)
    }
    let messages = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: target.path) else {
      let text = String(decoding: messages, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
      throw CLIFailure(
        "'\(browser)' could not print the report to '\(output)' (exit \(process.terminationStatus))"
          + (text.isEmpty ? "" : ": \(text)"), code: .failed)
    }
  }
}
