import Foundation
import Testing

@testable import AssessKit

/// The built-in EU AI Act risk-tier screening (questionnaires/eu-ai-act.yaml), loaded from the repository and
/// evaluated on realistic answer sets kept in Tests/Fixtures/builtins/eu-ai-act/:
/// - cv-screening: an EU HR-tech vendor's CV-ranking model, provider only (Annex III 4(a), high-risk);
/// - support-chatbot: a retailer's customer-service chatbot on a hosted LLM (limited: Art. 50);
/// - benefits-eligibility: a municipality deploying a vendor's housing-benefit model (Annex III 5(a), FRIA);
/// - workplace-emotion: a UK vendor's voice-based emotion scoring of call-centre agents (Art. 5(1)(f));
/// - spam-filter: an in-house spam filter (minimal);
/// - credit-scoring: a bank's own credit scorecard, with several answers not known yet (Annex III 5(b));
/// - admissions-completeness: a document-completeness checker claiming the Art. 6(3) derogation.
@Suite struct BuiltinEUAIActTests {
  let q: Questionnaire

  init() throws {
    q = try #require(Self.load().questionnaire)
  }

  private static func load() throws -> LoadResult {
    let url = repositoryRoot.appendingPathComponent("questionnaires/eu-ai-act.yaml")
    return QuestionnaireLoader.load(text: try String(contentsOf: url, encoding: .utf8), file: "eu-ai-act.yaml")
  }

  /// An engine for one answer set of Tests/Fixtures/builtins/eu-ai-act, which must read without problems.
  private func engine(_ name: String) throws -> Engine {
    let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/builtins/eu-ai-act/\(name).yaml")
    let outcome = AnswersReader.read(text: try String(contentsOf: url, encoding: .utf8), file: name, for: q)
    #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
    return Engine(questionnaire: q, answers: outcome.answers)
  }

  private func computed(_ e: Engine, _ id: String) -> Value? {
    q.computed.firstIndex { $0.id == id }.map { e.computed[$0] }
  }

  private func level(_ e: Engine, _ id: String) -> String? {
    q.levels.firstIndex { $0.id == id }.flatMap { e.levels[$0].label }
  }

  private func scale(_ e: Engine, _ id: String) -> Double? {
    q.scales.firstIndex { $0.id == id }.map { e.scaleValues[$0] }
  }

  /// The raised risks, each as "id L<likelihood> S<severity> <rating>" (residual rating after a slash).
  private func raised(_ e: Engine) -> Set<String> {
    Set(
      zip(q.risks, e.risks).filter { $0.1.raised }.map { risk, state in
        let inherent = q.matrix.ratings[state.inherent.rating]
        let residual = state.residual.map { "/" + q.matrix.ratings[$0.rating] } ?? ""
        return "\(risk.id) L\(state.inherent.likelihood) S\(state.inherent.severity) \(inherent)\(residual)"
      })
  }

  /// The ids of the sections on the path.
  private func sections(_ e: Engine) -> [String] {
    q.sections.indices.filter { e.isVisible(section: $0) }.map { q.sections[$0].id }
  }

  private func treatment(_ id: String) -> Treatment? { q.risks.first { $0.id == id }?.treatment }

  // MARK: - The file itself

  @Test func loadsWithoutAnyDiagnostic() throws {
    let result = try Self.load()
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let q = try #require(result.questionnaire)
    #expect(q.id == "eu-ai-act" && q.title == "EU AI Act risk-tier screening")
    // The issue fixes the tier's band labels, lowest first.
    let tier = try #require(q.levels.first { $0.id == "tier" })
    #expect(tier.bands.map(\.label) == ["minimal", "limited", "high-risk", "prohibited"])
    // The description must say it is a screening, not legal advice.
    #expect(q.description?.contains("not legal advice") == true)
  }

