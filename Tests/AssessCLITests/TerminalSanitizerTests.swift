import Foundation
import Testing

/// Every text printed for a person goes through one sanitizer: escape sequences, C1 controls and bidi
/// overrides in questionnaires, answers, names and echoed arguments are shown escaped, never acted
/// on; JSON keeps the exact text (issue 15, "The terminal").
@Suite struct TerminalSanitizerTests {
  let dir: URL
  let env = ["USER": "ana", "ASSESS_NOW": "2026-11-29T10:00:00Z"]

  /// Texts holding ESC (a screen clear, an OSC window title, blink, conceal), BEL, CR, backspace,
  /// a one-character CSI (U+009B) and bidi overrides and isolates.
  static let questionnaire = #"""
    assess: 1
    id: hostile
    title: "Title \e[2J\e]0;pwned\a end"
    version: 1.0.0
    description: "Desc \e[31m red \u202E evil"
    scales:
      - {id: impact, title: "Impact \x9B2J score"}
    sections:
      - id: s
        title: "Section \e[5m blink"
        intro: "Intro \x9B2J here"
        questions:
          - id: who
            type: text
            prompt: "Who \e]0;title\a is it?"
            help: "Help \r\b overwrite"
          - id: pick
            type: single
            prompt: "Pick \u2066 one"
            options:
              - {value: a, label: "Option A \e[8m hidden", score: {impact: 2}}
              - {value: b, label: "Option B"}
    risks:
      - id: r1
        title: "Risk \e[2J title"
        dimension: safety
        when: "pick == 'a'"
        likelihood: 5
        severity: 5
        treatment:
          option: mitigate
          actions: ["Action \e]0;x\a do"]
          owner: "Owner \x9B1m"
    """#

  static let answer = "Ann \u{1B}[2J\u{202E}\u{7}"

  init() throws {
    dir = try temporaryDirectory()
    try Self.questionnaire.write(to: dir.appendingPathComponent("hostile.yaml"), atomically: true, encoding: .utf8)
    let answers = try String(
      data: JSONSerialization.data(withJSONObject: ["who": Self.answer, "pick": "a"]), encoding: .utf8)
    for id in ["h", "h2"] {
      let r = try assess(
        ["start", "hostile.yaml", "--id", id, "--no-input", "--answers", "-", "--by", "Eve\u{1B}]0;x\u{7}"],
        input: answers, directory: dir, environment: env)
      #expect(r.status == 0, "\(r.stderr)")
    }
  }

  /// The control bytes and characters no output for a person may hold (ESC is checked apart).
  static let forbidden: [Unicode.Scalar] = [
    "\u{7}", "\u{8}", "\u{D}", "\u{0}", "\u{7F}", "\u{9B}", "\u{9D}", "\u{202A}", "\u{202B}", "\u{202C}",
    "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
  ]

  /// `text` holds no control character but the newline, and no ESC but SGR styling of ours.
  static func expectSafe(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for scalar in text.unicodeScalars where forbidden.contains(scalar) {
      Issue.record(
        "\(what): raw \(scalar.escaped(asASCII: true)) in \(text.debugDescription)", sourceLocation: sourceLocation)
      return
    }
    let withoutStyling = text.replacingOccurrences(
      of: "\u{1B}\\[(0|1|2|33|1;31|32|1;36|4[1235];30)m", with: "", options: .regularExpression)
    #expect(!withoutStyling.contains("\u{1B}"), "\(what): \(text.debugDescription)", sourceLocation: sourceLocation)
  }

  @Test func textCommandsShowControlsEscaped() throws {
    let commands: [[String]] = [
      ["status", "h"], ["history", "h"], ["evaluate", "hostile.yaml", "--answers", "answers.json"],
      ["plan", "h", "--list"], ["explain", "h"], ["explain", "h", "r1"], ["soa", "h"], ["diff", "h", "h2"],
      ["register"], ["list"], ["validate", "hostile.yaml"], ["check", "h"], ["status", "h\u{1B}[2J"],
      ["answer", "h", "pick", "z\u{1B}]0;x\u{7}"], ["evaluate", "hostile\u{1B}[2J.yaml", "--answers", "x"],
    ]
    let answers = try String(
      data: JSONSerialization.data(withJSONObject: ["who": Self.answer, "pick": "a"]), encoding: .utf8)
    try answers?.write(to: dir.appendingPathComponent("answers.json"), atomically: true, encoding: .utf8)
    var seen = ""
    for arguments in commands {
      let r = try assess(arguments, directory: dir, environment: env)
      Self.expectSafe(r.stdout, "stdout of \(arguments)")
      Self.expectSafe(r.stderr, "stderr of \(arguments)")
      seen += r.stdout + r.stderr
    }
    // What was there is shown, escaped.
    for shown in [
      #"Title \e[2J\e]0;pwned\a end"#, #"Ann \e[2J\u{202E}\a"#, #"Risk \e[2J title"#, #"Action \e]0;x\a do"#,
      #"Owner \u{9B}1m"#, #"Eve\e]0;x\a"#, #"z\e]0;x\a"#, #"hostile\e[2J.yaml"#,
    ] {
      #expect(seen.contains(shown), "\(shown)")
    }
  }

  @Test func validateMessagesEchoEscaped() throws {
    let broken = "assess: 1\nid: b\n\"ti\\e]0;x\\atle\": x\n"
    try broken.write(to: dir.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
    let r = try assess(["validate", "broken.yaml"], directory: dir, environment: env)
    #expect(r.status == 1)
    Self.expectSafe(r.stderr, "validate")
    #expect(r.stderr.contains(#"ti\e]0;x\atle"#))
  }

  @Test func jsonKeepsTheExactText() throws {
    let r = try assess(["status", "h", "--json"], directory: dir, environment: env)
    #expect(r.status == 0)
    let status = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let answers = try #require(status["answers"] as? [String: Any])
    #expect(answers["who"] as? String == Self.answer)
    #expect(r.stdout.contains(#"\u001b[2J"#))
    let report = try assess(["report", "h", "--format", "json"], directory: dir, environment: env)
    #expect(report.stdout.contains(#"Title \u001b[2J\u001b]0;pwned\u0007 end"#))
    // Reports are files with their own escaping (Markdown escapes '['), not the terminal's.
    let markdown = try assess(["report", "h", "--format", "markdown"], directory: dir, environment: env)
    #expect(markdown.status == 0 && markdown.stdout.contains("Risk \u{1B}\\[2J title"))
    // A CSV register is data: the exact text, quoted as CSV quotes it.
    let csv = try assess(["register", "--csv"], directory: dir, environment: env)
    #expect(csv.stdout.contains("Risk \u{1B}[2J title"))
  }

  /// The interview in plain line mode (input from a pipe): prompts and texts are sanitized too.
  @Test func pipedInterviewShowsControlsEscaped() throws {
    let r = try assess(
      ["start", "hostile.yaml", "--id", "p", "--by", "Zoe\u{202E}"], input: "Bob\u{1B}[2J\n1\n", directory: dir,
      environment: env)
    #expect(r.status == 0, "\(r.stderr)")
    Self.expectSafe(r.stdout, "piped interview")
    Self.expectSafe(r.stderr, "piped interview")
    #expect(r.stdout.contains(#"Title \e[2J\e]0;pwned\a end"#) && r.stdout.contains(#"Option A \e[8m hidden"#))
  }

  /// The interview on a terminal, with colour: our styling reaches the terminal, hostile text does not.
  @Test func interviewShowsControlsEscapedAndKeepsItsColour() throws {
    let pty = try PseudoTerminal(["start", "hostile.yaml", "--id", "i"], directory: dir, environment: env)
    pty.expectPrompt("is it?")
    pty.send(":why\r")
    pty.expectPrompt("overwrite")
    pty.send("Bob\r")
    pty.expectPrompt("one")
    // Readline draws candidates as they are, so a hostile label is not offered: "Opt" completes to the other.
    pty.send("Opt\t")
    pty.expect("Option B")
    pty.send("\u{15}1\r")
    #expect(pty.waitForExit() == 0)
    // A text answer holding controls is not put on the line to edit; Enter keeps it.
    let again = try PseudoTerminal(["resume", "h"], directory: dir, environment: env)
    again.expect("done> ")
    again.send(":goto who\r")
    again.expectPrompt("is it?")
    again.send("\r")
    again.expectPrompt("one")
    again.send(":quit\r")
    #expect(again.waitForExit() == 0)
    let all = pty.transcript + again.transcript
    #expect(all.contains("\u{1B}[1m"), "our own styling is kept")
    for raw in ["\u{1B}[2J", "\u{1B}]0;", "\u{1B}[5m", "\u{1B}[8m", "\u{9B}", "\u{202E}", "\u{2066}", "\u{7}"] {
      #expect(!all.contains(raw), "\(raw.debugDescription) reached the terminal")
    }
    for shown in [#"Title \e[2J\e]0;pwned\a end"#, #"Who \e]0;title\a is it?"#, #"Help \r\b overwrite"#, #"\u{2066}"#] {
      #expect(all.contains(shown), "\(shown)")
    }
  }
}
