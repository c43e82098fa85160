// Call-progress detection for 16 channels at once (one per SIMD lane), driven by
// a tone plan (native/dsp/tone_plan.h).
//
// Every 20 ms block:
//   1. Goertzel bank over the plan's distinct frequencies, all 16 lanes in one
//      vector kernel (kernels().goertzel_power), plus each lane's energy;
//   2. classification, vectorised across lanes: which frequency set of the plan
//      holds at least minToneRatio of the block's energy (so speech, noise and
//      DTMF are not tones), above minLevelDbm0, within maxTwistDb;
//   3. per lane, only when its class changes or a timer falls due: a debouncer
//      (flickers shorter than debounceMs are ignored; a change is back-dated to
//      its first block) feeding one matcher per tone of the plan: continuous,
//      cadence (on/off windows; recognised after minCycles bursts and the
//      minimum of the silence that follows) or sequence (SIT triplet).
// A tone is reported once recognised (start = start of its first burst) and
// once ended (end = end of its last burst): a cadenced tone is one event.
// rx() never allocates; reset() reuses the lane.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "native/dsp/kernels.h"
#include "native/dsp/simd.h"
#include "native/dsp/tone_plan.h"

namespace bcti {

struct ToneEvent {
  int lane;
  ToneKind tone;
  bool end;              // false: recognised; true: ended
  int64_t start_sample;  // first burst's start, samples since the lane's reset
  int64_t end_sample;    // last burst's end (end events; -1 on start events)
};

class CallProgressBank {
 public:
  explicit CallProgressBank(std::shared_ptr<const TonePlan> plan);
  ~CallProgressBank();
  CallProgressBank(const CallProgressBank&) = delete;
  CallProgressBank& operator=(const CallProgressBank&) = delete;

  // Forgets the lane's state; its sample count restarts at 0 from here.
  void reset(int lane);

  using Sink = void (*)(void* ctx, const ToneEvent& ev);
  // n interleaved samples x[t * 16 + lane] (any n; 64-byte aligned whole blocks
  // are read in place, anything else is copied).
  void rx(const float* x, int n, Sink sink, void* ctx);
  // n samples of 16 channels; ch[lane] == nullptr is a silent lane.
  void rx16(const int16_t* const* ch, int n, Sink sink, void* ctx);
  // End of input on every lane: the partial block is processed, open tones are
  // closed (a burst cut by the end of input counts), every lane is reset.
  void flush(Sink sink, void* ctx);

  const TonePlan& plan() const { return *plan_; }

 private:
  struct Match;
  struct Lane;
  struct Emit;
  void block(const float* x, Sink sink, void* ctx);
  void classify(int32_t* cls) const;
  void step_lane(int lane, int cls, const Emit& em);
  void commit(int lane, const Emit& em);
  void tick(int lane, const Emit& em);
  void update_deadline(int lane);
  void claim(int lane);
  void finish_lane(int lane, const Emit& em);
  void clear_lane(int lane, int64_t origin_blk);

  std::shared_ptr<const TonePlan> plan_;
  const Kernels* k_;
  const Kernels* base_;
  struct Rt;
  std::unique_ptr<Rt> rt_;  // the plan in block units, bins grouped by sub-block
  struct FreeDeleter {
    void operator()(float* p) const;
  };
  std::unique_ptr<float, FreeDeleter> buf_;    // one block, interleaved, 64-byte aligned
  std::unique_ptr<float, FreeDeleter> power_;  // [bins + 1][16]: powers, then energy
  std::vector<Lane> lanes_;
  std::vector<Match> matches_;  // [lane * tones + tone]
  int fill_ = 0;                // samples in buf_
  int64_t blk_ = 0;             // blocks processed
  int64_t total_ = 0;           // samples received
};

struct ToneSpan {
  ToneKind tone;
  int64_t start_sample;
  int64_t end_sample;
};

// One channel, offline (the `boardcti dsp tones` command): every tone, in order.
std::vector<ToneSpan> tones_detect(const int16_t* pcm, size_t n, const TonePlan& plan);

}  // namespace bcti
