/* boardcti_sys.h: a table of the system calls a kernel-facing driver makes
 * (open, close, ioctl, read, write, poll), as a plain C ABI.
 *
 * drivers/dahdi reaches the kernel only through these six calls. Handed this
 * table instead of the C library's, the same driver code runs against an
 * emulator: firmware-sim's DAHDI emulator (src/dahdi_emu.h) serves it, turning
 * the simulated board into DAHDI channel devices as dahdi/user.h describes.
 *
 * Conventions: every call returns what the kernel would, the Linux way: a
 * value >= 0 on success, or -errno (e.g. -ELAST, -EAGAIN, -ENOENT) on failure;
 * the caller turns that into -1 and errno. `request` and `arg` are an ioctl's
 * number and argument pointer as defined by the device's header. `fds` is an
 * array of struct pollfd (<poll.h>). Calls may come from any thread; the table
 * serialises them as the kernel would.
 *
 * Ownership as boardcti_sim.h: whoever keeps the table past the call that
 * handed it over calls retain() once, and release() once when done.
 */
#ifndef BOARDCTI_SYS_H
#define BOARDCTI_SYS_H

#include <poll.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BCTI_SYS_ABI_VERSION 1u

typedef struct bcti_sys {
  uint32_t abi_version; /* BCTI_SYS_ABI_VERSION */
  uint32_t struct_size; /* sizeof(bcti_sys) as built by the provider */
  void* ctx;            /* first argument of every function below */
  const char* name;     /* what serves the calls, for messages ("dahdi emulator") */

  void (*retain)(void* ctx);
  void (*release)(void* ctx);

  int32_t (*open)(void* ctx, const char* path, int32_t flags);
  int32_t (*close)(void* ctx, int32_t fd);
  int32_t (*ioctl)(void* ctx, int32_t fd, uint64_t request, void* arg);
  int64_t (*read)(void* ctx, int32_t fd, void* buf, uint64_t n);
  int64_t (*write)(void* ctx, int32_t fd, const void* buf, uint64_t n);
  int32_t (*poll)(void* ctx, struct pollfd* fds, uint64_t nfds, int32_t timeout_ms);
} bcti_sys;

#ifdef __cplusplus
}
#endif

#endif /* BOARDCTI_SYS_H */
