import Foundation
import Testing

/// `assess report`: every format from real sessions of the built-ins and the example, compared with
/// golden files (re-record with ASSESS_RECORD=1), byte-identical on a second run, hostile text escaped.
@Suite struct ReportCommandTests {
  static let formats = [("markdown", "md"), ("html", "html"), ("json", "json"), ("csv", "csv")]

  /// A session of the example with hostile text in answers, notes, flags and treatments, a
  /// sign-off voided by a later change, and an SoA declaration.
  static func exampleSession(in dir: URL) throws {
    let answers = dir.appendingPathComponent("answers.yaml")
    try """
    purpose: "Screen <script>alert('x')</script> loan applications, \\"fast\\" & fair — فحص الطلبات"
    effect: significant
    users: 50000
    groups: [public, children]
    harm_by_group[public]: 3
    harm_by_group[children]: 4
    subgroup_tested: no
    oversight: none
    appeal_days: 30

    """.write(to: answers, atomically: true, encoding: .utf8)
    var env = ["ASSESS_NOW": "2026-11-20T10:00:00Z", "USER": "ana"]
    let start = try assess(
      [
        "start", "example", "--id", "ex", "--no-input", "--answers", answers.path, "--by", "Ana Ruiz",
        "--participant", "Ben <b>&amp;</b>",
      ], directory: dir, environment: env)
    #expect(start.status == 0, "\(start.stderr)")
    env["ASSESS_NOW"] = "2026-11-20T11:00:00Z"
    let interview = try assess(
      ["resume", "ex"],
      input: ":goto purpose\n:note Discussed <img src=x onerror=alert(1)> & \"quotes\", 'single' — مرحبا\n"
        + ":flag Check with legal & \"DPO\" <now>\n:quit\n", directory: dir, environment: env)
    #expect(interview.status == 0, "\(interview.stderr)")
    for arguments in [
      [
        "treat", "ex", "unfair-outcomes", "--owner", "Lee, \"ML\" lead", "--due", "2026-11-01", "--status", "planned",
        "--control", "A.7.4", "--control", "A.5.4", "--action", "Test for bias | every release\nand =SUM(A1)",
      ],
      [
        "treat", "ex", "high-impact-level", "--owner", "Governance lead", "--reason",
        "Accepted by the board </td><script>x</script>",
      ],
      ["treat", "ex", "unchecked-automation", "--owner", "Product owner"],
      ["soa", "ex", "A.2.2", "--exclude", "Covered by group policy <AI-1> & more"],
    ] {
      let run = try assess(arguments + ["--by", "Ana Ruiz"], directory: dir, environment: env)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
    }
    let sign = try assess(
      ["sign", "ex", "--by", "Maya Chen", "--role", "CRO", "--force", "--reason", "Board accepts the open items"],
      directory: dir, environment: env)
    #expect(sign.status == 0, "\(sign.stderr)")
    env["ASSESS_NOW"] = "2026-11-21T09:30:00Z"
    let change = try assess(["answer", "ex", "appeal_days", "14", "--by", "Dana"], directory: dir, environment: env)
    #expect(change.status == 0, "\(change.stderr)")
  }

