/// What `assess verify` finds in a session's log: its hash chain and every event that fails strict replay.
package struct Verification: Sendable {
  /// The session id.
  package var id: String
  /// The number of readable events.
  package var events: Int
  /// What the chain shows.
  package var chain: ChainState
  /// Every broken link, oldest first (the first is the one `chain` names).
  package var brokenLinks: [LogProblem]
  /// Every line that cannot be read at all (not an event, not UTF-8, numbered out of order).
  package var unreadable: [LogProblem]
  /// The hash of the last line: note it down to anchor the log's end.
  package var head: String?
  /// Every event that fails strict replay, oldest first.
  package var replay: [LogProblem]
  /// What the store skipped (a torn last record after a crash): reported, not a failure.
  package var warnings: [String]
  /// Why the log could not be checked at all (it cannot be read, it has no `created` event, its
  /// questionnaire is not pinned or does not load), if it could not.
  package var failure: String?

  /// Whether everything holds: every line reads, the chain runs from the first event to the last,
  /// every event replays.
  package var verified: Bool { failure == nil && unreadable.isEmpty && chain == .verified && replay.isEmpty }

  /// Checks a record as read from its store.
  package init(_ record: SessionRecord) {
    id = record.id
    events = record.events.count
    chain = record.chain
    brokenLinks = record.brokenLinks
    unreadable = record.unreadable
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
    brokenLinks = []
    unreadable = []
    replay = []
    warnings = []
    self.failure = failure
  }
}
