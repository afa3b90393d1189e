/// What `assess verify` finds in a session's log: its hash chain and every event that fails strict replay.
package struct Verification: Sendable {
  /// The session id.
  package var id: String
  /// The number of readable events.
  package var events: Int
  /// What the chain shows.
  package var chain: ChainState
  /// The hash of the last line: note it down to anchor the log's end.
  package var head: String?
  /// Every event that fails strict replay, oldest first.
  package var replay: [LogProblem]
  /// What the store skipped (a torn last record after a crash): reported, not a failure.
  package var warnings: [String]
  /// Why the log could not be checked at all (a line that is not an event, numbers out of order,
  /// a missing questionnaire), if it could not.
  package var failure: String?

  /// Whether everything holds: the chain from the first event to the last, every event replays.
  package var verified: Bool { failure == nil && chain == .verified && replay.isEmpty }

  /// Checks a record as read from its store.
  package init(_ record: SessionRecord) {
    id = record.id
    events = record.events.count
    chain = record.chain
    head = record.head
    replay = []
    warnings = record.warnings
    do {
      let questionnaire = try ReplayCheck.currentQuestionnaire(of: record)
      replay = ReplayCheck.problems(record, current: questionnaire, stoppingAtFirst: false)
    } catch {
      failure = error.message
    }
  }

  /// A log that could not be read at all.
  package init(id: String, failure: String) {
    self.id = id
    events = 0
    chain = .unchained
    replay = []
    warnings = []
    self.failure = failure
  }
}
