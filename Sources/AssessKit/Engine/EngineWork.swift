import Synchronization

/// Counts the engine's work while a test runs: nodes evaluated and path items walked.
///
/// Tests bind one with `EngineWork.$current.withValue(...)` around many changes and check that the
/// total grows linearly with them, without timing anything. Unbound (always, outside tests) it costs
/// one task-local read per evaluation or path walk.
package final class EngineWork: Sendable {
  private let count = Mutex(0)

  package init() {}

  /// The work counted so far.
  package var total: Int { count.withLock { $0 } }

  func add(_ n: Int) { count.withLock { $0 += n } }

  /// The counter bound to the current task, if any.
  @TaskLocal package static var current: EngineWork?
}
