#include "native/core/engine.h"

#include <pthread.h>
#include <sched.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstring>

#include "native/base/errors.h"
#include "native/core/channel_pipeline.h"
#include "native/dsp/call_progress.h"
#include "native/dsp/dtmf_rx.h"
#include "native/dsp/simd.h"

namespace bcti {

namespace {
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double steady_ms(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(t.time_since_epoch()).count();
}

void atomic_max(std::atomic<double>& a, double v) {
  double cur = a.load(std::memory_order_relaxed);
  while (v > cur && !a.compare_exchange_weak(cur, v, std::memory_order_relaxed)) {
  }
}
}  // namespace

Engine::Engine(const EngineConfig& cfg) : cfg_(cfg) {
  if (cfg_.frame_ms != 10 && cfg_.frame_ms != 20) throw CtiError(err::kBadArgument, "frameMs must be 10 or 20");
  frame_ = cfg_.frame_ms * 8;
}

struct Engine::PriIo final : PriSpan::Io {
  PriIo(Engine& e, int b, int s) : engine(e), board(b), span(s) {}
  int read_dchan(uint8_t* buf, int max) override { return engine.boards_[board]->read_dchan(span, buf, max); }
  int write_dchan(const uint8_t* buf, int n) override { return engine.boards_[board]->write_dchan(span, buf, n); }
  void span_event(const char* type, const char* name, int64_t value) override {
    Event e;
    e.type = type;
    e.board = board;
    e.span = span;
    e.name = name;
    e.value = static_cast<double>(value);
    engine.emit(std::move(e));
  }
  Engine& engine;
  int board, span;
};

Engine::~Engine() { stop(); }

int Engine::add_board(std::unique_ptr<drv::Board> board, const std::vector<PriSpanConfig>& pri,
                      const std::vector<R2SpanConfig>& r2) {
  if (running_) throw CtiError(err::kBusy, "boards are added before the engine starts");
  const drv::BoardInfo& info = board->info();
  for (const PriSpanConfig& pc : pri) {
    bool e1 = false;
    for (const auto& c : info.channels) e1 |= c.span == pc.span && c.kind == drv::ChannelKind::kE1;
    if (!e1)
      throw CtiError(err::kBadArgument,
                     "span " + std::to_string(pc.span) + " is not an E1 span of this board: it cannot carry ISDN PRI");
    if (pc.overlap_ms < 100) throw CtiError(err::kBadArgument, "overlapMs must be >= 100");
  }
  // A span the board does not have has no timeslots to run registers on (a DAHDI
  // board's spans come from its channel list); a PRI span cannot run them.
  for (const R2SpanConfig& rc : r2)
    for (const PriSpanConfig& pc : pri)
      if (pc.span == rc.span)
        throw CtiError(err::kBadArgument,
                       "span " + std::to_string(rc.span) + " signals with ISDN PRI: it cannot run MFC-R2");
  int first = static_cast<int>(chans_.size());
  board_first_.push_back(first);
  int b = static_cast<int>(boards_.size());
  for (size_t i = 0; i < info.channels.size(); i++) {
    chans_.push_back(std::make_unique<ChannelPipeline>(*this, b, info.channels[i], first + static_cast<int>(i)));
  }
  for (const PriSpanConfig& pc : pri) {
    std::vector<ChannelPipeline*> bchans;
    for (size_t i = 0; i < info.channels.size(); i++)
      if (info.channels[i].span == pc.span) bchans.push_back(chans_[first + i].get());
    pri_io_.push_back(std::make_unique<PriIo>(*this, b, pc.span));
    pri_.push_back(
        std::make_unique<PriSpan>(pc, *pri_io_.back(), std::vector<PriChannel*>(bchans.begin(), bchans.end())));
    for (ChannelPipeline* ch : bchans) ch->set_pri(pri_.back().get());
  }
  for (const R2SpanConfig& rc : r2)
    for (size_t i = 0; i < info.channels.size(); i++)
      if (info.channels[i].span == rc.span && info.channels[i].kind == drv::ChannelKind::kE1)
        chans_[first + i]->set_r2(rc.cfg);
  boards_.push_back(std::move(board));
  return b;
}

bool Engine::is_pri(int board, int span) const {
  for (const auto& io : pri_io_)
    if (io->board == board && io->span == span) return true;
  return false;
}

bool Engine::is_r2(int board, int span) const {
  if (board < 0 || board >= static_cast<int>(board_first_.size())) return false;
  const drv::BoardInfo& info = boards_[board]->info();
  for (size_t i = 0; i < info.channels.size(); i++)
    if (info.channels[i].span == span) return chans_[board_first_[board] + i]->r2();
  return false;
}

const drv::BoardInfo& Engine::board_info(int board) const {
  if (board < 0 || board >= static_cast<int>(boards_.size()))
    throw CtiError(err::kNoSuchBoard, "no board " + std::to_string(board));
  return boards_[board]->info();
}

int Engine::global_index(int board, int channel) const {
  if (board < 0 || board >= static_cast<int>(boards_.size()))
    throw CtiError(err::kNoSuchBoard, "no board " + std::to_string(board));
  int count = static_cast<int>(boards_[board]->info().channels.size());
  if (channel < 1 || channel > count)
    throw CtiError(err::kNoSuchChannel, "board " + std::to_string(board) + " has no channel " +
                                            std::to_string(channel) + " (1.." + std::to_string(count) + ")");
  return board_first_[board] + channel - 1;
}

void Engine::start(Deliver deliver) {
  if (running_) return;
  deliver_ = std::move(deliver);
  int n = static_cast<int>(chans_.size());
  int banks = (n + kBankLanes - 1) / kBankLanes;
  dtmf_banks_.clear();
  cp_banks_.clear();
  for (int i = 0; i < banks; i++) {
    dtmf_banks_.push_back(std::make_unique<DtmfRxBank>());
    if (cfg_.tone_plan) cp_banks_.push_back(std::make_unique<CallProgressBank>(cfg_.tone_plan));
  }
  bank_x_.resize(static_cast<size_t>(banks) * frame_ * kBankLanes);
  rx_codes_.assign(static_cast<size_t>(n) * frame_, 0);
  tx_codes_.assign(static_cast<size_t>(n) * frame_, 0);
  rx_ptrs_.clear();
  tx_ptrs_.clear();
  for (int i = 0; i < n; i++) {
    rx_ptrs_.push_back(&rx_codes_[static_cast<size_t>(i) * frame_]);
    tx_ptrs_.push_back(&tx_codes_[static_cast<size_t>(i) * frame_]);
  }
  refresh_span_status();
  writer_.start();
  stop_ = false;
  running_ = true;
  thread_ = std::thread([this] { run(); });
}

void Engine::stop() {
  if (!running_) return;
  {
    std::lock_guard<std::mutex> lk(cmd_mu_);
    stop_ = true;
  }
  cmd_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  // Whatever was still running or queued ends as canceled, files closed.
  std::vector<Command> left;
  {
    std::lock_guard<std::mutex> lk(cmd_mu_);
    left.swap(pending_);
  }
  for (Command& c : left) {
    Event e;
    e.type = ev::kError;
    e.cmd = c.id;
    e.code = err::kCanceled;
    e.text = "engine stopped";
    emit(std::move(e));
  }
  for (auto& ch : chans_) ch->shutdown();
  writer_.stop();
  flush_events();
  running_ = false;
}

void Engine::validate(const Command& c) const {
  global_index(c.board, c.channel);
  if (c.op == Op::kBridge) {
    global_index(c.board2, c.channel2);
    if (c.board == c.board2 && c.channel == c.channel2)
      throw CtiError(err::kBadArgument, "cannot bridge a channel to itself");
  }
  if (c.op == Op::kCollect && c.collect.max_digits < 1) throw CtiError(err::kBadArgument, "collect: max must be >= 1");
  if (c.op == Op::kDetect && c.detect.tones && !cfg_.tone_plan)
    throw CtiError(err::kBadTonePlan, "tone detection needs a tone plan (engine option tonePlan)");
}

uint32_t Engine::submit(Command cmd) {
  if (!running_) throw CtiError(err::kNotRunning, "the engine is not running");
  validate(cmd);
  cmd.id = next_cmd_.fetch_add(1);
  uint32_t id = cmd.id;
  {
    std::lock_guard<std::mutex> lk(cmd_mu_);
    pending_.push_back(std::move(cmd));
  }
  cmd_cv_.notify_all();
  return id;
}

uint32_t Engine::advance(int64_t ticks) {
  if (!running_) throw CtiError(err::kNotRunning, "the engine is not running");
  if (cfg_.mode != ClockMode::kStepped) throw CtiError(err::kBadArgument, "advance() is for the stepped clock mode");
  if (ticks < 0) throw CtiError(err::kBadArgument, "advance: ticks must be >= 0");
  uint32_t id = next_cmd_.fetch_add(1);
  {
    std::lock_guard<std::mutex> lk(cmd_mu_);
    budget_ += ticks;
    advance_ids_.push_back(id);
  }
  cmd_cv_.notify_all();
  return id;
}

void Engine::emit(Event&& e) {
  e.seq = ++seq_;
  e.ts_ms = now_ms_.load(std::memory_order_relaxed);
  std::lock_guard<std::mutex> lk(ev_mu_);
  batch_.push_back(std::move(e));
}

void Engine::emit_now(Event&& e) {
  emit(std::move(e));
  flush_events();
}

void Engine::flush_events() {
  EventBatch out;
  {
    std::lock_guard<std::mutex> lk(ev_mu_);
    if (batch_.empty()) return;
    out.swap(batch_);
    batch_.reserve(64);
  }
  if (!deliver_) return;
  undelivered_.fetch_add(1, std::memory_order_relaxed);
  deliver_(std::move(out));
}

void Engine::batch_done() {
  {
    std::lock_guard<std::mutex> lk(cmd_mu_);
    undelivered_.fetch_sub(1, std::memory_order_relaxed);
  }
  cmd_cv_.notify_all();
}

void Engine::run() {
  using clock = std::chrono::steady_clock;
  const auto period = std::chrono::microseconds(cfg_.frame_ms * 1000);
  if (cfg_.mode == ClockMode::kRealtime && cfg_.rt_priority > 0) {
    sched_param sp{};
    sp.sched_priority = cfg_.rt_priority;
    if (pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp) == 0) rt_priority_.store(cfg_.rt_priority);
  }
  auto next = clock::now();
  if (cfg_.mode == ClockMode::kRealtime) origin_ms_.store(steady_ms(next));
  double cpu0 = thread_cpu_ms();
  while (true) {
    {
      std::unique_lock<std::mutex> lk(cmd_mu_);
      if (cfg_.mode == ClockMode::kStepped) {
        // Commands are applied even while no ticks are granted.
        cmd_cv_.wait(lk, [&] { return stop_ || budget_ > 0 || !pending_.empty() || !advance_ids_.empty(); });
      }
      if (stop_) break;
      applying_.swap(pending_);
    }
    for (Command& c : applying_) apply(c);
    applying_.clear();

    bool do_tick = true;
    if (cfg_.mode == ClockMode::kStepped) {
      std::lock_guard<std::mutex> lk(cmd_mu_);
      do_tick = budget_ > 0;
      if (do_tick) budget_--;
    }
    if (do_tick) {
      auto t0 = clock::now();
      if (cfg_.mode == ClockMode::kRealtime && t0 - next > period) late_ticks_++;
      tick();
      double us = std::chrono::duration<double, std::micro>(clock::now() - t0).count();
      atomic_max(max_tick_us_, us);
      sum_tick_us_.store(sum_tick_us_.load(std::memory_order_relaxed) + us, std::memory_order_relaxed);
      tick_count_++;
    }
    if (cfg_.mode == ClockMode::kStepped) {
      // engine:advanced carries the time after the last granted tick.
      std::vector<uint32_t> done;
      {
        std::lock_guard<std::mutex> lk(cmd_mu_);
        if (budget_ == 0) done.swap(advance_ids_);
      }
      for (uint32_t id : done) {
        Event e;
        e.type = ev::kAdvanced;
        e.cmd = id;
        emit(std::move(e));
      }
    }
    flush_events();
    cpu_ms_.store(thread_cpu_ms() - cpu0, std::memory_order_relaxed);
    if (cfg_.mode == ClockMode::kFast) {
      std::unique_lock<std::mutex> lk(cmd_mu_);
      cmd_cv_.wait(lk, [&] { return stop_.load() || undelivered_.load(std::memory_order_relaxed) <= 0; });
    }
    if (cfg_.mode == ClockMode::kRealtime) {
      next += period;
      auto now = clock::now();
      if (next < now - period * 50) {  // a long stall: resynchronise, don't burst
        next = now;
        origin_ms_.store(steady_ms(next) - static_cast<double>(ticks_) * cfg_.frame_ms);
      }
      std::unique_lock<std::mutex> lk(cmd_mu_);
      cmd_cv_.wait_until(lk, next, [&] { return stop_.load(); });
    }
  }
}

