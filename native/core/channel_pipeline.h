// One channel's media path on the media thread, once per frame:
//   decode (line -> linear, and into the detector bank)
//   -> detector events (DTMF, tones, energy) -> collect / barge-in / stop-on-digit
//   -> process: what the channel sends (bridge partner, player) and records
//   -> encode (linear -> line).
// Commands for the channel arrive through apply(); each media operation that JS
// started ends with exactly one completion event carrying its command id.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "drivers/driver.h"
#include "native/core/callerid_port.h"
#include "native/core/command.h"
#include "native/core/event.h"
#include "native/dsp/energy.h"
#include "native/media/player.h"
#include "native/sig/line_signalling.h"
#include "native/sig/pri_channel.h"
#include "native/sig/r2_register.h"

namespace bcti {

class Engine;
struct DtmfEvent;
struct ToneEvent;
class Recorder;
class DiskWriter;
class PriSpan;

inline constexpr int kMaxFrame = 160;

class ChannelPipeline final : public SigPort, public PriChannel {
 public:
  ChannelPipeline(Engine& engine, int board, const drv::ChannelInfo& info, int global_index);
  ~ChannelPipeline();

  void decode(const uint8_t* codes, float* bank_lane, int n);
  void on_dtmf(const DtmfEvent& e);
  void on_tone(const ToneEvent& e);
  void on_energy(const EnergyEvent& e);
  void process(int n);
  void encode(uint8_t* codes, int n);
  // Returns true when the command already ended with its own event (a media
  // operation, or a refusal); false when the engine should report it done.
  bool apply(const Command& c);
  void shutdown();

  // Signalling: raw board events in, timers every tick.
  void on_line_event(const drv::LineEvent& e);
  void sig_tick() { sig_.tick(now_ms(), *this); }
  void span_alarm(bool raised) { sig_.alarm(raised, now_ms(), *this); }
  void board_reset() { sig_.reset(now_ms(), *this); }
  // Any thread: the last published line state (for /api/boards).
  LineState line_state() const { return static_cast<LineState>(published_state_.load(std::memory_order_relaxed)); }
  const drv::ChannelInfo& info() const override { return info_; }
  int board() const { return board_; }

  // ISDN PRI: the span's D channel signals for this B channel (commands go to it).
  void set_pri(PriSpan* span) { pri_ = span; }
  // E1 CAS: the numbers travel in MFC-R2 registers after the seizure (r2_register.h).
  void set_r2(const R2Config& cfg) {
    r2_ = R2Register(cfg);
    r2_on_ = true;
  }
  bool r2() const { return r2_on_; }
  // PriChannel
  LineState sig_state() const override { return sig_.state(); }
  void pri_go(LineState to, const char* why) override { sig_.drive(to, now_ms(), why, *this); }
  void pri_event(const char* type, const char* name, int64_t value, const CallParties* parties = nullptr) override;

  // SigPort
  void hook(drv::HookOp op) override;
  void set_bits(uint32_t abcd) override;
  void line_event(const char* type, const char* name, int64_t value) override;
  void line_refused(LineState from, LineState to, const char* why, uint32_t refused) override;

  // DTMF detection runs while asked for or while an operation needs digits.
  bool wants_dtmf() const { return dtmf_running_; }
  // Once digits have been asked for (collect, barge-in, stop digits), the digit
  // buffer stays on until hang-up, so digits pressed between two prompts are
  // typed ahead, not lost.
  bool needs_dtmf() const { return detect_.dtmf || digit_buffer_ || collect_id_ || barge_in_ || !stop_digits_.empty(); }
  // The engine switches the channel's detector lanes on and off (a lane is reset
  // when switched on: its sample 0 is now).
  void set_dtmf_running(bool on);
  void set_tones_running(bool on);
  bool wants_tones() const { return tones_running_; }
  bool needs_tones() const { return detect_.tones; }
  const int16_t* rx() const { return rx_; }
  int16_t* tx() { return tx_; }
  int global_index() const { return global_; }
  int64_t samples() const { return samples_; }
  // Bridge partner (global index) or -1.
  int peer() const { return peer_; }
  void set_peer(int p) { peer_ = p; }
  int conference() const { return conf_; }
  int conference_slot() const { return conf_slot_; }
  void set_conference(int c, int slot, ConfMode m) {
    conf_ = c;
    conf_slot_ = slot;
    conf_mode_ = m;
  }
  int16_t* conf_out() { return conf_out_; }
  // JS thread, before a record command is queued: the channel's recorder is
  // created (and registered with the disk writer) off the media thread.
  void prepare_recorder(DiskWriter& writer);

 private:
  Event make(const char* type, uint32_t cmd = 0) const;
  void finish_play(const char* reason, const char* code = nullptr, char digit = 0);
  void fail(uint32_t cmd, const char* code, const std::string& msg);
  void finish_collect(const char* reason, const char* code = nullptr, char digit = 0);
  void collect_digit(char d);
  void digit_for_operations(char d);
  void start_play(const Command& c);
  void start_record(const Command& c);
  void start_collect(const Command& c);
  void stop_all(const char* why);
  void detect_energy(int n);
  int64_t now_ms() const;
  static int64_t to_ms(int64_t base, int64_t sample) { return base + sample / 8; }

  Engine& engine_;
  int board_;
  drv::ChannelInfo info_;
  int global_;
  int16_t rx_[kMaxFrame] = {};
  int16_t tx_[kMaxFrame] = {};
  int64_t samples_ = 0;  // samples since start, this channel's detector time base

  DetectSpec detect_{false, false, false};
  int64_t dtmf_base_ms_ = 0;  // engine time of the DTMF lane's sample 0
  int64_t tone_base_ms_ = 0;
  bool dtmf_running_ = false;
  bool tones_running_ = false;
  // Energy (voice / silence) runs on the channel's own decoded audio: cheap
  // enough not to need a bank. Reset when switched on, like the lanes.
  EnergyDetector energy_;
  bool energy_running_ = false;
  int64_t energy_base_ms_ = 0;

  // play
  Player player_;
  uint32_t play_id_ = 0;
  bool barge_in_ = false;

  // record: created on the JS thread, then owned by this channel for good.
  std::unique_ptr<Recorder> recorder_;
  std::atomic<Recorder*> recorder_ready_{nullptr};
  uint32_t record_id_ = 0;
  std::string stop_digits_;
  RecordSource record_source_ = RecordSource::kRx;
  int16_t mix_[kMaxFrame] = {};

  // collect
  uint32_t collect_id_ = 0;
  CollectSpec collect_;
  std::string digits_;     // collected so far
  std::string typeahead_;  // digits heard with no collect running
  bool digit_buffer_ = false;
  int64_t collect_deadline_ms_ = 0;

  LineSignalling sig_;
  PriSpan* pri_ = nullptr;
  std::atomic<uint8_t> published_state_{0};
  CallerIdPort cid_;
  LineState cid_prev_ = LineState::kIdle;
  void callerid_frame(int n);
  R2Register r2_;
  bool r2_on_ = false;
  void register_frame(int n);
  bool register_line_event(const char* type, const char* name);
  const char* register_setup(const SetupSpec& s, int64_t now, const char** why);
  void restore_polarity();

  int peer_ = -1;
  int conf_ = 0;
  int conf_slot_ = -1;
  ConfMode conf_mode_ = ConfMode::kTalkListen;
  int16_t conf_out_[kMaxFrame] = {};
};

}  // namespace bcti
