#include "native/dsp/mf_r2.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "native/dsp/levels.h"

namespace bcti {

namespace {
constexpr double kFwd[6] = {1380, 1500, 1620, 1740, 1860, 1980};
constexpr double kBack[6] = {1140, 1020, 900, 780, 660, 540};
// Q.441: the frequency pair of signals 1..15, as indexes into the group.
constexpr int kPair[15][2] = {{0, 1}, {0, 2}, {1, 2}, {0, 3}, {1, 3}, {2, 3}, {0, 4}, {1, 4},
                              {2, 4}, {3, 4}, {0, 5}, {1, 5}, {2, 5}, {3, 5}, {4, 5}};

const double* group(MfR2Dir d) { return d == MfR2Dir::kForward ? kFwd : kBack; }

int signal_of(int a, int b) {
  if (a > b) std::swap(a, b);
  for (int i = 0; i < 15; i++)
    if (kPair[i][0] == a && kPair[i][1] == b) return i + 1;
  return 0;
}

std::array<ToneDescriptor, 15> make_descriptors(MfR2Dir d) {
  std::array<ToneDescriptor, 15> out;
  for (int i = 0; i < 15; i++) {
    ToneSegment seg;
    seg.tones = {{group(d)[kPair[i][0]], kMfR2SendDbm0}, {group(d)[kPair[i][1]], kMfR2SendDbm0}};
    seg.duration_ms = 0;  // until stopped
    out[i].segments = {seg};
    out[i].repeat = 1;
  }
  return out;
}
}  // namespace

bool mfr2_frequencies(MfR2Dir dir, int signal, double* f1, double* f2) {
  if (signal < 1 || signal > 15) return false;
  *f1 = group(dir)[kPair[signal - 1][0]];
  *f2 = group(dir)[kPair[signal - 1][1]];
  return true;
}

const ToneDescriptor* mfr2_descriptor(MfR2Dir dir, int signal) {
  static const std::array<ToneDescriptor, 15> fwd = make_descriptors(MfR2Dir::kForward);
  static const std::array<ToneDescriptor, 15> back = make_descriptors(MfR2Dir::kBackward);
  if (signal < 1 || signal > 15) return nullptr;
  return &(dir == MfR2Dir::kForward ? fwd : back)[signal - 1];
}

MfR2Rx::MfR2Rx(MfR2Dir dir, const MfR2RxConfig& cfg) : dir_(dir), cfg_(cfg) {
  for (int i = 0; i < 6; i++) coeff_[i] = 2.0 * std::cos(2.0 * M_PI * group(dir)[i] / kSampleRate);
  reset();
}

void MfR2Rx::reset() {
  for (int i = 0; i < 6; i++) s1_[i] = s2_[i] = 0;
  energy_ = 0;
  fill_ = 0;
  samples_ = 0;
  last_hit_ = 0;
  last_start_ = 0;
  misses_ = 0;
  signal_ = 0;
  since_ = 0;
}

// The signal one full block holds, 0 for none.
int MfR2Rx::block_result() const {
  constexpr double n = kMfR2Block;
  double p[6];
  int best = 0, second = 1;
  for (int i = 0; i < 6; i++) {
    double e = s1_[i] * s1_[i] + s2_[i] * s2_[i] - coeff_[i] * s1_[i] * s2_[i];
    p[i] = 2.0 * e / (n * n);  // the mean power of a sine at this frequency
  }
  if (p[second] > p[best]) std::swap(best, second);
  for (int i = 2; i < 6; i++) {
    if (p[i] > p[best]) {
      second = best;
      best = i;
    } else if (p[i] > p[second]) {
      second = i;
    }
  }
  double floor = dbm0_to_power(cfg_.min_level_dbm0);
  if (p[second] < floor) return 0;
  if (p[best] > p[second] * std::pow(10.0, cfg_.max_twist_db / 10.0)) return 0;
  double lead = std::pow(10.0, cfg_.min_lead_db / 10.0);
  for (int i = 0; i < 6; i++)
    if (i != best && i != second && p[i] * lead > p[second]) return 0;
  double total = energy_ / n;
  if (total <= 0 || (p[best] + p[second]) < cfg_.min_share * total) return 0;
  return signal_of(best, second);
}

int MfR2Rx::rx(const int16_t* x, int n) {
  for (int k = 0; k < n; k++) {
    double v = x[k];
    energy_ += v * v;
    for (int i = 0; i < 6; i++) {
      double s = v + coeff_[i] * s1_[i] - s2_[i];
      s2_[i] = s1_[i];
      s1_[i] = s;
    }
    if (++fill_ < kMfR2Block) continue;
    int hit = block_result();
    int64_t start = samples_;
    if (signal_ == 0) {
      if (hit != 0 && hit == last_hit_) {
        signal_ = hit;
        since_ = last_start_;
        misses_ = 0;
      }
    } else if (hit == signal_) {
      misses_ = 0;
    } else if (++misses_ >= 2) {
      signal_ = 0;
      since_ = start - kMfR2Block;
      misses_ = 0;
      // A different signal straight after: it may begin at once.
      if (hit != 0 && hit == last_hit_) {
        signal_ = hit;
        since_ = last_start_;
      }
    }
    last_hit_ = hit;
    last_start_ = start;
    for (int i = 0; i < 6; i++) s1_[i] = s2_[i] = 0;
    energy_ = 0;
    fill_ = 0;
    samples_ += kMfR2Block;
  }
  return signal_;
}

std::vector<MfR2Hit> mfr2_detect(const int16_t* x, size_t n, MfR2Dir dir, const MfR2RxConfig& cfg) {
  std::vector<MfR2Hit> out;
  MfR2Rx rx(dir, cfg);
  int prev = 0;
  for (size_t i = 0; i < n; i += kMfR2Block) {
    int k = static_cast<int>(std::min<size_t>(kMfR2Block, n - i));
    int s = rx.rx(x + i, k);
    if (s != prev) {
      if (prev != 0) out.back().end_sample = rx.since();
      if (s != 0) out.push_back({s, rx.since(), -1});
      prev = s;
    }
  }
  if (prev != 0) out.back().end_sample = static_cast<int64_t>(n);
  return out;
}

}  // namespace bcti
