#include "native/dsp/resample.h"

#include <cmath>
#include <map>
#include <mutex>
#include <numeric>
#include <string>
#include <utility>

#include "native/base/errors.h"

namespace bcti {

namespace {

constexpr double kPassEdge = 0.43;  // of the lower rate
constexpr double kStopEdge = 0.50;  // of the lower rate: its Nyquist frequency
constexpr double kStopDb = 75.0;    // Kaiser design attenuation
constexpr int kMaxPhases = 1024;    // beyond this, interpolate between phases
constexpr int kMinRate = 1000;
constexpr int kMaxRate = 768000;

// Zeroth-order modified Bessel function of the first kind (power series).
double bessel_i0(double x) {
  double sum = 1.0, term = 1.0, q = x * x / 4.0;
  for (int k = 1; k < 200; k++) {
    term *= q / (static_cast<double>(k) * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

}  // namespace

// Polyphase table: row p holds the taps for a fractional input position p / phases.
class ResampleKernel {
 public:
  ResampleKernel(int from, int to, int64_t up) {
    double lower = std::min(from, to);
    double cutoff = 0.5 * (kPassEdge + kStopEdge) * lower / from;  // cycles per input sample
    double dw = 2.0 * M_PI * (kStopEdge - kPassEdge) * lower / from;
    double n = (kStopDb - 7.95) / (2.285 * dw);  // Kaiser's length estimate
    half = static_cast<int>(std::ceil(n / 2.0)) + 1;
    half = (half + 3) / 4 * 4;  // 2 * half taps, a multiple of 8
    taps = 2 * half;
    exact = up <= kMaxPhases;
    phases = exact ? static_cast<int>(up) : kMaxPhases;
    double beta = 0.1102 * (kStopDb - 8.7);
    double i0b = bessel_i0(beta);
    rows = phases + (exact ? 0 : 1);
    coef.assign(static_cast<size_t>(rows) * taps, 0.0f);
    for (int p = 0; p < rows; p++) {
      double frac = static_cast<double>(p) / phases;
      double sum = 0;
      std::vector<double> row(taps);
      for (int m = 0; m < taps; m++) {
        double tau = frac + half - 1 - m;  // input time from tap to output position
        double x = tau / half;
        double w = std::fabs(x) >= 1.0 ? 0.0 : bessel_i0(beta * std::sqrt(1.0 - x * x)) / i0b;
        double a = 2.0 * M_PI * cutoff * tau;
        double s = std::fabs(a) < 1e-12 ? 1.0 : std::sin(a) / a;
        row[m] = 2.0 * cutoff * s * w;
        sum += row[m];
      }
      for (int m = 0; m < taps; m++) coef[static_cast<size_t>(p) * taps + m] = static_cast<float>(row[m] / sum);
    }
  }
  const float* row(int p) const { return coef.data() + static_cast<size_t>(p) * taps; }

  int half = 0;    // taps reach half - 1 samples back and half forward
  int taps = 0;    // 2 * half
  int phases = 0;  // fractional positions tabulated
  int rows = 0;
  bool exact = true;  // phases == up: every output position is a table row
  std::vector<float> coef;
};

namespace {

// Tables are cached per rate pair: the usual handful (11.025/16/22.05/44.1/48 kHz
// to 8 kHz) stay; odd rates with huge tables are built for one use only.
constexpr size_t kMaxCachedCoefs = size_t{1} << 20;
constexpr size_t kMaxCachedPairs = 32;

std::shared_ptr<const ResampleKernel> kernel_for(int from, int to, int64_t up) {
  static std::mutex mu;
  static std::map<std::pair<int, int>, std::shared_ptr<const ResampleKernel>> cache;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find({from, to});
    if (it != cache.end()) return it->second;
  }
  auto k = std::make_shared<const ResampleKernel>(from, to, up);  // outside the lock: may take a while
  if (k->coef.size() <= kMaxCachedCoefs) {
    std::lock_guard<std::mutex> lock(mu);
    if (cache.size() >= kMaxCachedPairs) cache.clear();
    cache.emplace(std::make_pair(from, to), k);
  }
  return k;
}

inline float dot(const float* c, const float* x, int n) {
  float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
  for (int m = 0; m < n; m += 8) {
    a0 += c[m] * x[m];
    a1 += c[m + 1] * x[m + 1];
    a2 += c[m + 2] * x[m + 2];
    a3 += c[m + 3] * x[m + 3];
    a4 += c[m + 4] * x[m + 4];
    a5 += c[m + 5] * x[m + 5];
    a6 += c[m + 6] * x[m + 6];
    a7 += c[m + 7] * x[m + 7];
  }
  return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
}

}  // namespace

Resampler::Resampler(int from_rate, int to_rate) : from_(from_rate), to_(to_rate) {
  for (int r : {from_rate, to_rate})
    if (r < kMinRate || r > kMaxRate)
      throw CtiError(err::kBadArgument, "resample: rate " + std::to_string(r) + " Hz is outside 1000..768000");
  int64_t g = std::gcd(from_rate, to_rate);
  up_ = to_rate / g;
  down_ = from_rate / g;
  if (from_ != to_) kernel_ = kernel_for(from_rate, to_rate, up_);
  reset();
}

Resampler::~Resampler() = default;
Resampler::Resampler(Resampler&&) noexcept = default;
Resampler& Resampler::operator=(Resampler&&) noexcept = default;

void Resampler::reset() {
  hist_.clear();
  total_in_ = total_out_ = pos_int_ = pos_rem_ = 0;
  base_ = 0;
  if (kernel_) {
    hist_.assign(static_cast<size_t>(kernel_->half - 1), 0.0f);  // silence before the start
    base_ = 1 - kernel_->half;
  }
}

void Resampler::produce(std::vector<float>& out, int64_t limit) {
  const ResampleKernel& k = *kernel_;
  const int64_t avail_end = base_ + static_cast<int64_t>(hist_.size());
  while (total_out_ < limit && pos_int_ + k.half < avail_end) {
    const float* x = hist_.data() + (pos_int_ + 1 - k.half - base_);
    float y;
    if (k.exact) {
      y = dot(k.row(static_cast<int>(pos_rem_)), x, k.taps);
    } else {
      double pf = static_cast<double>(pos_rem_) * k.phases / static_cast<double>(up_);
      int p0 = static_cast<int>(pf);
      float a = static_cast<float>(pf - p0);
      y = (1.0f - a) * dot(k.row(p0), x, k.taps) + a * dot(k.row(p0 + 1), x, k.taps);
    }
    out.push_back(y);
    total_out_++;
    pos_rem_ += down_;
    pos_int_ += pos_rem_ / up_;
    pos_rem_ %= up_;
  }
  // Drop input no future output can reach, in large steps.
  int64_t keep_from = pos_int_ + 1 - k.half;
  if (keep_from - base_ > 8192) {
    hist_.erase(hist_.begin(), hist_.begin() + (keep_from - base_));
    base_ = keep_from;
  }
}

void Resampler::push(const float* in, size_t n, std::vector<float>& out) {
  total_in_ += static_cast<int64_t>(n);
  if (!kernel_) {
    out.insert(out.end(), in, in + n);
    total_out_ += static_cast<int64_t>(n);
    return;
  }
  hist_.insert(hist_.end(), in, in + n);
  produce(out, INT64_MAX);
}

void Resampler::flush(std::vector<float>& out) {
  if (kernel_) {
    // Output k exists while k * from < total_in * to.
    int64_t want = (total_in_ * up_ + down_ - 1) / down_;
    hist_.insert(hist_.end(), static_cast<size_t>(2 * kernel_->half), 0.0f);
    while (total_out_ < want) {
      size_t before = out.size();
      produce(out, want);
      if (out.size() == before) hist_.insert(hist_.end(), static_cast<size_t>(kernel_->half), 0.0f);
    }
  }
  reset();
}

std::vector<float> resample(const float* in, size_t n, int from_rate, int to_rate) {
  Resampler r(from_rate, to_rate);
  std::vector<float> out;
  out.reserve(static_cast<size_t>(static_cast<double>(n) * to_rate / from_rate) + 16);
  r.push(in, n, out);
  r.flush(out);
  return out;
}

std::vector<int16_t> resample(const int16_t* in, size_t n, int from_rate, int to_rate) {
  std::vector<float> f(in, in + n);
  std::vector<float> y = resample(f.data(), f.size(), from_rate, to_rate);
  std::vector<int16_t> out(y.size());
  for (size_t i = 0; i < y.size(); i++) out[i] = float_to_s16(y[i]);
  return out;
}

}  // namespace bcti
