// MFC-R2 register signalling of one E1 CAS timeslot (ITU-T Q.440-Q.480; the
// China No.1 variant as openr2 and the field have it), on the media thread.
// After the line signalling's seizure (Q.421 bits, line_signalling.h) the
// registers exchange the numbers in-band, compelled: the sender keeps its
// signal on until the other side answers, stops when it hears the answer, and
// the answer stops when the signal has gone.
//
//   outgoing register (forward, group I/II)   incoming register (backward, A/B)
//   I: DNIS digit 1                      ->
//                                        <-   A: send the calling category
//   II: category (1: ordinary subscriber) ->
//                                        <-   A: send the next ANI digit
//   I: ANI digits ..., I-15 end of ANI    ->   (I-12: the number is withheld)
//                                        <-   A-1: send the next DNIS digit
//   I: DNIS digits ...                    ->
//   (no digit left: I-15 where the variant has it, else silence, and the
//    incoming register sends A-3 as a 150 ms pulse after kDnisQuietMs)
//                                        <-   A-3: change to group B
//   II: category                          ->
//                                        <-   B: subscriber free (B-1 China,
//                                             B-6 ITU) / busy / congestion /
//                                             unallocated / out of order
// The incoming register always accepts (the subscriber free signal): what
// happens to the call is decided above, after the line:ring it leads to.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "native/dsp/mf_r2.h"
#include "native/dsp/tone_gen.h"

namespace bcti {

// The signal numbers a variant gives each meaning (0: the variant has none).
struct R2Variant {
  const char* name;
  int a_next_dnis, a_next_ani, a_category, a_group_b, a_congestion;
  int b_free_charge, b_free_no_charge, b_busy, b_congestion, b_unallocated, b_out_of_order;
  int i_end_of_dnis, i_end_of_ani, i_ani_restricted;
};
inline constexpr R2Variant kR2China = {"china", 1, 1, 6, 3, 4, 1, 7, 2, 4, 5, 8, 0, 15, 12};
inline constexpr R2Variant kR2Itu = {"itu", 1, 5, 5, 3, 4, 6, 7, 3, 4, 5, 8, 15, 15, 12};

struct R2Config {
  const R2Variant* variant = &kR2China;
  int max_dnis = 0;  // incoming: the DNIS is complete after this many digits (0: end signal or quiet)
  int category = 1;  // outgoing: group II calling party category
};

// An E1 span whose CAS timeslots run MFC-R2 registers (Engine::add_board).
struct R2SpanConfig {
  int span = 0;
  R2Config cfg;
};

inline constexpr int kR2DnisQuietMs = 1500;     // incoming: no further digit for this long: the DNIS is complete
inline constexpr int kR2PulseMs = 150;          // a pulsed backward signal
inline constexpr int kR2CycleTimeoutMs = 5000;  // no answer to a signal (or no signal) for this long: give up

// The register's phases, one declared table (STYLE.md #1; the allowed moves
// are in r2_register.cc): an illegal move is refused and counted, and the last
// kR2History moves are kept for diagnostics.
#define BCTI_R2_PHASES(X)                                                    \
  X(Off, "off")            /* no register */                                 \
  X(Armed, "armed")        /* outgoing: waiting for the seizure ack */       \
  X(SignalOn, "signal-on") /* outgoing: our signal on, waiting the answer */ \
  X(WaitOff, "wait-off")   /* the other side's signal is to go */            \
  X(WaitOn, "wait-on")     /* waiting for the other side's next signal */    \
  X(Pulse, "pulse")        /* incoming: a pulsed backward signal */          \
  X(Done, "done")          /* finished (complete or failed) */

#define BCTI_AS_ENUM(e, s) k##e,
enum class R2Phase : uint8_t { BCTI_R2_PHASES(BCTI_AS_ENUM) };
#undef BCTI_AS_ENUM
const char* r2_phase_name(R2Phase p);
bool r2_move_allowed(R2Phase from, R2Phase to);
inline constexpr int kR2History = 8;

class R2Register {
 public:
  struct Move {
    int64_t at_ms = 0;
    R2Phase from = R2Phase::kOff, to = R2Phase::kOff;
    const char* why = "";
  };
  enum class Outcome : uint8_t { kNone, kComplete, kFailed };
  struct Result {
    std::string dnis, ani;
    bool restricted = false;    // incoming: I-12, the caller withheld the number
    int category = 0;           // the group II category received
    int b_signal = 0;           // outgoing: the group B answer
    int cause = 0;              // outgoing: Q.850 cause of the B answer (0: subscriber free)
    const char* why = nullptr;  // kFailed: what went wrong
  };

  explicit R2Register(const R2Config& cfg = {}) : cfg_(cfg) {}

  void start_incoming(int64_t now_ms);
  // Armed now; the first digit goes when begin() says the seizure was acknowledged.
  void arm_outgoing(const std::string& dnis, const std::string& ani, bool restricted);
  void begin(int64_t now_ms);
  bool armed() const { return role_ == Role::kOutgoing && phase_ == Phase::kArmed; }
  void stop();
  bool active() const { return phase_ != Phase::kOff && phase_ != Phase::kArmed; }
  R2Phase phase() const { return phase_; }
  uint32_t refused() const { return refused_; }
  // The last moves, oldest first; returns how many were written.
  int history(Move* out, int max) const;
  bool incoming() const { return role_ == Role::kIncoming; }

  // One frame: `rx` heard from the line, `tx` what the channel sends (the
  // register's signal replaces it while the register runs). Returns the
  // outcome when the register finished in this frame.
  Outcome frame(const int16_t* rx, int16_t* tx, int n, int64_t now_ms);
  const Result& result() const { return res_; }

 private:
  enum class Role : uint8_t { kNone, kIncoming, kOutgoing };
  using Phase = R2Phase;
  enum class Expect : uint8_t { kDnis, kCategory, kAni, kGroupII };
  enum class Sent : uint8_t { kNone, kDnis, kCategory, kAni, kAniEnd, kDnisEnd, kCategoryII };

  void send(int signal, int64_t now_ms);
  bool go(Phase to, int64_t now_ms, const char* why);
  Outcome fail(const char* why, int64_t now_ms);
  Outcome backward_heard(int s, int64_t now_ms);
  Outcome forward_act(int a, int64_t now_ms);
  static int cause_of_b(const R2Variant& v, int b);

  R2Config cfg_;
  Role role_ = Role::kNone;
  Phase phase_ = Phase::kOff;
  MfR2Rx rx_fwd_{MfR2Dir::kForward};
  MfR2Rx rx_back_{MfR2Dir::kBackward};
  ToneGen gen_;
  int tx_signal_ = 0;
  int64_t progress_ms_ = 0;  // last step of the sequence
  int64_t pulse_until_ = 0;
  Result res_;
  // incoming
  Expect expect_ = Expect::kDnis;
  bool ani_asked_ = false, ani_done_ = false, accepting_ = false;
  // outgoing
  std::string dnis_, ani_;
  bool restricted_ = false;
  size_t dnis_at_ = 0, ani_at_ = 0;
  Sent sent_ = Sent::kNone;
  bool group_b_ = false;
  int heard_ = 0;  // the backward signal being answered
  std::array<Move, kR2History> hist_{};
  uint32_t moves_ = 0, refused_ = 0;
};

}  // namespace bcti
