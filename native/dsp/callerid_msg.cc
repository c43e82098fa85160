#include "native/dsp/callerid_msg.h"

namespace bcti {

namespace {

bool is_number_char(char c) { return (c >= '0' && c <= '9') || c == '*' || c == '#' || c == '+' || c == '-'; }
bool is_name_char(char c) { return c >= 0x20 && c <= 0x7e; }

bool all_of(const std::string& s, bool (*ok)(char)) {
  for (char c : s)
    if (!ok(c)) return false;
  return true;
}

bool valid_time(const std::string& t) {
  if (t.size() != 8) return false;
  for (char c : t)
    if (c < '0' || c > '9') return false;
  int month = (t[0] - '0') * 10 + (t[1] - '0');
  int day = (t[2] - '0') * 10 + (t[3] - '0');
  int hour = (t[4] - '0') * 10 + (t[5] - '0');
  int minute = (t[6] - '0') * 10 + (t[7] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59;
}

char absence_code(CidWithheld w) { return w == CidWithheld::kPrivate ? 'P' : 'O'; }

bool parse_absence(const uint8_t* v, size_t n, CidWithheld* w) {
  if (n != 1) return false;
  if (v[0] == 'P') *w = CidWithheld::kPrivate;
  else if (v[0] == 'O') *w = CidWithheld::kUnavailable;
  else return false;
  return true;
}

void put_param(std::vector<uint8_t>* out, uint8_t type, const std::string& value) {
  out->push_back(type);
  out->push_back(static_cast<uint8_t>(value.size()));
  out->insert(out->end(), value.begin(), value.end());
}

bool decode_sdmf(const uint8_t* body, size_t n, CallerIdInfo* out) {
  if (n < 9) return false;  // the date and time, then at least one character
  std::string time(reinterpret_cast<const char*>(body), 8);
  if (!valid_time(time)) return false;
  std::string rest(reinterpret_cast<const char*>(body) + 8, n - 8);
  CallerIdInfo r;
  r.time = time;
  if (rest == "P") r.number_withheld = CidWithheld::kPrivate;
  else if (rest == "O") r.number_withheld = CidWithheld::kUnavailable;
  else if (rest.size() <= kCidMaxNumber && all_of(rest, is_number_char)) r.number = rest;
  else return false;
  *out = std::move(r);
  return true;
}

bool decode_mdmf(const uint8_t* body, size_t n, CallerIdInfo* out) {
  CallerIdInfo r;
  size_t i = 0;
  bool any = false;
  while (i < n) {
    if (i + 2 > n) return false;
    uint8_t type = body[i], len = body[i + 1];
    const uint8_t* v = body + i + 2;
    if (i + 2 + len > n) return false;  // parameters must fill the body exactly
    std::string s(reinterpret_cast<const char*>(v), len);
    switch (type) {
      case cid_param::kDateTime:
        if (!valid_time(s)) return false;
        r.time = s;
        break;
      case cid_param::kNumber:
        if (len == 0 || len > kCidMaxNumber || !all_of(s, is_number_char)) return false;
        r.number = s;
        break;
      case cid_param::kNumberAbsent:
        if (!parse_absence(v, len, &r.number_withheld)) return false;
        break;
      case cid_param::kName:
        if (len == 0 || len > kCidMaxName || !all_of(s, is_name_char)) return false;
        r.name = s;
        break;
      case cid_param::kNameAbsent:
        if (!parse_absence(v, len, &r.name_withheld)) return false;
        break;
      default: break;  // a parameter this receiver does not show
    }
    any = true;
    i += 2 + len;
  }
  if (!any) return false;
  // A number and a reason for its absence together is a contradiction.
  if (!r.number.empty() && r.number_withheld != CidWithheld::kNone) return false;
  if (!r.name.empty() && r.name_withheld != CidWithheld::kNone) return false;
  *out = std::move(r);
  return true;
}

// Message waiting: the visual indicator (required) and, optionally, the time.
bool decode_mwi(const uint8_t* body, size_t n, CallerIdInfo* out) {
  CallerIdInfo r;
  size_t i = 0;
  while (i < n) {
    if (i + 2 > n) return false;
    uint8_t type = body[i], len = body[i + 1];
    const uint8_t* v = body + i + 2;
    if (i + 2 + len > n) return false;
    if (type == cid_param::kVisualIndicator) {
      if (len != 1 || (v[0] != 0xFF && v[0] != 0x00)) return false;
      r.message_waiting = v[0] == 0xFF ? 1 : 0;
    } else if (type == cid_param::kDateTime) {
      std::string s(reinterpret_cast<const char*>(v), len);
      if (!valid_time(s)) return false;
      r.time = s;
    }
    i += 2 + len;
  }
  if (r.message_waiting < 0) return false;
  *out = std::move(r);
  return true;
}

}  // namespace

const char* cid_withheld_name(CidWithheld w) {
  switch (w) {
    case CidWithheld::kPrivate: return "private";
    case CidWithheld::kUnavailable: return "unavailable";
    default: return "";
  }
}

const char* cid_check(const CallerIdInfo& info) {
  if (info.number.size() > kCidMaxNumber) return "the number is longer than 20 characters";
  if (!all_of(info.number, is_number_char)) return "the number may hold only 0-9 * # + -";
  if (info.name.size() > kCidMaxName) return "the name is longer than 50 characters";
  if (!all_of(info.name, is_name_char)) return "the name may hold only printable ASCII";
  if (!info.time.empty() && !valid_time(info.time))
    return "the time must be MMDDHHMM (8 digits, a valid date and time)";
  if (!info.number.empty() && info.number_withheld != CidWithheld::kNone)
    return "a number cannot be both sent and withheld";
  if (!info.name.empty() && info.name_withheld != CidWithheld::kNone) return "a name cannot be both sent and withheld";
  return nullptr;
}

const char* cid_encode(const CallerIdInfo& info, CidMessageType type, std::vector<uint8_t>* out) {
  if (const char* why = cid_check(info)) return why;
  std::vector<uint8_t> body;
  if (type == CidMessageType::kMwi) {
    if (info.message_waiting < 0) return "a message-waiting message needs message_waiting (on or off)";
    if (!info.number.empty() || !info.name.empty()) return "a message-waiting message carries no number or name";
    if (!info.time.empty()) put_param(&body, cid_param::kDateTime, info.time);
    body.push_back(cid_param::kVisualIndicator);
    body.push_back(1);
    body.push_back(info.message_waiting ? 0xFF : 0x00);
  } else if (type == CidMessageType::kSdmf) {
    if (info.time.empty()) return "SDMF needs the time (MMDDHHMM)";
    if (!info.name.empty() || info.name_withheld != CidWithheld::kNone) return "SDMF carries no name (use MDMF)";
    if (info.number.empty() && info.number_withheld == CidWithheld::kNone)
      return "SDMF needs a number or a reason for its absence";
    body.insert(body.end(), info.time.begin(), info.time.end());
    if (info.number.empty()) body.push_back(static_cast<uint8_t>(absence_code(info.number_withheld)));
    else body.insert(body.end(), info.number.begin(), info.number.end());
  } else {
    if (!info.time.empty()) put_param(&body, cid_param::kDateTime, info.time);
    if (!info.number.empty()) put_param(&body, cid_param::kNumber, info.number);
    else if (info.number_withheld != CidWithheld::kNone)
      put_param(&body, cid_param::kNumberAbsent, std::string(1, absence_code(info.number_withheld)));
    if (!info.name.empty()) put_param(&body, cid_param::kName, info.name);
    else if (info.name_withheld != CidWithheld::kNone)
      put_param(&body, cid_param::kNameAbsent, std::string(1, absence_code(info.name_withheld)));
    if (body.empty()) return "nothing to send";
  }
  if (body.size() > 255) return "the message is longer than 255 bytes";
  out->clear();
  out->push_back(static_cast<uint8_t>(type));
  out->push_back(static_cast<uint8_t>(body.size()));
  out->insert(out->end(), body.begin(), body.end());
  uint8_t sum = 0;
  for (uint8_t b : *out) sum = static_cast<uint8_t>(sum + b);
  out->push_back(static_cast<uint8_t>(-sum));
  return nullptr;
}

bool cid_decode(const uint8_t* msg, size_t n, CallerIdInfo* out) {
  if (n < 3 || n != static_cast<size_t>(msg[1]) + 3) return false;
  uint8_t sum = 0;
  for (size_t i = 0; i < n; i++) sum = static_cast<uint8_t>(sum + msg[i]);
  if (sum != 0) return false;
  if (msg[0] == kCidSdmf) return decode_sdmf(msg + 2, msg[1], out);
  if (msg[0] == kCidMdmf) return decode_mdmf(msg + 2, msg[1], out);
  if (msg[0] == kCidMwi) return decode_mwi(msg + 2, msg[1], out);
  return false;
}

}  // namespace bcti
