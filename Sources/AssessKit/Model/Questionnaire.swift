/// How answers off the path read.
public enum Semantics: String, Sendable, Hashable, CaseIterable {
  /// An answer off the path reads as null and counts for nothing; conditions read only earlier questions.
  case assess
  /// As the SurveyJS engine: every answer given reads as given, shown or not; conditions may read any question.
  case surveyjs
}

/// A loaded, checked questionnaire: the immutable input of every evaluation.
public struct Questionnaire: Sendable {
  /// The format version (`assess: 1`).
  public internal(set) var formatVersion: Int
  /// Its id (`ai-impact`).
  public internal(set) var id: String
  /// Its title.
  public internal(set) var title: String
  /// Its version as written (`1.0.0`).
  public internal(set) var version: String
  /// Shown when a session starts.
  public internal(set) var description: String?
  /// How long a full run takes, in minutes (`minutes: [15, 40]`), when the author says.
  public internal(set) var minutes: ClosedRange<Int>?
  /// `sha256:` and the hex digest of the source text: pins the exact content.
  public internal(set) var hash: String
  /// The name of the file it was loaded from.
  public internal(set) var sourceName: String
  /// Score scales.
  public internal(set) var scales: [Scale]
  /// Computed values, in evaluation order.
  public internal(set) var computed: [Computed]
  /// Banded levels.
  public internal(set) var levels: [Level]
  /// The risk matrix.
  public internal(set) var matrix: RiskMatrix
  /// How answers off the path read (`semantics:` in the file).
  public internal(set) var semantics: Semantics = .assess
  /// Sections, in order.
  public internal(set) var sections: [Section]
  /// Every question, flattened in document order.
  public internal(set) var questions: [Question]
  /// Risks.
  public internal(set) var risks: [Risk]

  /// Question index by id.
  public let questionIndex: [String: Int]
  /// For each scale, the indices of the questions that can contribute to it.
  public let contributors: [[Int]]

  /// Creates a questionnaire and its indices.
  package init(
    formatVersion: Int = 1, id: String, title: String, version: String, description: String? = nil, hash: String,
    sourceName: String, scales: [Scale] = [], computed: [Computed] = [], levels: [Level] = [],
    matrix: RiskMatrix = .standard, sections: [Section], questions: [Question], risks: [Risk] = [],
    questionIndex: [String: Int]? = nil, contributors: [[Int]]? = nil
  ) {
    self.formatVersion = formatVersion
    self.id = id
    self.title = title
    self.version = version
    self.description = description
    self.hash = hash
    self.sourceName = sourceName
    self.scales = scales
    self.computed = computed
    self.levels = levels
    self.matrix = matrix
    self.sections = sections
    self.questions = questions
    self.risks = risks
    // The loader passes the indices it has made already (each id's first question, and the
    // contributors of each scale); they are made here otherwise.
    if let questionIndex {
      self.questionIndex = questionIndex
    } else {
      var index: [String: Int] = [:]
      index.reserveCapacity(questions.count)
      for i in questions.indices where index[questions[i].id] == nil { index[questions[i].id] = i }
      self.questionIndex = index
    }
    self.contributors = contributors ?? Self.scaleContributors(of: questions, scaleCount: scales.count)
  }

  /// The question with this id.
  public func question(_ id: String) -> Question? { questionIndex[id].map { questions[$0] } }
}
