// The ISDN D-channel of a DAHDI span (a hardhdlc / dchan channel): whole
// HDLC frames for the PRI stack. DAHDI hands a received frame over with its two
// FCS bytes and expects two bytes of room for the FCS it computes on a write;
// drivers/driver.h's read_dchan/write_dchan carry frames exactly so.
#include <cerrno>
#include <cstring>

#include "drivers/dahdi/dahdi_board.h"

#if __has_include(<dahdi/user.h>)
#include <dahdi/user.h>

#include <algorithm>

namespace bcti::drv {

DahdiBoard::DChan* DahdiBoard::dchan(int span) {
  for (DChan& d : dchans_)
    if (d.span == span) return &d;
  return nullptr;
}

int DahdiBoard::read_dchan(int span, uint8_t* buf, int max) {
  DChan* d = dchan(span);
  if (!d) return -1;
  const int index = -1 - static_cast<int>(d - dchans_.data());
  for (int attempt = 0; attempt < 3; attempt++) {
    ssize_t got = sys_->read(d->fd, d->buf.data(), d->buf.size());
    if (got < 0 && errno == ELAST) {
      drain(d->fd, index);
      continue;
    }
    if (got <= 2) return 0;  // nothing waiting (EAGAIN), or an empty frame
    int len = std::min(static_cast<int>(got), max);
    std::memcpy(buf, d->buf.data(), static_cast<size_t>(len));
    return len;
  }
  return 0;
}

int DahdiBoard::write_dchan(int span, const uint8_t* frame, int n) {
  DChan* d = dchan(span);
  if (!d || n < 3) return -1;
  const int index = -1 - static_cast<int>(d - dchans_.data());
  for (int attempt = 0; attempt < 3; attempt++) {
    ssize_t put = sys_->write(d->fd, frame, static_cast<size_t>(n));  // the kernel writes the FCS over the last two
    if (put >= 0) return n;
    if (errno != ELAST) return -1;
    drain(d->fd, index);
  }
  return -1;
}

}  // namespace bcti::drv

#else

namespace bcti::drv {
int DahdiBoard::read_dchan(int, uint8_t*, int) { return -1; }
int DahdiBoard::write_dchan(int, const uint8_t*, int) { return -1; }
}  // namespace bcti::drv

#endif
