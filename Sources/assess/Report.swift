import ArgumentParser
import AssessKit
import AssessReports
import AssessShell
import Foundation

extension ReportFormat: ExpressibleByArgument {}

extension Assess {
  /// `assess report ID [--format markdown|html|json|csv|pdf] [--output FILE] [--template FILE]`
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Write a session's report: Markdown, self-contained HTML, JSON, the CSV risk register, or PDF.",
      discussion: """
        The same session gives the same bytes (times come from the session's log). Markdown and HTML come \
        from templates: --template FILE uses an organization's own Mustache template (print the default one \
        with --default-template markdown|html). PDF prints the HTML with a headless Chromium.
        """)

    @Argument(
      help: ArgumentHelp("The session id (or an unambiguous start of it).", valueName: "id"),
      completion: Completions.sessions)
    var id: String?

    @Option(
      name: [.short, .long],
      help: ArgumentHelp("markdown, html, json, csv or pdf (default: markdown).", valueName: "format"))
    var format: ReportFormat = .markdown

    @Option(
      name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("A Mustache template to render instead of the default one.", valueName: "file"))
    var template: String?

    @Option(help: ArgumentHelp("Print the default template (markdown or html) and stop.", valueName: "format"))
    var defaultTemplate: ReportFormat?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
      if let defaultTemplate {
        guard defaultTemplate == .markdown || defaultTemplate == .html else {
          throw ValidationError("--default-template takes markdown or html, not '\(defaultTemplate.rawValue)'")
        }
        return
      }
      guard id != nil else { throw ValidationError("name the session to report on: 'assess report ID'") }
      if template != nil && !format.usesTemplate {
        throw ValidationError("--template applies to markdown, html and pdf, not \(format.rawValue)")
      }
      if format == .pdf && output == nil {
        throw ValidationError("--format pdf needs --output FILE.pdf")
      }
    }

    func run() throws {
      if let defaultTemplate {
        Console.data(defaultTemplate == .html ? DefaultTemplates.html : DefaultTemplates.markdown, terminator: "")
        return
      }
      let templateText = try template.map { try QuestionnaireResolver.readFile($0, what: "template") }
      let context = SessionContext(global)
      let session = try context.load(id ?? "")
      let text: String
      do {
        text = try ReportRenderer.render(AssessKit.Report(session), as: format, template: templateText)
      } catch {
        throw CLIFailure("\(template ?? "template"): \(error)")
      }
      if format == .pdf, let output {
        try Self.checkWritable(output)
        try PDFPrinter.print(html: text, to: output)
        return
      }
      if let output {
        try Self.checkWritable(output)
        do {
          try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
          throw CLIFailure("cannot write '\(output)': \(error.localizedDescription)")
        }
      } else {
        Console.data(text, terminator: "")
      }
    }

    /// Refuses an output path that is a folder or lies in a folder that does not exist.
    static func checkWritable(_ output: String) throws {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
        throw CLIFailure("cannot write '\(output)': it is a folder; name a file")
      }
      let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
      if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
        throw CLIFailure("cannot write '\(output)': the folder '\(folder)' does not exist")
      }
    }
  }
}
