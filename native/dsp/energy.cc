#include "native/dsp/energy.h"

#include <algorithm>
#include <string>

#include "native/base/errors.h"
#include "native/dsp/kernels.h"
#include "native/dsp/levels.h"

namespace bcti {

EnergyDetector::EnergyDetector(const EnergyConfig& cfg, int lane) : cfg_(cfg), lane_(lane) {
  auto bad = [](const std::string& m) { throw CtiError(err::kBadArgument, "energy detector: " + m); };
  if (cfg.frame_ms < 5 || cfg.frame_ms > 50) bad("frameMs must be 5..50");
  if (cfg.silence_dbm0 > cfg.voice_dbm0) bad("silenceDbm0 must not be above voiceDbm0");
  if (cfg.voice_dbm0 > 3 || cfg.silence_dbm0 < -90) bad("thresholds must lie in [-90, 3] dBm0");
  if (cfg.onset_ms < cfg.frame_ms || cfg.onset_ms > 10000) bad("onsetMs must be frameMs..10000");
  if (cfg.hangover_ms < cfg.frame_ms || cfg.hangover_ms > 600000) bad("hangoverMs must be frameMs..600000");
  frame_n_ = cfg.frame_ms * kSampleRate / 1000;
  voice_pow_ = dbm0_to_power(cfg.voice_dbm0);
  silence_pow_ = dbm0_to_power(cfg.silence_dbm0);
}

void EnergyDetector::reset() {
  EnergyConfig c = cfg_;
  int lane = lane_;
  *this = EnergyDetector(c, lane);
}

void EnergyDetector::rx(const int16_t* x, int n, Sink sink, void* ctx) {
  const Kernels& k = kernels();
  while (n > 0) {
    int take = std::min(n, frame_n_ - fill_);
    acc_ += k.sum_squares(x, take);
    fill_ += take;
    pos_ += take;
    x += take;
    n -= take;
    if (fill_ == frame_n_) {
      frame(acc_, fill_, sink, ctx);
      frame_start_ = pos_;
      fill_ = 0;
      acc_ = 0;
    }
  }
}

void EnergyDetector::flush(Sink sink, void* ctx) {
  if (fill_ * 2 >= frame_n_) frame(acc_, fill_, sink, ctx);
  frame_start_ = pos_;
  fill_ = 0;
  acc_ = 0;
}

void EnergyDetector::frame(double sum_sq, int n, Sink sink, void* ctx) {
  double p = sum_sq / n;
  level_dbm0_ = power_to_dbm0(p);
  const int64_t at = frame_start_;
  if (state_ != EnergyState::kVoice) {
    if (p >= voice_pow_) {
      if (vrun_++ == 0) {
        vstart_ = at;
        vsum_ = 0;
      }
      vsum_ += p;
      if (vrun_ * cfg_.frame_ms >= cfg_.onset_ms) {
        state_ = EnergyState::kVoice;
        since_ = vstart_;
        qrun_ = 0;
        if (sink) sink(ctx, EnergyEvent{lane_, true, vstart_, power_to_dbm0(vsum_ / vrun_)});
      }
    } else {
      vrun_ = 0;
    }
  }
  if (state_ != EnergyState::kSilence) {
    if (p < silence_pow_) {
      if (qrun_++ == 0) {
        qstart_ = at;
        qsum_ = 0;
      }
      qsum_ += p;
      if (qrun_ * cfg_.frame_ms >= cfg_.hangover_ms) {
        state_ = EnergyState::kSilence;
        since_ = qstart_;
        vrun_ = 0;
        if (sink) sink(ctx, EnergyEvent{lane_, false, qstart_, power_to_dbm0(qsum_ / qrun_)});
      }
    } else {
      qrun_ = 0;
    }
  }
}

}  // namespace bcti
