#include "line_model.h"

#include <algorithm>
#include <cmath>

#include "native/dsp/levels.h"

namespace bcti::sim {

namespace {
constexpr size_t kHist = 8192;  // > 1 s: longest echo delay + largest frame
int16_t sat(double x) { return static_cast<int16_t>(std::lround(std::clamp(x, -32768.0, 32767.0))); }
}  // namespace

LineModel::LineModel(const LineModelConfig& cfg, Law law, uint64_t seed, uint64_t stream)
    : cfg_(cfg), law_(law), rng_(seed, stream), hist_(kHist, 0) {
  gain_ = std::pow(10.0, -cfg.loss_db / 20.0);
  noise_sigma_ = cfg.noise_dbm0 <= -120 ? 0 : std::sqrt(dbm0_to_power(cfg.noise_dbm0));
  echo_gain_ = cfg.echo_return_loss_db >= 120 ? 0 : std::pow(10.0, -cfg.echo_return_loss_db / 20.0);
  echo_delay_ = std::clamp(static_cast<int>(std::lround(cfg.echo_delay_ms * 8)), 0, 4000);
}

void LineModel::reset() {
  std::fill(hist_.begin(), hist_.end(), 0);
  hist_pos_ = 0;
}

void LineModel::to_board(const int16_t* far, bool connected, uint8_t* rx, int n) {
  const G711Tables& t = g711_tables();
  last_n_ = n;
  // The sample the board sent `echo_delay_` samples before this one, one frame
  // back: hist_ holds up to the end of the previous frame.
  size_t back = static_cast<size_t>(echo_delay_) + static_cast<size_t>(n);
  for (int i = 0; i < n; i++) {
    double x = 0;
    if (connected) {
      if (far) x = far[i] * gain_;
      if (noise_sigma_ > 0) x += noise_sigma_ * rng_.gauss();
      if (echo_gain_ > 0) x += echo_gain_ * hist_[(hist_pos_ + kHist - back + i) % kHist];
    }
    rx[i] = g711_encode_one(t, law_, sat(x));
  }
}

void LineModel::from_board(const uint8_t* tx, bool connected, int16_t* heard, int n) {
  const G711Tables& t = g711_tables();
  for (int i = 0; i < n; i++) {
    int16_t s = g711_decode_one(t, law_, tx[i]);
    hist_[hist_pos_] = s;
    hist_pos_ = (hist_pos_ + 1) % kHist;
    if (!heard) continue;
    double x = 0;
    if (connected) {
      x = s * gain_;
      if (noise_sigma_ > 0) x += noise_sigma_ * rng_.gauss();
    }
    int16_t y = sat(x);
    if (cfg_.tandem_g711) y = g711_decode_one(t, law_, g711_encode_one(t, law_, y));
    heard[i] = y;
  }
}

}  // namespace bcti::sim
