#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-\ (SIGQUIT) outside the interview: the default action, as in any Unix program (the process
/// quits, with a core file where the system keeps them), not the Swift runtime's interactive
/// backtracer ("Press space to interact..."), which the runtime installs for SIGQUIT as for crashes.
/// The backtracer stays for real crashes (SIGSEGV, SIGILL, a trap). Inside the interview, the
/// readline shim catches SIGQUIT and leaves as Ctrl-D does (docs/WORKSHOPS.md).
enum QuitSignal {
  /// Puts SIGQUIT's default action back; called first thing at start-up.
  static func useDefault() {
    var action = sigaction()
    sigemptyset(&action.sa_mask)
    action.__sigaction_handler.sa_handler = SIG_DFL
    sigaction(SIGQUIT, &action, nil)
  }
}
