// The ISDN D-channel of a DAHDI span (a hardhdlc / dchan channel): whole
// HDLC frames for the PRI stack. DAHDI hands a received frame over with its two
// FCS bytes and expects two bytes of room for the FCS it computes on a write.
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

int DahdiBoard::dchannel_read(int span, uint8_t* buf, int cap) {
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
    int len = std::min(static_cast<int>(got) - 2, cap);  // DAHDI hands the FCS over too
    std::memcpy(buf, d->buf.data(), static_cast<size_t>(len));
    return len;
  }
  return 0;
}

bool DahdiBoard::dchannel_write(int span, const uint8_t* frame, int len) {
  DChan* d = dchan(span);
  if (!d || len < 1 || len + 2 > static_cast<int>(d->buf.size())) return false;
  // Room for the FCS, which the kernel computes and writes over these two bytes.
  std::memcpy(d->buf.data(), frame, static_cast<size_t>(len));
  d->buf[len] = d->buf[len + 1] = 0;
  const int index = -1 - static_cast<int>(d - dchans_.data());
  for (int attempt = 0; attempt < 3; attempt++) {
    ssize_t put = sys_->write(d->fd, d->buf.data(), static_cast<size_t>(len) + 2);
    if (put >= 0) return true;
    if (errno != ELAST) return false;
    drain(d->fd, index);
  }
  return false;
}

}  // namespace bcti::drv

#else

namespace bcti::drv {
int DahdiBoard::dchannel_read(int, uint8_t*, int) { return -1; }
bool DahdiBoard::dchannel_write(int, const uint8_t*, int) { return false; }
}  // namespace bcti::drv

#endif
