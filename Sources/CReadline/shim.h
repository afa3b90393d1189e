// The readline shim: every readline global is set here, in static inline functions, never from Swift.
// The line is read with readline's callback interface and our own select loop, so that Ctrl-C can
// clear the line (or, on an empty line, end the interview) and SIGTERM or SIGHUP end it cleanly,
// with the terminal restored. Ctrl-\ (SIGQUIT) leaves as Ctrl-D does, whatever is typed; Ctrl-Z
// (SIGTSTP) restores the terminal before stopping, and on `fg` (SIGCONT) the prompt and the typed
// text are drawn again. Every handler only sets a flag and wakes the select loop; the loop does the work.
#ifndef ASSESS_READLINE_SHIM_H
#define ASSESS_READLINE_SHIM_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/select.h>
#include <fcntl.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/// What assess_read_line returns.
enum {
  ASSESS_LINE = 0,        // a line was read (in *out; free it with assess_free)
  ASSESS_EOF = 1,         // Ctrl-D on an empty line, or the input ended
  ASSESS_INTERRUPT = 2,   // Ctrl-C on an empty line
  ASSESS_TERMINATE = 3    // SIGTERM or SIGHUP
};

static char *assess_pending_line = NULL;
static int assess_line_ready = 0;
static volatile sig_atomic_t assess_got_sigint = 0;
static volatile sig_atomic_t assess_got_sigwinch = 0;
static volatile sig_atomic_t assess_got_sigterm = 0;
static volatile sig_atomic_t assess_got_sigquit = 0;
static volatile sig_atomic_t assess_got_sigtstp = 0;
static volatile sig_atomic_t assess_got_sigcont = 0;
static volatile sig_atomic_t assess_reading = 0;
static char **assess_candidates = NULL;
static int assess_candidate_count = 0;
/// Called when Tab is pressed, before matching, to set the candidates (assess_set_candidates); NULL
/// keeps the list given last. The interview's candidates include every id on the path, so they are
/// collected only when asked for.
static void (*assess_candidate_provider)(void) = NULL;

static void assess_on_line(char *line) {
  assess_pending_line = line;
  assess_line_ready = 1;
  rl_callback_handler_remove();
}

/// The self-pipe: a signal handler writes a byte, so select wakes up whichever thread got the signal.
static inline int *assess_wake_pipe(void) {
  static int fds[2] = {-1, -1};
  return fds;
}

static void assess_wake(void) {
  int saved = errno;
  int fd = assess_wake_pipe()[1];
  if (fd >= 0) {
    ssize_t ignored = write(fd, "!", 1);
    (void)ignored;
  }
  errno = saved;
}

static void assess_on_sigint(int signal) { (void)signal; assess_got_sigint = 1; assess_wake(); }
static void assess_on_sigwinch(int signal) { (void)signal; assess_got_sigwinch = 1; assess_wake(); }
static void assess_on_sigterm(int signal) { (void)signal; assess_got_sigterm = 1; assess_wake(); }
static void assess_on_sigquit(int signal) { (void)signal; assess_got_sigquit = 1; assess_wake(); }
static void assess_on_sigcont(int signal) { (void)signal; assess_got_sigcont = 1; assess_wake(); }

/// Ctrl-Z: at the prompt, the loop restores the terminal and stops the process (assess_stop); while
/// output is printing (the terminal is not in readline's mode then), it stops at once, as by default:
/// SIGTSTP's default action is put back for that one signal (sigaction and raise are async-signal-safe),
/// and the SIGCONT handler puts ours back (assess_on_sigcont_restoring).
static void assess_on_sigtstp(int signal);

static inline struct sigaction *assess_tstp_action(void) {
  static struct sigaction action;
  return &action;
}

static void assess_on_sigcont_restoring(int signal) {
  (void)signal;
  sigaction(SIGTSTP, assess_tstp_action(), NULL);
  assess_got_sigcont = 1;
  assess_wake();
}

static void assess_on_sigtstp(int signal) {
  (void)signal;
  if (assess_reading) {
    assess_got_sigtstp = 1;
    assess_wake();
    return;
  }
  int saved = errno;
  struct sigaction fallback;
  memset(&fallback, 0, sizeof fallback);
  sigemptyset(&fallback.sa_mask);
  fallback.sa_handler = SIG_DFL;
  sigaction(SIGTSTP, &fallback, NULL);
  raise(SIGTSTP);  // pending until this handler returns; then the process stops
  errno = saved;
}

/// Completion: every candidate that starts with the whole line typed so far (case-insensitive).
static char *assess_completion_generator(const char *text, int state) {
  static int index;
  static size_t length;
  if (state == 0) {
    index = 0;
    length = strlen(text);
  }
  while (index < assess_candidate_count) {
    const char *candidate = assess_candidates[index++];
    // A failed copy (out of memory) ends the list of matches: readline takes NULL as "no more".
    if (strncasecmp(candidate, text, length) == 0) return strdup(candidate);
  }
  return NULL;
}

