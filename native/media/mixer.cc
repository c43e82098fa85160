#include "native/media/mixer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace bcti {

namespace {
constexpr int32_t kUnity = 1 << 14;

inline int16_t sat16(int32_t v) { return static_cast<int16_t>(v > 32767 ? 32767 : (v < -32768 ? -32768 : v)); }

inline int32_t scaled(int32_t x, int32_t g) {
  if (g == kUnity) return x;
  int64_t v = (static_cast<int64_t>(x) * g + (1 << 13)) >> 14;
  return static_cast<int32_t>(v > INT32_MAX ? INT32_MAX : (v < INT32_MIN ? INT32_MIN : v));
}
}  // namespace

int32_t gain_q14(double db) {
  if (db <= -96.0) return 0;
  db = std::clamp(db, -60.0, 20.0);
  return static_cast<int32_t>(std::lround(16384.0 * std::pow(10.0, db / 20.0)));
}

void Bridge::set_gain(double a_to_b_db, double b_to_a_db) {
  a_to_b_ = gain_q14(a_to_b_db);
  b_to_a_ = gain_q14(b_to_a_db);
}

void Bridge::mix(const int16_t* in_a, const int16_t* in_b, int16_t* out_a, int16_t* out_b, int n) const {
  // Both directions read before either writes, so out_a == in_a works.
  for (int i = 0; i < n; i++) {
    int32_t a = in_a ? in_a[i] : 0;
    int32_t b = in_b ? in_b[i] : 0;
    if (out_a) out_a[i] = sat16(scaled(b, b_to_a_));
    if (out_b) out_b[i] = sat16(scaled(a, a_to_b_));
  }
}

Conference::Conference(int capacity)
    : cap_(std::clamp(capacity, 1, kMaxMembers)),
      used_(cap_, false),
      opts_(cap_),
      talk_q14_(cap_, kUnity),
      listen_q14_(cap_, kUnity),
      sum_(kMaxFrame, 0),
      contrib_(static_cast<size_t>(cap_) * kMaxFrame, 0),
      in_sum_(cap_, 0),
      has_in_(cap_, 0) {}

int Conference::add(const MemberOptions& o) {
  for (int s = 0; s < cap_; s++) {
    if (used_[s]) continue;
    used_[s] = true;
    count_++;
    opts_[s] = o;
    talk_q14_[s] = gain_q14(o.talk_gain_db);
    listen_q14_[s] = gain_q14(o.listen_gain_db);
    if (!is_member(o.whisper_to) || o.whisper_to == s) opts_[s].whisper_to = -1;
    return s;
  }
  return -1;
}

void Conference::remove(int slot) {
  if (!is_member(slot)) return;
  used_[slot] = false;
  count_--;
  for (int s = 0; s < cap_; s++)
    if (used_[s] && opts_[s].whisper_to == slot) opts_[s].whisper_to = -1;
}

void Conference::set_mode(int slot, MemberMode m) {
  if (is_member(slot)) opts_[slot].mode = m;
}

void Conference::set_gain(int slot, double talk_gain_db, double listen_gain_db) {
  if (!is_member(slot)) return;
  opts_[slot].talk_gain_db = talk_gain_db;
  opts_[slot].listen_gain_db = listen_gain_db;
  talk_q14_[slot] = gain_q14(talk_gain_db);
  listen_q14_[slot] = gain_q14(listen_gain_db);
}

void Conference::set_whisper(int slot, int target) {
  if (!is_member(slot)) return;
  opts_[slot].whisper_to = (is_member(target) && target != slot) ? target : -1;
}

void Conference::mix(const int16_t* const* in, int16_t* const* out, int n) {
  n = std::clamp(n, 0, kMaxFrame);
  std::fill(sum_.begin(), sum_.begin() + n, 0);
  bool any_whisper = false;
  for (int s = 0; s < cap_; s++) {
    in_sum_[s] = has_in_[s] = 0;
    if (!used_[s] || !in[s] || opts_[s].mode == MemberMode::kListenOnly || talk_q14_[s] == 0) continue;
    int32_t* c = &contrib_[static_cast<size_t>(s) * kMaxFrame];
    const int16_t* x = in[s];
    const int32_t g = talk_q14_[s];
    for (int i = 0; i < n; i++) c[i] = scaled(x[i], g);
    has_in_[s] = 1;
    if (opts_[s].whisper_to >= 0) {
      any_whisper = true;
      continue;
    }
    in_sum_[s] = 1;
    for (int i = 0; i < n; i++) sum_[i] += c[i];
  }
  // Inputs are all read before any output is written, so out[s] may be in[s].
  for (int s = 0; s < cap_; s++) {
    if (!used_[s] || !out[s]) continue;
    int16_t* y = out[s];
    if (opts_[s].mode == MemberMode::kTalkOnly || listen_q14_[s] == 0) {
      std::memset(y, 0, static_cast<size_t>(n) * sizeof(int16_t));
      continue;
    }
    const int32_t* own = in_sum_[s] ? &contrib_[static_cast<size_t>(s) * kMaxFrame] : nullptr;
    const int32_t g = listen_q14_[s];
    bool whispered = false;
    if (any_whisper)
      for (int w = 0; w < cap_ && !whispered; w++) whispered = used_[w] && has_in_[w] && opts_[w].whisper_to == s;
    if (!whispered) {
      for (int i = 0; i < n; i++) y[i] = sat16(scaled(sum_[i] - (own ? own[i] : 0), g));
      continue;
    }
    for (int i = 0; i < n; i++) {
      int32_t v = sum_[i] - (own ? own[i] : 0);
      for (int w = 0; w < cap_; w++)
        if (used_[w] && has_in_[w] && opts_[w].whisper_to == s) v += contrib_[static_cast<size_t>(w) * kMaxFrame + i];
      y[i] = sat16(scaled(v, g));
    }
  }
}

}  // namespace bcti
