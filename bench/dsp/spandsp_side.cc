#include "bench/dsp/spandsp_side.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <spandsp.h>  // its headers declare extern "C" themselves
#include <spandsp/version.h>

namespace bcti::bench::spandsp {

const char* release() { return SPANDSP_RELEASE_DATETIME_STRING; }

// ---- DTMF --------------------------------------------------------------------

struct Dtmf::Lane {
  Dtmf* owner = nullptr;
  dtmf_rx_state_t* s = nullptr;
  std::string digits;
  static void on_digits(void* user, const char* d, int len) {
    auto* lane = static_cast<Lane*>(user);
    lane->digits.append(d, len);
    lane->owner->count_ += len;
  }
  void init() {
    if (s) dtmf_rx_free(s);
    s = dtmf_rx_init(nullptr, &Lane::on_digits, this);
    if (!s) throw std::runtime_error("dtmf_rx_init failed");
    digits.clear();
  }
  ~Lane() {
    if (s) dtmf_rx_free(s);
  }
};

Dtmf::Dtmf(int channels) {
  for (int i = 0; i < channels; i++) {
    lanes_.push_back(std::make_unique<Lane>());
    lanes_.back()->owner = this;
    lanes_.back()->init();
  }
}
Dtmf::~Dtmf() = default;

void Dtmf::rx(int ch, const int16_t* x, int n) { dtmf_rx(lanes_[ch]->s, x, n); }
const std::string& Dtmf::digits(int ch) const { return lanes_[ch]->digits; }
void Dtmf::reset_all() {
  for (auto& l : lanes_) l->init();
  count_ = 0;
}

// ---- call progress -----------------------------------------------------------

struct Tones::Plan {
  super_tone_rx_descriptor_t* desc = nullptr;
  std::vector<std::string> names;  // by super_tone_rx tone id
  std::vector<std::string> described;
  ~Plan() {
    if (desc) super_tone_rx_free_descriptor(desc);
  }
};

struct Tones::Lane {
  Tones* owner = nullptr;
  super_tone_rx_state_t* s = nullptr;
  std::vector<std::string> onsets;
  static void on_tone(void* user, int code, int level, int delay) {
    auto* lane = static_cast<Lane*>(user);
    if (code < 0) return;  // end of a tone
    lane->onsets.push_back(lane->owner->plan_->names.at(code));
    lane->owner->count_++;
  }
  void init() {
    if (s) super_tone_rx_free(s);
    s = super_tone_rx_init(nullptr, owner->plan_->desc, &Lane::on_tone, this);
    if (!s) throw std::runtime_error("super_tone_rx_init failed");
    onsets.clear();
  }
  ~Lane() {
    if (s) super_tone_rx_free(s);
  }
};

Tones::Tones(const std::vector<ToneSpec>& specs, int channels) : plan_(std::make_unique<Plan>()) {
  plan_->desc = super_tone_rx_make_descriptor(nullptr);
  for (const ToneSpec& spec : specs) {
    int id = super_tone_rx_add_tone(plan_->desc);
    plan_->names.resize(id + 1);
    plan_->names[id] = spec.name;
    // A cadenced tone counts after min_cycles bursts: give super_tone_rx the
    // cycle that many times (it matches the whole element list at once).
    std::string d = spec.name + ":";
    for (int cyc = 0; cyc < std::max(1, spec.min_cycles); cyc++) {
      for (const ToneStep& st : spec.steps) {
        // Up to two integer frequencies per element; 0 means none (the header
        // says -1 for silence, the code tests for 0). max 0 = no upper bound.
        int f1 = st.freqs_hz.size() > 0 ? static_cast<int>(std::lround(st.freqs_hz[0])) : 0;
        int f2 = st.freqs_hz.size() > 1 ? static_cast<int>(std::lround(st.freqs_hz[1])) : 0;
        int min = st.min_ms, max = st.ms <= 0 ? 0 : st.max_ms;
        super_tone_rx_add_element(plan_->desc, id, f1, f2, min, max);
        d += " [" + (f1 ? std::to_string(f1) : std::string("silence")) + (f2 ? "+" + std::to_string(f2) : "") + " " +
             std::to_string(min) + ".." + (max ? std::to_string(max) : std::string("inf")) + "]";
      }
    }
    plan_->described.push_back(d + " ms");
  }
  for (int i = 0; i < channels; i++) {
    lanes_.push_back(std::make_unique<Lane>());
    lanes_.back()->owner = this;
    lanes_.back()->init();
  }
}
Tones::~Tones() {
  lanes_.clear();  // states before the descriptor they point into
}

void Tones::rx(int ch, const int16_t* x, int n) { super_tone_rx(lanes_[ch]->s, x, n); }
const std::vector<std::string>& Tones::onsets(int ch) const { return lanes_[ch]->onsets; }
void Tones::reset_all() {
  for (auto& l : lanes_) l->init();
  count_ = 0;
}
std::vector<std::string> Tones::describe() const { return plan_->described; }

// ---- G.711 -------------------------------------------------------------------

G711::G711(bool alaw) : s_(g711_init(nullptr, alaw ? G711_ALAW : G711_ULAW)) {
  if (!s_) throw std::runtime_error("g711_init failed");
}
G711::~G711() { g711_free(static_cast<g711_state_t*>(s_)); }
void G711::decode(const uint8_t* in, int16_t* out, int n) { g711_decode(static_cast<g711_state_t*>(s_), out, in, n); }
void G711::encode(const int16_t* in, uint8_t* out, int n) { g711_encode(static_cast<g711_state_t*>(s_), out, in, n); }

// ---- power meter -------------------------------------------------------------

struct Power::Lanes {
  std::vector<power_meter_t> m;
};

Power::Power(int channels) : lanes_(std::make_unique<Lanes>()) {
  lanes_->m.resize(channels);
  for (auto& m : lanes_->m) power_meter_init(&m, 5);
}
Power::~Power() = default;

int32_t Power::rx(int ch, const int16_t* x, int n) {
  power_meter_t* m = &lanes_->m[ch];
  int32_t v = 0;
  for (int i = 0; i < n; i++) v = power_meter_update(m, x[i]);
  return v;
}

}  // namespace bcti::bench::spandsp
