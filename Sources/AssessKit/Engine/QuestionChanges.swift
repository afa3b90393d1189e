import Synchronization

/// Which questions the engine's last change touched, so that a caller keeping something derived from
/// the path (the interview's answers kept aside and its place in a section) can bring it up to date
/// from those questions alone instead of walking the whole path after every answer.
///
/// Every change gets a token unique in the process and remembers the token before it. A caller that
/// saw `previous` applies `questions`; one that saw anything else (it missed a change, or this is
/// another engine: a re-evaluation, a move to another questionnaire) rebuilds what it keeps.
package struct QuestionChanges: Sendable {
  private static let tokens = Atomic<Int>(0)

  /// The engine's state after its last change.
  package private(set) var token: Int
  /// The state before the last change; `nil` for an engine evaluated in full.
  package private(set) var previous: Int?
  /// The questions whose answer was set, and those whose visibility, effective answer or instances
  /// the last change altered (a question may be listed twice).
  package private(set) var questions: [Int] = []

  /// A fresh state with no known predecessor: callers rebuild.
  init() {
    token = Self.tokens.add(1, ordering: .relaxed).newValue
    previous = nil
  }

  /// Starts a change that sets the answers of `setting`.
  mutating func begin(setting: [Int]) {
    previous = token
    token = Self.tokens.add(1, ordering: .relaxed).newValue
    questions = setting
  }

  /// Notes a question the change re-evaluated to something new.
  mutating func record(_ question: Int) { questions.append(question) }
}
