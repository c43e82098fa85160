// FSK caller ID: the transmitter of a whole burst, the per-channel receiver
// (demodulator + message framer), and the offline detector the CLI uses (FSK of
// either standard and DTMF caller ID, native/dsp/callerid_dtmf.h).
//
// A burst is: channel seizure (alternating bits, 300 by default; optional),
// mark signal (1s, 180 bits Bellcore / 80 ETSI by default; optional), the
// message bytes (start bit, 8 data bits LSB first, stop bit), a few marks.
//
// The receiver turns the demodulator's bits into a message: it hunts for a
// character frame holding a message type (0x04 or 0x80) that lies wholly under
// the carrier (so at least ~10 bits of seizure or mark must precede the
// message; the standards send 80 to 480), whatever precedes it (seizure,
// marks, or the message straight after the seizure), then frames the length,
// body and checksum. A framing error, a run of more than 60 marks between
// characters or the carrier dropping abandons the message; a complete one is
// reported only if cid_decode() accepts it.
//
// When caller ID is sent (CidTiming): Bellcore GR-30 and China YD/T 1277.1
// send it in the first ring pause, starting >= 500 ms after the first ring ends
// and ending >= 200 ms before the second; ETSI EN 300 659-1 sends it before the
// first ring, 45..500 ms after a dual-tone alerting signal (DT-AS, 2130 + 2750
// Hz for 100 ms) that follows a line reversal, or 500..2000 ms after a ring
// pulse alerting signal.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "native/dsp/callerid_msg.h"
#include "native/dsp/fsk.h"

namespace bcti {

struct CidTiming {
  int after_ring_ms;   // first ring end (or alerting signal end) -> data start, at least
  int before_ring_ms;  // data end -> next ring, at least
};
inline constexpr CidTiming kCidTimingBellcore{500, 200};
inline constexpr CidTiming kCidTimingChina{500, 200};
inline constexpr CidTiming kCidTimingEtsiDtas{100, 200};  // 45..500 ms after DT-AS
inline constexpr CidTiming kCidTimingEtsiRpas{650, 200};  // 500..2000 ms after RP-AS

// Caller ID before the first ring (ETSI EN 300 659-1 6.1.1 / 6.1.2) as the
// senders here (the engine's FXS ports, the simulated exchange) time it:
//   DT-AS: line reversal; 150 ms (>= 100) later the dual-tone alerting signal
//     (2130 + 2750 Hz, 100 ms); the FSK 100 ms after it (45..500); normal
//     polarity again when the FSK ends; the first ring 250 ms after the FSK
//     ends (>= 200; the extra 50 covers a frame of timing granularity).
//   RP-AS: a ring pulse of 250 ms (200..300); the FSK 650 ms after it
//     (500..2000); the first ring 250 ms after the FSK ends. No reversal.
enum class CidAlert : uint8_t { kBetweenRings, kDtas, kRpas };
inline constexpr int kEtsiReversalToDtasMs = 150;
inline constexpr int kDtasMs = 100;
inline constexpr double kDtasLowHz = 2130, kDtasHighHz = 2750;
inline constexpr double kDtasLevelDbm0 = -16;  // each tone
inline constexpr int kRpasMs = 250;
inline constexpr int kEtsiDataToRingMs = 250;
// 100 ms of DT-AS (2130 + 2750 Hz, each at `level_dbm0`), appended to `out`.
void cid_dtas(std::vector<int16_t>* out, double level_dbm0 = kDtasLevelDbm0);
// Is this block (>= 80 samples) DT-AS: both tones present, together most of its energy?
bool cid_dtas_block(const int16_t* x, int n);

struct CidFskTxParams {
  CidModem modem = CidModem::kBell202;
  CidMessageType type = CidMessageType::kMdmf;
  int seizure_bits = 300;  // 0: no channel seizure
  int mark_bits = 180;     // 0: no mark signal
  int trailing_bits = 4;   // marks after the checksum
  double level_dbm0 = -13;
  double freq_scale = 1.0;  // for tests of a receiver: 1.02 = all tones 2 % high
};

// Appends the burst for `info` to `out`; nullptr, or why the info cannot be sent.
const char* cid_fsk_burst(const CallerIdInfo& info, const CidFskTxParams& p, std::vector<int16_t>* out);
// The same from message bytes that are already built (tests corrupt them).
void cid_fsk_burst_bytes(const std::vector<uint8_t>& msg, const CidFskTxParams& p, std::vector<int16_t>* out);

struct CidMessage {
  CidModem modem;
  CallerIdInfo info;
  int64_t start_sample;  // the message type's start bit
  int64_t end_sample;    // the checksum's stop bit
  double mark_hz, space_hz;
};

// One channel's FSK caller ID receiver. rx() allocates only when a message
// completes (its decoded strings).
class CidFskRx {
 public:
  explicit CidFskRx(const FskRxConfig& cfg = {}) : demod_(cfg) {}
  void reset();
  using Sink = void (*)(void* ctx, const CidMessage& m);
  void rx(const int16_t* x, int n, Sink sink, void* ctx);
  bool carrier_seen() const { return carrier_seen_; }

 private:
  enum class St : uint8_t { kHunt, kIdle, kData, kStop };
  static void on_bit(void* self, int bit, bool carrier, int64_t sample);
  void bit(int bit, bool carrier, int64_t sample);
  void abandon();

  FskDemod demod_;
  Sink sink_ = nullptr;
  void* ctx_ = nullptr;
  St st_ = St::kHunt;
  uint32_t reg_ = 0x3ff;  // last 10 bits while hunting, newest in bit 0
  int carrier_bits_ = 0;  // consecutive bits with the carrier present
  int nbits_ = 0, marks_ = 0;
  uint8_t cur_ = 0;
  uint8_t buf_[kCidMaxMessage];
  size_t len_ = 0;
  int64_t start_ = 0;
  bool carrier_seen_ = false;
};

struct CidDetected {
  std::string format;  // "bell202" | "v23" | "dtmf"
  CallerIdInfo info;
  int64_t start_sample, end_sample;
};

// Every caller ID message in one channel of 8 kHz PCM, in time order.
std::vector<CidDetected> callerid_detect(const int16_t* pcm, size_t n);

}  // namespace bcti
