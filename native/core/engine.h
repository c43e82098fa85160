// The media engine: one thread ticks every frame for every channel of every
// board. Commands from JS are queued and applied at the start of a tick (never
// blocking the thread); events are batched per tick and handed to `deliver`
// (the N-API layer's thread-safe function). See ARCHITECTURE.md, Time.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include <thread>
#include <vector>
#include "native/sig/line_signalling.h"
#include "native/sig/r2_register.h"

#include "drivers/driver.h"
#include "native/core/command.h"
#include "native/core/conferences.h"
#include "native/core/event.h"
#include "native/dsp/simd.h"
#include "native/media/disk_writer.h"
#include "native/sig/pri_span.h"

namespace bcti {

class ChannelPipeline;
class DtmfRxBank;
class CallProgressBank;
struct TonePlan;

enum class ClockMode : uint8_t {
  kRealtime,  // frames at wall-clock pace, as a card interrupts
  kFast,      // as fast as the thread runs, waiting for JS to handle each event batch
  kStepped,   // only the ticks JS grants with advance(): deterministic tests
};

struct EngineConfig {
  int frame_ms = 20;  // 10 or 20
  ClockMode mode = ClockMode::kRealtime;
  int clock_event_ms = 100;                   // engine:clock period (0 = off)
  std::shared_ptr<const TonePlan> tone_plan;  // call-progress plan for every channel
  // Line signalling timers and supervision choices for every channel; the
  // FXS ring cadence comes from the tone plan when there is one.
  SigConfig sig;
  // Realtime mode: run the media thread SCHED_FIFO at this priority (1..99),
  // as a card's interrupt-driven thread would run; 0 = normal scheduling. A
  // refusal (no CAP_SYS_NICE) leaves it normal; stats() says which it got.
  int rt_priority = 0;
};

struct EngineStats {
  uint64_t ticks = 0;
  uint64_t late_ticks = 0;  // realtime: frames that started later than one frame period
  double max_tick_us = 0;
  double mean_tick_us = 0;
  double thread_cpu_ms = 0;  // CPU time used by the media thread
  // Of thread_cpu_ms, the part spent inside the boards' read(), write() and
  // poll_event(): the driver's I/O. With the simulated board this is the
  // simulated world itself (lines, far ends, their detectors), work a real
  // card does in hardware.
  double board_cpu_ms = 0;
  // Of board_cpu_ms, the part in read() and poll_event(): it runs before the
  // tick's detectors, so it delays every event of the tick.
  double board_read_cpu_ms = 0;
  // Realtime: steady clock (CLOCK_MONOTONIC) time, ms, at which tick 0 was due;
  // tick k is due at schedule_origin_ms + k * frame_ms (moved forward when the
  // thread resynchronises after a long stall). 0 in the other modes.
  double schedule_origin_ms = 0;
  int64_t now_ms = 0;
  int channels = 0;
  int rt_priority = 0;  // the SCHED_FIFO priority the media thread runs at; 0 = normal
  // Line state moves the table (native/sig/line_state.h) refused, every channel
  // together; each one is a line:refused event.
  uint64_t refused_moves = 0;
};

class Engine {
 public:
  using Deliver = std::function<void(EventBatch&&)>;

  explicit Engine(const EngineConfig& cfg);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Boards are added before start(); returns the board index. `pri` names the
  // board's E1 spans that carry ISDN PRI on TS16 (the others keep CAS).
  // `r2` names the CAS spans whose timeslots run MFC-R2 registers (a span
  // without E1 timeslots on this board is left alone).
  int add_board(std::unique_ptr<drv::Board> board, const std::vector<PriSpanConfig>& pri = {},
                const std::vector<R2SpanConfig>& r2 = {});
  // Whether a span of a board signals with ISDN PRI.
  bool is_pri(int board, int span) const;
  // Whether a CAS span of a board runs MFC-R2 registers.
  bool is_r2(int board, int span) const;
  const drv::BoardInfo& board_info(int board) const;
  int board_count() const { return static_cast<int>(boards_.size()); }

  void start(Deliver deliver);
  void stop();  // joins the thread; commands still queued are canceled
  bool running() const { return running_.load(); }
  // JS has handled a delivered batch (and queued what it decided). In fast
  // mode the thread waits for this before the next tick, so the board never
  // runs ahead of the call layer: the same script gives the same events.
  void batch_done();

