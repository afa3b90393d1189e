#define _GNU_SOURCE
#include "cpty.h"
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

pid_t assess_spawn_on_pty(const char *path, char *const argv[], char *const envp[], const char *directory,
                          unsigned short columns, unsigned short rows, int *master) {
  int fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0 || grantpt(fd) != 0 || unlockpt(fd) != 0) return -1;
  char name[128];
  if (ptsname_r(fd, name, sizeof name) != 0) return -1;  // ptsname is not thread-safe; tests run in parallel
  struct winsize size = {rows, columns, 0, 0};
  ioctl(fd, TIOCSWINSZ, &size);
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    // Only async-signal-safe calls until exec. Signals blocked or ignored in the test runner's
    // threads must not carry over to the program under test.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    setsid();
    int slave = open(name, O_RDWR);  // the first terminal a session leader opens becomes its controlling one
    if (slave < 0) _exit(127);
    ioctl(slave, TIOCSCTTY, 0);
    dup2(slave, 0);
    dup2(slave, 1);
    dup2(slave, 2);
    if (slave > 2) close(slave);
    if (directory && chdir(directory) != 0) _exit(127);
    execve(path, argv, envp);
    _exit(127);
  }
  *master = fd;
  return pid;
}
