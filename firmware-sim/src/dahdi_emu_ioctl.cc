// The DAHDI emulator's ioctls (dahdi_emu.h): the subset of dahdi/user.h a
// voice application uses, answered as dahdi-base.c answers them. Anything else
// is ENOTTY, as the kernel says of an ioctl it does not know.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "dahdi_emu.h"

#if __has_include(<dahdi/user.h>)
#include <dahdi/user.h>

namespace bcti::sim {
namespace {

template <typename T>
T& as(void* arg) {
  return *static_cast<T*>(arg);
}

void copy(char* dst, size_t cap, const std::string& s) { std::snprintf(dst, cap, "%s", s.c_str()); }

}  // namespace

int DahdiEmu::ioctl(int fd, uint64_t request, void* arg) {
  std::lock_guard<std::mutex> lk(mu_);
  auto it = fds_.find(fd);
  if (it == fds_.end()) return -EBADF;
  if (!arg && request != DAHDI_SYNC) return -EFAULT;
  if (request == DAHDI_GETVERSION) {
    dahdi_versioninfo& v = as<dahdi_versioninfo>(arg);
    std::memset(&v, 0, sizeof v);
    copy(v.version, sizeof v.version, "2.11.1 (emulated on firmware-sim)");
    return 0;
  }
  if (request == DAHDI_SPANSTAT) {
    dahdi_spaninfo& si = as<dahdi_spaninfo>(arg);
    int span = si.spanno;
    if (span == 0 && it->second.chan >= 0) span = chans_[it->second.chan].id.span;
    return spanstat(span, arg);
  }
  if (it->second.chan < 0) {
    if (request == DAHDI_SPECIFY) {
      if (it->second.ctl) return -EINVAL;
      Chan* c = by_number(as<int>(arg));
      if (!c) return -ENXIO;
      if (c->fd >= 0) return -EBUSY;
      c->fd = fd;
      c->events.clear();
      it->second.chan = static_cast<int>(c - chans_.data());
      return 0;
    }
    if (request == DAHDI_GET_PARAMS) {  // by number, on ctl or an unbound fd
      Chan* c = by_number(as<dahdi_params>(arg).channo);
      if (!c) return -ENXIO;
      return chan_ioctl(*c, request, arg);
    }
    return it->second.ctl ? -ENOTTY : -EINVAL;
  }
  int r = chan_ioctl(chans_[it->second.chan], request, arg);
  changed();  // DAHDI_HOOK and the like queue events of their own
  return r;
}

int DahdiEmu::spanstat(int span, void* arg) {
  bcti_sim_span_status st{};
  if (span < 1 || !port_->span_status(port_->ctx, span, &st)) return -EINVAL;
  dahdi_spaninfo& si = as<dahdi_spaninfo>(arg);
  std::memset(&si, 0, sizeof si);
  si.spanno = span;
  bool e1 = false;
  int chans = 0;
  for (const Chan& c : chans_)
    if (c.id.span == span) chans++, e1 = e1 || c.id.sig == DAHDI_SIG_CAS || c.id.sig == DAHDI_SIG_HARDHDLC;
  copy(si.name, sizeof si.name, "EMU/" + std::to_string(span));
  copy(si.desc, sizeof si.desc,
       std::string("firmware-sim ") + (e1 ? "E1" : "analog") + " span " + std::to_string(span));
  copy(si.manufacturer, sizeof si.manufacturer, "firmware-sim");
  copy(si.devicetype, sizeof si.devicetype, port_->model ? port_->model : "simulated board");
  copy(si.location, sizeof si.location, port_->serial ? port_->serial : "");
  copy(si.spantype, sizeof si.spantype, e1 ? "E1" : "");
  auto a = alarms_.find(span);
  si.alarms = a == alarms_.end() ? 0 : a->second;
  si.bpvcount = static_cast<int>(st.bipolar_violations);
  si.crc4count = static_cast<int>(st.crc_errors);
  si.fascount = static_cast<int>(st.frame_errors);
  si.numchans = si.totalchans = e1 ? 31 : chans;
  si.totalspans = port_->span_count;
  si.linecompat = e1 ? DAHDI_CONFIG_HDB3 | DAHDI_CONFIG_CCS : 0;
  return 0;
}

int DahdiEmu::chan_ioctl(Chan& c, uint64_t request, void* arg) {
  const int sim = c.id.sim;
  const bool hdlc = c.id.sig == DAHDI_SIG_HARDHDLC;
  switch (request) {
    case DAHDI_SPECIFY: return -EINVAL;  // already bound
    case DAHDI_CHANNO: as<int>(arg) = c.id.number; return 0;
    case DAHDI_GET_PARAMS: {
      dahdi_params& p = as<dahdi_params>(arg);
      std::memset(&p, 0, sizeof p);
      p.channo = c.id.number;
      p.spanno = c.id.span;
      p.chanpos = c.id.chanpos;
      p.sigtype = p.sigcap = c.id.sig;
      p.rxisoffhook = c.rx_offhook ? 1 : 0;
      p.rxbits = c.rxbits;
      p.txbits = c.txbits;
      int law = c.law ? c.law : (c.sim_law == BCTI_SIM_ULAW ? DAHDI_LAW_MULAW : DAHDI_LAW_ALAW);
      p.curlaw = law;
      std::snprintf(p.name, sizeof p.name, "EMU/%d/%d", c.id.span, c.id.chanpos);
      auto a = alarms_.find(c.id.span);
      p.chan_alarms = a == alarms_.end() ? 0 : static_cast<__u32>(a->second);
      return 0;
    }
    case DAHDI_GET_BLOCKSIZE: as<int>(arg) = c.block; return 0;
    case DAHDI_SET_BLOCKSIZE: {
      int b = as<int>(arg);
      if (hdlc || b < 16 || b > DAHDI_MAX_BLOCKSIZE) return -EINVAL;
      c.block = b;
      c.rx.clear(), c.tx.clear();
      return 0;
    }
    case DAHDI_GET_BUFINFO: {
      dahdi_bufferinfo& bi = as<dahdi_bufferinfo>(arg);
      bi = {DAHDI_POLICY_IMMEDIATE,        DAHDI_POLICY_IMMEDIATE,       c.numbufs, c.block,
            static_cast<int>(c.rx.size()), static_cast<int>(c.tx.size())};
      return 0;
    }
    case DAHDI_SET_BUFINFO: {
      const dahdi_bufferinfo& bi = as<dahdi_bufferinfo>(arg);
      if (bi.numbufs < 2 || bi.numbufs > 32 || bi.bufsize < 16 || bi.bufsize > DAHDI_MAX_BLOCKSIZE) return -EINVAL;
      c.numbufs = bi.numbufs;
      if (!hdlc) c.block = bi.bufsize;
      return 0;
    }
    case DAHDI_SETLAW: {
      int law = as<int>(arg);
      if (hdlc || law < DAHDI_LAW_DEFAULT || law > DAHDI_LAW_ALAW) return -EINVAL;
      c.law = law;
      return 0;
    }
    case DAHDI_FLUSH: {
      int what = as<int>(arg);
      if (what & DAHDI_FLUSH_READ) c.rx.clear();
      if (what & DAHDI_FLUSH_WRITE) c.tx.clear();
      if (what & DAHDI_FLUSH_EVENT) c.events.clear();
      return 0;
    }
    case DAHDI_GETEVENT:
      as<int>(arg) = c.events.empty() ? DAHDI_EVENT_NONE : c.events.front();
      if (!c.events.empty()) c.events.pop_front();
      return 0;
    case DAHDI_HOOK: {
      int op = as<int>(arg);
      if (c.id.sig == DAHDI_SIG_FXSKS) {  // an FXO port: the board works the line
        if (op == DAHDI_OFFHOOK) c.offhook = true, port_->hook(port_->ctx, sim, BCTI_SIM_OFF_HOOK);
        else if (op == DAHDI_ONHOOK) c.offhook = false, port_->hook(port_->ctx, sim, BCTI_SIM_ON_HOOK);
        else if (op == DAHDI_FLASH && c.offhook)
          port_->hook(port_->ctx, sim, BCTI_SIM_FLASH), queue(c, DAHDI_EVENT_HOOKCOMPLETE);
        else return -EINVAL;
        return 0;
      }
      if (c.id.sig == DAHDI_SIG_FXOKS) {  // an FXS port: the board rings the phone
        if (op == DAHDI_RING || op == DAHDI_START)
          port_->hook(port_->ctx, sim, BCTI_SIM_RING), queue(c, DAHDI_EVENT_RINGERON);
        else if (op == DAHDI_RINGOFF) port_->hook(port_->ctx, sim, BCTI_SIM_RING_OFF), queue(c, DAHDI_EVENT_RINGEROFF);
        else if (op != DAHDI_ONHOOK && op != DAHDI_OFFHOOK) return -EINVAL;
        return 0;
      }
      return -EINVAL;  // CAS and HDLC channels have no hook switch
    }
    case DAHDI_SETPOLARITY:
      if (c.id.sig != DAHDI_SIG_FXOKS) return -EINVAL;
      port_->set_polarity(port_->ctx, sim, as<int>(arg) ? 1 : 0);
      return 0;
    case DAHDI_SETTXBITS:
      if (c.id.sig != DAHDI_SIG_CAS) return -EINVAL;
      c.txbits = as<int>(arg) & 0xF;
      port_->set_bits(port_->ctx, sim, static_cast<uint32_t>(c.txbits));
      return 0;
    case DAHDI_GETRXBITS:
      if (c.id.sig != DAHDI_SIG_CAS) return -EINVAL;
      as<int>(arg) = c.rxbits;
      return 0;
    case DAHDI_ECHOCANCEL_PARAMS: {
      const dahdi_echocanparams& ec = as<dahdi_echocanparams>(arg);
      if (hdlc || ec.tap_length > 1024) return -EINVAL;
      c.ec_taps = static_cast<int>(ec.tap_length);  // accepted; the emulator cancels nothing
      return 0;
    }
    case DAHDI_SETCADENCE: return c.id.sig == DAHDI_SIG_FXOKS ? 0 : -EINVAL;
    case DAHDI_SYNC: return 0;
    default: return -ENOTTY;
  }
}

}  // namespace bcti::sim

#else

namespace bcti::sim {
int DahdiEmu::ioctl(int, uint64_t, void*) { return -ENOSYS; }
}  // namespace bcti::sim

#endif