  // Validates (throws CtiError) and queues; returns the command id that the
  // completion event will carry.
  uint32_t submit(Command cmd);
  // Stepped mode: grant `ticks` more frames; engine:advanced follows when spent.
  uint32_t advance(int64_t ticks);

  // JS thread, before submitting a record command for this channel.
  void prepare_record(int board, int channel);

  EngineStats stats() const;
  // Any thread: each channel's line state (native/sig/line_state.h) by board.
  std::vector<uint8_t> line_states(int board) const;
  // Any thread: a span's alarms and counters, as the media thread last read
  // them from the board (on every alarm change and every half second).
  drv::SpanStatus span_status(int board, int span) const;
  int frame_samples() const { return frame_; }
  const EngineConfig& config() const { return cfg_; }

  // Any thread may emit (e.g. the recording writer thread finishing a file).
  void emit_now(Event&& e);

 private:
  friend class ChannelPipeline;
  void run();
  void tick();
  void apply(Command& c);
  void done(const Command& c);
  void unbridge(ChannelPipeline& ch);
  void route_line_event(int board, const drv::LineEvent& le);
  struct PriIo;  // a PRI span's view of its board (engine.cc)
  void refresh_span_status();
  ChannelPipeline* lane_channel(int bank, int lane) {
    size_t i = static_cast<size_t>(bank) * 16 + lane;
    return i < chans_.size() ? chans_[i].get() : nullptr;
  }
  struct BankCtx {
    Engine* self;
    int bank;
  };
  void validate(const Command& c) const;
  int global_index(int board, int channel) const;  // channel is 1-based
  void emit(Event&& e);                            // media thread: joins this tick's batch
  void flush_events();

  EngineConfig cfg_;
  int frame_;
  std::vector<std::unique_ptr<drv::Board>> boards_;
  std::vector<int> board_first_;  // global index of each board's first channel
  std::vector<std::unique_ptr<ChannelPipeline>> chans_;
  std::vector<std::unique_ptr<PriIo>> pri_io_;
  std::vector<std::unique_ptr<PriSpan>> pri_;  // media thread (built by add_board)
  std::vector<std::unique_ptr<DtmfRxBank>> dtmf_banks_;
  std::vector<std::unique_ptr<CallProgressBank>> cp_banks_;
  AlignedFloats bank_x_;                      // [bank][frame][16] interleaved rx for the detectors
  std::vector<uint8_t> rx_codes_, tx_codes_;  // [channel][frame]
  std::vector<uint8_t*> rx_ptrs_;
  std::vector<const uint8_t*> tx_ptrs_;

  mutable std::mutex span_mu_;
  std::vector<std::vector<drv::SpanStatus>> span_cache_;  // [board][span], spans 0..max
  Conferences conferences_;
  DiskWriter writer_;
  std::mutex prepare_mu_;

  std::thread thread_;
  std::atomic<bool> running_{false};
  std::atomic<bool> stop_{false};
  Deliver deliver_;

  mutable std::mutex cmd_mu_;
  std::condition_variable cmd_cv_;
  std::vector<Command> pending_;
  std::vector<Command> applying_;
  std::atomic<uint32_t> next_cmd_{1};
  int64_t budget_ = 0;                 // stepped mode, guarded by cmd_mu_
  std::vector<uint32_t> advance_ids_;  // guarded by cmd_mu_

  std::mutex ev_mu_;
  EventBatch batch_;
  std::atomic<uint64_t> seq_{0};

  std::atomic<int64_t> now_ms_{0};
  uint64_t ticks_ = 0;
  std::atomic<uint64_t> late_ticks_{0};
  std::atomic<int> undelivered_{0};  // batches delivered and not yet reported done
  std::atomic<double> max_tick_us_{0};
  std::atomic<double> sum_tick_us_{0};
  std::atomic<uint64_t> tick_count_{0};
  std::atomic<double> cpu_ms_{0};
  std::atomic<double> board_cpu_ms_{0};
  std::atomic<double> board_read_cpu_ms_{0};
  std::atomic<double> origin_ms_{0};
  std::atomic<int> rt_priority_{0};
  std::atomic<uint64_t> refused_moves_{0};
};

}  // namespace bcti
