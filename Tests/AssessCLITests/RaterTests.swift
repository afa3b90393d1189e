import Foundation
import Testing

/// Independent ratings: rater copies (`start --rater`, `join`), `reconcile` by script and at a
/// terminal, and `:poll` in the interview.
@Suite struct RaterTests {
  let dir: URL
  /// Wide lines, so a listing is one line per question.
  let env = [
    "USER": "dave", "ASSESS_NOW": "2026-11-29T10:00:00Z", "COLUMNS": "200",
    "PATH": assessBinary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? ""),
  ]

  init() throws {
    dir = try temporaryDirectory()
    let files = [
      "ana.yaml": """
      purpose: Screen loan applications
      effect: significant
      users: 1000
      groups: [public, children]
      harm_by_group[public]: 2
      harm_by_group[children]: 4
      """,
      "ben.yaml": """
      purpose: Screen loan applications
      effect: advisory
      users: 5000
      groups: [public]
      harm_by_group[public]: 3
      children_affected: false
      """,
      "chloe.yaml": """
      purpose: Screen loan applications
      effect: significant
      users: 2000
      groups: [public, workers]
      harm_by_group[public]: 1
      harm_by_group[workers]: 2
      children_affected: false
      """,
    ]
    for (name, text) in files {
      try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
  }

  func run(_ arguments: [String], input: String? = nil) throws -> RunResult {
    try assess(arguments, input: input, directory: dir, environment: env)
  }

  func json(_ arguments: [String]) throws -> [String: Any] {
    let r = try run(arguments)
    return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
  }

  /// Session w1 with three rater copies, each rated from its file.
  func threeRaters() throws {
    let ana = try run(["start", "example", "--id", "w1", "--rater", "Ana", "--answers", "ana.yaml", "--no-input"])
    #expect(ana.status == 0, "\(ana.stderr)")
    #expect(ana.stdout.contains("Ana rates session 'w1' independently in 'w1.ana'."))
    for name in ["Ben", "Chloe"] {
      let r = try run(["join", "w1", "--rater", name, "--answers", "\(name.lowercased()).yaml", "--no-input"])
      #expect(r.status == 0, "\(r.stderr)")
    }
  }

  @Test func raterCopiesPinTheSameQuestionnaireAndLinkBack() throws {
    try threeRaters()
    let list = try run(["list"]).stdout
    for id in ["w1 ", "w1.ana ", "w1.ben ", "w1.chloe "] { #expect(list.contains(id)) }
    let copy = try json(["status", "w1.ben", "--json"])
    let link = try #require(copy["raterCopy"] as? [String: Any])
    #expect(link["session"] as? String == "w1" && link["rater"] as? String == "Ben")
    let main = try json(["status", "w1", "--json"])
    let hash = (main["questionnaire"] as? [String: Any])?["hash"] as? String
    #expect(hash != nil && (copy["questionnaire"] as? [String: Any])?["hash"] as? String == hash)
    // The main session has no answers yet: the raters' are in their own copies.
    #expect((main["answers"] as? [String: Any])?.isEmpty == true)
    let copies = try #require(main["raterCopies"] as? [[String: Any]])
    #expect(copies.map { $0["rater"] as? String } == ["Ana", "Ben", "Chloe"])
    #expect(copies[0]["answered"] as? Int == 6 && copies[0]["onPath"] as? Int == 9)
    #expect(
      try run(["status", "w1"]).stdout.contains(
        "Rating apart: Ana 6 of 9 (w1.ana), Ben 6 of 6 (w1.ben), Chloe 7 of 10 (w1.chloe); settle with: assess reconcile w1"
      ))
    // Joining again reopens the same copy.
    let again = try run(["join", "w1", "--rater", "Ben", "--no-input"])
    #expect(again.status == 0)
    #expect(!again.stdout.contains("rates session"))
    #expect(again.stdout.contains("Ben's own ratings for session 'w1', in 'w1.ben'."))
    #expect(again.stdout.contains("Saved Ben's ratings in 'w1.ben': 6 of 6 answered."))
  }

  @Test func reconcileByScriptRecordsWhoRatedWhatAndSettlesByTheMedian() throws {
    try threeRaters()
    let listed = try run(["reconcile", "w1", "--no-input"])
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stdout.contains("Recorded 19 new ratings from 3 rater copies."))
    #expect(listed.stdout.contains("3 raters (Ana, Ben, Chloe), 8 questions rated"))
    #expect(listed.stdout.contains("Nothing was settled."))
    // Largest spread first: users (20%) before groups and the scale (33%) before effect (50%).
    let out = listed.stdout
    let order = try ["(users): agreement 20%", "(groups): agreement 33%", "(effect): agreement 50%"].map {
      try #require(out.range(of: $0)?.lowerBound)
    }
    #expect(order == order.sorted())
    #expect(try json(["status", "w1", "--json"])["answers"] as? [String: Any] != nil)

    let settled = try run(["reconcile", "w1", "--take", "median"])
    #expect(settled.status == 0, "\(settled.stderr)")
    #expect(settled.stdout.contains("Recorded 0 new ratings"))
    #expect(settled.stdout.contains("Ana 1000 · Ben 5000 · Chloe 2000"))
    let status = try json(["status", "w1", "--json"])
    let answers = try #require(status["answers"] as? [String: Any])
    #expect(answers["users"] as? Double == 2000)
    #expect(answers["effect"] as? String == "significant")
    // Options chosen by more than half of the raters.
    #expect(answers["groups"] as? [String] == ["public"])
    #expect(answers["harm_by_group[public]"] as? Double == 2)
    #expect(answers["purpose"] as? String == "Screen loan applications")
    let agreement = try #require(status["agreement"] as? [String: Any])
    #expect(agreement["rated"] as? Int == 8)
    #expect(agreement["unanimous"] as? Int == 2)
    let lowest = try #require(agreement["lowest"] as? [String: Any])
    #expect(lowest["question"] as? String == "users" && lowest["agreement"] as? Double == 0.2)
    let text = try run(["status", "w1"]).stdout
    #expect(text.contains("Agreement: 8 questions rated independently, 2 unanimous; lowest: users (20%)"))
    #expect(text.contains("Participants: dave (facilitator), Ana (rater), Ben (rater), Chloe (rater)"))
    let history = try run(["history", "w1"]).stdout
    #expect(history.contains("dave: Ben rated users = 5000"))
    #expect(history.contains("dave: answered users = 2000"))
    // Again: nothing new to record or settle.
    let again = try run(["reconcile", "w1", "--take", "median"])
    #expect(again.stdout.contains("Recorded 0 new ratings"))
    #expect(again.stdout.contains("Settled 0 answers"))
    #expect(!again.stdout.contains("Applied"))
  }

  @Test func reconcileCanTakeOneRatersAnswers() throws {
    try threeRaters()
    let r = try run(["reconcile", "w1", "--take", "ben"])
    #expect(r.status == 0, "\(r.stderr)")
    let answers = try #require(try json(["status", "w1", "--json"])["answers"] as? [String: Any])
    #expect(answers["users"] as? Double == 5000)
    #expect(answers["effect"] as? String == "advisory")
    let unknown = try run(["reconcile", "w1", "--take", "Dan"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no rater 'Dan'"))
  }

  @Test func reconcileInPlainLinesConfirmsAgreedAnswersAndWalksTheRest() throws {
    try threeRaters()
    // Apply the agreed; users: Chloe's; groups: 1 (public only); scale: 3; effect: Enter (the mode).
    let r = try run(["reconcile", "w1"], input: "y\nchloe\n1\n3\n\n")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Agreed: In one or two sentences, what is the system for? (purpose)"))
    #expect(r.stdout.contains("Settled: 2000 (Chloe's)"))
    let answers = try #require(try json(["status", "w1", "--json"])["answers"] as? [String: Any])
    #expect(answers["users"] as? Double == 2000)
    #expect(answers["groups"] as? [String] == ["public"])
    #expect(answers["harm_by_group[public]"] as? Double == 3)
    #expect(answers["effect"] as? String == "significant")
    #expect(answers["children_affected"] as? Bool == false)
  }

  @Test func joiningNeedsAMainSessionAndRefusesCopiesAndBadAnswers() throws {
    let none = try run(["join", "nosuch", "--rater", "Ana", "--no-input"])
    #expect(none.status == 2)
    #expect(none.stderr.contains("no session 'nosuch'"))
    try threeRaters()
    let copy = try run(["join", "w1.ana", "--rater", "Ben", "--no-input"])
    #expect(copy.status == 2)
    #expect(copy.stderr.contains("is Ana's rater copy of 'w1'; join 'w1' instead"))
    try "effect: sometimes\n".write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
    let bad = try run(["join", "w1", "--rater", "Dan", "--answers", "bad.yaml", "--no-input"])
    #expect(bad.status == 2)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sessions/w1.dan").path))
    let other = try run(["start", "ai-risk", "--id", "w1", "--rater", "Dan", "--no-input"])
    #expect(other.status == 2)
    #expect(other.stderr.contains("session 'w1' is on 'example', not 'ai-risk'"))
  }

  @Test func pollInPlainLinesRecordsEachRatingThenTheAgreedAnswer() throws {
    let input = "Screen loans\n:poll\n3\nadv\n\n\n:poll Ana=1000 Ben=5000 Chloe=2,000\n9\n:why\n:quit\n"
    let r = try run(
      ["start", "example", "--id", "p", "--participant", "Ana", "--participant", "Ben", "--participant", "Chloe"],
      input: input)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("1 of 2  It informs a person who decides (Ben)"))
    #expect(r.stdout.contains("Agreed answer: Enter takes It informs a person who decides"))
    #expect(r.stdout.contains("Ratings (3): lowest 1000, highest 5000, median 2000; agreement 20%"))
    let history = try run(["history", "p"]).stdout
    #expect(history.contains("dave: Ana rated effect = 'significant'"))
    #expect(history.contains("dave: Ben rated effect = 'advisory'"))
    #expect(!history.contains("Chloe rated effect"))
    #expect(history.contains("dave: answered effect = 'advisory'"))
    #expect(history.contains("dave: Chloe rated users = 2000"))
    #expect(history.contains("dave: answered users = 9"))
    let bad = try run(["resume", "p"], input: ":goto users\n:poll Ana=lots\n:poll 3\n:quit\n")
    #expect(bad.stdout.contains("Ana's rating: type a number"))
    #expect(bad.stdout.contains("Write the ratings as NAME=ANSWER"))
    let agreement = try #require(try json(["status", "p", "--json"])["agreement"] as? [String: Any])
    #expect(agreement["rated"] as? Int == 2)
    let alone = try run(["start", "example", "--id", "alone"], input: ":poll\n:quit\n")
    #expect(alone.stdout.contains("No participants to poll."))
    let nothing = try run(["reconcile", "alone"])
    #expect(nothing.status == 0)
    #expect(nothing.stdout.contains("Nothing to reconcile: no ratings yet."))
  }

  @Test func threeRatersReconciledAtATerminal() throws {
    try threeRaters()
    // Raters answer at once: Ana's copy open in an interview does not stop Ben changing his.
    let anaAtHerTerminal = try PseudoTerminal(["join", "w1", "--rater", "Ana"], directory: dir, environment: env)
    anaAtHerTerminal.expectPrompt("Resuming")
    try "users: 4000\n".write(to: dir.appendingPathComponent("ben2.yaml"), atomically: true, encoding: .utf8)
    #expect(try run(["join", "w1", "--rater", "Ben", "--answers", "ben2.yaml", "--no-input"]).status == 0)
    anaAtHerTerminal.send(":quit\r")
    #expect(anaAtHerTerminal.waitForExit() == 0)

    var plain = env
    plain["NO_COLOR"] = "1"
    let pty = try PseudoTerminal(["reconcile", "w1"], directory: dir, environment: plain)
    pty.expect("Apply the 2 agreed answers? [Y/n] ")
    pty.send("\r")
    pty.expect("Ana 1000 · Ben 4000 · Chloe 2000")
    // The suggestion is on the line, ready to edit: Enter takes it.
    pty.expectPrompt("Agreed answer: Enter takes 2000", prompt: "agreed> 2000")
    pty.send("\r")
    pty.expect("Settled: 2000")
    pty.expectPrompt("chosen by all: Members of the public", prompt: "agreed> ")
    // A rater's name takes their answer.
    pty.send("\u{15}Ana\r")
    pty.expect("Settled: Members of the public, Children (Ana's)")
    pty.expectPrompt("Ana 2 · Ben 3 · Chloe 1", prompt: "agreed> 2")
    pty.send("\u{15}7\r")
    pty.expect("takes a whole number from 1 to 4, not 7")
    // Wait for the suggestion to be back on the line before clearing it (else the keys can overtake it).
    pty.expect("agreed> 2")
    pty.send("\u{15}3\r")
    pty.expect("Settled: 3")
    pty.expectPrompt("(effect)", prompt: "agreed> ")
    pty.send("\u{15}:skip\r")
    pty.expect("Left open.")
    pty.expectPrompt("only Ana rated: 4", prompt: "agreed> 4")
    pty.send("\r")
    pty.expect("Not on the path with the answers settled (left open): harm_by_group[workers]")
    pty.expect("1 left open")
    #expect(pty.waitForExit() == 0)
    let answers = try #require(try json(["status", "w1", "--json"])["answers"] as? [String: Any])
    #expect(answers["users"] as? Double == 2000)
    #expect(answers["groups"] as? [String] == ["public", "children"])
    #expect(answers["effect"] == nil)
    #expect(answers["harm_by_group[children]"] as? Double == 4)
  }

  @Test func pollAtATerminalOffersTheSuggestionOnTheLine() throws {
    var plain = env
    plain["NO_COLOR"] = "1"
    let pty = try PseudoTerminal(
      ["start", "example", "--id", "room", "--participant", "Ana", "--participant", "Ben", "--participant", "Chloe"],
      directory: dir, environment: plain)
    pty.expectPrompt("what is the system for?")
    pty.send("Screen loans\r")
    pty.expectPrompt("decide anything about a person?")
    pty.send(":poll\r")
    pty.expect("  Ana> ")
    pty.send("3\r")
    pty.expect("  Ben> ")
    // Tab completes a label, as at the question's own prompt.
    pty.send("It inf\t\r")
    pty.expect("  Chloe> ")
    pty.send("yes\r")
    pty.expect("1 of 3  It informs a person who decides (Ben)")
    pty.expect("agreed> Yes, with a legal or similarly significant effect")
    pty.send("\r")
    pty.expect("Agreed: Yes, with a legal or similarly significant effect")
    pty.expectPrompt("how many people")
    pty.send(":quit\r")
    #expect(pty.waitForExit() == 0)
    let status = try json(["status", "room", "--json"])
    #expect((status["answers"] as? [String: Any])?["effect"] as? String == "significant")
    let questions = try #require((status["agreement"] as? [String: Any])?["questions"] as? [[String: Any]])
    #expect(
      questions.first?["ratings"] as? [String: String] == [
        "Ana": "significant", "Ben": "advisory", "Chloe": "significant",
      ])
  }
}
