import Foundation
import Testing

@testable import AssessKit

/// The built-in AI system impact assessment (questionnaires/ai-impact.yaml), evaluated over realistic answer
/// sets kept in Tests/Fixtures/builtins/ai-impact/. Each expectation says why an assessor would expect it.
@Suite struct BuiltinAIImpactTests {
  let q: Questionnaire

  init() throws { q = try Self.questionnaire() }

  // MARK: Helpers (private to this suite)

  private static func questionnaire() throws -> Questionnaire {
    let url = repositoryRoot.appendingPathComponent("questionnaires/ai-impact.yaml")
    let text = try String(contentsOf: url, encoding: .utf8)
    let result = QuestionnaireLoader.load(text: text, file: "ai-impact.yaml")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    return try #require(result.questionnaire)
  }

  /// An engine over one answer set from Tests/Fixtures/builtins/ai-impact/, expecting every answer accepted.
  private func engine(_ name: String) throws -> Engine {
    let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/builtins/ai-impact/\(name).yaml")
    let outcome = AnswersReader.read(text: try String(contentsOf: url, encoding: .utf8), file: name, for: q)
    #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
    return Engine(questionnaire: q, answers: outcome.answers)
  }

  private func risk(_ e: Engine, _ id: String) throws -> RiskState {
    let index = try #require(q.risks.firstIndex { $0.id == id }, "no risk '\(id)'")
    return e.risks[index]
  }

  /// The ids of the raised risks, in catalogue order.
  private func raised(_ e: Engine) -> [String] {
    zip(q.risks, e.risks).filter { $0.1.raised }.map { $0.0.id }
  }

  /// "L<likelihood> S<severity> <rating>" for the inherent rating, and the residual rating's name.
  private func rated(_ e: Engine, _ id: String) throws -> String {
    let state = try risk(e, id)
    let inherent =
      "L\(state.inherent.likelihood) S\(state.inherent.severity) \(q.matrix.ratings[state.inherent.rating])"
    return inherent + " / " + (state.residual.map { q.matrix.ratings[$0.rating] } ?? "-")
  }

  private func computed(_ e: Engine, _ id: String) throws -> Value {
    let index = try #require(q.computed.firstIndex { $0.id == id }, "no computed '\(id)'")
    return e.computed[index]
  }

  private func scale(_ e: Engine, _ id: String) throws -> Double {
    let index = try #require(q.scales.firstIndex { $0.id == id }, "no scale '\(id)'")
    return e.scaleValues[index]
  }

  private func sectionShown(_ e: Engine, _ id: String) throws -> Bool {
    let index = try #require(q.sections.firstIndex { $0.id == id }, "no section '\(id)'")
    return e.isVisible(section: index)
  }

  private func level(_ e: Engine) -> String? { e.levels.first?.label }

  // MARK: The file itself

  @Test func loadsWithNoDiagnosticsAtAll() throws {
    #expect(q.id == "ai-impact" && q.title == "AI system impact assessment")
    #expect(q.levels.map(\.id) == ["impact_level"])
    #expect(q.levels[0].bands.map(\.label) == ["I", "II", "III", "IV"])
  }

  /// The shared ids must keep the agreed types and option values, so answers carry between the built-ins.
  @Test func sharedIdsKeepTheAgreedTypesAndOptions() throws {
    let expected: [(String, QuestionType, [String])] = [
      ("system_name", .text, []), ("purpose", .text, []),
      ("lifecycle_stage", .single, ["concept", "development", "pilot", "production"]),
      ("techniques", .multi, ["predictive", "generative", "agent", "other"]),
      ("decision_effect", .single, ["none", "informs", "significant"]),
      ("automation", .single, ["human_decides", "human_reviews", "human_exception", "fully_automated"]),
      ("personal_data", .yesno, ["yes", "no"]), ("eu_market", .yesno, []),
    ]
    for (id, type, options) in expected {
      let question = try #require(q.question(id), "missing shared id '\(id)'")
      #expect(question.type == type, "\(id)")
      #expect(question.optionValues == options, "\(id)")
    }
  }

  /// A team answers without a lawyer: every answerable question explains itself and names its source.
  @Test func everyAnswerableQuestionHasHelpWithAnExampleAndRefs() {
    for question in q.questions where question.type.isAnswerable {
      #expect((question.help ?? "").contains("Example"), "\(question.id) has no example in its help")
      #expect(!question.refs.isEmpty, "\(question.id) has no refs")
    }
  }