void Engine::tick() {
  const int n = static_cast<int>(chans_.size());
  const int F = frame_;
  // 1. Line in. The boards' own time (driver I/O; the simulated world) is
  // counted apart, in board_cpu_ms.
  double io0 = thread_cpu_ms();
  int off = 0;
  for (size_t b = 0; b < boards_.size(); b++) {
    boards_[b]->read(rx_ptrs_.data() + off, F);
    off += static_cast<int>(boards_[b]->info().channels.size());
  }
  double io_ms = thread_cpu_ms() - io0;
  board_read_cpu_ms_.store(board_read_cpu_ms_.load(std::memory_order_relaxed) + io_ms, std::memory_order_relaxed);
  // Signalling: the boards' raw events, then every channel's timers.
  for (size_t b = 0; b < boards_.size(); b++) {
    drv::LineEvent le;
    while (boards_[b]->poll_event(&le)) route_line_event(static_cast<int>(b), le);
  }
  for (int i = 0; i < n; i++) chans_[i]->sig_tick();
  // ISDN PRI: D-channel frames in, Q.921/Q.931 timers (pri_clock.h: on the board clock).
  for (auto& p : pri_) p->service(now_ms_.load(std::memory_order_relaxed));
  // 2. Decode into each channel, and interleaved into its detector bank.
  const int banks = static_cast<int>(dtmf_banks_.size());
  for (int i = 0; i < n; i++) {
    float* x = &bank_x_[static_cast<size_t>(i / kBankLanes) * F * kBankLanes + (i % kBankLanes)];
    chans_[i]->decode(rx_ptrs_[i], x, F);
  }
  // 3. Detectors, 16 channels at a time. A lane switched on starts afresh.
  for (int i = 0; i < n; i++) {
    ChannelPipeline& ch = *chans_[i];
    if (ch.needs_dtmf() != ch.wants_dtmf()) {
      if (ch.needs_dtmf()) dtmf_banks_[i / kBankLanes]->reset(i % kBankLanes);
      ch.set_dtmf_running(ch.needs_dtmf());
    }
    if (ch.needs_tones() != ch.wants_tones()) {
      if (ch.needs_tones() && !cp_banks_.empty()) cp_banks_[i / kBankLanes]->reset(i % kBankLanes);
      ch.set_tones_running(ch.needs_tones() && !cp_banks_.empty());
    }
  }
  for (int b = 0; b < banks; b++) {
    const float* x = &bank_x_[static_cast<size_t>(b) * F * kBankLanes];
    bool dtmf = false, tones = false;
    for (int l = 0; l < kBankLanes && b * kBankLanes + l < n; l++) {
      dtmf |= chans_[b * kBankLanes + l]->wants_dtmf();
      tones |= chans_[b * kBankLanes + l]->wants_tones();
    }
    BankCtx ctx{this, b};
    if (dtmf) {
      dtmf_banks_[b]->rx(
          x, F,
          [](void* c, const DtmfEvent& e) {
            auto* k = static_cast<BankCtx*>(c);
            if (ChannelPipeline* ch = k->self->lane_channel(k->bank, e.lane)) ch->on_dtmf(e);
          },
          &ctx);
    }
    if (tones && b < static_cast<int>(cp_banks_.size())) {
      cp_banks_[b]->rx(
          x, F,
          [](void* c, const ToneEvent& e) {
            auto* k = static_cast<BankCtx*>(c);
            if (ChannelPipeline* ch = k->self->lane_channel(k->bank, e.lane)) ch->on_tone(e);
          },
          &ctx);
    }
  }
  // 4. Per-channel media: players, recorders, collect timers; bridges and
  // conferences read the decoded audio of this tick.
  if (!conferences_.empty()) conferences_.mix(F);
  for (int i = 0; i < n; i++) chans_[i]->process(F);
  // 5. Encode and line out.
  for (int i = 0; i < n; i++) chans_[i]->encode(const_cast<uint8_t*>(tx_ptrs_[i]), F);
  // This tick's events (digits, tones, media results) leave now, not after
  // the line-out I/O: JS hears of a digit while the boards are written.
  flush_events();
  io0 = thread_cpu_ms();
  off = 0;
  for (size_t b = 0; b < boards_.size(); b++) {
    boards_[b]->write(tx_ptrs_.data() + off, F);
    off += static_cast<int>(boards_[b]->info().channels.size());
  }
  io_ms += thread_cpu_ms() - io0;
  board_cpu_ms_.store(board_cpu_ms_.load(std::memory_order_relaxed) + io_ms, std::memory_order_relaxed);
  ticks_++;
  if (ticks_ % (500 / cfg_.frame_ms) == 0) refresh_span_status();
  int64_t now = static_cast<int64_t>(ticks_) * cfg_.frame_ms;
  now_ms_.store(now, std::memory_order_relaxed);
  if (cfg_.clock_event_ms > 0 && now % cfg_.clock_event_ms == 0) {
    Event e;
    e.type = ev::kClock;
    emit(std::move(e));
  }
}

