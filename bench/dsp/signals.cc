#include "bench/dsp/signals.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>

namespace bcti::bench {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDbm0Peak = 22656.0;  // G.711 reference: 0 dBm0 sine peak, 16-bit linear
constexpr double kNoiseFloorDbm0 = -65.0;

double peak_of(double dbm0) { return kDbm0Peak * std::pow(10.0, dbm0 / 20.0); }
double power_of(double dbm0) { return peak_of(dbm0) * peak_of(dbm0) / 2.0; }

// splitmix64: small, fast, the same sequence everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
  double range(double a, double b) { return a + (b - a) * uniform(); }
  int below(int n) { return static_cast<int>(uniform() * n); }
  double gauss() {
    double u1 = std::max(uniform(), 1e-12), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * kPi * u2);
  }

 private:
  uint64_t s_;
};

int ms_to_samples(double ms) { return static_cast<int>(std::lround(ms * kFs / 1000.0)); }

// Summed sines, each component at `level_dbm0`, with 2 ms raised-cosine edges
// (a real generator's output, no clicks for the detectors to trip on).
void add_tone(std::vector<double>& y, int at, int n, const std::vector<double>& freqs,
              const std::vector<double>& levels, Rng& r) {
  const int edge = std::min(16, n / 4);
  for (size_t k = 0; k < freqs.size(); k++) {
    double a = peak_of(levels[k]);
    double w = 2.0 * kPi * freqs[k] / kFs;
    double ph = r.range(0, 2 * kPi);
    for (int i = 0; i < n; i++) {
      double g = 1.0;
      if (i < edge) g = 0.5 - 0.5 * std::cos(kPi * i / edge);
      else if (i >= n - edge) g = 0.5 - 0.5 * std::cos(kPi * (n - 1 - i) / edge);
      y[at + i] += g * a * std::sin(w * i + ph);
    }
  }
}

// Two-pole resonator (a formant), unity gain near its peak.
struct Resonator {
  double a1 = 0, a2 = 0, g = 1, y1 = 0, y2 = 0;
  void set(double f, double bw) {
    double rr = std::exp(-kPi * bw / kFs);
    a1 = 2 * rr * std::cos(2 * kPi * f / kFs);
    a2 = -rr * rr;
    g = 1 - rr;
  }
  double step(double x) {
    double y = g * x + a1 * y1 + a2 * y2;
    y2 = y1;
    y1 = y;
    return y;
  }
};

// Speech-like signal: syllables of a glottal pulse train (or noise, for
// fricatives) through three gliding formants, under a syllabic envelope, at an
// active-speech level between -24 and -14 dBm0.
void add_speech(std::vector<double>& y, int at, int n, Rng& r) {
  std::vector<double> s(n, 0.0);
  int t = 0;
  while (t < n) {
    int len = std::min(ms_to_samples(r.range(120, 300)), n - t);
    bool voiced = r.uniform() < 0.8;
    double f0 = r.range(90, 230);
    double f1a = r.range(300, 800), f1b = r.range(300, 800);
    double f2a = r.range(900, 2300), f2b = r.range(900, 2300);
    double f3 = r.range(2400, 3200);
    Resonator res[3];
    double phase = 0;
    for (int i = 0; i < len; i++) {
      double u = static_cast<double>(i) / len;
      if (i % 40 == 0) {  // formants glide through the syllable
        res[0].set(f1a + (f1b - f1a) * u, 90);
        res[1].set(f2a + (f2b - f2a) * u, 120);
        res[2].set(f3, 200);
      }
      double x;
      if (voiced) {
        phase += (f0 * (1.0 + 0.01 * r.gauss())) / kFs;
        x = 0;
        if (phase >= 1.0) {
          phase -= 1.0;
          x = 1.0;
        }
      } else {
        x = 0.3 * r.gauss();
      }
      double v = res[2].step(res[1].step(res[0].step(x)));
      double env = std::sin(kPi * u);
      s[t + i] = v * env * env;
    }
    t += len + ms_to_samples(r.range(30, 150));  // gap between syllables
  }
  double p = 0;
  int active = 0;
  for (double v : s) {
    p += v * v;
    active += v != 0.0;
  }
  if (p <= 0 || active == 0) return;
  double scale = std::sqrt(power_of(r.range(-24, -14)) / (p / active));
  for (int i = 0; i < n; i++) y[at + i] += s[i] * scale;
}

const char kDigits[] = "0123456789*#";

void dtmf_freqs(char d, double* lo, double* hi) {
  static const char* rows[4] = {"123A", "456B", "789C", "*0#D"};
  static const double low[4] = {697, 770, 852, 941}, high[4] = {1209, 1336, 1477, 1633};
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++)
      if (rows[i][j] == d) {
        *lo = low[i];
        *hi = high[j];
      }
}

// A digit string as a caller keys it: 60-100 ms on, 60-100 ms off, low-group
// level -18..-6 dBm0, twist within +-3 dB (inside both detectors' defaults).
int add_digits(std::vector<double>& y, int at, int room, Rng& r, std::string& truth) {
  int count = r.uniform() < 0.2 ? 1 : 4 + r.below(7);
  int t = at;
  for (int k = 0; k < count; k++) {
    int on = ms_to_samples(r.range(60, 100)), off = ms_to_samples(r.range(60, 100));
    if (t + on + off > at + room) break;
    char d = kDigits[r.below(12)];
    double lo = 0, hi = 0;
    dtmf_freqs(d, &lo, &hi);
    double level = r.range(-18, -6), twist = r.range(-3, 3);
    add_tone(y, t, on, {lo, hi}, {level, level + twist}, r);
    truth.push_back(d);
    t += on + off;
  }
  return t - at;
}

