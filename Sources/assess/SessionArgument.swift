import ArgumentParser

/// The session id argument the session commands share, completed from the store.
struct SessionArgument: ParsableArguments {
  @Argument(
    help: ArgumentHelp("The session id (or an unambiguous start of it).", valueName: "id"),
    completion: Completions.sessions)
  var id: String
}
