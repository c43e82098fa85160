// Caller ID sent as DTMF digits (ETSI ES 200 778-style "CLIP by DTMF"), in the
// variants found around the world:
//   kAC     A<number>C, A<number>D<redirecting number>C, B<code>C for a missing
//           number: B00 not available, B10 private (Sweden, Finland, Denmark,
//           Belgium, the Netherlands, India, Brazil, ...)
//   kDC     D<number>C (Taiwan, Kuwait); absence as kAC
//   kAHash  A<number>#, D1# private, D2# not available (international call),
//           D3# not available
//   kHash   <number># with no start digit (Denmark, the Netherlands)
// Digits are sent with the engine's DTMF transmitter and received with its
// DTMF receiver (native/dsp/dtmf_rx.h); a message is one run of digits with
// gaps of at most kCidDtmfMaxGapMs, parsed whole. Anything that does not fit
// one of the variants exactly yields nothing.
#pragma once
#include <string>
#include <vector>

#include "native/dsp/callerid.h"
#include "native/dsp/callerid_msg.h"

namespace bcti {

enum class CidDtmfVariant : uint8_t { kAC = 0, kDC, kAHash, kHash };

inline constexpr int kCidDtmfMaxGapMs = 300;

// The digit string for `info` in `variant`; nullptr, or why it cannot be sent.
const char* cid_dtmf_encode(const CallerIdInfo& info, CidDtmfVariant variant, std::string* digits);

// Parses one whole digit run; false if it is not a caller ID message.
bool cid_dtmf_parse(const std::string& digits, CallerIdInfo* out);

struct CidDtmfTxParams {
  CidDtmfVariant variant = CidDtmfVariant::kAC;
  int on_ms = 70;
  int off_ms = 70;
  double level_dbm0 = -8;
};
const char* cid_dtmf_burst(const CallerIdInfo& info, const CidDtmfTxParams& p, std::vector<int16_t>* out);

// DTMF caller ID messages in one channel (runs the DTMF receiver).
std::vector<CidDetected> callerid_detect_dtmf(const int16_t* pcm, size_t n);

}  // namespace bcti
