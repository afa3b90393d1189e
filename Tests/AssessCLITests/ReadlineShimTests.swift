import CReadline
import Foundation
import Testing

/// The readline shim's signal handlers and candidate copies, called directly.
@Suite(.serialized) struct ReadlineShimTests {
  /// The flags of the handler now installed for `signal`.
  func flags(of signal: Int32) -> Int32 {
    var current = sigaction()
    sigaction(signal, nil, &current)
    return current.sa_flags
  }

  /// The address of the handler now installed for `signal` (nil for the default action).
  func handler(of signal: Int32) -> UnsafeRawPointer? {
    var current = sigaction()
    sigaction(signal, nil, &current)
    return unsafeBitCast(current.__sigaction_handler.sa_handler, to: UnsafeRawPointer?.self)
  }

  /// A signal during a read or write elsewhere (the session store, output) restarts the call
  /// instead of failing it with EINTR; the handlers are put back afterwards.
  @Test func handlersRestartInterruptedCalls() {
    let before = flags(of: SIGTERM) & Int32(SA_RESTART)
    let handlers = [SIGQUIT, SIGTSTP, SIGCONT].map { ($0, handler(of: $0)) }
    assess_signals_install()
    for signal in [SIGINT, SIGWINCH, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT] {
      #expect(flags(of: signal) & Int32(SA_RESTART) != 0, "signal \(signal)")
    }
    assess_signals_restore()
    #expect(flags(of: SIGTERM) & Int32(SA_RESTART) == before)
    for (signal, handler) in handlers {
      #expect(self.handler(of: signal) == handler, "signal \(signal) has its handler back")
    }
  }

  /// Candidates are copied (the originals may go), and replacing them frees the old ones.
  @Test func candidatesAreCopied() {
    let words = ["yes", "no", "Maybe"]
    var pointers = words.map { strdup($0) }
    pointers.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) {
        assess_set_candidates($0.baseAddress, Int32($0.count))
      }
    }
    for pointer in pointers { free(pointer) }
    pointers = []
    #expect(matches("") == ["yes", "no", "Maybe"])
    #expect(matches("m") == ["Maybe"])
    assess_set_candidates(nil, 0)
    #expect(matches("").isEmpty)
  }

  /// What completion offers for `text`, through the shim's generator.
  func matches(_ text: String) -> [String] {
    var found: [String] = []
    var state: Int32 = 0
    while let match = assess_completion_generator(text, state) {
      found.append(String(cString: match))
      free(match)
      state += 1
    }
    return found
  }
}
