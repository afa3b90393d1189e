import Foundation

/// Independent rating copies of a session: one session per rater, linked by a `rater` event.
public enum RaterCopies {
  /// The id of `rater`'s copy of session `main`: the main id, a dot, and the rater's name in lower
  /// case without accents, anything but letters and digits turned into `-` (`w1.ana`, `w1.ana-lopez`).
  public static func id(for main: String, rater: String) -> String {
    var slug = ""
    for c in rater.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased().unicodeScalars
    {
      let ok = ("a"..."z").contains(c) || ("0"..."9").contains(c)
      if ok {
        slug.unicodeScalars.append(c)
      } else if !slug.isEmpty, slug.last != "-" {
        slug += "-"
      }
    }
    while slug.last == "-" { slug.removeLast() }
    return main + "." + (slug.isEmpty ? "rater" : slug)
  }

  /// The rater copies of session `main` in `store`, in id order, read without locking. Copies that
  /// cannot be read are reported in `problems` and left out.
  public static func find(of main: String, in store: any SessionStore) throws(StoreError) -> (
    copies: [Session], problems: [String]
  ) {
    var copies: [Session] = []
    var problems: [String] = []
    for id in try store.ids() where id.hasPrefix(main + ".") {
      do {
        let (session, _) = try store.load(id)
        if session.state.raterCopy?.session == main { copies.append(session) }
      } catch {
        problems.append(error.message)
      }
    }
    return (copies, problems)
  }
}
