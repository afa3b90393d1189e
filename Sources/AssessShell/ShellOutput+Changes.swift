import AssessKit

extension ShellOutput {
  /// Runs a session change (through the recorder, which saves it before applying it) for a walk at
  /// the terminal: the interview, the plan walk, reconciliation. A change the recorder refuses is
  /// said in one line and the walk goes on; one the store cannot keep ends the walk.
  /// - Returns: whether the change was made.
  @discardableResult
  func perform(_ change: () throws -> Void) throws(InterviewError) -> Bool {
    do {
      try change()
      return true
    } catch let error as SessionError {
      if case .store = error.kind { throw InterviewError(message: "\(error.message); the last change was not saved") }
      line(yellow(error.message.prefix(1).uppercased() + error.message.dropFirst() + "."))
      return false
    } catch {
      throw InterviewError(message: "\(error); the last change was not saved")
    }
  }
}