void Engine::route_line_event(int board, const drv::LineEvent& le) {
  const auto& chans = boards_[board]->info().channels;
  int first = board_first_[board];
  if (le.type == drv::LineEventType::kAlarm || le.type == drv::LineEventType::kReset) {
    bool reset = le.type == drv::LineEventType::kReset;
    // Calls on a PRI span are gone with its D channel: forget them first.
    for (size_t i = 0; i < pri_.size(); i++) {
      if (pri_io_[i]->board != board) continue;
      int64_t now = now_ms_.load(std::memory_order_relaxed);
      if (reset) pri_[i]->drop_calls(now);
      else if (pri_io_[i]->span == le.span) pri_[i]->span_alarm(le.value != 0, now);
    }
    for (size_t i = 0; i < chans.size(); i++) {
      if (reset) chans_[first + i]->board_reset();
      else if (chans[i].span == le.span) chans_[first + i]->span_alarm(le.value != 0);
    }
    refresh_span_status();
    Event e;
    e.type = reset ? ev::kBoardReset : ev::kSpanAlarm;
    e.board = board;
    e.span = reset ? -1 : le.span;
    e.value = static_cast<double>(le.value);
    emit(std::move(e));
    return;
  }
  if (le.channel < 1 || le.channel > static_cast<int>(chans.size())) return;  // a driver bug: ignore
  chans_[first + le.channel - 1]->on_line_event(le);
}

