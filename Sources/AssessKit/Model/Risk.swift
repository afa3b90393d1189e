/// How a risk is treated (ISO 31000 vocabulary, as commonly named).
public enum TreatmentOption: String, Sendable, Hashable, CaseIterable {
  case avoid, mitigate, transfer, accept
}

/// Where a treatment stands.
public enum TreatmentStatus: String, Sendable, Hashable, CaseIterable {
  case proposed
  case planned
  case inProgress = "in-progress"
  case done
}

/// The treatment template of a risk: what to do about it when it is raised.
public struct Treatment: Sendable, Hashable {
  /// Avoid, mitigate, transfer or accept.
  public internal(set) var option: TreatmentOption
  /// Controls (ISO/IEC 42001 Annex A ids, or others).
  public internal(set) var controls: [String]
  /// Actions to take.
  public internal(set) var actions: [String]
  /// Who owns the treatment.
  public internal(set) var owner: String?
  /// When it is due (as written, e.g. `2026-12-31` or `before release`).
  public internal(set) var due: String?
  /// Where it stands.
  public internal(set) var status: TreatmentStatus
  /// Why the risk is accepted (option `accept`): who accepts it and why.
  public internal(set) var reason: String?
  /// What is stopped to avoid the risk (option `avoid`).
  public internal(set) var stops: String?

  /// Creates a treatment.
  package init(
    option: TreatmentOption, controls: [String] = [], actions: [String] = [], owner: String? = nil,
    due: String? = nil, status: TreatmentStatus = .proposed, reason: String? = nil, stops: String? = nil
  ) {
    self.reason = reason
    self.stops = stops
    self.option = option
    self.controls = controls
    self.actions = actions
    self.owner = owner
    self.due = due
    self.status = status
  }
}

/// A risk the questionnaire can raise, with how it is rated and treated.
public struct Risk: Sendable, Hashable {
  /// Its id, unique among risks.
  public internal(set) var id: String
  /// Its title.
  public internal(set) var title: String
  /// What it concerns (fairness, safety, privacy, ...).
  public internal(set) var dimension: String
  /// A longer description.
  public internal(set) var description: String?
  /// The condition that raises it; `nil` raises it always.
  public internal(set) var when: Expression?
  /// Likelihood, 1 up to the matrix's likelihood count.
  public internal(set) var likelihood: Expression
  /// Severity, 1 up to the matrix's severity count.
  public internal(set) var severity: Expression
  /// Residual likelihood once treated (`nil`: as inherent).
  public internal(set) var residualLikelihood: Expression?
  /// Residual severity once treated (`nil`: as inherent).
  public internal(set) var residualSeverity: Expression?
  /// Whether a residual rating is given at all.
  public internal(set) var hasResidual: Bool
  /// The treatment template.
  public internal(set) var treatment: Treatment?
  /// Where it is written.
  public internal(set) var location: SourceLocation?

  /// Creates a risk.
  package init(
    id: String, title: String, dimension: String, description: String? = nil, when: Expression? = nil,
    likelihood: Expression, severity: Expression, residualLikelihood: Expression? = nil,
    residualSeverity: Expression? = nil, hasResidual: Bool = false, treatment: Treatment? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.dimension = dimension
    self.description = description
    self.when = when
    self.likelihood = likelihood
    self.severity = severity
    self.residualLikelihood = residualLikelihood
    self.residualSeverity = residualSeverity
    self.hasResidual = hasResidual
    self.treatment = treatment
    self.location = location
  }
}
