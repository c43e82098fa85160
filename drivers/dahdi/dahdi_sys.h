// The DAHDI driver's only way to the kernel: six system calls behind one small
// interface, so the same driver code runs against /dev/dahdi or against an
// emulator (firmware-sim's, through the C table of boardcti_sys.h). Each call
// behaves as the C library's: a result >= 0, or -1 with errno set.
#pragma once
#include <poll.h>
#include <sys/types.h>

#include <memory>
#include <string>

#include "drivers/dahdi/boardcti_sys.h"

namespace bcti::drv {

class DahdiSys {
 public:
  virtual ~DahdiSys() = default;
  virtual int open(const char* path, int flags) = 0;
  virtual int close(int fd) = 0;
  virtual int ioctl(int fd, unsigned long request, void* arg) = 0;
  virtual ssize_t read(int fd, void* buf, size_t n) = 0;
  virtual ssize_t write(int fd, const void* buf, size_t n) = 0;
  virtual int poll(struct pollfd* fds, nfds_t n, int timeout_ms) = 0;
  // What answers the calls, for messages: "the kernel", "dahdi emulator".
  virtual std::string name() const = 0;
};

// The real system calls.
std::unique_ptr<DahdiSys> kernel_sys();
// A provider's table (an emulator); retains it for the object's lifetime.
// Throws std::invalid_argument if the table is null or of another ABI version.
std::unique_ptr<DahdiSys> table_sys(const bcti_sys* table);

}  // namespace bcti::drv