void Engine::prepare_record(int board, int channel) {
  std::lock_guard<std::mutex> lk(prepare_mu_);
  chans_[global_index(board, channel)]->prepare_recorder(writer_);
}

void Engine::done(const Command& c) {
  Event e;
  e.type = ev::kCommandDone;
  e.board = c.board;
  e.channel = c.channel;
  e.cmd = c.id;
  emit(std::move(e));
}

void Engine::unbridge(ChannelPipeline& ch) {
  if (ch.peer() < 0) return;
  ChannelPipeline& other = *chans_[ch.peer()];
  if (other.peer() == ch.global_index()) other.set_peer(-1);
  ch.set_peer(-1);
}

void Engine::apply(Command& c) {
  ChannelPipeline& ch = *chans_[global_index(c.board, c.channel)];
  switch (c.op) {
    case Op::kBridge: {
      ChannelPipeline& other = *chans_[global_index(c.board2, c.channel2)];
      unbridge(ch);
      unbridge(other);
      conferences_.leave(ch);
      conferences_.leave(other);
      ch.set_peer(other.global_index());
      other.set_peer(ch.global_index());
      done(c);
      return;
    }
    case Op::kUnbridge:
      unbridge(ch);
      done(c);
      return;
    case Op::kConfJoin: {
      unbridge(ch);
      const char* why = nullptr;
      if (!conferences_.join(c.conf, ch, c.conf_mode, &why)) {
        Event e;
        e.type = ev::kError;
        e.board = c.board;
        e.channel = c.channel;
        e.cmd = c.id;
        e.code = err::kBusy;
        e.text = why ? why : "cannot join the conference";
        emit(std::move(e));
        return;
      }
      done(c);
      return;
    }
    case Op::kConfLeave:
      conferences_.leave(ch);
      done(c);
      return;
    case Op::kHangup:
      unbridge(ch);
      conferences_.leave(ch);
      ch.apply(c);
      done(c);
      return;
    default:
      if (!ch.apply(c)) done(c);
      return;
  }
}

