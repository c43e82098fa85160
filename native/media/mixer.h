// Mixing on the media thread: a full-duplex bridge of two channels and an
// N-party conference (up to 64 members) where every member hears the sum of the
// others but not itself. Sums are 32-bit and saturate to 16 bits on the way out.
// All buffers are allocated by the constructor; add/remove/set_* and mix() never
// allocate, lock or do I/O, so the engine may call them on the media thread.
#pragma once
#include <cstdint>
#include <vector>

namespace bcti {

// Linear gain in Q14 (16384 = 0 dB) from decibels, clamped to -60..+20 dB;
// <= -96 dB gives 0 (muted).
int32_t gain_q14(double db);

class Bridge {
 public:
  // Gain of what A says as B hears it, and of what B says as A hears it.
  void set_gain(double a_to_b_db, double b_to_a_db);
  // out_a hears in_b, out_b hears in_a. A null input is silence. In-place is
  // fine (out_a may be in_a), the two directions are computed independently.
  void mix(const int16_t* in_a, const int16_t* in_b, int16_t* out_a, int16_t* out_b, int n) const;

 private:
  int32_t a_to_b_ = 1 << 14, b_to_a_ = 1 << 14;
};

enum class MemberMode : uint8_t {
  kTalkListen = 0,  // an ordinary party
  kListenOnly = 1,  // hears everyone, heard by nobody (supervisor listen, muted)
  kTalkOnly = 2,    // heard by everyone, hears nothing (announcements, music)
};

struct MemberOptions {
  MemberMode mode = MemberMode::kTalkListen;
  double talk_gain_db = 0;    // how loud the others hear this member
  double listen_gain_db = 0;  // gain on what this member hears
  int whisper_to = -1;        // >= 0: only that member hears this one (coaching)
};

class Conference {
 public:
  static constexpr int kMaxMembers = 64;
  static constexpr int kMaxFrame = 480;  // samples per mix() call (60 ms)

  explicit Conference(int capacity = kMaxMembers);

  // Takes a free slot; returns it, or -1 when the conference is full.
  int add(const MemberOptions& o = {});
  void remove(int slot);
  bool is_member(int slot) const { return slot >= 0 && slot < cap_ && used_[slot]; }
  int size() const { return count_; }
  int capacity() const { return cap_; }

  void set_mode(int slot, MemberMode m);
  void set_gain(int slot, double talk_gain_db, double listen_gain_db);
  // Whisper: slot is heard by `target` only (-1 ends it, back to everyone).
  void set_whisper(int slot, int target);
  const MemberOptions* options(int slot) const { return is_member(slot) ? &opts_[slot] : nullptr; }

  // One frame: in[s] and out[s] for every slot s < capacity() (entries of free
  // slots are ignored; a null in[s] is silence; a null out[s] is not written).
  // n <= kMaxFrame. out[s] may alias in[s].
  void mix(const int16_t* const* in, int16_t* const* out, int n);

 private:
  int cap_;
  int count_ = 0;
  std::vector<bool> used_;
  std::vector<MemberOptions> opts_;
  std::vector<int32_t> talk_q14_, listen_q14_;
  std::vector<int32_t> sum_;      // [kMaxFrame]: everyone heard by all
  std::vector<int32_t> contrib_;  // [cap][kMaxFrame]: each talker's share of it, or its whisper
  std::vector<uint8_t> in_sum_;   // per slot: its contrib_ is in sum_
  std::vector<uint8_t> has_in_;   // per slot: contrib_ holds this frame's audio
};

}  // namespace bcti
