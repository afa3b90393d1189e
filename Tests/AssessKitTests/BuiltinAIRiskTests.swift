import Foundation
import Testing

@testable import AssessKit

/// The built-in AI risk assessment, questionnaires/ai-risk.yaml, over five realistic answer sets kept in
/// Tests/Fixtures/builtins/ai-risk/ (each file says what it describes; `assess evaluate` reads them too):
///
/// - cv-screening: an in-house model ranking job applications for recruiters, EU employer, half-built governance;
/// - support-chatbot: a customer-service chatbot on a hosted large language model, mature controls;
/// - triage-assistant: an emergency-department triage model in pilot, irreversible harm, some answers unknown;
/// - spam-filter: an in-house spam filter outside the EU, little at stake, strong controls;
/// - refund-agent: a language-model agent that issues refunds on its own through a payment API, few controls.
///
/// Ratings are written `LxS rating`, likelihood by severity on the 5 x 5 four-band grid (appetite medium).
@Suite struct BuiltinAIRiskTests {
  let q: Questionnaire

  init() throws {
    q = try #require(Self.loadResult().questionnaire)
  }

  // MARK: - Helpers

  private static func loadResult() throws -> LoadResult {
    let url = repositoryRoot.appendingPathComponent("questionnaires/ai-risk.yaml")
    return QuestionnaireLoader.load(text: try String(contentsOf: url, encoding: .utf8), file: "ai-risk.yaml")
  }

  /// The answers of a fixture, read and checked as `assess evaluate --answers` reads them.
  private func answerSet(_ name: String) throws -> AnswerSet {
    let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/builtins/ai-risk/\(name).yaml")
    let outcome = AnswersReader.read(text: try String(contentsOf: url, encoding: .utf8), file: name, for: q)
    #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
    return outcome.answers
  }

  private func engine(_ name: String, changing changes: [String: Value?] = [:]) throws -> Engine {
    var e = Engine(questionnaire: q, answers: try answerSet(name))
    if !changes.isEmpty { e.set(changes) }
    return e
  }

  /// Ids of the sections whose condition holds.
  private func sections(_ e: Engine) -> [String] {
    q.sections.indices.filter { e.isVisible(section: $0) }.map { q.sections[$0].id }
  }

  private func level(_ e: Engine, _ id: String) -> String? {
    q.levels.firstIndex { $0.id == id }.flatMap { e.levels[$0].label }
  }

  private func computed(_ e: Engine, _ id: String) -> Value? {
    q.computed.firstIndex { $0.id == id }.map { e.computed[$0] }
  }

  private func scale(_ e: Engine, _ id: String) -> Double? {
    q.scales.firstIndex { $0.id == id }.map { e.scaleValues[$0] }
  }

  private func state(_ e: Engine, _ id: String) -> RiskState? {
    q.risks.firstIndex { $0.id == id }.map { e.risks[$0] }
  }

  /// Ids of the raised risks, in catalogue order.
  private func raised(_ e: Engine) -> [String] {
    q.risks.indices.filter { e.risks[$0].raised }.map { q.risks[$0].id }
  }

  private func text(_ r: RiskState.Rating) -> String {
    "\(r.likelihood)x\(r.severity) \(q.matrix.ratings[r.rating])"
  }

  /// "inherent -> residual", e.g. "3x4 high -> 1x3 low"; nil when the risk is not raised.
  private func rated(_ e: Engine, _ id: String) -> String? {
    guard let s = state(e, id), s.raised else { return nil }
    return "\(text(s.inherent)) -> \(s.residual.map(text) ?? "none")"
  }

  private var mediumRating: Int { q.matrix.ratings.firstIndex(of: "medium") ?? -1 }

  // MARK: - The file itself