static char **assess_attempted_completion(const char *text, int start, int end) {
  (void)start;
  (void)end;
  rl_attempted_completion_over = 1;  // no file-name completion
  if (assess_candidate_provider) assess_candidate_provider();
  return rl_completion_matches(text, assess_completion_generator);
}

/// Sets up readline once: our name for inputrc, whole-line completion, no signal handling of its own.
static inline void assess_readline_setup(void) {
  rl_readline_name = "assess";
  rl_catch_signals = 0;
  rl_catch_sigwinch = 0;
  rl_attempted_completion_function = assess_attempted_completion;
  rl_completer_word_break_characters = (char *)"";
  rl_completion_append_character = '\0';
  rl_basic_quote_characters = (char *)"";
}

/// Sets (or, with NULL, removes) the function that gives the candidates when Tab is pressed.
static inline void assess_set_candidate_provider(void (*provider)(void)) { assess_candidate_provider = provider; }

/// Replaces the completion candidates (copied). Out of memory, the candidates copied so far are kept
/// (possibly none): completion offers fewer, nothing fails.
static inline void assess_set_candidates(const char *const *items, int count) {
  for (int i = 0; i < assess_candidate_count; i++) free(assess_candidates[i]);
  free(assess_candidates);
  assess_candidates = NULL;
  assess_candidate_count = 0;
  if (count <= 0) return;
  assess_candidates = (char **)calloc((size_t)count, sizeof(char *));
  if (!assess_candidates) return;
  int copied = 0;
  for (int i = 0; i < count; i++) {
    if (!items[i]) continue;
    char *copy = strdup(items[i]);
    if (!copy) break;
    assess_candidates[copied++] = copy;
  }
  assess_candidate_count = copied;
  if (copied == 0) {
    free(assess_candidates);
    assess_candidates = NULL;
  }
}

/// The handlers in force before ours: SIGINT, SIGWINCH, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT.
static inline struct sigaction *assess_saved_actions(void) {
  static struct sigaction saved[7];
  return saved;
}

static inline int *assess_signals_installed(void) {
  static int installed = 0;
  return &installed;
}

/// Catches SIGINT, SIGWINCH, SIGTERM and SIGHUP for the whole interview, so a key pressed while
/// output is printing is noticed at the next prompt instead of killing the process mid-way.
/// SA_RESTART: a signal that arrives during a read or write elsewhere (the session store, output)
/// restarts that call instead of failing it with EINTR; the select loop below wakes by the pipe.
static inline void assess_signals_install(void) {
  if (*assess_signals_installed()) return;
  int *wake = assess_wake_pipe();
  if (wake[0] < 0 && pipe(wake) == 0) {
    for (int i = 0; i < 2; i++) {
      fcntl(wake[i], F_SETFL, fcntl(wake[i], F_GETFL) | O_NONBLOCK);
      fcntl(wake[i], F_SETFD, FD_CLOEXEC);
    }
  }
  struct sigaction *saved = assess_saved_actions();
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  action.sa_handler = assess_on_sigint;
  sigaction(SIGINT, &action, &saved[0]);
  action.sa_handler = assess_on_sigwinch;
  sigaction(SIGWINCH, &action, &saved[1]);
  action.sa_handler = assess_on_sigterm;
  sigaction(SIGTERM, &action, &saved[2]);
  sigaction(SIGHUP, &action, &saved[3]);
  action.sa_handler = assess_on_sigquit;
  sigaction(SIGQUIT, &action, &saved[4]);
  action.sa_handler = assess_on_sigtstp;
  *assess_tstp_action() = action;
  sigaction(SIGTSTP, &action, &saved[5]);
  action.sa_handler = assess_on_sigcont_restoring;
  sigaction(SIGCONT, &action, &saved[6]);
  assess_got_sigint = 0;
  assess_got_sigterm = 0;
  assess_got_sigquit = 0;
  assess_got_sigtstp = 0;
  assess_got_sigcont = 0;
  *assess_signals_installed() = 1;
}

/// Puts the signal handlers back as they were.
static inline void assess_signals_restore(void) {
  if (!*assess_signals_installed()) return;
  struct sigaction *saved = assess_saved_actions();
  sigaction(SIGINT, &saved[0], NULL);
  sigaction(SIGWINCH, &saved[1], NULL);
  sigaction(SIGTERM, &saved[2], NULL);
  sigaction(SIGHUP, &saved[3], NULL);
  sigaction(SIGQUIT, &saved[4], NULL);
  sigaction(SIGTSTP, &saved[5], NULL);
  sigaction(SIGCONT, &saved[6], NULL);
  *assess_signals_installed() = 0;
}

/// readline's terminal mode again, and the prompt and typed text drawn again from the start of the
/// screen line: in place after a stop without a shell's messages, on the fresh line a shell leaves after
/// `fg` otherwise.
static inline void assess_redraw(void) {
  rl_reset_after_signal();
  FILE *out = rl_outstream ? rl_outstream : stdout;
  fputc('\r', out);
  fflush(out);
  rl_forced_update_display();
}