  @Test func theExampleInEveryFormat() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.exampleSession(in: dir)
    for (format, ext) in Self.formats {
      let run = try assess(["report", "ex", "--format", format], directory: dir)
      #expect(run.status == 0, "\(format): \(run.stderr)")
      try expectGolden(run.stdout, "reports/example.\(ext)")
      let again = try assess(
        ["report", "ex", "--format", format], directory: dir, environment: ["ASSESS_NOW": "2030-01-01T00:00:00Z"])
      #expect(again.stdout == run.stdout, "\(format) output is not byte-identical on a second run")
    }
  }

  @Test(arguments: [
    ("ai-impact", "cv-screening"), ("ai-risk", "refund-agent"), ("eu-ai-act", "credit-scoring"),
  ])
  func aBuiltInInEveryFormat(questionnaire: String, fixture: String) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let env = ["ASSESS_NOW": "2026-11-20T10:00:00Z", "USER": "ana"]
    let start = try assess(
      [
        "start", questionnaire, "--id", "s", "--no-input", "--by", "Ana Ruiz", "--answers",
        repositoryRoot.appendingPathComponent("Tests/Fixtures/builtins/\(questionnaire)/\(fixture).yaml").path,
      ], directory: dir, environment: env)
    #expect(start.status == 0 || start.status == 3, "\(start.stderr)")
    for (format, ext) in Self.formats {
      let run = try assess(["report", "s", "--format", format], directory: dir)
      #expect(run.status == 0, "\(format): \(run.stderr)")
      try expectGolden(run.stdout, "reports/\(questionnaire)-\(fixture).\(ext)")
    }
  }

  @Test func hostileTextIsEscapedInHTML() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.exampleSession(in: dir)
    let html = try assess(["report", "ex", "--format", "html"], directory: dir).stdout
    // No markup from a user gets through: the only tags are the template's.
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("</td><script>"))
    #expect(!html.contains("<b>&amp;</b>"))
    #expect(
      html.contains(
        "Screen &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; loan applications, &quot;fast&quot; &amp; fair"))
    #expect(html.contains("Discussed &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"))
    #expect(html.contains("Ben &lt;b&gt;&amp;amp;&lt;/b&gt;"))
    #expect(html.contains("فحص الطلبات"))
    // Self-contained: no scripts, no external assets.
    #expect(!html.contains("src=\""))
    #expect(!html.contains("href="))
    #expect(!html.contains("@import"))
    #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\""))
    #expect(html.contains("@media print"))
    // The bidirectional text is isolated.
    #expect(html.contains("unicode-bidi: plaintext"))
    let markdown = try assess(["report", "ex"], directory: dir).stdout
    #expect(!markdown.contains("<script"))
    #expect(markdown.contains("- Action: Test for bias \\| every release\n- Action: and =SUM(A1)\n"))
    #expect(markdown.contains("| Sign-off | Maya Chen, 2026-11-20T11:00:00Z: voided at event #"))
  }

  @Test func theCSVParsesBack() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.exampleSession(in: dir)
    let csv = try assess(["report", "ex", "--format", "csv"], directory: dir).stdout
    let rows = try CSV.parse(csv)
    #expect(rows.count == 4)
    #expect(rows.allSatisfy { $0.count == rows[0].count })
    #expect(rows[0].prefix(4) == ["id", "title", "dimension", "likelihood"])
    let register = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
    let header = rows[0]
    func value(_ risk: String, _ column: String) -> String? {
      header.firstIndex(of: column).flatMap { register[risk]?[$0] }
    }
    #expect(value("unfair-outcomes", "owner") == "Lee, \"ML\" lead")
    #expect(value("unfair-outcomes", "controls") == "A.7.4; A.5.4")
    #expect(value("unfair-outcomes", "rating") == "critical")
    #expect(value("unchecked-automation", "residual_rating") == "medium")
    #expect(value("high-impact-level", "residual_rating") == "")
    #expect(csv.hasSuffix("\r\n"))
  }

  @Test func optionsAndErrors() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.exampleSession(in: dir)
    let out = dir.appendingPathComponent("r.html")
    let written = try assess(["report", "ex", "-f", "html", "-o", out.path], directory: dir)
    #expect(written.status == 0 && written.stdout.isEmpty)
    #expect(
      try String(contentsOf: out, encoding: .utf8) == assess(["report", "ex", "-f", "html"], directory: dir).stdout)
    let template = dir.appendingPathComponent("mine.mustache")
    try
      "{{session.id}}: {{#risks}}{{id}}={{inherent.rating}} {{/risks}}{{#session.signOff}}{{name}}{{/session.signOff}}\n"
      .write(to: template, atomically: true, encoding: .utf8)
    let custom = try assess(["report", "ex", "--template", template.path], directory: dir)
    #expect(
      custom.stdout == "ex: unfair-outcomes=critical unchecked-automation=critical high-impact-level=high Maya Chen\n")
    let printed = try assess(["report", "--default-template", "html"], directory: dir)
    #expect(printed.status == 0 && printed.stdout.hasPrefix("<!DOCTYPE html>"))
    let broken = dir.appendingPathComponent("broken.mustache")
    try "{{#risks}}unclosed".write(to: broken, atomically: true, encoding: .utf8)
    let bad = try assess(["report", "ex", "--template", broken.path], directory: dir)
    #expect(bad.status == 2)
    #expect(
      bad.stderr == "error: \(broken.path): the template does not parse: line 1, column 19: a section is not closed\n")
    let missing = try assess(["report", "ex", "--template", "nope.mustache"], directory: dir)
    #expect(missing.status == 2 && missing.stderr == "error: template 'nope.mustache' does not exist\n")
    let csvTemplate = try assess(["report", "ex", "-f", "csv", "--template", template.path], directory: dir)
    #expect(
      csvTemplate.status == 2 && csvTemplate.stderr.contains("--template applies to markdown, html and pdf, not csv"))
    let unknown = try assess(["report", "ex", "-f", "docx"], directory: dir)
    #expect(unknown.status == 2 && unknown.stderr.contains("docx"))
    let noSession = try assess(["report", "nope"], directory: dir)
    #expect(noSession.status == 2 && noSession.stderr.hasPrefix("error: no session 'nope'"))
    let noId = try assess(["report"], directory: dir)
    #expect(noId.status == 2 && noId.stderr.contains("name the session to report on"))
    let pdfNoOutput = try assess(["report", "ex", "-f", "pdf"], directory: dir)
    #expect(pdfNoOutput.status == 2 && pdfNoOutput.stderr.contains("--format pdf needs --output FILE.pdf"))
    let unwritable = try assess(["report", "ex", "-o", "/nonexistent/dir/r.md"], directory: dir)
    #expect(
      unwritable.status == 2
        && unwritable.stderr
          == "error: cannot write '/nonexistent/dir/r.md': the folder '/nonexistent/dir' does not exist\n"
    )
    let folder = try assess(["report", "ex", "-o", dir.path], directory: dir)
    #expect(folder.status == 2 && folder.stderr == "error: cannot write '\(dir.path)': it is a folder; name a file\n")
  }

  @Test func pdfWithoutChromiumSaysHowToGetIt() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.exampleSession(in: dir)
    let run = try assess(
      ["report", "ex", "-f", "pdf", "-o", "r.pdf"], directory: dir,
      environment: ["ASSESS_CHROMIUM": "", "PATH": "/nonexistent"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("apt-get install chromium"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.pdf").path))
  }

  @Test(
    .enabled(
      if: ["chromium", "chromium-browser", "google-chrome"].contains { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
          FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
      }))
  func pdfWithChromium() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.exampleSession(in: dir)
    let run = try assess(["report", "ex", "-f", "pdf", "-o", "r.pdf"], directory: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let data = try Data(contentsOf: dir.appendingPathComponent("r.pdf"))
    #expect(data.starts(with: Data("%PDF-".utf8)))
  }
}

/// A strict RFC 4180 reader for the tests.
enum CSV {
  struct Malformed: Error {}

  static func parse(_ text: String) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
        continue
      }
      switch c {
      case "\"":
        guard field.isEmpty else { throw Malformed() }
        quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\r\n":
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      case "\n", "\r": throw Malformed()
      default: field.append(c)
      }
    }
    if quoted { throw Malformed() }
    if !row.isEmpty || !field.isEmpty { throw Malformed() }
    return rows
  }
}