  @Test func loadsWithoutAnyDiagnostics() throws {
    let result = try Self.loadResult()
    // Not even a warning: `assess validate --strict` must pass for a built-in.
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let q = try #require(result.questionnaire)
    #expect(q.id == "ai-risk" && q.title == "AI risk assessment")
    #expect(
      q.sections.map(\.id) == [
        "scope", "governance", "data", "performance", "generative_quality", "security", "llm_security",
        "agent_security", "third_parties", "records", "use_oversight", "compliance", "history",
      ])
    #expect(q.questions.filter { $0.type.isAnswerable }.count == 76 && q.risks.count == 22)
  }

  @Test func sharedIdsFollowTheConvention() throws {
    // These ids, types and option values are shared by the built-ins so answers carry across.
    let expected: [(String, QuestionType, [String])] = [
      ("system_name", .text, []), ("purpose", .text, []),
      ("lifecycle_stage", .single, ["concept", "development", "pilot", "production"]),
      ("techniques", .multi, ["predictive", "generative", "agent", "other"]),
      ("decision_effect", .single, ["none", "informs", "significant"]),
      ("automation", .single, ["human_decides", "human_reviews", "human_exception", "fully_automated"]),
      ("personal_data", .yesno, ["yes", "no"]), ("eu_market", .yesno, []),
    ]
    for (id, type, values) in expected {
      let question = try #require(q.question(id), "\(id)")
      #expect(question.type == type, "\(id)")
      #expect(question.options.map(\.value) == values, "\(id)")
    }
  }

  @Test func everyQuestionExplainsItselfAndOffersNotSureWhereTeamsMayNotKnow() throws {
    for question in q.questions where question.type.isAnswerable {
      // Help says why and gives an example; refs name what the question serves.
      #expect(question.help?.contains("Example") == true, "\(question.id) has no example in its help")
      #expect(!question.refs.isEmpty, "\(question.id) has no refs")
    }
    // Every control question (one that adds to `checked`) lets a team say it does not know.
    let checkedScale = try #require(q.scales.firstIndex { $0.id == "checked" })
    let unknownsScale = try #require(q.scales.firstIndex { $0.id == "unknowns" })
    let checked = q.questions.filter { $0.options.contains { $0.score[checkedScale] != nil } }
    #expect(checked.count > 40)
    for question in checked {
      let unsure = question.options.first { $0.value == "unsure" }
      #expect(unsure?.label == "Not sure" && unsure?.score[unknownsScale] == 1, "\(question.id)")
    }
  }

  @Test func everyTreatmentNamesAnnexAControlsAndAnOwner() {
    for risk in q.risks {
      let treatment = risk.treatment
      #expect(treatment?.owner != nil && treatment?.actions.isEmpty == false, "\(risk.id)")
      #expect(treatment?.controls.contains { $0.hasPrefix("A.") } == true, "\(risk.id)")
      // Every risk is rated twice: inherent, and residual after the controls the answers show.
      #expect(risk.hasResidual, "\(risk.id)")
    }
  }

  // MARK: - Answer sets

  @Test func cvScreeningModel() throws {
    let e = try engine("cv-screening")
    // Every question on its path is answered: 57 of the 76, a typical length for a predictive system.
    #expect(e.unanswered.isEmpty && e.path.count == 57)
    // A predictive in-house model: no generative, language-model or agent sections.
    #expect(
      sections(e) == [
        "scope", "governance", "data", "performance", "security", "third_parties", "records", "use_oversight",
        "compliance", "history",
      ])
    // Built in-house and not sold on: no supplier questions, but its own weights and training pipeline are asked about.
    #expect(!e.path.contains("supplier_contract") && !e.path.contains("responsibilities"))
    #expect(e.path.contains("poisoning") && e.path.contains("model_theft"))
    // It decides about applicants, so representativeness, subgroup testing and a contest route are asked;
    // recruiters review each ranking, so automation bias is asked; high-risk, so the AI Act obligations too.
    for id in ["representativeness", "subgroup_testing", "contest_process", "automation_bias", "ai_act_obligations"] {
      #expect(e.path.contains(id), "\(id)")
    }
    // Assessed before, and data and scale changed since: the change questions follow.
    #expect(e.path.contains("changes") && e.path.contains("change_reassessed"))

    #expect(computed(e, "harm_severity") == .number(4))  // a lost job opportunity is lasting harm
    // Informing decisions on applicants' livelihoods at a medium scale is high exposure; about half the controls
    // asked about are in place, so the posture is high: treat before further use.
    #expect(level(e, "exposure_level") == "High" && level(e, "control_maturity") == "Partial")
    #expect(level(e, "risk_posture") == "High")

    #expect(
      raised(e) == [
        "weak-governance", "data-rights", "poor-data-quality", "biased-outcomes", "unreliable-performance",
        "undetected-drift", "model-compromise", "privacy-harm", "missing-records", "weak-oversight", "misuse",
        "unmanaged-incidents", "regulatory-noncompliance", "unassessed-change",
      ])
    // No subgroup testing, unrepresentative data, reviewers without full authority: no credit at all, so the
    // classic hiring-bias risk stays high after the controls the answers show.
    #expect(rated(e, "biased-outcomes") == "3x4 high -> 3x4 high")
    // Four of five governance gaps (policy not applied, informal criteria, partial training, the team accepts
    // its own risk): almost certain that risks go unmanaged.
    #expect(rated(e, "weak-governance") == "5x4 critical -> 5x4 critical")
    // Held-out testing against criteria takes two steps off the likelihood, and the tested fallback one off
    // the severity.
    #expect(rated(e, "unreliable-performance") == "3x4 high -> 1x3 low")
    // High-risk with obligations in progress and sector-rule gaps: obligations work in progress earns a step.
    #expect(rated(e, "regulatory-noncompliance") == "4x4 critical -> 3x4 high")
    // Data and scale changed since an outdated assessment and nobody re-assessed them.
    #expect(rated(e, "unassessed-change") == "4x3 high -> 4x3 high")
    // Ranking CVs is high-risk, not prohibited; every question was answered with a definite answer.
    #expect(state(e, "prohibited-practice")?.raised == false && state(e, "assessment-unknowns")?.raised == false)
  }

  @Test func customerServiceChatbotOnAHostedModel() throws {
    let e = try engine("support-chatbot")
    // Longer than the classifier's path: the generative sections add nine questions, the supplier four.
    #expect(e.unanswered.isEmpty && e.path.count == 64)
    // Generative: output quality and language-model security are asked; it has no tools, so no agent section.
    #expect(
      sections(e) == [
        "scope", "governance", "data", "performance", "generative_quality", "security", "llm_security",
        "third_parties", "records", "use_oversight", "compliance", "history",
      ])
    // It decides nothing about individuals: no subgroup testing, representativeness or contest route.
    #expect(!e.path.contains("subgroup_testing") && !e.path.contains("representativeness"))
    #expect(!e.path.contains("contest_process") && !e.path.contains("automation_bias"))
    // A hosted model: supplier questions instead of poisoning and model theft.
    #expect(e.path.contains("supplier_contract") && e.path.contains("model_updates"))
    #expect(!e.path.contains("poisoning") && !e.path.contains("model_theft"))
    #expect(e.path.contains("data_rights[operational]") && e.path.contains("data_rights[user_content]"))

    // Wide reach to the public, autonomy and generation make exposure high; controls are strong, so the posture
    // is moderate and no gap risk is raised.
    #expect(level(e, "exposure_level") == "High" && level(e, "control_maturity") == "Strong")
    #expect(level(e, "risk_posture") == "Moderate")
    #expect(computed(e, "governance_gaps") == .number(0) && computed(e, "compliance_gaps") == .number(0))

    let risks = raised(e)
    // Twelve exposure risks remain on the register: risks are listed even when well controlled.
    #expect(risks.count == 12)
    // Nothing is decided about people, governance is complete and compliance is clear.
    for id in ["biased-outcomes", "weak-oversight", "weak-governance", "regulatory-noncompliance", "excessive-agency"] {
      #expect(!risks.contains(id), "\(id)")
    }
    // Public messages and uploaded documents reach the model: indirect injection is almost certain before
    // controls. Only partial injection testing: still high afterwards, above the appetite.
    #expect(rated(e, "prompt-injection") == "5x4 critical -> 3x4 high")
    // Hallucination at scale is near certain; measured accuracy and grounding with sources bring it down two
    // steps, and disclosure with user guidance lowers the consequence.
    #expect(rated(e, "ungrounded-output") == "5x3 critical -> 3x2 medium")
    // An assessed supplier under a negotiated contract with a pinned model version.
    #expect(rated(e, "supplier-dependency") == "4x3 high -> 1x3 low")
    // So the only residual above the appetite (medium) is prompt injection: the one control answered "partly".
    let aboveAppetite = q.risks.indices.filter { e.risks[$0].raised && e.risks[$0].residual!.rating > mediumRating }
    #expect(aboveAppetite.map { q.risks[$0].id } == ["prompt-injection"])
  }

  @Test func emergencyTriageAssistantInPilot() throws {
    let e = try engine("triage-assistant")
    // A predictive model with a supplier and a sector: between the classifier's and the chatbot's path.
    #expect(e.unanswered.isEmpty && e.path.count == 61)
    // First assessment: no change questions; in pilot: incidents and complaints are asked.
    #expect(!e.path.contains("changes") && e.path.contains("incidents") && e.path.contains("complaints"))
    // Adapted open model: both the supplier questions and the training-pipeline questions apply.
    #expect(e.path.contains("supplier_exit") && e.path.contains("poisoning"))
    #expect(e.path.contains("responsibilities") && !e.path.contains("customer_information"))

    // A missed urgent case can be fatal: irreversible, so harm severity is 5 whatever else.
    #expect(computed(e, "irreversible") == .bool(true) && computed(e, "harm_severity") == .number(5))
    #expect(computed(e, "sensitive_data") == .bool(true))  // health data
    // Four "Not sure" answers: rights to licensed data, robustness, model theft, AI Act obligations.
    #expect(scale(e, "unknowns") == 4)
    // Patients, health data and irreversible harm: very high exposure. Good controls, but four unknowns add a
    // step: the posture is high, not moderate.
    #expect(level(e, "exposure_level") == "Very high" && level(e, "control_maturity") == "Established")
    #expect(level(e, "risk_posture") == "High")

    // The severity floor: the contest route and the tested fallback would each lower the severity of a
    // recoverable harm, but an irreversible one stays Severe; only the likelihood comes down.
    #expect(rated(e, "biased-outcomes") == "3x5 critical -> 1x5 medium")
    #expect(rated(e, "unreliable-performance") == "3x5 critical -> 1x5 medium")
    #expect(rated(e, "weak-oversight") == "3x5 critical -> 1x5 medium")
    // High-risk obligations unknown and a medical-device gap: critical, with nothing yet to lower it.
    #expect(rated(e, "regulatory-noncompliance") == "4x5 critical -> 4x5 critical")
    // The unknowns are a finding of their own, to be found out.
    #expect(rated(e, "assessment-unknowns") == "4x4 critical -> 4x4 critical")
    let unknowns = try #require(q.risks.first { $0.id == "assessment-unknowns" })
    #expect(unknowns.dimension == "assurance" && unknowns.treatment?.actions[0].hasPrefix("Find out") == true)
    // Governance is complete, and a predictive model raises no generated-content risk.
    #expect(!raised(e).contains("weak-governance") && !raised(e).contains("ungrounded-output"))
  }

  @Test func spamFilterOutsideTheEU() throws {
    let e = try engine("spam-filter")
    // The shortest of the five: no decisions about people, no EU, no supplier, no generation.
    #expect(e.unanswered.isEmpty && e.path.count == 49)
    // Not on the EU market: no AI Act questions; personal data in mail: the DPIA question stays.
    #expect(!e.path.contains("ai_act_tier") && e.path.contains("dpia_done"))
    // Nothing changed since the last assessment: no follow-up about re-assessing changes.
    #expect(e.path.contains("changes") && !e.path.contains("change_reassessed"))
    // It decides nothing about people and has no tools.
    #expect(!e.path.contains("contest_process") && !e.path.contains("tool_permission[read]"))

    // Minor, recoverable harm to a few internal users, with every control in place: low all round.
    #expect(level(e, "exposure_level") == "Low" && level(e, "control_maturity") == "Strong")
    #expect(level(e, "risk_posture") == "Low")
    #expect(computed(e, "control_pct") == .number(100))

    // Only the risks every AI system carries are raised, and all of them are within the appetite after the
    // controls in place.
    #expect(
      raised(e) == [
        "data-rights", "poor-data-quality", "unreliable-performance", "undetected-drift", "model-compromise",
        "privacy-harm", "missing-records", "misuse",
      ])
    for i in q.risks.indices where e.risks[i].raised {
      #expect(try #require(e.risks[i].residual).rating <= mediumRating, "\(q.risks[i].id)")
    }
    // Mail holds personal data, so an attack on the filter is serious even with every control in place.
    #expect(rated(e, "model-compromise") == "3x4 high -> 1x4 medium")
    // A misfiled mail is minor and a tested fallback (releasing from quarantine) makes it negligible.
    #expect(rated(e, "unreliable-performance") == "3x2 medium -> 1x1 low")
  }

  @Test func refundAgentWithPaymentTools() throws {
    let e = try engine("refund-agent")
    // Every section opens for a generative agent with a supplier, EU customers and personal data.
    #expect(e.unanswered.isEmpty && e.path.count == 65)
    #expect(
      sections(e) == [
        "scope", "governance", "data", "performance", "generative_quality", "security", "llm_security",
        "agent_security", "third_parties", "records", "use_oversight", "compliance", "history",
      ])
    // One permission question per tool it has, in the options' order.
    #expect(
      e.path.filter { $0.hasPrefix("tool_permission") } == [
        "tool_permission[read]", "tool_permission[communicate]", "tool_permission[financial]",
      ])
    // No data of its own: the data follow-ups are skipped, and so are the data risks.
    #expect(!e.path.contains("data_quality") && !e.path.contains("provenance"))
    // Fully automated: nobody reviews outputs, so there is no reviewer to ask about.
    #expect(!e.path.contains("oversight_authority") && !e.path.contains("automation_bias"))

    // Autonomous payments to the public at scale with almost no controls: the worst posture short of a ban.
    #expect(level(e, "exposure_level") == "Very high" && level(e, "control_maturity") == "Weak")
    #expect(level(e, "risk_posture") == "Severe")
    // Data leakage and sector rules are not known.
    #expect(scale(e, "unknowns") == 2)

    let risks = raised(e)
    #expect(risks.count == 19 && !risks.contains("data-rights") && !risks.contains("poor-data-quality"))
    // It can move money with a shared credential, without limits, and its refunds cannot be undone.
    #expect(rated(e, "excessive-agency") == "4x5 critical -> 4x5 critical")
    // Customer emails are read by an agent with payment tools, untested: the worst cell of the grid.
    #expect(rated(e, "prompt-injection") == "5x5 critical -> 5x5 critical")
    // All five governance gaps, and neither a concern channel nor a planned review to soften them.
    #expect(rated(e, "weak-governance") == "5x4 critical -> 5x4 critical")
    // Solely automated significant decisions: at least Major; the contest route takes a step off the severity.
    #expect(rated(e, "weak-oversight") == "5x4 critical -> 5x3 critical")
    // Open incidents and unresolved complaints: risks being realised now.
    #expect(rated(e, "unmanaged-incidents") == "5x4 critical -> 5x4 critical")
  }

  // MARK: - Behaviour across answer sets

  @Test func notSureCountsAsTheUnfavourableAnswerAndIsFlagged() throws {
    let none = try engine("spam-filter", changing: ["validation": .string("none")])
    let unsure = try engine("spam-filter", changing: ["validation": .string("unsure")])
    // Same residual as an untested system: no credit for testing nobody can vouch for (the tested fallback
    // still takes the minor harm down to negligible).
    #expect(state(unsure, "unreliable-performance")?.residual == state(none, "unreliable-performance")?.residual)
    #expect(rated(unsure, "unreliable-performance") == "3x2 medium -> 2x1 low")
    #expect(computed(unsure, "control_pct") == computed(none, "control_pct"))
    // ... but it is flagged: one unknown raises the assurance finding, which the plain "no" does not.
    #expect(scale(unsure, "unknowns") == 1 && scale(none, "unknowns") == 0)
    #expect(rated(unsure, "assessment-unknowns") == "3x3 medium -> 3x3 medium")
    #expect(state(none, "assessment-unknowns")?.raised == false)
  }

  @Test func anUnknownWorstOutcomeIsTakenAsIrreversible() throws {
    let e = try engine("cv-screening", changing: ["worst_outcome": .string("unsure")])
    #expect(computed(e, "irreversible") == .bool(true) && computed(e, "harm_severity") == .number(5))
    #expect(rated(e, "biased-outcomes") == "3x5 critical -> 3x5 critical")
  }

  @Test func aProhibitedPracticeIsAvoidedNotRated() throws {
    let e = try engine("cv-screening", changing: ["ai_act_tier": .string("prohibited")])
    let risk = try #require(q.risks.first { $0.id == "prohibited-practice" })
    #expect(risk.treatment?.option == .avoid)
    #expect(rated(e, "prohibited-practice") == "5x5 critical -> 5x5 critical")
    // The posture is Severe whatever the other answers, and the high-risk follow-up leaves the path.
    #expect(level(e, "risk_posture") == "Severe")
    #expect(!e.path.contains("ai_act_obligations"))
  }

  @Test func sectorRulesMustBeNamedOnlyWhenThereAreGapsToClose() throws {
    // Gaps go into the treatment plan, which needs to say which rules; rules that are met may stay unnamed.
    let gaps = try engine("spam-filter", changing: ["sector_rules": .string("apply_gaps")])
    #expect(gaps.unanswered == ["sector_rules_named"])
    #expect(rated(gaps, "regulatory-noncompliance") == "3x4 high -> 3x4 high")
    let met = try engine("spam-filter", changing: ["sector_rules": .string("apply_met")])
    #expect(met.path.contains("sector_rules_named") && met.unanswered.isEmpty)
    #expect(state(met, "regulatory-noncompliance")?.raised == false)
  }

  @Test func techniquesSwitchTheGenerativeAndAgentSections() throws {
    // The chatbot given tools: the agent section opens and waits for answers.
    let agent = try engine(
      "support-chatbot", changing: ["techniques": .list([.string("generative"), .string("agent")])])
    #expect(sections(agent).contains("agent_security"))
    #expect(agent.unanswered == ["agent_tools", "agent_limits", "agent_stop"])
    // Until its tools are known, the agent is assumed able to change records or move money: excessive agency
    // and prompt injection are raised at the highest severity, so an unknown never hides a risk.
    #expect(rated(agent, "excessive-agency") == "4x5 critical -> 4x5 critical")
    #expect(state(agent, "prompt-injection")?.inherent.severity == 5)
    // The chatbot as a plain classifier: both language-model sections close and their answers are kept aside.
    let classifier = try engine("support-chatbot", changing: ["techniques": .list([.string("predictive")])])
    #expect(!sections(classifier).contains("generative_quality") && !sections(classifier).contains("llm_security"))
    #expect(classifier.answersAside.contains("injection_testing") && classifier.answersAside.contains("grounding"))
    #expect(!raised(classifier).contains("prompt-injection") && !raised(classifier).contains("ungrounded-output"))
  }

  /// Random answer sequences (including cleared answers): after every change the incremental engine agrees with a
  /// full evaluation, and no raised risk is rated worse after controls than before them.
  @Test(arguments: [11, 12, 13, 14] as [UInt64])
  func randomAnswersKeepResidualsAtOrBelowInherent(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var e = Engine(questionnaire: q)
    let ids = RandomAnswers.ids(in: q)
    for _ in 0..<200 {
      let id = ids[Int(random.next() % UInt64(ids.count))]
      e.set(id, to: RandomAnswers.value(for: id, in: q, using: &random))
      let full = Engine(questionnaire: q, answers: e.answers)
      #expect(e.path == full.path && e.risks == full.risks)
      #expect(e.levels.map(\.label) == full.levels.map(\.label))
      for (i, r) in e.risks.enumerated() where r.raised {
        let residual = try #require(r.residual, "\(q.risks[i].id)")
        #expect(residual.likelihood <= r.inherent.likelihood, "\(q.risks[i].id)")
        #expect(residual.severity <= r.inherent.severity, "\(q.risks[i].id)")
      }
    }
  }
}
