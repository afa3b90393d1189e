/// A section: a titled group of questions, optionally shown only when a condition holds.
public struct Section: Sendable, Hashable {
  /// Its id, unique among sections.
  public internal(set) var id: String
  /// Its title.
  public internal(set) var title: String
  /// Introductory text shown on entering it.
  public internal(set) var intro: String?
  /// The condition that puts its questions on the path, if any.
  public internal(set) var when: Expression?
  /// Indices of its questions in `Questionnaire.questions`.
  public internal(set) var questions: Range<Int>
  /// Where it is written.
  public internal(set) var location: SourceLocation?

  /// Creates a section.
  package init(
    id: String, title: String, intro: String? = nil, when: Expression? = nil, questions: Range<Int>,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.intro = intro
    self.when = when
    self.questions = questions
    self.location = location
  }
}
