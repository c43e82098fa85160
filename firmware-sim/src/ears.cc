#include "ears.h"

namespace bcti::sim {

Ears::Ears(int channels, std::shared_ptr<const TonePlan> plan, Sink sink)
    : channels_(channels), sink_(std::move(sink)), open_(channels, false), origin_(channels, 0) {
  int banks = (channels + 15) / 16;
  for (int b = 0; b < banks; b++) {
    dtmf_.push_back(std::make_unique<DtmfRxBank>());
    tones_.push_back(std::make_unique<CallProgressBank>(plan));
  }
  energy_.reserve(channels);
  for (int c = 0; c < channels; c++) energy_.emplace_back(EnergyConfig{}, c);
}

Ears::~Ears() = default;

void Ears::open(int ch, int64_t now) {
  open_[ch] = true;
  origin_[ch] = now;
  dtmf_[ch / 16]->reset(ch % 16);
  tones_[ch / 16]->reset(ch % 16);
  energy_[ch].reset();
}

void Ears::close(int ch) { open_[ch] = false; }

void Ears::on_dtmf(void* ctx, const DtmfEvent& e) {
  auto* self = static_cast<Ears*>(ctx);
  int ch = self->cur_bank_ * 16 + e.lane;
  if (ch >= self->channels_ || !self->open_[ch] || e.end) return;
  char d[2] = {e.digit, 0};
  self->sink_(ch, Heard::kDigit, d, self->origin_[ch] + e.sample);
}

void Ears::on_tone(void* ctx, const ToneEvent& e) {
  auto* self = static_cast<Ears*>(ctx);
  int ch = self->cur_bank_ * 16 + e.lane;
  if (ch >= self->channels_ || !self->open_[ch]) return;
  int64_t at = e.end ? e.end_sample : e.start_sample;
  self->sink_(ch, e.end ? Heard::kToneEnd : Heard::kTone, tone_kind_name(e.tone), self->origin_[ch] + at);
}

void Ears::on_energy(void* ctx, const EnergyEvent& e) {
  auto* self = static_cast<Ears*>(ctx);
  int ch = self->cur_ch_;
  if (!self->open_[ch]) return;
  self->sink_(ch, e.voice ? Heard::kVoice : Heard::kSilence, e.voice ? "voice" : "silence",
              self->origin_[ch] + e.sample);
}

void Ears::hear(const int16_t* const* heard, int n, int64_t frame_start) {
  (void)frame_start;
  const int16_t* lanes[16];
  for (size_t b = 0; b < dtmf_.size(); b++) {
    bool any = false;
    for (int l = 0; l < 16; l++) {
      int ch = static_cast<int>(b) * 16 + l;
      lanes[l] = ch < channels_ && open_[ch] ? heard[ch] : nullptr;
      any |= lanes[l] != nullptr;
    }
    if (!any) continue;
    cur_bank_ = static_cast<int>(b);
    dtmf_[b]->rx16(lanes, n, &Ears::on_dtmf, this);
    tones_[b]->rx16(lanes, n, &Ears::on_tone, this);
  }
  for (int c = 0; c < channels_; c++) {
    if (!open_[c] || !heard[c]) continue;
    cur_ch_ = c;
    energy_[c].rx(heard[c], n, &Ears::on_energy, this);
  }
}

}  // namespace bcti::sim
