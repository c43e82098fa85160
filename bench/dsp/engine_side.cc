#include "bench/dsp/engine_side.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "native/dsp/call_progress.h"
#include "native/dsp/dtmf_rx.h"
#include "native/dsp/energy.h"
#include "native/dsp/kernels.h"
#include "native/dsp/simd.h"
#include "native/dsp/tone_plan.h"

namespace bcti::bench::engine {

namespace {
int banks_for(int channels) { return (channels + kBankLanes - 1) / kBankLanes; }

// The 16 lane pointers of bank b (nullptr past the last channel).
void lanes_of(const int16_t* const* ch, int channels, int b, const int16_t* out[kBankLanes]) {
  for (int l = 0; l < kBankLanes; l++) {
    int c = b * kBankLanes + l;
    out[l] = c < channels ? ch[c] : nullptr;
  }
}

template <class T>
T* aligned_array(size_t n) {
  void* p = std::aligned_alloc(64, (n * sizeof(T) + 63) / 64 * 64);
  if (!p) throw std::bad_alloc();
  std::memset(p, 0, n * sizeof(T));
  return static_cast<T*>(p);
}
}  // namespace

// ---- tone plan ---------------------------------------------------------------

std::shared_ptr<const TonePlan> load_plan(const std::string& json) { return tone_plan_from_json(json); }

std::vector<ToneSpec> tone_specs(const TonePlan& plan) {
  std::vector<ToneSpec> out;
  auto step = [](std::vector<double> hz, const DurationRange& d) {
    return ToneStep{std::move(hz), static_cast<int>(d.nominal_ms), static_cast<int>(d.min_ms),
                    static_cast<int>(d.max_ms)};
  };
  for (const TonePlanTone& t : plan.tones) {
    ToneSpec s;
    s.name = tone_kind_name(t.kind);
    s.level_dbm0 = t.level_dbm0.empty() ? -10 : t.level_dbm0[0];
    switch (t.shape) {
      case ToneShape::kContinuous: s.steps.push_back(ToneStep{t.freqs_hz, 0, static_cast<int>(t.min_ms), 0}); break;
      case ToneShape::kCadence:
        for (size_t i = 0; i < t.cadence.size(); i++)
          s.steps.push_back(step(i % 2 == 0 ? t.freqs_hz : std::vector<double>{}, t.cadence[i]));
        s.min_cycles = std::max(1, t.min_cycles);
        break;
      case ToneShape::kSequence: {
        // play_hz lists a step's alternative frequencies; one of them is played
        // (the first, as tone_plan_descriptor does).
        for (const SequenceStep& q : t.sequence)
          s.steps.push_back(step({q.play_hz.empty() ? 0.0 : q.play_hz[0]}, q.ms));
        // The silence after the steps; any length up to the repeat gap is fine.
        double gap = t.play_gap_ms;
        s.steps.push_back(step({}, DurationRange{gap, 0.5 * gap, std::max(gap, t.repeat_gap_max_ms)}));
        break;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

// ---- DTMF --------------------------------------------------------------------

Dtmf::Dtmf(int channels) : channels_(channels), frame_(aligned_array<float>(kFrame * kBankLanes)) {
  int nb = banks_for(channels);
  for (int b = 0; b < nb; b++) {
    banks_.push_back(std::make_unique<DtmfRxBank>());
    ctx_.push_back({this, b * kBankLanes});
  }
  log_.digits.resize(channels);
}
Dtmf::~Dtmf() { std::free(frame_); }

void Dtmf::on_event(void* p, const DtmfEvent& e) {
  auto* ctx = static_cast<Ctx*>(p);
  Log& log = ctx->self->log_;
  log.events++;
  if (!e.end) log.digits[ctx->base + e.lane].push_back(e.digit);
}

void Dtmf::rx16(const int16_t* const* ch, int n) {
  const int16_t* lanes[kBankLanes];
  for (size_t b = 0; b < banks_.size(); b++) {
    lanes_of(ch, channels_, static_cast<int>(b), lanes);
    banks_[b]->rx16(lanes, n, &on_event, &ctx_[b]);
  }
}

void Dtmf::rx(int bank, const float* x, int n) { banks_[bank]->rx(x, n, &on_event, &ctx_[bank]); }

void Dtmf::gather_then_rx(const int16_t* const* ch, int n) {
  const Kernels& k = kernels();
  const int16_t* lanes[kBankLanes];
  for (size_t b = 0; b < banks_.size(); b++) {
    lanes_of(ch, channels_, static_cast<int>(b), lanes);
    k.gather16(lanes, 0, n, frame_);
    banks_[b]->rx(frame_, n, &on_event, &ctx_[b]);
  }
}

// ---- call progress -----------------------------------------------------------

Tones::Tones(std::shared_ptr<const TonePlan> plan, int channels) : plan_(std::move(plan)), channels_(channels) {
  int nb = banks_for(channels);
  for (int b = 0; b < nb; b++) {
    banks_.push_back(std::make_unique<CallProgressBank>(plan_));
    ctx_.push_back({this, b * kBankLanes});
  }
  log_.onsets.resize(channels);
}
Tones::~Tones() = default;

void Tones::on_event(void* p, const ToneEvent& e) {
  auto* ctx = static_cast<Ctx*>(p);
  Log& log = ctx->self->log_;
  log.events++;
  if (!e.end) log.onsets[ctx->base + e.lane].push_back(tone_kind_name(e.tone));
}

void Tones::rx16(const int16_t* const* ch, int n) {
  const int16_t* lanes[kBankLanes];
  for (size_t b = 0; b < banks_.size(); b++) {
    lanes_of(ch, channels_, static_cast<int>(b), lanes);
    banks_[b]->rx16(lanes, n, &on_event, &ctx_[b]);
  }
}

void Tones::rx(int bank, const float* x, int n) { banks_[bank]->rx(x, n, &on_event, &ctx_[bank]); }

// ---- whole pipeline ----------------------------------------------------------

Pipeline::Pipeline(std::shared_ptr<const TonePlan> plan, int channels, Law law)
    : channels_(channels),
      law_(law),
      dtmf_(channels),
      tones_(std::move(plan), channels),
      bank_(aligned_array<float>(kFrame * kBankLanes)),
      linear_(aligned_array<int16_t>(kFrame * kBankLanes)) {
  for (int c = 0; c < channels; c++)
    energy_.push_back(std::make_unique<EnergyDetector>(EnergyConfig{}, c % kBankLanes));
}

void Pipeline::on_energy(void* self, const EnergyEvent&) { static_cast<Pipeline*>(self)->energy_events_++; }

Pipeline::~Pipeline() {
  std::free(bank_);
  std::free(linear_);
}

void Pipeline::frame(const uint8_t* const* codes, uint8_t* const* rec, int n) {
  const G711Tables& t = g711_tables();
  const int16_t* dec = law_ == Law::kUlaw ? t.ulaw_dec : t.alaw_dec;
  int nb = banks_for(channels_);
  for (int b = 0; b < nb; b++) {
    for (int l = 0; l < kBankLanes; l++) {
      int c = b * kBankLanes + l;
      int16_t* lin = linear_ + l * kFrame;
      float* lane = bank_ + l;
      if (c >= channels_) {
        for (int i = 0; i < n; i++) lane[i * kBankLanes] = 0.0f;
        continue;
      }
      for (int i = 0; i < n; i++) {
        int16_t v = dec[codes[c][i]];
        lin[i] = v;
        lane[i * kBankLanes] = static_cast<float>(v);
      }
    }
    dtmf_.rx(b, bank_, n);
    tones_.rx(b, bank_, n);
    for (int l = 0; l < kBankLanes; l++) {
      int c = b * kBankLanes + l;
      if (c >= channels_) break;
      energy_[c]->rx(linear_ + l * kFrame, n, &Pipeline::on_energy, this);
      g711_encode(law_, linear_ + l * kFrame, rec[c], n);
    }
  }
}

}  // namespace bcti::bench::engine
