#include "native/dsp/callerid.h"

#include <algorithm>
#include <cmath>

#include "native/dsp/callerid_dtmf.h"
#include "native/dsp/levels.h"

namespace bcti {

namespace {
constexpr int kMaxMarksBetween = 60;  // marks allowed between two characters of a message
// Bits of carrier a message type must lie in: at least 10 bits of seizure or
// mark must come before a message.
constexpr int kMinCarrierBits = 12;
constexpr double kSpb = kSampleRate / kFskBaud;
}  // namespace

// ---- transmitter -------------------------------------------------------------

void cid_fsk_burst_bytes(const std::vector<uint8_t>& msg, const CidFskTxParams& p, std::vector<int16_t>* out) {
  FskTx tx;
  tx.tone = fsk_tones(p.modem);
  tx.level_dbm0 = p.level_dbm0;
  tx.freq_scale = p.freq_scale;
  tx.seizure(p.seizure_bits, out);
  tx.marks(p.mark_bits, out);
  for (uint8_t b : msg) tx.byte(b, out);
  tx.marks(p.trailing_bits, out);
}

const char* cid_fsk_burst(const CallerIdInfo& info, const CidFskTxParams& p, std::vector<int16_t>* out) {
  std::vector<uint8_t> msg;
  if (const char* why = cid_encode(info, p.type, &msg)) return why;
  cid_fsk_burst_bytes(msg, p, out);
  return nullptr;
}

void cid_dtas(std::vector<int16_t>* out, double level_dbm0) {
  const double a = dbm0_to_peak(level_dbm0);
  const int n = kDtasMs * kSampleRate / 1000;
  for (int i = 0; i < n; i++) {
    double t = static_cast<double>(i) / kSampleRate;
    out->push_back(static_cast<int16_t>(
        std::lround(a * (std::sin(2 * M_PI * kDtasLowHz * t) + std::sin(2 * M_PI * kDtasHighHz * t)))));
  }
}

namespace {
double goertzel_power(const int16_t* x, int n, double hz) {
  const double c = 2 * std::cos(2 * M_PI * hz / kSampleRate);
  double s1 = 0, s2 = 0;
  for (int i = 0; i < n; i++) {
    double s0 = x[i] + c * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return (s1 * s1 + s2 * s2 - c * s1 * s2) * 2 / n;  // ~ n * (mean power of that sine)
}
}  // namespace

bool cid_dtas_block(const int16_t* x, int n) {
  if (n < 80) return false;
  double e = 0;
  for (int i = 0; i < n; i++) e += static_cast<double>(x[i]) * x[i];
  if (e / n < dbm0_to_power(-40)) return false;
  double lo = goertzel_power(x, n, kDtasLowHz), hi = goertzel_power(x, n, kDtasHighHz);
  // Each tone at least a quarter of the energy, both together at least 70 %.
  return lo >= 0.25 * e && hi >= 0.25 * e && lo + hi >= 0.7 * e;
}

// ---- receiver ----------------------------------------------------------------

void CidFskRx::reset() {
  demod_.reset();
  abandon();
  carrier_seen_ = false;
  carrier_bits_ = 0;
}

void CidFskRx::abandon() {
  st_ = St::kHunt;
  reg_ = 0x3ff;
  len_ = 0;
  nbits_ = marks_ = 0;
}

void CidFskRx::rx(const int16_t* x, int n, Sink sink, void* ctx) {
  sink_ = sink;
  ctx_ = ctx;
  demod_.rx(x, n, &CidFskRx::on_bit, this);
}

void CidFskRx::on_bit(void* self, int bit, bool carrier, int64_t sample) {
  static_cast<CidFskRx*>(self)->bit(bit, carrier, sample);
}

void CidFskRx::bit(int b, bool carrier, int64_t sample) {
  if (carrier) carrier_seen_ = true;
  carrier_bits_ = carrier ? carrier_bits_ + 1 : 0;
  if (st_ == St::kHunt) {
    reg_ = ((reg_ << 1) | static_cast<uint32_t>(b)) & 0x3ff;
    // Oldest bit (9) the start bit, bits 8..1 data LSB first, bit 0 the stop bit;
    // all under the carrier (the onset of a mark after silence looks like 0x80).
    if (carrier_bits_ < kMinCarrierBits || (reg_ & 0x200) || !(reg_ & 1)) return;
    uint8_t v = 0;
    for (int i = 0; i < 8; i++) v |= static_cast<uint8_t>(((reg_ >> (8 - i)) & 1) << i);
    if (!cid_is_message_type(v)) return;
    buf_[0] = v;
    len_ = 1;
    start_ = sample - static_cast<int64_t>(std::lround(9 * kSpb));
    st_ = St::kIdle;
    marks_ = 0;
    return;
  }
  if (!carrier) {
    abandon();
    return;
  }
  switch (st_) {
    case St::kIdle:
      if (b) {
        if (++marks_ > kMaxMarksBetween) abandon();
      } else {
        st_ = St::kData;
        nbits_ = 0;
        cur_ = 0;
      }
      break;
    case St::kData:
      cur_ |= static_cast<uint8_t>(b << nbits_);
      if (++nbits_ == 8) st_ = St::kStop;
      break;
    case St::kStop: {
      if (!b) {  // framing error
        abandon();
        break;
      }
      buf_[len_++] = cur_;
      st_ = St::kIdle;
      marks_ = 0;
      if (len_ >= 2 && len_ == static_cast<size_t>(buf_[1]) + 3) {
        CidMessage m;
        if (cid_decode(buf_, len_, &m.info)) {
          m.modem = demod_.modem();
          m.start_sample = start_;
          m.end_sample = sample;
          m.mark_hz = demod_.mark_hz();
          m.space_hz = demod_.space_hz();
          if (sink_) sink_(ctx_, m);
        }
        abandon();
      }
      break;
    }
    case St::kHunt: break;
  }
}

// ---- offline -----------------------------------------------------------------

std::vector<CidDetected> callerid_detect(const int16_t* pcm, size_t n) {
  std::vector<CidDetected> out;
  CidFskRx rx;
  auto sink = [](void* ctx, const CidMessage& m) {
    static_cast<std::vector<CidDetected>*>(ctx)->push_back(
        CidDetected{cid_modem_name(m.modem), m.info, m.start_sample, m.end_sample});
  };
  constexpr int kChunk = 160;
  for (size_t i = 0; i < n; i += kChunk) rx.rx(pcm + i, static_cast<int>(std::min<size_t>(kChunk, n - i)), sink, &out);
  const int16_t zeros[kChunk] = {};
  for (int i = 0; i < 4; i++) rx.rx(zeros, kChunk, sink, &out);  // let a message at the very end finish

  for (CidDetected& d : callerid_detect_dtmf(pcm, n)) out.push_back(std::move(d));
  std::stable_sort(out.begin(), out.end(),
                   [](const CidDetected& a, const CidDetected& b) { return a.start_sample < b.start_sample; });
  return out;
}

}  // namespace bcti
