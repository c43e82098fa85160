#include "native/dsp/tone_gen.h"

#include <cmath>
#include <cstring>

#include "native/dsp/levels.h"

namespace bcti {

static const char kDtmfKeys[] = "123A456B789C*0#D";
static const double kDtmfRow[4] = {697, 770, 852, 941};
static const double kDtmfCol[4] = {1209, 1336, 1477, 1633};

bool dtmf_frequencies(char digit, double* low_hz, double* high_hz) {
  if (digit >= 'a' && digit <= 'd') digit = static_cast<char>(digit - 'a' + 'A');
  const char* p = digit ? std::strchr(kDtmfKeys, digit) : nullptr;
  if (!p) return false;
  int i = static_cast<int>(p - kDtmfKeys);
  *low_hz = kDtmfRow[i / 4];
  *high_hz = kDtmfCol[i % 4];
  return true;
}

ToneDescriptor dtmf_descriptor(char digit, int on_ms, int off_ms, double level_dbm0, double twist_db) {
  ToneDescriptor d;
  double lo = 0, hi = 0;
  if (!dtmf_frequencies(digit, &lo, &hi)) return d;
  d.segments.push_back({{{lo, level_dbm0}, {hi, level_dbm0 + twist_db}}, on_ms});
  if (off_ms > 0) d.segments.push_back({{}, off_ms});
  d.repeat = 1;
  return d;
}

void ToneGen::start(const ToneDescriptor* d) {
  d_ = (d && !d->segments.empty()) ? d : nullptr;
  plays_ = 0;
  if (d_) enter_segment(0);
}

void ToneGen::enter_segment(size_t idx) {
  seg_ = idx;
  const ToneSegment& s = d_->segments[idx];
  left_ = s.duration_ms > 0 ? static_cast<int64_t>(s.duration_ms) * kSampleRate / 1000 : -1;
  ncomp_ = static_cast<int>(s.tones.size() > 4 ? 4 : s.tones.size());
  for (int i = 0; i < ncomp_; i++) {
    double w = 2.0 * M_PI * s.tones[i].freq_hz / kSampleRate;
    amp_[i] = dbm0_to_peak(s.tones[i].level_dbm0);
    cw_[i] = std::cos(w);
    sw_[i] = std::sin(w);
    re_[i] = 1.0;  // each burst starts at phase 0 (sine starts at zero)
    im_[i] = 0.0;
  }
}

int ToneGen::generate(int16_t* out, int n) {
  int done_n = 0;
  while (d_ && done_n < n) {
    int64_t chunk = n - done_n;
    if (left_ >= 0 && left_ < chunk) chunk = left_;
    for (int64_t k = 0; k < chunk; k++) {
      double acc = 0;
      for (int i = 0; i < ncomp_; i++) {
        acc += amp_[i] * im_[i];
        double r = re_[i] * cw_[i] - im_[i] * sw_[i];
        im_[i] = re_[i] * sw_[i] + im_[i] * cw_[i];
        re_[i] = r;
      }
      if (++renorm_ >= 256) {  // keep the phasors on the unit circle
        renorm_ = 0;
        for (int i = 0; i < ncomp_; i++) {
          double g = 1.0 / std::sqrt(re_[i] * re_[i] + im_[i] * im_[i]);
          re_[i] *= g;
          im_[i] *= g;
        }
      }
      long v = std::lround(acc);
      out[done_n + k] = static_cast<int16_t>(v > 32767 ? 32767 : (v < -32768 ? -32768 : v));
    }
    done_n += static_cast<int>(chunk);
    if (left_ >= 0) {
      left_ -= chunk;
      if (left_ == 0) {
        size_t next = seg_ + 1;
        if (next >= d_->segments.size()) {
          next = 0;
          plays_++;
          if (d_->repeat > 0 && plays_ >= d_->repeat) {
            d_ = nullptr;
            break;
          }
        }
        enter_segment(next);
      }
    }
  }
  return done_n;
}

}  // namespace bcti
