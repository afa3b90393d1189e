/// A session exactly as a store keeps it: its event lines, byte for byte as `EventCodec.encode` made
/// them, and its pinned questionnaires. `assess store copy` moves sessions between stores in this
/// form, so the copy has the very same events (and a hash chain over the lines stays valid).
package struct StoredSession: Sendable, Hashable {
  /// The session id.
  package var id: String
  /// The event lines in order, each without its line end.
  package var lines: [String]
  /// Every pinned questionnaire, ordered by hash.
  package var pinned: [PinnedQuestionnaire]

  package init(id: String, lines: [String], pinned: [PinnedQuestionnaire]) {
    self.id = id
    self.lines = lines
    self.pinned = pinned.sorted { $0.hash < $1.hash }
  }

  /// Checks the session can be stored: a valid id, every line an event numbered 1, 2, 3, ...,
  /// a `created` event first, and the questionnaire it names pinned.
  /// - Returns: the decoded events.
  package func checked() throws(StoreError) -> [SessionEvent] {
    if let problem = SessionId.problem(with: id) { throw StoreError(.invalidId, problem) }
    var events: [SessionEvent] = []
    for (index, line) in lines.enumerated() {
      let event: SessionEvent
      do { event = try EventCodec.decode(line) } catch {
        throw StoreError(.corrupt, "session '\(id)' event \(index + 1): \(error.message)")
      }
      guard event.seq == index + 1 else {
        throw StoreError(.corrupt, "session '\(id)' has event number \(event.seq) where \(index + 1) was expected")
      }
      events.append(event)
    }
    let state = SessionState(events: events)
    guard !state.hash.isEmpty else { throw StoreError(.corrupt, "session '\(id)' has no 'created' event") }
    guard pinned.contains(where: { $0.hash == state.hash }) else {
      throw StoreError(.corrupt, "session '\(id)' lacks its pinned questionnaire \(state.hash.prefix(19))")
    }
    return events
  }
}

/// A store that can give and take whole sessions in their stored form.
package protocol TransferableSessionStore: SessionStore {
  /// The session's lines and pinned questionnaires, as stored (a torn last record left out).
  func export(_ id: String) throws(StoreError) -> StoredSession
  /// Adds a session as it is; refused with `.exists` when the id is taken.
  func `import`(_ session: StoredSession) throws(StoreError)
}

/// `assess store copy`: sessions from one store to another, the same bytes, never over an existing one.
package enum SessionCopy {
  /// Copies the sessions `ids` (all when empty) and returns the ids copied with their event counts.
  /// Nothing is copied when any id exists at the destination.
  package static func copy(
    _ ids: [String], from source: any TransferableSessionStore, to destination: any TransferableSessionStore
  ) throws(StoreError) -> [(id: String, events: Int)] {
    var wanted: [String] = []
    if ids.isEmpty {
      wanted = try source.ids()
    } else {
      for id in ids {
        let resolved = try source.resolve(id)
        if !wanted.contains(resolved) { wanted.append(resolved) }
      }
    }
    let existing = Set(try destination.ids())
    let clashes = wanted.filter(existing.contains)
    if !clashes.isEmpty {
      let names = clashes.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
      throw StoreError(
        .exists,
        "\(clashes.count == 1 ? "session" : "sessions") \(names)\(clashes.count > 5 ? ", ..." : "") already "
          + "\(clashes.count == 1 ? "exists" : "exist") in \(destination.name); nothing was copied")
    }
    var copied: [(id: String, events: Int)] = []
    for id in wanted {
      let stored = try source.export(id)
      _ = try stored.checked()
      try destination.import(stored)
      let back = try destination.export(id)
      guard back.lines == stored.lines, back.pinned == stored.pinned else {
        throw StoreError(.io, "session '\(id)' reads back differently from \(destination.name) after copying")
      }
      copied.append((id, stored.lines.count))
    }
    return copied
  }
}