  /// "Not sure" counts as the bad answer: it adds at least the impact points of any other option, no
  /// mitigation, and one point on the unknowns scale.
  @Test func notSureCountsPessimisticallyAndIsCounted() throws {
    let impact = try #require(q.scales.firstIndex { $0.id == "impact" })
    let mitigation = try #require(q.scales.firstIndex { $0.id == "mitigation" })
    let unknowns = try #require(q.scales.firstIndex { $0.id == "unknowns" })
    var count = 0
    for question in q.questions {
      guard let unsure = question.option("unsure") else { continue }
      count += 1
      #expect(unsure.label == "Not sure", "\(question.id)")
      let worst = question.options.map { $0.score[impact] ?? 0 }.max() ?? 0
      #expect((unsure.score[impact] ?? 0) == worst, "\(question.id): 'unsure' must score the worst impact")
      #expect(unsure.score[mitigation] == nil, "\(question.id): 'unsure' earns no mitigation")
      #expect(unsure.score[unknowns] == 1, "\(question.id): 'unsure' must count as an unknown")
    }
    #expect(count >= 30)
  }

  /// Treatments name Annex A controls only, and every risk has a treatment with an owner and actions.
  @Test func everyRiskHasATreatmentNamingAnnexAControls() throws {
    for risk in q.risks {
      let treatment = try #require(risk.treatment, "\(risk.id)")
      #expect(!treatment.controls.isEmpty && treatment.controls.allSatisfy { $0.hasPrefix("A.") }, "\(risk.id)")
      #expect(treatment.owner != nil && !treatment.actions.isEmpty, "\(risk.id)")
    }
  }

  // MARK: Answer sets

  /// A spam filter for a webmail service (spam-filter.yaml): fully automated but it decides nothing about
  /// individuals, errors cost only time, and it is well run.
  @Test func spamFilter() throws {
    let e = try engine("spam-filter")
    // No decision about people and not generative: the fairness section does not apply; with no harm type
    // chosen, reversibility is not asked; no generative output, so no marking question; no decision, so no
    // explanation or contest route. People are affected, so oversight (stop, monitoring) is asked.
    #expect(try !sectionShown(e, "fairness") && sectionShown(e, "oversight"))
    #expect(try sectionShown(e, "rights") && sectionShown(e, "transparency"))
    #expect(!e.path.contains("reversibility") && !e.path.contains("content_marking"))
    #expect(!e.path.contains("explanation") && !e.path.contains("contest_route"))
    // Nobody reviews single messages, so the reviewer's authority and conditions are not asked.
    #expect(e.path.contains("monitoring") && !e.path.contains("override_authority"))
    #expect(e.path.count == 41 && e.unanswered.isEmpty)
    // Consumers are affected (one repeat per question for them) but nobody vulnerable.
    #expect(e.path.contains("group_harm[customers]") && !e.path.contains("vulnerable_safeguards"))
    // Impact 13 of 219 is 5.9%: level I, "little to no impact on people".
    #expect(try scale(e, "impact") == 13 && computed(e, "impact_share") == .number(5.9))
    #expect(level(e) == "I")
    // Every safeguard asked of it is in place, and with no decision about people, nobody reviewing single
    // messages is not an oversight failure: nothing to treat.
    #expect(raised(e).isEmpty)
  }

