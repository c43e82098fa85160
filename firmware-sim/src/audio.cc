#include "audio.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "native/dsp/levels.h"

namespace bcti::sim {

namespace {
constexpr double kTwoPi = 6.283185307179586;
}  // namespace

void Speech::set_level(double dbm0) {
  // A mean power of `dbm0` over a voiced syllable (gaps lower the long-term level).
  level_peak_ = dbm0_to_peak(dbm0);
}

void Speech::next_syllable() {
  if (voiced_) {  // a gap: 40..180 ms, short enough to keep one stretch of voice
    voiced_ = false;
    left_ = len_ = rng_.range(320, 1440);
    return;
  }
  voiced_ = true;
  left_ = len_ = rng_.range(960, 2560);  // 120..320 ms
  f0_ = rng_.uniform(105, 210);
  f0_end_ = f0_ * rng_.uniform(0.8, 1.2);
  f1_ = rng_.uniform(350, 850);
  f2_ = rng_.uniform(1000, 2300);
  // Normalise: mean power of the weighted harmonic series at the mid pitch.
  // Harmonic weights at the mid pitch (formant peaks over a falling tilt).
  double f = 0.5 * (f0_ + f0_end_), p = 0;
  nharm_ = 0;
  for (int k = 1; k < kMaxHarmonics && k * std::max(f0_, f0_end_) < 3400; k++) {
    double fk = k * f;
    double w =
        (1.0 + 3.0 * std::exp(-std::pow((fk - f1_) / 160.0, 2)) + 2.0 * std::exp(-std::pow((fk - f2_) / 220.0, 2))) /
        std::pow(k, 0.8);
    weight_[nharm_++] = w;
    p += w * w / 2;
  }
  gain_ = p > 0 ? (level_peak_ / std::sqrt(2.0)) / std::sqrt(p) : 0;
}

void Speech::generate(int16_t* out, int n) {
  for (int i = 0; i < n; i++) {
    if (left_ <= 0) next_syllable();
    double s = 0;
    if (voiced_) {
      double pos = 1.0 - static_cast<double>(left_) / static_cast<double>(len_);
      double f0 = f0_ + (f0_end_ - f0_) * pos;
      phase_ += kTwoPi * f0 / kSampleRate;
      if (phase_ > kTwoPi) phase_ -= kTwoPi;
      // sin(k phase) by the Chebyshev recurrence.
      double c2 = 2 * std::cos(phase_), s_prev = 0, s_cur = std::sin(phase_);
      for (int k = 0; k < nharm_; k++) {
        s += weight_[k] * s_cur;
        double nx = c2 * s_cur - s_prev;
        s_prev = s_cur;
        s_cur = nx;
      }
      // Raised-cosine attack and decay of 25 ms.
      double edge = 200.0, done = static_cast<double>(len_ - left_), env = 1;
      if (done < edge) env = 0.5 - 0.5 * std::cos(M_PI * done / edge);
      else if (left_ < edge) env = 0.5 - 0.5 * std::cos(M_PI * static_cast<double>(left_) / edge);
      s *= gain_ * env;
    }
    left_--;
    out[i] = static_cast<int16_t>(std::clamp(s, -32767.0, 32767.0));
  }
}

void Mouth::tone(const ToneDescriptor& d, int ms) {
  Item it{Item::kTone, std::make_shared<ToneDescriptor>(d), ms > 0 ? static_cast<int64_t>(ms) * 8 : -1};
  q_.push_back(std::move(it));
}

void Mouth::speak(int ms, double dbm0) {
  Item it{Item::kSpeech, nullptr, static_cast<int64_t>(ms) * 8, dbm0};
  q_.push_back(std::move(it));
}

void Mouth::silence(int ms) {
  Item it{Item::kSilence, nullptr, static_cast<int64_t>(ms) * 8};
  q_.push_back(std::move(it));
}

void Mouth::stop() {
  q_.clear();
  gen_.start(nullptr);
}

bool Mouth::generate(int16_t* out, int n) {
  bool moved = false;
  int done = 0;
  while (done < n) {
    if (q_.empty()) {
      std::memset(out + done, 0, sizeof(int16_t) * (n - done));
      break;
    }
    Item& it = q_.front();
    if (!it.started) {
      it.started = true;
      if (it.kind == Item::kTone) gen_.start(it.desc.get());
      if (it.kind == Item::kSpeech) speech_.set_level(it.dbm0);
    }
    int got = 0;
    if (it.kind == Item::kTone) {
      int want = it.left >= 0 ? static_cast<int>(std::min<int64_t>(it.left, n - done)) : n - done;
      got = gen_.generate(out + done, want);
      if (it.left >= 0) it.left -= got;
      if (got < want || it.left == 0) {  // finished
        q_.pop_front();
        gen_.start(nullptr);
        moved = true;
      }
    } else {
      got = static_cast<int>(std::min<int64_t>(it.left, n - done));
      if (it.kind == Item::kSpeech) speech_.generate(out + done, got);
      else std::memset(out + done, 0, sizeof(int16_t) * got);
      it.left -= got;
      if (it.left <= 0) {
        q_.pop_front();
        moved = true;
      }
    }
    done += got;
  }
  return moved;
}

}  // namespace bcti::sim
