#include "dahdi_emu.h"

#include <cerrno>
#include <stdexcept>

#if __has_include(<dahdi/user.h>)
#include <dahdi/user.h>

#include <algorithm>
#include <cstring>

#include "native/dsp/g711.h"

namespace bcti::sim {
namespace {

DahdiEmu* E(void* ctx) { return static_cast<DahdiEmu*>(ctx); }

bool ends_with(const std::string& s, const char* tail) {
  size_t n = std::strlen(tail);
  return s.size() >= n && s.compare(s.size() - n, n, tail) == 0;
}

int dahdi_alarms(uint32_t sim) {
  int a = 0;
  if (sim & BCTI_SIM_ALARM_LOS) a |= DAHDI_ALARM_LOS;
  if (sim & BCTI_SIM_ALARM_RED) a |= DAHDI_ALARM_RED;
  if (sim & BCTI_SIM_ALARM_YELLOW) a |= DAHDI_ALARM_YELLOW;
  if (sim & BCTI_SIM_ALARM_BLUE) a |= DAHDI_ALARM_BLUE;
  return a;
}

// HDLC's FCS-16 (ITU-T X.25 / RFC 1662), sent least significant byte first.
uint16_t fcs16(const uint8_t* p, size_t n) {
  uint16_t fcs = 0xFFFF;
  for (size_t i = 0; i < n; i++) {
    fcs ^= p[i];
    for (int b = 0; b < 8; b++) fcs = (fcs & 1) ? (fcs >> 1) ^ 0x8408 : fcs >> 1;
  }
  return fcs ^ 0xFFFF;
}

void transcode(Law from, Law to, uint8_t* p, size_t n) {
  if (from == to) return;
  const G711Tables& t = g711_tables();
  for (size_t i = 0; i < n; i++) p[i] = g711_encode_one(t, to, g711_decode_one(t, from, p[i]));
}

}  // namespace

DahdiEmu::DahdiEmu(const bcti_sim_port* port, const DahdiEmuOptions& opt) : port_(port) {
  if (!port || port->abi_version != BCTI_SIM_ABI_VERSION)
    throw std::invalid_argument("dahdi emulator: not a simulated board's port");
  int number = 1;
  std::map<int, int> analog_span;  // the analog span's channels, in board order
  for (int32_t i = 0; i < port->channel_count; i++) {
    const bcti_sim_channel& s = port->channels[i];
    if (s.kind == BCTI_SIM_E1) continue;
    Chan c;
    c.id = {number++, s.span, ++analog_span[s.span], s.number,
            s.kind == BCTI_SIM_FXS ? DAHDI_SIG_FXOKS : DAHDI_SIG_FXSKS};
    c.sim_law = s.law;
    chans_.push_back(std::move(c));
  }
  for (int span = 1; span <= port->span_count; span++) {
    std::map<int, const bcti_sim_channel*> slots;
    for (int32_t i = 0; i < port->channel_count; i++)
      if (port->channels[i].kind == BCTI_SIM_E1 && port->channels[i].span == span)
        slots[port->channels[i].timeslot] = &port->channels[i];
    if (slots.empty()) continue;
    for (int ts = 1; ts <= 31; ts++) {
      Chan c;
      if (ts == 16 && opt.dchannel) c.id = {number + ts - 1, span, ts, 0, DAHDI_SIG_HARDHDLC};
      else if (slots.count(ts))
        c.id = {number + ts - 1, span, ts, slots[ts]->number, DAHDI_SIG_CAS}, c.sim_law = slots[ts]->law;
      else continue;
      chans_.push_back(std::move(c));
    }
    number += 31;
  }
  for (size_t i = 0; i < chans_.size(); i++)
    if (chans_[i].id.sim) by_sim_[chans_[i].id.sim] = static_cast<int>(i);
  sim_rx_.resize(port->channel_count);
  sim_tx_.resize(port->channel_count);
  table_ = {BCTI_SYS_ABI_VERSION,
            sizeof(bcti_sys),
            this,
            "the DAHDI emulator (firmware-sim)",
            [](void* c) { E(c)->retain(); },
            [](void* c) { E(c)->release(); },
            [](void* c, const char* p, int32_t f) { return E(c)->open(p, f); },
            [](void* c, int32_t fd) { return E(c)->close(fd); },
            [](void* c, int32_t fd, uint64_t r, void* a) { return E(c)->ioctl(fd, r, a); },
            [](void* c, int32_t fd, void* b, uint64_t n) { return E(c)->read(fd, b, n); },
            [](void* c, int32_t fd, const void* b, uint64_t n) { return E(c)->write(fd, b, n); },
            [](void* c, struct pollfd* f, uint64_t n, int32_t t) { return E(c)->poll(f, n, t); }};
  port_->retain(port_->ctx);
}

DahdiEmu::~DahdiEmu() { port_->release(port_->ctx); }

void DahdiEmu::release() {
  if (refs_.fetch_sub(1) == 1) delete this;
}

std::vector<DahdiEmuChannel> DahdiEmu::channels() const {
  std::vector<DahdiEmuChannel> out;
  for (const Chan& c : chans_) out.push_back(c.id);
  return out;
}

DahdiEmu::Chan* DahdiEmu::by_number(int number) {
  for (Chan& c : chans_)
    if (c.id.number == number) return &c;
  return nullptr;
}

DahdiEmu::Chan* DahdiEmu::chan_of(int fd, int* err) {
  auto it = fds_.find(fd);
  if (it == fds_.end()) return *err = -EBADF, nullptr;
  if (it->second.chan < 0) return *err = -EINVAL, nullptr;  // not specified yet
  return &chans_[it->second.chan];
}

void DahdiEmu::queue(Chan& c, int event) {
  if (c.fd < 0 || c.events.size() >= DAHDI_MAX_EVENTSIZE) return;  // closed, or the kernel's queue is full
  c.events.push_back(event);
}

int DahdiEmu::open(const char* path, int /*flags*/) {
  std::lock_guard<std::mutex> lk(mu_);
  std::string p = path ? path : "";
  Fd f;
  if (ends_with(p, "/ctl")) f.ctl = true;
  else if (!ends_with(p, "/channel")) return -ENOENT;
  int fd = next_fd_++;
  fds_[fd] = f;
  return fd;
}

int DahdiEmu::close(int fd) {
  std::lock_guard<std::mutex> lk(mu_);
  auto it = fds_.find(fd);
  if (it == fds_.end()) return -EBADF;
  if (it->second.chan >= 0) {
    Chan& c = chans_[it->second.chan];
    // The kernel's close: the line goes back on hook, the ringer stops, buffers and events go.
    if (c.id.sig == DAHDI_SIG_FXSKS && c.offhook) port_->hook(port_->ctx, c.id.sim, BCTI_SIM_ON_HOOK);
    if (c.id.sig == DAHDI_SIG_FXOKS) port_->hook(port_->ctx, c.id.sim, BCTI_SIM_RING_OFF);
    c.fd = -1;
    c.offhook = false;
    c.law = 0;
    c.rx.clear(), c.tx.clear(), c.events.clear();
  }
  fds_.erase(it);
  return 0;
}

void DahdiEmu::advance(int block) {
  const int32_t n = port_->channel_count;
  std::vector<uint8_t*> rx(n);
  std::vector<const uint8_t*> tx(n);
  for (int32_t i = 0; i < n; i++) {
    uint8_t idle = port_->channels[i].law == BCTI_SIM_ULAW ? 0xFF : 0xD5;
    sim_rx_[i].assign(block, idle);
    sim_tx_[i].assign(block, idle);
    rx[i] = sim_rx_[i].data();
    tx[i] = sim_tx_[i].data();
  }
  if (frame_open_) {  // what each channel sent during the frame read last
    for (Chan& c : chans_) {
      if (!c.id.sim || c.tx.empty()) continue;
      std::vector<uint8_t>& b = c.tx.front();
      if (c.law)
        transcode(c.law == DAHDI_LAW_MULAW ? Law::kUlaw : Law::kAlaw, static_cast<Law>(c.sim_law), b.data(), b.size());
      std::memcpy(sim_tx_[c.id.sim - 1].data(), b.data(), std::min<size_t>(b.size(), block));
      c.tx.pop_front();
    }
    port_->write(port_->ctx, tx.data(), block);
  }
  port_->read(port_->ctx, rx.data(), block);
  frame_open_ = true;
  for (Chan& c : chans_) {
    if (!c.id.sim || c.fd < 0) continue;
    std::vector<uint8_t> b = sim_rx_[c.id.sim - 1];
    if (c.law)
      transcode(static_cast<Law>(c.sim_law), c.law == DAHDI_LAW_MULAW ? Law::kUlaw : Law::kAlaw, b.data(), b.size());
    if (static_cast<int>(c.rx.size()) >= c.numbufs) c.rx.pop_front();  // overrun: the oldest block is lost
    c.rx.push_back(std::move(b));
  }
  bcti_sim_event e{};
  while (port_->poll_event(port_->ctx, &e)) on_sim_event(e);
  changed();
}

void DahdiEmu::on_sim_event(const bcti_sim_event& e) {
  if (e.type == BCTI_SIM_EV_ALARM) {
    alarms_[e.span] = dahdi_alarms(e.value);
    for (Chan& c : chans_)
      if (c.id.span == e.span) queue(c, e.value ? DAHDI_EVENT_ALARM : DAHDI_EVENT_NOALARM);
    return;
  }
  auto it = by_sim_.find(e.channel);
  if (it == by_sim_.end()) return;  // a board reset (channel 0): DAHDI has no such event
  Chan& c = chans_[it->second];
  switch (e.type) {
    case BCTI_SIM_EV_OFF_HOOK: c.rx_offhook = true, queue(c, DAHDI_EVENT_RINGOFFHOOK); break;
    case BCTI_SIM_EV_ON_HOOK: c.rx_offhook = false, queue(c, DAHDI_EVENT_ONHOOK); break;
    case BCTI_SIM_EV_RING_BEGIN: queue(c, DAHDI_EVENT_RINGBEGIN); break;
    case BCTI_SIM_EV_RING_END: queue(c, DAHDI_EVENT_RINGOFFHOOK); break;  // the ring trailer expired
    case BCTI_SIM_EV_POLARITY: queue(c, DAHDI_EVENT_POLARITY); break;
    case BCTI_SIM_EV_LOOP_DROP:
      if (c.offhook) queue(c, DAHDI_EVENT_ONHOOK);  // kewlstart disconnect
      break;
    case BCTI_SIM_EV_BITS: c.rxbits = static_cast<int>(e.value & 0xF), queue(c, DAHDI_EVENT_BITSCHANGED); break;
    default: break;
  }
}

bool DahdiEmu::raise(int number, int event) {
  std::lock_guard<std::mutex> lk(mu_);
  Chan* c = by_number(number);
  if (!c || c->fd < 0) return false;
  queue(*c, event);
  changed();
  return true;
}

int64_t DahdiEmu::read(int fd, void* buf, uint64_t n) {
  std::lock_guard<std::mutex> lk(mu_);
  int err = 0;
  Chan* c = chan_of(fd, &err);
  if (!c) return err;
  if (n < 1) return -EINVAL;
  if (!c->events.empty()) return -ELAST;
  if (c->id.sig == DAHDI_SIG_HARDHDLC) {
    if (c->rx.empty()) return -EAGAIN;
    std::vector<uint8_t>& f = c->rx.front();
    size_t len = std::min<size_t>(f.size(), n);
    std::memcpy(buf, f.data(), len);
    c->rx.pop_front();
    return static_cast<int64_t>(len);
  }
  if (c->rx.empty()) advance(c->block);
  if (c->rx.empty()) return -EAGAIN;
  std::vector<uint8_t>& b = c->rx.front();
  size_t len = std::min<size_t>(b.size(), n);
  std::memcpy(buf, b.data(), len);
  c->rx.pop_front();
  return static_cast<int64_t>(len);
}

int64_t DahdiEmu::write(int fd, const void* buf, uint64_t n) {
  std::lock_guard<std::mutex> lk(mu_);
  int err = 0;
  Chan* c = chan_of(fd, &err);
  if (!c) return err;
  if (n < 1) return -EINVAL;
  if (!c->events.empty()) return -ELAST;
  if (static_cast<int>(c->tx.size()) >= c->numbufs) return -EAGAIN;
  const uint8_t* p = static_cast<const uint8_t*>(buf);
  if (c->id.sig == DAHDI_SIG_HARDHDLC) {
    if (n < 3) return -EINVAL;
    c->tx.emplace_back(p, p + n - 2);  // the last two bytes make room for the FCS
  } else {
    c->tx.emplace_back(p, p + std::min<uint64_t>(n, c->block));
  }
  return static_cast<int64_t>(n);
}

int DahdiEmu::poll(struct pollfd* fds, uint64_t nfds, int /*timeout_ms*/) {
  // Never waits: a voice channel always has a block to give (reading it runs
  // the board), so the board's pace is the reader's.
  std::lock_guard<std::mutex> lk(mu_);
  int ready = 0;
  for (uint64_t i = 0; i < nfds; i++) {
    short r = 0;
    auto it = fds_.find(fds[i].fd);
    if (it == fds_.end()) r = POLLNVAL;
    else if (it->second.chan >= 0) {
      Chan& c = chans_[it->second.chan];
      bool hdlc = c.id.sig == DAHDI_SIG_HARDHDLC;
      if (!hdlc || !c.rx.empty()) r |= POLLIN | POLLRDNORM;
      if (static_cast<int>(c.tx.size()) < c.numbufs) r |= POLLOUT | POLLWRNORM;
      if (!c.events.empty()) r |= POLLPRI;
    }
    fds[i].revents = static_cast<short>(r & (fds[i].events | POLLERR | POLLHUP | POLLNVAL));
    if (fds[i].revents) ready++;
  }
  return ready;
}

bool DahdiEmu::dchan_send(int span, const std::vector<uint8_t>& frame) {
  std::lock_guard<std::mutex> lk(mu_);
  for (Chan& c : chans_) {
    if (c.id.span != span || c.id.sig != DAHDI_SIG_HARDHDLC || c.fd < 0) continue;
    std::vector<uint8_t> f = frame;
    uint16_t fcs = fcs16(f.data(), f.size());
    f.push_back(static_cast<uint8_t>(fcs & 0xFF));
    f.push_back(static_cast<uint8_t>(fcs >> 8));
    c.rx.push_back(std::move(f));
    changed();
    return true;
  }
  return false;
}

std::vector<std::vector<uint8_t>> DahdiEmu::dchan_take(int span) {
  std::lock_guard<std::mutex> lk(mu_);
  std::vector<std::vector<uint8_t>> out;
  for (Chan& c : chans_)
    if (c.id.span == span && c.id.sig == DAHDI_SIG_HARDHDLC)
      while (!c.tx.empty()) out.push_back(std::move(c.tx.front())), c.tx.pop_front();
  return out;
}

}  // namespace bcti::sim

