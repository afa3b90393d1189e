import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Standard input, output and error, made safe before anything else opens a file.
enum StandardDescriptors {
  /// Opens /dev/null on any of descriptors 0, 1 and 2 that is closed, so a closed standard input is
  /// read as empty (not as the next file opened, such as a session's lock) and writes to a closed
  /// output go nowhere instead of trapping.
  static func ensureOpen() {
    for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
      let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
      if opened >= 0, opened != fd {
        dup2(opened, fd)
        close(opened)
      }
    }
  }
}
