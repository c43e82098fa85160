// A FUSE file system serving the DAHDI emulator (dahdi_emu.h) as files, so
// drivers/dahdi can run on its kernel seam (dahdi_sys.h's kernel_sys(): the C
// library's open/ioctl/read/write/poll on real file descriptors) with devDir
// pointing at the mount, and the real system calls are exercised too.
//
// The mount holds two regular files, `ctl` and `channel`, as /dev/dahdi has.
// Each FUSE open is one emulator file handle; read, write, ioctl, poll and
// release are forwarded to it:
//  * open replies direct_io + nonseekable (+ noflush), so each read()/write()
//    of a block is exactly one emulator read/write of that size.
//  * ioctl: FUSE on a regular file runs in restricted mode, where the kernel
//    copies _IOC_SIZE(cmd) bytes in (_IOW) and out (_IOR) by the command
//    number; every DAHDI ioctl the driver makes is of that kind. Variable-size
//    ioctls (echo-canceller parameters after the struct) are not passed.
//  * errors go back as the emulator's errno, ELAST (500) included: the kernel
//    and libfuse pass any reply error in 1..999 to the caller.
//  * poll answers the emulator's readiness (POLLIN/POLLOUT/POLLPRI); the poll
//    handle the kernel gives is kept and notified whenever the emulator's state
//    changes (a frame, an event raised, a D-channel frame), so a poll() that
//    waits wakes up.
// Requests are served by one thread of this process; the driver may call from
// any other thread. Built only with libfuse3 (BCTI_HAVE_FUSE3); without it,
// mount() fails saying so.
#pragma once
#include <memory>
#include <string>

namespace bcti::sim {

class DahdiEmu;

class DahdiFuse {
 public:
  // Mounts the emulator's files on `dir` (an existing empty directory) and
  // starts serving; retains the emulator until unmount(). Throws
  // std::runtime_error naming what failed (no /dev/fuse, not permitted...).
  static std::unique_ptr<DahdiFuse> mount(DahdiEmu* emu, const std::string& dir);
  // Stops serving, unmounts (lazily: open files then fail with ENOTCONN) and
  // releases the emulator. Idempotent; the destructor calls it.
  virtual void unmount() = 0;
  virtual const std::string& dir() const = 0;
  virtual ~DahdiFuse() = default;
};

}  // namespace bcti::sim
