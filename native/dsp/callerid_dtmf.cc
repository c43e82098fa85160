#include "native/dsp/callerid_dtmf.h"

#include "native/dsp/dtmf_rx.h"
#include "native/dsp/levels.h"

namespace bcti {

namespace {

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// A...C form: fields introduced by A (number), D (number if first, else the
// redirecting number) and B (absence code), then C.
bool parse_c_terminated(const std::string& body, CallerIdInfo* out) {
  CallerIdInfo r;
  bool seen_a = false, seen_b = false, seen_d = false;
  size_t i = 0;
  while (i < body.size()) {
    char tag = body[i];
    size_t j = i + 1;
    while (j < body.size() && body[j] >= '0' && body[j] <= '9') j++;
    std::string field = body.substr(i + 1, j - i - 1);
    if (!all_digits(field)) return false;
    if (tag == 'A' && !seen_a && i == 0) {
      r.number = field;
      seen_a = true;
    } else if (tag == 'D' && !seen_d && i == 0) {
      r.number = field;  // D<number>C
      seen_d = seen_a = true;
    } else if (tag == 'D' && !seen_d && seen_a) {
      r.redirect = field;
      seen_d = true;
    } else if (tag == 'B' && !seen_b) {
      if (field == "00") r.number_withheld = CidWithheld::kUnavailable;
      else if (field == "10") r.number_withheld = CidWithheld::kPrivate;
      else return false;
      seen_b = true;
    } else {
      return false;
    }
    i = j;
  }
  if (r.number.empty() == (r.number_withheld == CidWithheld::kNone)) return false;  // exactly one of them
  if (r.number.size() > kCidMaxNumber || r.redirect.size() > kCidMaxNumber) return false;
  *out = std::move(r);
  return true;
}

bool parse_hash_terminated(const std::string& body, CallerIdInfo* out) {
  CallerIdInfo r;
  if (body.size() >= 2 && body[0] == 'A') {
    r.number = body.substr(1);
    if (!all_digits(r.number)) return false;
  } else if (body.size() == 2 && body[0] == 'D') {
    if (body[1] == '1') r.number_withheld = CidWithheld::kPrivate;
    else if (body[1] == '2' || body[1] == '3') r.number_withheld = CidWithheld::kUnavailable;
    else return false;
  } else if (body.size() >= 2 && all_digits(body)) {
    r.number = body;
  } else {
    return false;
  }
  if (r.number.size() > kCidMaxNumber) return false;
  *out = std::move(r);
  return true;
}

}  // namespace

const char* cid_dtmf_encode(const CallerIdInfo& info, CidDtmfVariant variant, std::string* digits) {
  if (!info.number.empty() && !all_digits(info.number)) return "a DTMF caller ID number may hold only 0-9";
  if (info.number.size() > kCidMaxNumber) return "the number is longer than 20 digits";
  if (!info.number.empty() && info.number_withheld != CidWithheld::kNone)
    return "a number cannot be both sent and withheld";
  if (info.number.empty() && info.number_withheld == CidWithheld::kNone) return "nothing to send";
  if (!info.redirect.empty() && (variant != CidDtmfVariant::kAC || !all_digits(info.redirect)))
    return "a redirecting number needs the A...C variant and digits only";
  const bool priv = info.number_withheld == CidWithheld::kPrivate;
  switch (variant) {
    case CidDtmfVariant::kAC:
    case CidDtmfVariant::kDC:
      if (info.number.empty()) *digits = priv ? "B10C" : "B00C";
      else
        *digits = std::string(variant == CidDtmfVariant::kAC ? "A" : "D") + info.number +
                  (info.redirect.empty() ? "" : "D" + info.redirect) + "C";
      return nullptr;
    case CidDtmfVariant::kAHash:
      *digits = info.number.empty() ? (priv ? "D1#" : "D3#") : "A" + info.number + "#";
      return nullptr;
    case CidDtmfVariant::kHash:
      if (info.number.empty()) return "the <number># variant cannot say the number is withheld";
      if (info.number.size() < 2) return "the <number># variant needs at least 2 digits";
      *digits = info.number + "#";
      return nullptr;
  }
  return "unknown variant";
}

bool cid_dtmf_parse(const std::string& digits, CallerIdInfo* out) {
  if (digits.size() < 2) return false;
  const char term = digits.back();
  const std::string body = digits.substr(0, digits.size() - 1);
  if (term == 'C') return parse_c_terminated(body, out);
  if (term == '#') return parse_hash_terminated(body, out);
  return false;
}

const char* cid_dtmf_burst(const CallerIdInfo& info, const CidDtmfTxParams& p, std::vector<int16_t>* out) {
  std::string digits;
  if (const char* why = cid_dtmf_encode(info, p.variant, &digits)) return why;
  DtmfTxParams t;
  t.on_ms = p.on_ms;
  t.off_ms = p.off_ms;
  t.level_dbm0 = p.level_dbm0;
  std::vector<int16_t> pcm;
  if (!dtmf_tx(digits, t, &pcm)) return "the digits cannot be sent";
  out->insert(out->end(), pcm.begin(), pcm.end());
  return nullptr;
}

std::vector<CidDetected> callerid_detect_dtmf(const int16_t* pcm, size_t n) {
  std::vector<CidDetected> out;
  const std::vector<DtmfDigit> digits = dtmf_detect(pcm, n);
  const int64_t max_gap = static_cast<int64_t>(kCidDtmfMaxGapMs) * kSampleRate / 1000;
  size_t i = 0;
  while (i < digits.size()) {
    size_t j = i + 1;
    while (j < digits.size() && digits[j].start_sample - digits[j - 1].end_sample <= max_gap) j++;
    std::string run;
    for (size_t k = i; k < j; k++) run.push_back(digits[k].digit);
    CallerIdInfo info;
    if (cid_dtmf_parse(run, &info))
      out.push_back(CidDetected{"dtmf", info, digits[i].start_sample, digits[j - 1].end_sample});
    i = j;
  }
  return out;
}

}  // namespace bcti
