#ifndef ASSESS_CPTY_H
#define ASSESS_CPTY_H
#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in `directory`, in a new session whose controlling terminal
/// is a new pseudo-terminal of `columns` x `rows`. Returns the child's pid and sets *master, or -1.
pid_t assess_spawn_on_pty(const char *path, char *const argv[], char *const envp[], const char *directory,
                          unsigned short columns, unsigned short rows, int *master);

#endif