  /// A customer-service chatbot on a hosted large language model that drafts refunds an agent confirms
  /// (support-chatbot.yaml). It decides nothing about people, but talks to millions, some of them vulnerable.
  @Test func supportChatbot() throws {
    var e = try engine("support-chatbot")
    // Generative: the fairness section opens for stereotype testing only (no decisions, so no subgroup
    // testing); crisis handling and content marking are asked. Agent: its actions and the oversight section.
    #expect(try sectionShown(e, "fairness") && sectionShown(e, "oversight"))
    #expect(e.path.contains("stereotype_testing") && !e.path.contains("subgroup_tested"))
    #expect(e.path.contains("crisis_handling") && e.path.contains("content_marking"))
    #expect(e.path.contains("agent_actions") && !e.path.contains("error_tradeoff"))
    // "Vulnerable people could be affected" opens the vulnerable-people questions.
    #expect(e.path.contains("vulnerable_safeguards") && e.path.contains("vulnerable_consulted"))
    // Labour and misinformation effects bring their follow-ups; large compute asks about measurement.
    #expect(e.path.contains("workforce_engaged") && e.path.contains("misinformation_controls"))
    #expect(e.path.contains("footprint_measured") && !e.path.contains("electoral_safeguards"))
    // Built on a supplier's model: the supplier's information is asked.
    #expect(e.path.contains("supplier_information"))
    #expect(e.path.count == 56 && e.unanswered.isEmpty)
    #expect(try computed(e, "vulnerable") == .bool(true) && computed(e, "irreversible_grave") == .bool(false))
    // 29 of 219 impact points (13.2%): level II; strong safeguards (25 of 35) fall short of the 80% credit.
    #expect(try scale(e, "impact") == 29 && scale(e, "mitigation") == 25)
    #expect(try computed(e, "mitigated") == .bool(false) && level(e) == "II")
    // Only general safeguards for the vulnerable people it meets, who were not consulted: likelihood 3; the
    // worst harm (2) is lifted to 3 and then +1 for vulnerable people: severity 4, high. Consulting them
    // would lower the likelihood to 2 (medium); specific, tested safeguards would close the risk.
    #expect(raised(e) == ["vulnerable-unprotected", "supplier-opacity"])
    #expect(try rated(e, "vulnerable-unprotected") == "L3 S4 high / medium")
    // Only a general model card from the model supplier: L3 S3, medium; shared with the supplier by contract.
    #expect(try rated(e, "supplier-opacity") == "L3 S3 medium / medium")
    // Consumer service, no decisions: not in an area the EU AI Act lists as high-risk.
    #expect(try computed(e, "annex_iii_area") == .bool(false))
    e.set("vulnerable_consulted", to: .bool(true))
    #expect(try rated(e, "vulnerable-unprotected") == "L2 S4 medium / medium")
    e.set("vulnerable_safeguards", to: .string("specific"))
    #expect(try !risk(e, "vulnerable-unprotected").raised)
  }

  /// A medical triage assistant rating the urgency of out-of-hours calls; a nurse decides
  /// (triage-assistant.yaml). Well run, but a missed urgent case can cost a life.
  @Test func triageAssistant() throws {
    let e = try engine("triage-assistant")
    // It informs decisions about patients: fairness questions with a metric and the result; advice a
    // nurse acts on physically brings the hazard analysis; no disparity found, so no mitigation question.
    #expect(e.path.contains("fairness_metric") && e.path.contains("disparity_found"))
    #expect(!e.path.contains("disparity_mitigation") && e.path.contains("hazard_analysis"))
    // Patients are a vulnerable group chosen directly, so the "could vulnerable people be affected" question
    // is skipped and the safeguards are asked; one repeat per group chosen.
    #expect(!e.path.contains("vulnerable_possible") && e.path.contains("vulnerable_safeguards"))
    #expect(e.path.contains("group_harm[patients]") && e.path.contains("group_alternative[public]"))
    #expect(e.path.count == 58 && e.unanswered.isEmpty)
    // Every mitigation asked is in place: 35 of 35 gives the 15% credit (16.4% becomes 13.9%, band II), but
    // irreversible harm to health sets the floor at 25: level III whatever the safeguards.
    #expect(try scale(e, "mitigation") == 35 && computed(e, "mitigated") == .bool(true))
    #expect(try computed(e, "impact_after_mitigation") == .number(13.9))
    #expect(try computed(e, "irreversible_grave") == .bool(true) && level(e) == "III")
    // The irreversible harm is severity 5 (the floor); likelihood 2 + 1 for reaching over 10,000 people:
    // critical, and still high after treatment, which management must accept knowingly.
    #expect(raised(e) == ["irreversible-harm", "eu-high-risk-area", "high-impact-sign-off"])
    #expect(try rated(e, "irreversible-harm") == "L3 S5 critical / high")
    // Emergency triage is an Annex III use in the EU; it informs rather than decides, so likelihood 3.
    #expect(try rated(e, "eu-high-risk-area") == "L3 S4 high / medium")
    #expect(try rated(e, "high-impact-sign-off") == "L3 S4 high / medium")
  }