// A call-progress tone long enough for a cadence detector to confirm it twice:
// continuous tones for 2.5-4 s, cadenced ones for at least two full cycles and 3 s.
int add_call_progress(std::vector<double>& y, int at, int room, const ToneSpec& spec, Rng& r) {
  if (spec.steps.empty()) return 0;
  if (spec.continuous()) {
    const ToneStep& s = spec.steps[0];
    int n = ms_to_samples(std::max(2500.0, 2.0 * s.min_ms) + r.range(0, 1500));
    if (n > room) return 0;  // cut short by the end of the corpus it would not count
    add_tone(y, at, n, s.freqs_hz, std::vector<double>(s.freqs_hz.size(), spec.level_dbm0), r);
    return n;
  }
  int cycle = 0;
  for (const ToneStep& s : spec.steps) cycle += ms_to_samples(std::max(s.ms, 0));
  if (cycle <= 0) return 0;
  int cycles = std::max(2, (ms_to_samples(3000) + cycle - 1) / cycle);
  if (cycles * cycle > room) return 0;
  int t = at;
  for (int c = 0; c < cycles; c++) {
    for (const ToneStep& s : spec.steps) {
      int n = ms_to_samples(std::max(s.ms, 0));
      if (!s.freqs_hz.empty())
        add_tone(y, t, n, s.freqs_hz, std::vector<double>(s.freqs_hz.size(), spec.level_dbm0), r);
      t += n;
    }
  }
  return t - at;
}

}  // namespace

Corpus make_corpus(int channels, double seconds, const std::vector<ToneSpec>& tones, uint32_t seed) {
  Corpus c;
  c.channels = channels;
  c.samples = std::max(1, static_cast<int>(seconds * kFs) / kFrame) * kFrame;
  c.pcm.resize(channels);
  c.truth.resize(channels);
  for (int ch = 0; ch < channels; ch++) {
    Rng r(seed * 1000003ull + ch);
    std::vector<double> y(c.samples, 0.0);
    double floor_sigma = std::sqrt(power_of(kNoiseFloorDbm0));
    for (double& v : y) v = floor_sigma * r.gauss();
    int t = ms_to_samples(r.range(0, 500));  // channels do not start in step
    while (t < c.samples) {
      int room = c.samples - t, used = 0;
      bool tone = false;
      double u = r.uniform();
      if (u < 0.35) {
        used = std::min(room, ms_to_samples(r.range(1000, 3000)));
        add_speech(y, t, used, r);
      } else if (u < 0.70) {
        used = add_digits(y, t, room, r, c.truth[ch].digits);
      } else if (u < 0.85 && !tones.empty()) {
        const ToneSpec& spec = tones[r.below(static_cast<int>(tones.size()))];
        used = add_call_progress(y, t, room, spec, r);
        if (used > 0) c.truth[ch].tone_bursts.push_back(spec.name);
        tone = used > 0;
      } else {
        used = std::min(room, ms_to_samples(r.range(300, 1000)));  // pause: noise floor only
      }
      // Every event ends with a pause; after a tone, one long enough that a
      // detector cannot take the next tone for a repeat of it (SIT repeats
      // within 1.5 s count as the same event).
      t += used + ms_to_samples(tone ? r.range(1600, 2500) : r.range(300, 600));
    }
    c.pcm[ch].resize(c.samples);
    for (int i = 0; i < c.samples; i++)
      c.pcm[ch][i] = static_cast<int16_t>(std::clamp(std::lround(y[i]), -32768l, 32767l));
  }
  return c;
}

namespace {
void put32(std::ofstream& f, uint32_t v) { f.write(reinterpret_cast<const char*>(&v), 4); }
void put16(std::ofstream& f, uint16_t v) { f.write(reinterpret_cast<const char*>(&v), 2); }
}  // namespace

void dump_corpus(const Corpus& c, const std::string& dir) {
  for (int ch = 0; ch < c.channels; ch++) {
    std::string base = dir + "/ch" + std::to_string(ch);
    std::ofstream w(base + ".wav", std::ios::binary);
    uint32_t bytes = static_cast<uint32_t>(c.samples) * 2;
    w.write("RIFF", 4);
    put32(w, 36 + bytes);
    w.write("WAVEfmt ", 8);
    put32(w, 16);
    put16(w, 1);  // PCM
    put16(w, 1);  // mono
    put32(w, kFs);
    put32(w, kFs * 2);
    put16(w, 2);
    put16(w, 16);
    w.write("data", 4);
    put32(w, bytes);
    w.write(reinterpret_cast<const char*>(c.pcm[ch].data()), bytes);  // little-endian hosts only
    std::ofstream t(base + ".txt");
    t << "digits: " << c.truth[ch].digits << "\ntones:";
    for (const auto& n : c.truth[ch].tone_bursts) t << ' ' << n;
    t << '\n';
    if (!w || !t) throw std::runtime_error("cannot write " + base + ".wav/.txt");
  }
}

}  // namespace bcti::bench