  /// The ids shared between the built-ins keep their types and option values, so answers carry over.
  @Test func sharedIdsFollowTheConvention() throws {
    let expected: [(String, QuestionType, [String])] = [
      ("system_name", .text, []), ("purpose", .text, []),
      ("lifecycle_stage", .single, ["concept", "development", "pilot", "production"]),
      ("techniques", .multi, ["predictive", "generative", "agent", "other"]),
      ("decision_effect", .single, ["none", "informs", "significant"]),
      ("automation", .single, ["human_decides", "human_reviews", "human_exception", "fully_automated"]),
      ("personal_data", .yesno, []), ("eu_market", .yesno, []),
    ]
    for (id, type, values) in expected {
      let question = try #require(q.question(id), "\(id)")
      #expect(question.type == type, "\(id)")
      #expect(question.optionValues == values, "\(id)")
    }
  }

  /// Every answerable question explains itself with an example and names its article; every "Not sure" is
  /// labelled so and counted in `unknowns`.
  @Test func everyQuestionHasHelpRefsAndCountedUnsure() throws {
    let unknowns = try #require(q.scales.firstIndex { $0.id == "unknowns" })
    for question in q.questions where question.type.isAnswerable {
      let help = question.help ?? ""
      #expect(help.contains("Example"), "\(question.id) has no example in its help")
      #expect(!question.refs.isEmpty, "\(question.id) has no refs")
      for option in question.options where option.value == "unsure" {
        #expect(option.label == "Not sure", "\(question.id)")
        #expect(option.score[unknowns] == 1, "\(question.id): a Not sure must count in unknowns")
      }
    }
    // One question per prohibited practice, Art. 5(1)(a) to (h).
    let practices = q.questions.filter { $0.id.hasPrefix("p_") }
    #expect(practices.count == 8)
    #expect(
      Set(practices.flatMap(\.refs).filter { $0.hasPrefix("EU AI Act Art. 5(1)") })
        == Set("abcdefgh".map { "EU AI Act Art. 5(1)(\($0))" }))
  }

  /// The dates are data, together at the head of `computed`, each an ISO date.
  @Test func applicationDatesAreDataInOnePlace() throws {
    let dates = q.computed.prefix { $0.id.hasPrefix("date_") }
    #expect(
      dates.map(\.id) == [
        "date_prohibitions", "date_gpai", "date_gpai_existing_models", "date_general", "date_annex_i",
        "date_legacy_public",
      ])
    #expect(q.computed.dropFirst(dates.count).allSatisfy { !$0.id.hasPrefix("date_") })
    let e = Engine(questionnaire: q)
    let values = dates.compactMap { computed(e, $0.id)?.string }
    #expect(values == ["2025-02-02", "2025-08-02", "2027-08-02", "2026-08-02", "2027-08-02", "2030-08-02"])
  }

  /// A prohibited practice is avoided, never mitigated or accepted.
  @Test func prohibitedPracticesAreAvoided() throws {
    #expect(treatment("prohibited-practice")?.option == .avoid)
    #expect(treatment("possible-prohibited-practice")?.option == .avoid)
    // Every risk has a treatment with an owner and at least one action.
    for risk in q.risks {
      let t = try #require(risk.treatment, "\(risk.id)")
      #expect(t.owner != nil && !t.actions.isEmpty, "\(risk.id)")
    }
  }

  // MARK: - Answer sets

  @Test func cvScreeningIsHighRiskForTheProvider() throws {
    let e = try engine("cv-screening")
    // Provider only: no Art. 25 question (it is the provider), no deployer duties and no FRIA; a predictive
    // model has no generative questions; no biometric data hides the four biometric prohibitions.
    #expect(
      e.path == [
        "system_name", "purpose", "lifecycle_stage", "techniques", "is_ai_system", "eu_market", "exclusions",
        "decision_effect", "automation", "personal_data", "biometric_data", "vulnerable_groups", "role",
        "provider_in_eu", "intended_deployers", "ai_literacy", "p_manipulation", "p_social_scoring",
        "p_crime_prediction", "annex_i_product", "annex_iii_areas", "uc_employment", "profiling", "t_interacts",
        "pr_risk_management", "pr_data_governance", "pr_technical_documentation", "pr_logging", "pr_instructions",
        "pr_human_oversight", "pr_accuracy_robustness", "pr_qms", "pr_conformity", "pr_post_market",
        "pr_substantial_change", "legacy_status",
      ])
    #expect(e.unanswered.isEmpty)
    // Ranking applicants is profiling, so the Art. 6(3) derogation is never asked: Annex III 4(a) stays high-risk.
    #expect(!e.path.contains("derogation_by_area[employment]"))
    #expect(sections(e).contains("provider_duties") && !sections(e).contains("deployer_duties"))
    #expect(level(e, "tier") == "high-risk")
    #expect(computed(e, "tier_applies_from") == .string("2026-08-02"))
    // Readiness 10 of 20 points (yes 2, partly 1): 50%, the 'partial' band.
    #expect(computed(e, "provider_readiness_pct") == .number(50) && level(e, "provider_readiness_level") == "partial")
    #expect(level(e, "deployer_readiness_level") == nil)
    #expect(level(e, "screening_confidence") == "firm")
    // 50% readiness gives likelihood 3; the output only informs recruiters, so severity stays at the floor of 4:
    // high, and medium once the gaps close. Partial AI literacy is a medium gap (severity 3 for high-risk). On the
    // market before the high-risk rules and unchanged, its deadline is deferred until a design change (accepted,
    // severity 3 as no public body uses it).
    #expect(
      raised(e) == [
        "high-risk-provider-obligations L3 S4 high/medium", "ai-literacy-gap L3 S3 medium/low",
        "legacy-system-transition L3 S3 medium/low",
      ])
    #expect(treatment("legacy-system-transition")?.option == .accept)
  }

  @Test func supportChatbotHasTransparencyDutiesOnly() throws {
    let e = try engine("support-chatbot")
    // Generative and agent: the Art. 50(2)/(4) questions and the GPAI section appear; no Annex III area, so
    // neither the derogation nor any high-risk duty section is on the path.
    #expect(
      e.path == [
        "system_name", "purpose", "lifecycle_stage", "techniques", "is_ai_system", "eu_market", "exclusions",
        "decision_effect", "personal_data", "biometric_data", "vulnerable_groups", "role", "provider_in_eu",
        "intended_deployers", "ai_literacy", "p_manipulation", "p_social_scoring", "p_crime_prediction",
        "annex_i_product", "annex_iii_areas", "t_interacts", "t_synthetic", "t_deepfake", "t_public_text",
        "t_disclosure_ready", "gpai_relation", "gpai_upstream_info",
      ])
    // A chatbot that decides nothing skips the automation question.
    #expect(!e.path.contains("automation"))
    // Interacting with people and generating text: two Art. 50 duties, so the tier is limited.
    #expect(scale(e, "transparency_duties") == 2)
    #expect(level(e, "tier") == "limited")
    // Building on a hosted model does not make it a GPAI model provider.
    #expect(computed(e, "gpai_provider") == .bool(false) && computed(e, "gpai_applies_from") == .null)
    // Disclosures partly ready: likelihood 3 on a moderate consequence. Upstream documentation is partial:
    // shared with the model provider through the contract (transfer).
    #expect(
      raised(e) == [
        "transparency-notices L3 S3 medium/low", "gpai-upstream-information L3 S3 medium/medium",
      ])
    #expect(treatment("gpai-upstream-information")?.option == .transfer)
  }

  @Test func benefitsEligibilityNeedsAFundamentalRightsImpactAssessment() throws {
    let e = try engine("benefits-eligibility")
    // A deployer only: the Art. 25 question is asked, the provider duties are not; a public body gets the
    // FRIA and registration questions.
    #expect(e.path.contains("provider_triggers") && !e.path.contains("provider_in_eu"))
    #expect(sections(e).contains("deployer_duties") && !sections(e).contains("provider_duties"))
    #expect(sections(e).contains("fria") && e.path.contains("public_registration"))
    // People in a difficult economic situation are affected: the vulnerability prohibition is asked.
    #expect(e.path.contains("p_vulnerability"))
    #expect(e.path.count == 35 && e.unanswered.isEmpty)
    // Annex III 5(a), profiling: high-risk; a public body deploying it must do a FRIA.
    #expect(level(e, "tier") == "high-risk")
    #expect(computed(e, "fria_needed") == .bool(true))
    // Deployer readiness: 8 of 16 points is 50%.
    #expect(computed(e, "deployer_readiness_pct") == .number(50) && level(e, "deployer_readiness_level") == "partial")
    // A significant effect lifts the deployer risk's severity to 5; vulnerable groups do the same for the FRIA,
    // not started (likelihood 4); both are critical. Registration and AI literacy are missing outright.
    #expect(
      raised(e) == [
        "high-risk-deployer-obligations L3 S5 critical/high", "fria-required L4 S5 critical/medium",
        "public-registration-missing L4 S3 high/low", "ai-literacy-gap L4 S3 high/low",
      ])
  }

  @Test func workplaceEmotionRecognitionIsProhibited() throws {
    let e = try engine("workplace-emotion")
    // Biometric data opens the four biometric prohibitions and the Art. 50(3) question.
    for id in ["p_face_scraping", "p_emotion_workplace", "p_biometric_categorisation", "p_realtime_rbi"] {
      #expect(e.path.contains(id), "\(id)")
    }
    #expect(e.path.contains("t_emotion_biometric") && e.path.count == 43)
    // Emotion recognition of workers is an Art. 5(1)(f) practice: the tier is prohibited, applying since the
    // prohibitions date, and the treatment is to avoid it.
    #expect(scale(e, "prohibited") == 1)
    #expect(level(e, "tier") == "prohibited")
    #expect(computed(e, "tier_applies_from") == .string("2025-02-02"))
    // The same uses are also high-risk (Annex III 1(c) and 4(b)), which matters if the practice is redesigned
    // into an allowed one; the screening keeps showing those duties. Readiness 4 of 20 is 20%: likelihood 5.
    #expect(computed(e, "high_risk") == .bool(true) && level(e, "provider_readiness_level") == "early")
    // A UK provider needs an authorised representative; an unplanned change in production needs a new
    // conformity assessment; the agents must be told about the emotion recognition (no notice yet). Its design
    // changed since the high-risk rules applied, so no deferred deadline (no legacy-system-transition).
    #expect(
      raised(e) == [
        "prohibited-practice L5 S5 critical/medium", "high-risk-provider-obligations L5 S4 critical/medium",
        "new-conformity-assessment L5 S4 critical/medium", "authorised-representative L4 S4 critical/medium",
        "transparency-notices L4 S3 high/low", "ai-literacy-gap L3 S3 medium/low",
      ])
  }

  @Test func spamFilterIsMinimal() throws {
    let e = try engine("spam-filter")
    // The shortest path: no biometric, Annex III, transparency follow-up, GPAI or high-risk sections.
    #expect(e.path.count == 21 && e.unanswered.isEmpty)
    #expect(
      sections(e) == ["scope", "profile", "role", "prohibited_practices", "annex_i", "annex_iii", "transparency"])
    #expect(level(e, "tier") == "minimal")
    // A minimal system still has the AI literacy duty, which applies since the prohibitions date.
    #expect(computed(e, "tier_applies_from") == .string("2025-02-02"))
    // AI literacy is in place and nothing else applies: no risk at all.
    #expect(raised(e).isEmpty)
  }

  @Test func creditScoringWithUnknownsIsHighRiskAndProvisional() throws {
    let e = try engine("credit-scoring")
    // Provider and deployer at once: both duty sections, and the FRIA section because Annex III 5(b) needs one
    // whoever deploys it (no public-body registration question for a private bank).
    #expect(sections(e).contains("provider_duties") && sections(e).contains("deployer_duties"))
    #expect(e.path.contains("fria_status") && !e.path.contains("public_registration"))
    #expect(e.path.count == 45)
    // Four answers are Not sure: the confidence is weak, and the unknowns risk asks to find them out.
    #expect(scale(e, "unknowns") == 4 && level(e, "screening_confidence") == "weak")
    #expect(level(e, "tier") == "high-risk")
    // 16 of 20 provider points is 80%: 'advanced' and likelihood 2, but a significant effect keeps severity 5.
    #expect(computed(e, "provider_readiness_pct") == .number(80))
    #expect(level(e, "provider_readiness_level") == "advanced")
    // A Not sure on the FRIA counts as not started (likelihood 4); automatic refusals with people handling only
    // exceptions leave the oversight of a significant decision hollow.
    #expect(
      raised(e) == [
        "high-risk-provider-obligations L2 S5 high/high", "high-risk-deployer-obligations L3 S5 critical/high",
        "human-oversight-gap L4 S5 critical/high", "fria-required L4 S5 critical/medium",
        "ai-literacy-gap L4 S3 high/low", "screening-unknowns L5 S4 critical/medium",
      ])
  }

  @Test func derogationTakesAnAnnexIIIUseOutOfHighRisk() throws {
    var e = try engine("admissions-completeness")
    // No profiling, so the derogation is asked once for the one area chosen, then its documentation.
    #expect(
      Array(e.path.suffix(5)) == [
        "uc_education", "profiling", "derogation_by_area[education]", "derogation_documented", "t_interacts",
      ])
    // A narrow procedural task: not high-risk, and nothing else applies, so minimal.
    #expect(computed(e, "annex_iii_high") == .bool(false) && level(e, "tier") == "minimal")
    #expect(!sections(e).contains("provider_duties") && !sections(e).contains("fria"))
    // Documented but not registered: the claim itself is the risk.
    #expect(raised(e) == ["derogation-undocumented L3 S4 high/medium"])

    // If the system profiles applicants, the derogation is not available and the tier becomes high-risk.
    e.set("profiling", to: .string("yes"))
    #expect(!e.path.contains("derogation_by_area[education]") && !e.path.contains("derogation_documented"))
    #expect(level(e, "tier") == "high-risk" && sections(e).contains("provider_duties"))
    #expect(!raised(e).contains { $0.hasPrefix("derogation-undocumented") })
  }

  // MARK: - Branches changed one answer at a time

  @Test func aNotSureOnAProhibitionCountsAsProhibitedUntilCleared() throws {
    var e = try engine("support-chatbot")
    e.set("p_manipulation", to: .string("unsure"))
    // Pessimistic: the tier becomes prohibited, the doubt is raised with an avoid treatment, and the unknown
    // is counted.
    #expect(level(e, "tier") == "prohibited" && level(e, "screening_confidence") == "provisional")
    #expect(raised(e).contains("possible-prohibited-practice L3 S5 critical/medium"))
    #expect(raised(e).contains("screening-unknowns L3 S4 high/medium"))
    #expect(!raised(e).contains { $0.hasPrefix("prohibited-practice ") })
    // Ruled out: back to limited, with no doubt left.
    e.set("p_manipulation", to: .string("no"))
    #expect(level(e, "tier") == "limited" && !raised(e).contains { $0.hasPrefix("possible-prohibited") })
  }

  @Test func outOfScopeSkipsEverythingAndHasNoTier() throws {
    var e = try engine("spam-filter")
    e.set("exclusions", to: .list([.string("military")]))
    // An exclusive military use takes the system out of the Act: only the scope questions remain, no tier is
    // given, and the conclusion must be recorded (severity 4 for an exclusion).
    #expect(
      e.path == ["system_name", "purpose", "lifecycle_stage", "techniques", "is_ai_system", "eu_market", "exclusions"])
    #expect(level(e, "tier") == nil && computed(e, "tier_applies_from") == .null)
    #expect(raised(e) == ["out-of-scope-decision L2 S4 medium"])
    // Not an AI system at all: also out of scope, with a lower severity.
    e.set("exclusions", to: .list([.string("none")]))
    e.set("is_ai_system", to: .string("no"))
    #expect(raised(e) == ["out-of-scope-decision L2 S3 medium"])
    // Not sure whether it is an AI system: treated as in scope.
    e.set("is_ai_system", to: .string("unsure"))
    #expect(level(e, "tier") == "minimal" && raised(e).contains("screening-unknowns L3 S3 medium/low"))
  }

  @Test func realTimeIdentificationUnderAnExceptionIsHighRiskNotProhibited() throws {
    var e = try engine("spam-filter")
    e.set("biometric_data", to: .string("yes"))
    for id in ["p_face_scraping", "p_emotion_workplace", "p_biometric_categorisation"] {
      e.set(id, to: .string("no"))
    }
    e.set("p_realtime_rbi", to: .string("yes_exception"))
    // The three narrow exceptions of Art. 5(1)(h) leave a high-risk system, not a prohibited one.
    #expect(level(e, "tier") == "high-risk" && computed(e, "tier_applies_from") == .string("2026-08-02"))
    e.set("p_realtime_rbi", to: .string("yes"))
    #expect(level(e, "tier") == "prohibited")
    #expect(
      treatment("prohibited-practice")?.option == .avoid && raised(e).contains { $0.hasPrefix("prohibited-practice ") })
  }

  @Test func annexIProductRouteNeedsAThirdPartyAssessment() throws {
    var e = try engine("spam-filter")
    e.set("annex_i_product", to: .string("component"))
    // The legislation and notified-body questions follow a yes.
    #expect(e.path.contains("annex_i_legislation") && e.path.contains("annex_i_third_party"))
    e.set("annex_i_legislation", to: .list([.string("machinery")]))
    e.set("annex_i_third_party", to: .string("no"))
    // Self-assessed products do not make the AI system high-risk through Art. 6(1).
    #expect(level(e, "tier") == "minimal")
    e.set("annex_i_third_party", to: .string("yes"))
    // With a notified body it is high-risk, on the later Annex I date.
    #expect(level(e, "tier") == "high-risk" && computed(e, "tier_applies_from") == .string("2027-08-02"))
    #expect(sections(e).contains("provider_duties") && sections(e).contains("deployer_duties"))
    // Not sure about the product: the legislation question is skipped, the notified-body one is still asked.
    e.set("annex_i_product", to: .string("unsure"))
    #expect(!e.path.contains("annex_i_legislation") && e.path.contains("annex_i_third_party"))
  }

  @Test func gpaiProviderWithSystemicRiskCarriesArticle55Duties() throws {
    var e = try engine("support-chatbot")
    e.set("gpai_relation", to: .string("trains"))
    // A model provider answers the provider questions instead of the downstream one.
    #expect(!e.path.contains("gpai_upstream_info"))
    #expect(e.path.suffix(3) == ["gpai_open_source", "gpai_systemic", "gpai_docs_ready"])
    e.set(["gpai_open_source": .string("no"), "gpai_systemic": .string("yes"), "gpai_docs_ready": .string("partly")])
    #expect(computed(e, "gpai_applies_from") == .string("2025-08-02"))
    #expect(raised(e).contains("gpai-provider-obligations L3 S4 high/medium"))
    #expect(raised(e).contains("gpai-systemic-risk L4 S5 critical/high"))
    // An open-source model without systemic risk keeps only the lighter duties.
    e.set(["gpai_open_source": .string("yes"), "gpai_systemic": .string("no")])
    #expect(raised(e).contains("gpai-provider-obligations L3 S3 medium/low"))
    #expect(!raised(e).contains { $0.hasPrefix("gpai-systemic-risk") })
  }
}