/// Ctrl-Z at the prompt: the terminal back as it was, the process stopped; on `fg`, readline's
/// terminal mode again and the prompt and typed text drawn again. In an orphaned process group
/// (no job control) the stop is ignored by the kernel and the line is simply drawn again.
static inline void assess_stop(void) {
  rl_cleanup_after_signal();
  struct sigaction fallback, ours;
  memset(&fallback, 0, sizeof fallback);
  sigemptyset(&fallback.sa_mask);
  fallback.sa_handler = SIG_DFL;
  sigaction(SIGTSTP, &fallback, &ours);
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGTSTP);
  sigprocmask(SIG_UNBLOCK, &set, &old);
  raise(SIGTSTP);  // stops here until SIGCONT
  sigprocmask(SIG_SETMASK, &old, NULL);
  sigaction(SIGTSTP, &ours, NULL);
  assess_got_sigcont = 0;
  assess_redraw();
}

/// After SIGCONT (a stop by SIGSTOP, or one while output was printing): readline's terminal mode
/// again (the shell may have changed it), and the prompt and typed text drawn again in place.
static inline void assess_continued(void) {
  rl_cleanup_after_signal();
  assess_redraw();
}

/// Reads one line with editing, history and completion. `initial` is put on the line to edit.
static inline int assess_read_line(const char *prompt, const char *initial, char **out) {
  assess_signals_install();
  assess_pending_line = NULL;
  assess_line_ready = 0;
  *out = NULL;
  // A Ctrl-C or SIGTERM that came while output was printing counts now, on an empty line.
  if (assess_got_sigterm) return ASSESS_TERMINATE;
  if (assess_got_sigquit) {
    assess_got_sigquit = 0;
    return ASSESS_EOF;
  }
  if (assess_got_sigint) {
    assess_got_sigint = 0;
    return ASSESS_INTERRUPT;
  }
  assess_got_sigtstp = 0;
  assess_got_sigcont = 0;
  rl_callback_handler_install(prompt, assess_on_line);
  assess_reading = 1;
  if (initial && *initial) {
    rl_insert_text(initial);
    rl_redisplay();
  }
  int result = -1;
  int fd = fileno(rl_instream ? rl_instream : stdin);
  int wake = assess_wake_pipe()[0];
  while (result < 0) {
    fd_set read_set;
    FD_ZERO(&read_set);
    FD_SET(fd, &read_set);
    if (wake >= 0) FD_SET(wake, &read_set);
    int ready = select((fd > wake ? fd : wake) + 1, &read_set, NULL, NULL, NULL);
    // Kept now: redrawing after a stop or a continue below makes calls that may set errno.
    int select_error = ready < 0 ? errno : 0;
    if (ready > 0 && wake >= 0 && FD_ISSET(wake, &read_set)) {
      char drain[64];
      while (read(wake, drain, sizeof drain) > 0) {
      }
      ready -= 1;
    }
    if (assess_got_sigterm) {
      result = ASSESS_TERMINATE;
      break;
    }
    if (assess_got_sigquit) {
      assess_got_sigquit = 0;
      result = ASSESS_EOF;
      break;
    }
    if (assess_got_sigtstp) {
      assess_got_sigtstp = 0;
      assess_stop();
    }
    if (assess_got_sigcont) {
      assess_got_sigcont = 0;
      assess_continued();
    }
    if (assess_got_sigwinch) {
      assess_got_sigwinch = 0;
      rl_resize_terminal();
    }
    if (assess_got_sigint) {
      assess_got_sigint = 0;
      if (rl_end == 0) {
        result = ASSESS_INTERRUPT;
        break;
      }
      rl_replace_line("", 0);
      rl_point = 0;
      rl_redisplay();
      continue;
    }
    if (ready < 0) {
      if (select_error == EINTR) continue;
      result = ASSESS_EOF;
      break;
    }
    if (ready > 0 && FD_ISSET(fd, &read_set)) {
      rl_callback_read_char();
      if (assess_line_ready) {
        result = assess_pending_line ? ASSESS_LINE : ASSESS_EOF;
        *out = assess_pending_line;
      }
    }
  }
  assess_reading = 0;
  if (!assess_line_ready) {
    // Ended without a line: clear it, restore the terminal, and end the screen line.
    rl_replace_line("", 0);
    rl_callback_handler_remove();
    rl_crlf();
  }
  return result;
}

static inline void assess_free(char *line) { free(line); }

/// History: loaded from and appended to a file.
static inline void assess_history_load(const char *path) {
  clear_history();
  read_history(path);
}
static inline void assess_history_add(const char *line, const char *path) {
  add_history(line);
  if (path && *path) {
    FILE *f = fopen(path, "a");
    if (f) fclose(f);
    append_history(1, path);
    history_truncate_file(path, 1000);
  }
}
static inline void assess_history_clear(void) { clear_history(); }

#endif
