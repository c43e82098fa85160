// One channel's media path on the media thread, once per frame:
//   decode (line -> linear, and into the detector bank)
//   -> detector events (DTMF, tones, energy) -> collect / barge-in / stop-on-digit
//   -> process: what the channel sends (bridge partner, player) and records
//   -> encode (linear -> line).
// Commands for the channel arrive through apply(); each media operation that JS
// started ends with exactly one completion event carrying its command id.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "drivers/driver.h"
#include "native/core/command.h"
#include "native/core/event.h"

namespace bcti {

class Engine;
struct DtmfEvent;
struct ToneEvent;
class Player;
class Recorder;
class EnergyDetector;

inline constexpr int kMaxFrame = 160;

class ChannelPipeline {
 public:
  ChannelPipeline(Engine& engine, int board, const drv::ChannelInfo& info, int global_index);
  ~ChannelPipeline();

  void decode(const uint8_t* codes, float* bank_lane, int n);
  void on_dtmf(const DtmfEvent& e);
  void on_tone(const ToneEvent& e);
  void process(int n);
  void encode(uint8_t* codes, int n);
  void apply(const Command& c);
  void shutdown();

  bool wants_dtmf() const { return detect_.dtmf || collect_id_ || barge_in_ || !stop_digits_.empty(); }
  bool wants_tones() const { return detect_.tones; }
  const int16_t* rx() const { return rx_; }
  int16_t* tx() { return tx_; }
  int global_index() const { return global_; }
  int64_t samples() const { return samples_; }
  // Bridge partner (global index) or -1.
  int peer() const { return peer_; }
  void set_peer(int p) { peer_ = p; }
  int conference() const { return conf_; }
  void set_conference(int c, ConfMode m) { conf_ = c; conf_mode_ = m; }
  ConfMode conf_mode() const { return conf_mode_; }

 private:
  Event make(const char* type, uint32_t cmd = 0) const;
  void finish_play(const char* reason, const char* code = nullptr);
  void finish_record(const char* reason, const char* code = nullptr, const std::string& msg = {});
  void finish_collect(const char* reason, const char* code = nullptr);
  void digit_for_operations(char d);
  int64_t now_ms() const;

  Engine& engine_;
  int board_;
  drv::ChannelInfo info_;
  int global_;
  int16_t rx_[kMaxFrame] = {};
  int16_t tx_[kMaxFrame] = {};
  int64_t samples_ = 0;  // samples since start, this channel's detector time base

  DetectSpec detect_{false, false, false};
  std::unique_ptr<EnergyDetector> energy_;

  // play
  std::unique_ptr<Player> player_;
  uint32_t play_id_ = 0;
  bool barge_in_ = false;
  std::string play_label_;

  // record
  std::unique_ptr<Recorder> recorder_;
  uint32_t record_id_ = 0;
  std::string stop_digits_;

  // collect
  uint32_t collect_id_ = 0;
  CollectSpec collect_;
  std::string digits_;       // collected so far
  std::string typeahead_;    // digits heard with no collect running
  int64_t collect_deadline_ms_ = 0;

  int peer_ = -1;
  int conf_ = 0;
  ConfMode conf_mode_ = ConfMode::kTalkListen;
};

}  // namespace bcti
