#include "drivers/dahdi/dahdi_board.h"

#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#if __has_include(<dahdi/user.h>)
#include <dahdi/user.h>

namespace bcti::drv {
namespace {

constexpr size_t kRing = 1024;     // pending events; more is a stuck engine
constexpr int kDchanFrame = 1024;  // largest Q.921 frame + FCS (chan_dahdi's buffer size)
constexpr int kPollMs = 100;       // a card interrupts every 1..20 ms; 100 ms of silence is a fault

std::string errtext(int e) { return std::string(std::strerror(e)) + " (errno " + std::to_string(e) + ")"; }

bool is_hdlc(int sig) { return sig == DAHDI_SIG_HDLCFCS || sig == DAHDI_SIG_HARDHDLC || sig == DAHDI_SIG_HDLCNET; }

// DAHDI names a port by the signalling it uses: FXO signalling drives a phone (an FXS port).
bool kind_of(int sig, ChannelKind* k) {
  if (sig & __DAHDI_SIG_FXO) *k = ChannelKind::kFxs;
  else if (sig & __DAHDI_SIG_FXS) *k = ChannelKind::kFxo;
  else if (sig == DAHDI_SIG_CAS || sig == DAHDI_SIG_CLEAR || sig == DAHDI_SIG_EM_E1) *k = ChannelKind::kE1;
  else return false;
  return true;
}

int hook_value(HookOp op) {
  switch (op) {
    case HookOp::kOnHook: return DAHDI_ONHOOK;
    case HookOp::kOffHook: return DAHDI_OFFHOOK;
    case HookOp::kFlash: return DAHDI_FLASH;
    case HookOp::kRing: return DAHDI_RING;
    case HookOp::kRingOff: return DAHDI_RINGOFF;
  }
  return DAHDI_ONHOOK;
}

std::string trimmed(const char* s, size_t n) {
  std::string out(s, strnlen(s, n));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

uint32_t alarm_bits_from_dahdi(int a) {
  uint32_t out = 0;
  if (a & DAHDI_ALARM_LOS) out |= kAlarmLos;
  if (a & (DAHDI_ALARM_RED | DAHDI_ALARM_LFA | DAHDI_ALARM_LMFA)) out |= kAlarmRed;
  if (a & DAHDI_ALARM_YELLOW) out |= kAlarmYellow;
  if (a & DAHDI_ALARM_BLUE) out |= kAlarmBlue;
  return out;
}

DahdiBoard::DahdiBoard(std::unique_ptr<DahdiSys> sys, const DahdiConfig& cfg) : sys_(std::move(sys)), cfg_(cfg) {
  if (cfg_.channels.empty()) throw std::invalid_argument("dahdi: no channels configured");
  if (cfg_.block < 8 || cfg_.block > 8000) throw std::invalid_argument("dahdi: block size must be 8..8000 samples");
  std::string ctl = cfg_.dev_dir + "/ctl";
  ctl_ = sys_->open(ctl.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (ctl_ < 0) {
    int e = errno;
    throw DahdiUnavailable(
        "dahdi: cannot open " + ctl + " through " + sys_->name() + ": " + errtext(e) +
        (e == ENOENT ? "; is DAHDI installed and a card's module loaded? (drivers/dahdi/README.md)" : ""));
  }
  try {
    for (int number : cfg_.channels) open_channel(number);
    dahdi_versioninfo v{};
    std::string version = sys_->ioctl(ctl_, DAHDI_GETVERSION, &v) == 0 ? trimmed(v.version, sizeof v.version) : "";
    info_.driver = "dahdi";
    info_.firmware = "DAHDI " + (version.empty() ? std::string("(version unknown)") : version);
    int first = !chans_.empty() ? chans_[0].span : dchans_[0].span;
    dahdi_spaninfo si{};
    si.spanno = first;
    if (sys_->ioctl(ctl_, DAHDI_SPANSTAT, &si) == 0) {
      info_.model = trimmed(si.manufacturer, sizeof si.manufacturer);
      std::string type = trimmed(si.devicetype, sizeof si.devicetype);
      if (!type.empty()) info_.model += (info_.model.empty() ? "" : " ") + type;
      info_.serial = trimmed(si.location, sizeof si.location);
    }
    if (info_.model.empty()) info_.model = "DAHDI span " + std::to_string(first);
    if (info_.serial.empty()) info_.serial = "span " + std::to_string(first);
    ring_.resize(kRing);
    int spans = 0;
    for (const Chan& c : chans_) spans = std::max(spans, c.span);
    for (const DChan& d : dchans_) spans = std::max(spans, d.span);
    alarms_.assign(static_cast<size_t>(spans) + 1, 0);
    // What the board is like now: alarms raised, phones already off hook.
    for (int sp = 1; sp <= spans; sp++) check_alarms(sp);
    for (size_t i = 0; i < chans_.size(); i++) {
      if (chans_[i].kind != ChannelKind::kFxs) continue;
      dahdi_params p{};
      p.channo = chans_[i].dahdi;
      if (sys_->ioctl(chans_[i].fd, DAHDI_GET_PARAMS, &p) == 0 && p.rxisoffhook)
        push(LineEventType::kOffHook, chans_[i].span, static_cast<int>(i) + 1, 0);
    }
  } catch (...) {
    for (const Chan& c : chans_) sys_->close(c.fd);
    for (const DChan& d : dchans_) sys_->close(d.fd);
    sys_->close(ctl_);
    throw;
  }
  for (const Chan& c : chans_) pfds_.push_back({c.fd, 0, 0});
}

DahdiBoard::~DahdiBoard() {
  // Closing puts a channel back on hook and stops its ringer (the kernel's rule).
  for (const Chan& c : chans_) sys_->close(c.fd);
  for (const DChan& d : dchans_) sys_->close(d.fd);
  if (ctl_ >= 0) sys_->close(ctl_);
}

void DahdiBoard::fail(const std::string& what, int number) const {
  throw std::invalid_argument("dahdi: channel " + std::to_string(number) + ": " + what + ": " + errtext(errno));
}

void DahdiBoard::open_channel(int number) {
  std::string path = cfg_.dev_dir + "/channel";
  int fd = sys_->open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    throw DahdiUnavailable("dahdi: cannot open " + path + " through " + sys_->name() + ": " + errtext(e));
  }
  int chan = number;
  dahdi_params p{};
  p.channo = number;
  if (sys_->ioctl(fd, DAHDI_SPECIFY, &chan) != 0 || sys_->ioctl(fd, DAHDI_GET_PARAMS, &p) != 0) {
    int e = errno;
    sys_->close(fd);
    errno = e;
    fail("not a configured DAHDI channel (DAHDI_SPECIFY / DAHDI_GET_PARAMS; see dahdi_cfg -vv)", number);
  }
  if (is_hdlc(p.sigtype)) {
    DChan d{fd, number, p.spanno, std::vector<uint8_t>(kDchanFrame)};
    dahdi_bufferinfo bi{DAHDI_POLICY_IMMEDIATE, DAHDI_POLICY_IMMEDIATE, 16, kDchanFrame, 0, 0};
    if (sys_->ioctl(fd, DAHDI_SET_BUFINFO, &bi) != 0) {
      sys_->close(fd);
      fail("DAHDI_SET_BUFINFO on the D-channel", number);
    }
    if (dchan(d.span)) {
      sys_->close(fd);
      throw std::invalid_argument("dahdi: span " + std::to_string(d.span) + " has two D-channels configured");
    }
    dchans_.push_back(std::move(d));
    info_.dchannel_spans.push_back(p.spanno);
    return;
  }
  Chan c;
  c.fd = fd;
  c.dahdi = number;
  c.span = p.spanno;
  if (!kind_of(p.sigtype, &c.kind)) {
    sys_->close(fd);
    throw std::invalid_argument("dahdi: channel " + std::to_string(number) + ": signalling 0x" + [&] {
      char b[16];
      std::snprintf(b, sizeof b, "%x", static_cast<unsigned>(p.sigtype));
      return std::string(b);
    }() + " is not one this driver runs (fxoks/fxols, fxsks/fxsls, cas, clear, dchan)");
  }
  if (c.kind == ChannelKind::kE1) c.timeslot = p.chanpos;
  chans_.push_back(c);
  setup_voice(chans_.back());
}

void DahdiBoard::setup_voice(Chan& c) {
  int bs = cfg_.block;
  if (sys_->ioctl(c.fd, DAHDI_SET_BLOCKSIZE, &bs) != 0) fail("DAHDI_SET_BLOCKSIZE " + std::to_string(bs), c.dahdi);
  dahdi_bufferinfo bi{DAHDI_POLICY_IMMEDIATE, DAHDI_POLICY_IMMEDIATE, cfg_.numbufs, cfg_.block, 0, 0};
  if (sys_->ioctl(c.fd, DAHDI_SET_BUFINFO, &bi) != 0) fail("DAHDI_SET_BUFINFO", c.dahdi);
  if (cfg_.law >= 0) {
    int law = cfg_.law == static_cast<int>(Law::kUlaw) ? DAHDI_LAW_MULAW : DAHDI_LAW_ALAW;
    if (sys_->ioctl(c.fd, DAHDI_SETLAW, &law) != 0) fail("DAHDI_SETLAW", c.dahdi);
  }
  dahdi_params p{};
  p.channo = c.dahdi;
  if (sys_->ioctl(c.fd, DAHDI_GET_PARAMS, &p) != 0) fail("DAHDI_GET_PARAMS", c.dahdi);
  Law law = p.curlaw == DAHDI_LAW_MULAW ? Law::kUlaw : Law::kAlaw;
  c.idle = law == Law::kUlaw ? 0xFF : 0xD5;
  {
    // tap_length 0 turns off a canceller a previous user left on.
    dahdi_echocanparams ec{};
    ec.tap_length = static_cast<__u32>(std::max(0, cfg_.echo_taps));
    if (sys_->ioctl(c.fd, DAHDI_ECHOCANCEL_PARAMS, &ec) != 0 && cfg_.echo_taps > 0)
      fail("echo canceller (DAHDI_ECHOCANCEL_PARAMS): load one (e.g. dahdi_echocan_mg2) and name it in system.conf",
           c.dahdi);
  }
  if (c.kind == ChannelKind::kFxs) {
    // The engine times the ring cadence (kRing / kRingOff): one long burst
    // here, so the kernel's own cadence never interrupts it.
    dahdi_ring_cadence rc{};
    rc.ringcadence[0] = 30000;
    rc.ringcadence[1] = 100;
    sys_->ioctl(c.fd, DAHDI_SETCADENCE, &rc);
  }
  info_.channels.push_back({c.span, static_cast<int>(chans_.size()), c.timeslot, c.kind, law});
}

void DahdiBoard::push(LineEventType type, int span, int channel, uint32_t value) {
  if (count_ == ring_.size()) {  // full: the oldest goes
    head_ = (head_ + 1) % ring_.size();
    count_--;
    io_errors_++;
  }
  ring_[(head_ + count_) % ring_.size()] = {type, span, channel, value};
  count_++;
}

bool DahdiBoard::poll_event(LineEvent* ev) {
  if (count_ == 0) return false;
  *ev = ring_[head_];
  head_ = (head_ + 1) % ring_.size();
  count_--;
  return true;
}

void DahdiBoard::drain(int fd, int index) {
  for (int guard = 0; guard < 64; guard++) {  // DAHDI queues at most 64 (DAHDI_MAX_EVENTSIZE)
    int e = 0;
    if (sys_->ioctl(fd, DAHDI_GETEVENT, &e) != 0 || e == DAHDI_EVENT_NONE) return;
    on_event(index, e);
  }
}

void DahdiBoard::check_alarms(int span) {
  if (span < 1 || span >= static_cast<int>(alarms_.size())) return;
  dahdi_spaninfo si{};
  si.spanno = span;
  if (sys_->ioctl(ctl_, DAHDI_SPANSTAT, &si) != 0) return;
  uint32_t bits = alarm_bits_from_dahdi(si.alarms);
  if (bits == alarms_[span]) return;  // every channel of the span reports the same change: once is enough
  alarms_[span] = bits;
  push(LineEventType::kAlarm, span, 0, bits);
}

void DahdiBoard::on_event(int index, int e) {
  if (e == DAHDI_EVENT_ALARM || e == DAHDI_EVENT_NOALARM) {
    check_alarms(index >= 0 ? chans_[index].span : dchans_[-1 - index].span);
    return;
  }
  if (index < 0) return;  // D-channel: ABORT / BADFCS / OVERRUN; the Q.921 stack retransmits
  Chan& c = chans_[index];
  const int ch = index + 1;
  switch (c.kind) {
    case ChannelKind::kFxs:  // FXO signalling: the phone's hook switch
      if (e == DAHDI_EVENT_RINGOFFHOOK) push(LineEventType::kOffHook, c.span, ch, 0);
      else if (e == DAHDI_EVENT_ONHOOK) push(LineEventType::kOnHook, c.span, ch, 0);
      else if (e == DAHDI_EVENT_WINKFLASH) {
        // The kernel folds a short on-hook into one flash event; the engine
        // times flashes itself, so it gets the on-hook and off-hook back.
        push(LineEventType::kOnHook, c.span, ch, 0);
        push(LineEventType::kOffHook, c.span, ch, 0);
      }
      break;
    case ChannelKind::kFxo:  // FXS signalling: ring voltage, battery, loop current
      if (e == DAHDI_EVENT_RINGBEGIN) push(LineEventType::kRingBegin, c.span, ch, 0);
      else if (e == DAHDI_EVENT_RINGOFFHOOK) push(LineEventType::kRingEnd, c.span, ch, 0);
      else if (e == DAHDI_EVENT_POLARITY) {
        c.reversed = !c.reversed;
        push(LineEventType::kPolarity, c.span, ch, c.reversed ? 1 : 0);
      } else if (e == DAHDI_EVENT_ONHOOK) {
        push(LineEventType::kLoopDrop, c.span, ch, 0);  // kewlstart: the far end cleared
      }
      break;
    case ChannelKind::kE1:
      if (e == DAHDI_EVENT_BITSCHANGED) {
        int bits = 0;
        if (sys_->ioctl(c.fd, DAHDI_GETRXBITS, &bits) == 0)
          push(LineEventType::kBits, c.span, ch, static_cast<uint32_t>(bits) & 0xF);
      }
      break;
    default: break;
  }
  if (e == DAHDI_EVENT_REMOVED)
    push(LineEventType::kAlarm, c.span, 0, alarms_[c.span] = kAlarmLos);  // the card went away
}

void DahdiBoard::read(uint8_t* const* rx, int n) {
  const int count = static_cast<int>(chans_.size());
  if (count == 0) return;
  // Wait for the card's next block (the board is the clock); events count too.
  for (auto& p : pfds_) p.events = POLLIN | POLLPRI, p.revents = 0;
  if (sys_->poll(pfds_.data(), pfds_.size(), kPollMs) < 0 && errno != EINTR) io_errors_++;
  for (int i = 0; i < count; i++) {
    Chan& c = chans_[i];
    ssize_t got = -1;
    for (int attempt = 0; attempt < 3; attempt++) {
      got = sys_->read(c.fd, rx[i], static_cast<size_t>(n));
      if (got >= 0 || errno != ELAST) break;
      drain(c.fd, i);  // an event blocks the data until taken
    }
    if (got < n) {
      if (got < 0 && errno != EAGAIN) io_errors_++;
      std::memset(rx[i] + std::max<ssize_t>(got, 0), c.idle, static_cast<size_t>(n - std::max<ssize_t>(got, 0)));
    }
  }
  // Events that arrived while the frame was read: this frame's, not the next.
  for (auto& p : pfds_) p.events = POLLPRI, p.revents = 0;
  if (sys_->poll(pfds_.data(), pfds_.size(), 0) > 0)
    for (int i = 0; i < count; i++)
      if (pfds_[i].revents & POLLPRI) drain(chans_[i].fd, i);
}

void DahdiBoard::write(const uint8_t* const* tx, int n) {
  for (size_t i = 0; i < chans_.size(); i++) {
    ssize_t put = -1;
    for (int attempt = 0; attempt < 3; attempt++) {
      put = sys_->write(chans_[i].fd, tx[i], static_cast<size_t>(n));
      if (put >= 0 || errno != ELAST) break;
      drain(chans_[i].fd, static_cast<int>(i));
    }
    if (put != n) io_errors_++;  // EAGAIN: the kernel's buffers are full, this block is dropped
  }
}

void DahdiBoard::hook(int channel, HookOp op) {
  if (channel < 1 || channel > static_cast<int>(chans_.size())) return;
  Chan& c = chans_[channel - 1];
  if (c.kind == ChannelKind::kE1) return;  // CAS has no hook switch: set_bits() says it all
  int v = hook_value(op);
  if (sys_->ioctl(c.fd, DAHDI_HOOK, &v) != 0) io_errors_++;
  if (op == HookOp::kOnHook) c.reversed = false;  // a released line starts over at normal battery
}

void DahdiBoard::set_polarity(int channel, bool reversed) {
  if (channel < 1 || channel > static_cast<int>(chans_.size())) return;
  int v = reversed ? 1 : 0;
  if (sys_->ioctl(chans_[channel - 1].fd, DAHDI_SETPOLARITY, &v) != 0) io_errors_++;
}

void DahdiBoard::set_bits(int channel, uint32_t abcd) {
  if (channel < 1 || channel > static_cast<int>(chans_.size())) return;
  int v = static_cast<int>(abcd & 0xF);
  if (sys_->ioctl(chans_[channel - 1].fd, DAHDI_SETTXBITS, &v) != 0) io_errors_++;
}

SpanStatus DahdiBoard::span_status(int span) const {
  SpanStatus out;
  if (span < 1 || span >= static_cast<int>(alarms_.size())) return out;
  dahdi_spaninfo si{};
  si.spanno = span;
  if (sys_->ioctl(ctl_, DAHDI_SPANSTAT, &si) != 0) return out;
  out.alarms = alarm_bits_from_dahdi(si.alarms);
  // DAHDI 2.11's SPANSTAT counts no slips; the other counters are the framer's.
  out.crc_errors = static_cast<uint32_t>(si.crc4count);
  out.bipolar_violations = static_cast<uint32_t>(si.bpvcount);
  out.frame_errors = static_cast<uint32_t>(si.fascount);
  return out;
}

}  // namespace bcti::drv

#else  // no dahdi/user.h at build time

namespace bcti::drv {
// Built without DAHDI's header: the board cannot be opened, and says why.
DahdiBoard::DahdiBoard(std::unique_ptr<DahdiSys>, const DahdiConfig&) {
  throw DahdiUnavailable(
      "dahdi: this build has no <dahdi/user.h>: apt-get install dahdi-source, then node src/setup/build-native.mjs "
      "--force");
}
DahdiBoard::~DahdiBoard() = default;
void DahdiBoard::read(uint8_t* const*, int) {}
void DahdiBoard::write(const uint8_t* const*, int) {}
void DahdiBoard::hook(int, HookOp) {}
void DahdiBoard::set_polarity(int, bool) {}
void DahdiBoard::set_bits(int, uint32_t) {}
bool DahdiBoard::poll_event(LineEvent*) { return false; }
SpanStatus DahdiBoard::span_status(int) const { return {}; }
uint32_t alarm_bits_from_dahdi(int) { return 0; }
}  // namespace bcti::drv

#endif