#else  // no dahdi/user.h: the emulator cannot speak DAHDI's numbers

namespace bcti::sim {
DahdiEmu::DahdiEmu(const bcti_sim_port*, const DahdiEmuOptions&) : port_(nullptr) {
  throw std::invalid_argument(
      "dahdi emulator: built without <dahdi/user.h> (apt-get install dahdi-source, rebuild firmware-sim)");
}
DahdiEmu::~DahdiEmu() = default;
void DahdiEmu::release() {}
std::vector<DahdiEmuChannel> DahdiEmu::channels() const { return {}; }
bool DahdiEmu::raise(int, int) { return false; }
bool DahdiEmu::dchan_send(int, const std::vector<uint8_t>&) { return false; }
std::vector<std::vector<uint8_t>> DahdiEmu::dchan_take(int) { return {}; }
int DahdiEmu::open(const char*, int) { return -ENOSYS; }
int DahdiEmu::close(int) { return -ENOSYS; }
int64_t DahdiEmu::read(int, void*, uint64_t) { return -ENOSYS; }
int64_t DahdiEmu::write(int, const void*, uint64_t) { return -ENOSYS; }
int DahdiEmu::poll(struct pollfd*, uint64_t, int) { return -ENOSYS; }
}  // namespace bcti::sim

#endif
