// Caller ID on one channel, on the media thread.
//   FXS (send): a ring command may carry a caller ID burst (built on the JS
//   thread). It is played in the first ring pause, `after_ring_ms` after the
//   first ring ends (Bellcore GR-30 / China YD/T 1277.1: >= 500 ms; the ring
//   command checked that it ends >= 200 ms before the second ring), and dropped
//   if the phone stops ringing first. `line:callerid-sent` reports it.
//   Before the first ring (ETSI EN 300 659-1), the burst (DT-AS + FSK, or FSK
//   after the ring pulse the signalling gives) starts at a set time after the
//   ring command instead; for DT-AS the line is reversed from the command until
//   the burst ends (or the ringing ends first).
//   FXO (capture): while the line is idle or alerting, a CidFskRx listens to
//   what the line sends (ETSI before the first ring, Bellcore/China between the
//   first and second); the first message of a call is reported as
//   `line:callerid` (text: the number; name: "private"/"unavailable" when
//   withheld; value: the time MMDDHHMM as a number, 0 if not sent), followed
//   by `line:callerid-name` (text: the name) when a name was sent.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "native/dsp/callerid.h"

namespace bcti {

class CallerIdPort {
 public:
  // FXS ---------------------------------------------------------------------
  void arm(std::shared_ptr<const std::vector<int16_t>> burst, int after_ring_ms) {
    burst_ = std::move(burst);
    after_ms_ = after_ring_ms;
    start_ms_ = -1;
    pos_ = 0;
  }
  // ETSI: the burst starts at `at_ms` (the media clock), not in a ring pause.
  void arm_at(std::shared_ptr<const std::vector<int16_t>> burst, int64_t at_ms, bool reversed) {
    arm(std::move(burst), 0);
    start_ms_ = at_ms;
    reversed_ = reversed;
  }
  void disarm() { burst_.reset(); }
  // The line is reversed for the burst (restore it when it ends or is dropped).
  bool reversed() const { return reversed_; }
  void restored() { reversed_ = false; }
  // The first ring pause began.
  void ring_pause(int64_t now_ms) {
    if (burst_ && start_ms_ < 0) start_ms_ = now_ms + after_ms_;
  }
  // Writes the burst over tx while it plays; true when it just finished.
  bool play(int64_t now_ms, int16_t* tx, int n) {
    if (!burst_ || start_ms_ < 0 || now_ms < start_ms_) return false;
    const std::vector<int16_t>& b = *burst_;
    int k = 0;
    for (; k < n && pos_ < b.size(); k++) tx[k] = b[pos_++];
    if (pos_ < b.size()) return false;
    burst_.reset();
    return true;
  }

  // FXO ---------------------------------------------------------------------
  // Listens while `listening`; a new call (listening again after a pause in
  // listening) starts afresh. Messages go to `out` (at most one per call).
  template <typename Emit>
  void listen(bool listening, const int16_t* rx, int n, Emit&& emit) {
    if (!listening) {
      if (rx_active_) rx_.reset();
      rx_active_ = false;
      reported_ = false;
      return;
    }
    rx_active_ = true;
    if (reported_) return;
    got_ = false;
    rx_.rx(rx, n, &CallerIdPort::on_msg, this);
    if (got_) {
      reported_ = true;
      emit(msg_);
    }
  }

 private:
  static void on_msg(void* self, const CidMessage& m) {
    auto* p = static_cast<CallerIdPort*>(self);
    if (p->got_ || m.info.message_waiting >= 0) return;  // a line's MWI is not caller ID
    p->msg_ = m;
    p->got_ = true;
  }
  std::shared_ptr<const std::vector<int16_t>> burst_;
  int after_ms_ = 500;
  bool reversed_ = false;
  int64_t start_ms_ = -1;
  size_t pos_ = 0;

  CidFskRx rx_;
  bool rx_active_ = false;
  bool reported_ = false;
  bool got_ = false;
  CidMessage msg_{};
};

}  // namespace bcti
