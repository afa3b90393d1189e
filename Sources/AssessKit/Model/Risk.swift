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
  public var option: TreatmentOption
  /// Controls (ISO/IEC 42001 Annex A ids, or others).
  public var controls: [String]
  /// Actions to take.
  public var actions: [String]
  /// Who owns the treatment.
  public var owner: String?
  /// When it is due (as written, e.g. `2026-12-31` or `before release`).
  public var due: String?
  /// Where it stands.
  public var status: TreatmentStatus

  /// Creates a treatment.
  public init(
    option: TreatmentOption, controls: [String] = [], actions: [String] = [], owner: String? = nil,
    due: String? = nil, status: TreatmentStatus = .proposed
  ) {
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
  public var id: String
  /// Its title.
  public var title: String
  /// What it concerns (fairness, safety, privacy, ...).
  public var dimension: String
  /// A longer description.
  public var description: String?
  /// The condition that raises it; `nil` raises it always.
  public var when: Expression?
  /// Likelihood, 1 up to the matrix's likelihood count.
  public var likelihood: Expression
  /// Severity, 1 up to the matrix's severity count.
  public var severity: Expression
  /// Residual likelihood once treated (`nil`: as inherent).
  public var residualLikelihood: Expression?
  /// Residual severity once treated (`nil`: as inherent).
  public var residualSeverity: Expression?
  /// Whether a residual rating is given at all.
  public var hasResidual: Bool
  /// The treatment template.
  public var treatment: Treatment?
  /// Where it is written.
  public var location: SourceLocation?

  /// Creates a risk.
  public init(
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