  /// A CV-screening model that automatically rejects the lowest third of applicants; recruiters see only
  /// flagged cases (cv-screening.yaml). No fairness testing, no appeal, applicants in the EU.
  @Test func cvScreening() throws {
    let e = try engine("cv-screening")
    // A significant decision: error costs, protected attributes and subgroup testing are asked; not tested,
    // so the metric and disparity questions are skipped. No physical effect: no hazard analysis.
    #expect(e.path.contains("error_tradeoff") && e.path.contains("subgroup_tested"))
    #expect(!e.path.contains("fairness_metric") && !e.path.contains("hazard_analysis"))
    #expect(e.path.contains("explanation") && e.path.contains("contest_route"))
    // One justification per right engaged, in the options' order.
    #expect(
      e.path.filter { $0.hasPrefix("right_justification[") } == [
        "right_justification[non_discrimination]", "right_justification[private_life]",
        "right_justification[work_education]",
      ])
    #expect(e.path.count == 52 && e.unanswered.isEmpty)
    // 50 of 219 (22.8%) with weak safeguards (11 of 35): level III, high impact, as employment decisions are.
    #expect(try scale(e, "impact") == 50 && computed(e, "mitigation_share") == .number(31))
    #expect(level(e) == "III")
    #expect(
      raised(e) == [
        "no-alternative", "solely-automated-decision", "fairness-untested", "rights-not-balanced", "dpia-missing",
        "no-contest-route", "decisions-unexplained", "effects-unmonitored", "eu-high-risk-area",
        "narrow-assessment", "high-impact-sign-off",
      ])
    // Auto-rejection with people handling only exceptions: a significant decision without human involvement,
    // severity 4; likelihood 3 + 1 for over 10,000 applicants: critical. A reviewer in the loop brings it to
    // L2 S3, medium.
    #expect(try rated(e, "solely-automated-decision") == "L4 S4 critical / medium")
    // Proxies such as postcode and no subgroup testing on a consequential decision: L4 S4, critical.
    #expect(try rated(e, "fairness-untested") == "L4 S4 critical / medium")
    // No appeal against a significant decision: L4 S4.
    #expect(try rated(e, "no-contest-route") == "L4 S4 critical / medium")
    // A DPIA in progress for a significant decision on ordinary personal data: L2 S3, medium.
    #expect(try rated(e, "dpia-missing") == "L2 S3 medium / low")
    // Applicants are not a vulnerable group here, so no +1: the untested fairness risk is not 5.
    #expect(try computed(e, "vuln_bump") == .number(0))
  }

  /// A public-sector housing-benefit eligibility engine that decides claims on its own
  /// (benefits-eligibility.yaml). Claimants include people in poverty; several answers are "Not sure", and
  /// the right to an effective remedy is limited with no legal basis identified.
  @Test func benefitsEligibility() throws {
    let e = try engine("benefits-eligibility")
    // Nobody reviews outputs, so the reviewer's authority and conditions are not asked.
    #expect(!e.path.contains("override_authority") && !e.path.contains("review_conditions"))
    #expect(e.path.contains("vulnerable_safeguards") && e.path.count == 53)
    // Nine "Not sure" answers; an unsure reversibility counts as irreversible, which with loss of liberty
    // and discrimination among the harms gives the severity floor of 5.
    #expect(try computed(e, "unknown_count") == .number(9))
    #expect(try computed(e, "irreversible_grave") == .bool(true) && computed(e, "severity_floor") == .number(5))
    // 85 of 219 (38.8%), no safeguards: level IV.
    #expect(try computed(e, "impact_share") == .number(38.8) && level(e) == "IV")
    #expect(raised(e).count == 25)
    // The supplier gives nothing: the treatment is to share the risk through the contract.
    #expect(try rated(e, "supplier-opacity") == "L4 S4 critical / medium")
    // A right limited with no legal basis: rated L4 S5 and to be avoided, not mitigated.
    #expect(try rated(e, "right-without-legal-basis") == "L4 S5 critical / medium")
    let treatment = try #require(q.risks.first { $0.id == "right-without-legal-basis" }?.treatment)
    #expect(treatment.option == .avoid)
    // Fully automated significant decisions over 10,000 claimants: L5; vulnerable claimants: 4 + 1 = 5.
    #expect(try rated(e, "solely-automated-decision") == "L5 S5 critical / medium")
    // The unknowns are a risk of their own (assurance): L min(5, 2 + ceil(9 / 2)); S4 at level IV.
    #expect(try rated(e, "impact-unknowns") == "L5 S4 critical / medium")
    // Sensitive data and no DPIA; vulnerable people: 4 + 1.
    #expect(try rated(e, "dpia-missing") == "L3 S5 critical / medium")
    // Only the technical team assessed it, and it is never repeated.
    #expect(raised(e).contains("narrow-assessment") && raised(e).contains("one-off-assessment"))
    // Things it does not do are not raised: no generative content, no election influence, no agent.
    #expect(!raised(e).contains("synthetic-content-unmarked") && !raised(e).contains("electoral-influence"))
    #expect(!raised(e).contains("agent-unchecked-actions"))
  }

  // MARK: Rules that hold for any answers

  /// Random answer sequences: after every change the incremental engine equals a full evaluation, and the
  /// questionnaire's rules hold: the irreversible-harm floor (risk at severity 5, level at least III), an
  /// unknown always raised as a risk, vulnerable people never lowering a severity below its floor.
  @Test(arguments: [11, 12, 13, 14] as [UInt64])
  func rulesHoldForRandomAnswers(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var e = Engine(questionnaire: q)
    let ids = RandomAnswers.ids(in: q)
    for _ in 0..<120 {
      let id = ids[Int(random.next() % UInt64(ids.count))]
      e.set(id, to: RandomAnswers.value(for: id, in: q, using: &random))
      let full = Engine(questionnaire: q, answers: e.answers)
      #expect(e.path == full.path && e.risks == full.risks && e.computed == full.computed)
      if try computed(e, "irreversible_grave") == .bool(true) {
        #expect(try risk(e, "irreversible-harm").raised && risk(e, "irreversible-harm").inherent.severity == 5)
        #expect(["III", "IV"].contains(level(e)))
        #expect(try risk(e, "solely-automated-decision").inherent.severity == 5)
      }
      #expect(try (scale(e, "unknowns") > 0) == risk(e, "impact-unknowns").raised)
      #expect(try (level(e) == "IV") == (risk(e, "high-impact-sign-off").inherent.severity == 5))
    }
  }

  // MARK: Floors and branches, one answer at a time

  /// The floor follows the harm: when a missed case can be put right, triage falls back to level II and the
  /// irreversible-harm risk goes away.
  @Test func irreversibleHarmFloorFollowsTheAnswer() throws {
    var e = try engine("triage-assistant")
    e.set("reversibility", to: .string("with_effort"))
    #expect(try computed(e, "severity_floor") == .number(1) && level(e) == "II")
    #expect(try !risk(e, "irreversible-harm").raised)
    // "Not sure" is as bad as "irreversible".
    e.set("reversibility", to: .string("unsure"))
    #expect(try level(e) == "III" && risk(e, "irreversible-harm").raised)
    #expect(try risk(e, "impact-unknowns").raised)
  }

  /// Vulnerable people add one to the severity of risks to people.
  @Test func vulnerablePeopleAddOneToSeverity() throws {
    var e = try engine("cv-screening")
    #expect(try risk(e, "fairness-untested").inherent.severity == 4)
    e.set("vulnerable_possible", to: .string("yes"))
    #expect(try risk(e, "fairness-untested").inherent.severity == 5)
    #expect(try risk(e, "no-contest-route").inherent.severity == 5)
    // And opens the questions about them.
    #expect(e.unanswered == ["vulnerable_safeguards", "vulnerable_consulted"])
  }

  /// Choosing elections among the wider effects raises the electoral risk at severity 5, whatever else.
  @Test func electionsRaiseASevereSocietalRisk() throws {
    var e = try engine("support-chatbot")
    e.set("societal_effects", to: .list([.string("misinformation"), .string("elections")]))
    #expect(e.unanswered == ["electoral_safeguards"])
    // Unanswered safeguards count as none: likelihood 4.
    #expect(try rated(e, "electoral-influence") == "L4 S5 critical / medium")
    e.set("electoral_safeguards", to: .string("strong"))
    #expect(try rated(e, "electoral-influence") == "L2 S5 high / medium")
    // Workers no longer chosen: the workforce question leaves the path.
    #expect(!e.path.contains("workforce_engaged"))
  }
}