std::vector<uint8_t> Engine::line_states(int board) const {
  const drv::BoardInfo& bi = board_info(board);
  std::vector<uint8_t> out(bi.channels.size());
  for (size_t i = 0; i < out.size(); i++) out[i] = static_cast<uint8_t>(chans_[board_first_[board] + i]->line_state());
  return out;
}

void Engine::refresh_span_status() {
  std::vector<std::vector<drv::SpanStatus>> fresh(boards_.size());
  for (size_t b = 0; b < boards_.size(); b++) {
    int spans = 0;
    for (const auto& c : boards_[b]->info().channels) spans = std::max(spans, c.span);
    for (int sp = 0; sp <= spans; sp++) fresh[b].push_back(boards_[b]->span_status(sp));
  }
  std::lock_guard<std::mutex> lk(span_mu_);
  span_cache_.swap(fresh);
}

drv::SpanStatus Engine::span_status(int board, int span) const {
  board_info(board);  // validates
  std::lock_guard<std::mutex> lk(span_mu_);
  if (board >= static_cast<int>(span_cache_.size()) || span < 0 || span >= static_cast<int>(span_cache_[board].size()))
    throw CtiError(err::kBadArgument, "board " + std::to_string(board) + " has no span " + std::to_string(span));
  return span_cache_[board][span];
}

EngineStats Engine::stats() const {
  EngineStats s;
  s.ticks = tick_count_.load();
  s.late_ticks = late_ticks_.load();
  s.max_tick_us = max_tick_us_.load();
  s.mean_tick_us = s.ticks ? sum_tick_us_.load() / static_cast<double>(s.ticks) : 0;
  s.thread_cpu_ms = cpu_ms_.load();
  s.board_cpu_ms = board_cpu_ms_.load();
  s.board_read_cpu_ms = board_read_cpu_ms_.load();
  s.schedule_origin_ms = origin_ms_.load();
  s.rt_priority = rt_priority_.load();
  s.refused_moves = refused_moves_.load(std::memory_order_relaxed);
  s.now_ms = now_ms_.load();
  s.channels = static_cast<int>(chans_.size());
  return s;
}

}  // namespace bcti
