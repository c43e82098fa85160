#include "world.h"

#include <algorithm>
#include <cstring>

#include "native/sig/pri_clock.h"
#include "world_parts.h"

namespace bcti::sim {

namespace {
#define BCTI_SIM_AS_NAME(e, s) s,
const char* const kEvNames[] = {BCTI_SIM_WORLD_EVENTS(BCTI_SIM_AS_NAME)};
#undef BCTI_SIM_AS_NAME
const char* const kHeardNames[] = {"tone", "tone-end", "digit", "voice", "silence", "flash", "hangup"};
constexpr int64_t kClockEvery = 800;  // samples: a clock event at least every 100 ms

// The C ABI entry points: ctx is the World.
World* W(void* ctx) { return static_cast<World*>(ctx); }
void c_retain(void* ctx) { W(ctx)->driver_retain(); }
void c_release(void* ctx) { W(ctx)->driver_release(); }
void c_read(void* ctx, uint8_t* const* rx, int32_t n) { W(ctx)->read(rx, n); }
void c_write(void* ctx, const uint8_t* const* tx, int32_t n) { W(ctx)->write(tx, n); }
void c_hook(void* ctx, int32_t ch, int32_t op) { W(ctx)->hook(ch, op); }
void c_polarity(void* ctx, int32_t ch, int32_t rev) { W(ctx)->set_polarity(ch, rev != 0); }
void c_bits(void* ctx, int32_t ch, uint32_t abcd) { W(ctx)->set_bits(ch, abcd); }
int32_t c_poll(void* ctx, bcti_sim_event* ev) { return W(ctx)->poll_event(ev) ? 1 : 0; }
int32_t c_status(void* ctx, int32_t span, bcti_sim_span_status* out) { return W(ctx)->span_status(span, out) ? 1 : 0; }
int32_t c_rd(void* ctx, int32_t span, uint8_t* buf, int32_t max) { return W(ctx)->read_dchan(span, buf, max); }
int32_t c_wr(void* ctx, int32_t span, const uint8_t* buf, int32_t n) { return W(ctx)->write_dchan(span, buf, n); }
}  // namespace

const char* ev_name(Ev e) { return kEvNames[static_cast<int>(e)]; }
const char* heard_name(Heard h) { return kHeardNames[static_cast<int>(h)]; }

World::World(SimConfig cfg) : cfg_(std::move(cfg)) {
  // Spans: 1 analog (FXS + FXO), then one per E1.
  auto analog = std::make_unique<Span>();
  analog->number = 1;
  spans_.push_back(std::move(analog));
  int number = 0;
  auto add = [&](int span, int ts, uint8_t kind, Law law, const LineModelConfig& lm) {
    bcti_sim_channel c{};
    c.span = span;
    c.number = ++number;
    c.timeslot = ts;
    c.kind = kind;
    c.law = static_cast<uint8_t>(law);
    chan_info_.push_back(c);
    chans_.push_back(std::make_unique<Chan>(c, lm, cfg_.seed));
  };
  for (const PhoneConfig& pc : cfg_.phones) {
    add(1, 0, BCTI_SIM_FXS, cfg_.analog_law, pc.line);
    auto p = std::make_unique<Phone>();
    p->ch = number;
    p->cfg = pc;
    chans_.back()->phone = static_cast<int>(phones_.size());
    phones_.push_back(std::move(p));
  }
  int line_no = 0;
  for (const LineConfig& lc : cfg_.lines) {
    add(1, 0, BCTI_SIM_FXO, cfg_.analog_law, lc.line);
    auto t = std::make_unique<Trunk>();
    t->ch = number;
    t->index = ++line_no;
    t->number = lc.number;
    t->line = lc;
    chans_.back()->trunk = static_cast<int>(trunks_.size());
    trunks_.push_back(std::move(t));
  }
  for (const E1SpanConfig& ec : cfg_.e1) {
    auto s = std::make_unique<Span>();
    s->number = static_cast<int>(spans_.size()) + 1;
    s->e1 = true;
    s->cfg = ec;
    for (int ts = 1; ts <= 31; ts++) {
      if (ts == 16) continue;  // signalling (CAS multiframe today, the PRI D channel later)
      add(s->number, ts, BCTI_SIM_E1, ec.law, ec.line);
      auto t = std::make_unique<Trunk>();
      t->ch = number;
      t->e1 = true;
      t->span = s->number;
      t->index = ts;
      t->pri = ec.pri;
      t->r2 = !ec.pri && ec.r2;
      t->r2_itu = ec.r2_itu;
      t->number = ec.number_prefix.empty() ? "" : ec.number_prefix + (ts < 10 ? "0" : "") + std::to_string(ts);
      chans_.back()->trunk = static_cast<int>(trunks_.size());
      trunks_.push_back(std::move(t));
    }
    spans_.push_back(std::move(s));
  }
  ears_ = std::make_unique<Ears>(number, cfg_.plan,
                                 [this](int ch, Heard w, const char* text, int64_t t) { on_heard(ch, w, text, t); });

  port_.abi_version = BCTI_SIM_ABI_VERSION;
  port_.struct_size = sizeof(bcti_sim_port);
  port_.ctx = this;
  port_.model = cfg_.model.c_str();
  port_.serial = cfg_.serial.c_str();
  port_.firmware = cfg_.firmware.c_str();
  port_.span_count = static_cast<int32_t>(spans_.size());
  port_.channel_count = static_cast<int32_t>(chan_info_.size());
  port_.channels = chan_info_.data();
  port_.retain = c_retain;
  port_.release = c_release;
  port_.read = c_read;
  port_.write = c_write;
  port_.hook = c_hook;
  port_.set_polarity = c_polarity;
  port_.set_bits = c_bits;
  port_.poll_event = c_poll;
  port_.span_status = c_status;
  port_.read_dchan = c_rd;
  port_.write_dchan = c_wr;
}

World::~World() = default;  // libpri has no call to free a controller: it goes with the process

void World::release() {
  if (refs_.fetch_sub(1) == 1) delete this;
}

// ---- events ------------------------------------------------------------------

void World::emit(const WorldEvent& e) { frame_events_.push_back(e); }

void World::emit(Ev type, int ch, uint32_t call, int64_t value, const std::string& text) {
  WorldEvent e;
  e.type = type;
  e.channel = ch;
  e.call = call;
  e.t = t_;
  e.value = value;
  e.set_text(text);
  emit(e);
}

void World::line_event(int ch, uint8_t type, uint32_t value, int span) {
  bcti_sim_event e{};
  e.type = type;
  e.channel = ch;
  e.span = span >= 0 ? span : ch > 0 ? chan_info_[ch - 1].span : 0;
  e.value = value;
  line_q_.push_back(e);
  emit(Ev::kLineSignal, ch, 0, (static_cast<int64_t>(type) << 8) | value, std::to_string(e.span));
}

std::vector<WorldEvent> World::drain() {
  std::lock_guard<std::mutex> lk(ev_mu_);
  std::vector<WorldEvent> out;
  out.swap(events_);
  return out;
}

void World::set_notify(std::function<void()> fn) {
  std::lock_guard<std::mutex> lk(ev_mu_);
  notify_ = std::move(fn);
}

void World::command(Command c) {
  std::lock_guard<std::mutex> lk(cmd_mu_);
  cmds_.push_back(std::move(c));
}

uint32_t World::new_call_id() {
  std::lock_guard<std::mutex> lk(cmd_mu_);
  return ++js_calls_;
}

// ---- the board ---------------------------------------------------------------

bool World::connected(const Chan& c) const {
  if (c.phone >= 0) {
    PhoneState s = phones_[c.phone]->sm.state();
    return s == PhoneState::kOffHook;
  }
  const Trunk& t = *trunks_[c.trunk];
  TrunkState s = t.sm.state();
  if (s == TrunkState::kDead) return false;
  if (t.e1) return s != TrunkState::kIdle;
  return t.board_offhook;  // an FXO line carries audio while the board holds the loop
}

// An FXO line's caller ID burst, if one is due: written over `far`.
bool World::trunk_sends_callerid(Trunk& t, int16_t* far, int n) {
  if (t.cid_at < 0 || t_ + n <= t.cid_at) return false;
  if (t.sm.state() != TrunkState::kOffering || t.board_offhook) {
    t.cid_at = -1;
    return false;
  }
  int k = static_cast<int>(std::max<int64_t>(0, t.cid_at - t_));
  for (int i = 0; i < k; i++) far[i] = 0;
  for (int i = k; i < n; i++) far[i] = t.cid_pos < t.cid_pcm.size() ? t.cid_pcm[t.cid_pos++] : 0;
  if (t.cid_pos >= t.cid_pcm.size()) {
    t.cid_at = -1;
    if (t.cid_restore) {  // ETSI DT-AS: normal battery again after the data
      t.cid_restore = false;
      t.reversed = false;
      line_event(t.ch, BCTI_SIM_EV_POLARITY, 0);
    }
  }
  return true;
}

void World::read(uint8_t* const* rx, int n) {
  pri_clock::Scope clock(t_ / 8);  // libpri's timers follow the world (native/sig/pri_clock.h)
  frame_ = n;
  std::vector<Command> cmds;
  {
    std::lock_guard<std::mutex> lk(cmd_mu_);
    cmds.swap(cmds_);
  }
  for (Command& c : cmds) apply(c);
  for (auto& p : phones_) phone_tick(*p);
  for (auto& t : trunks_) {
    trunk_tick(*t);
    run_script(*t);
  }
  for (auto& s : spans_) span_tick(*s, n);
  for (auto& s : spans_)
    if (s->cfg.pri) pri_tick(*s);

  if (pcm_.size() < static_cast<size_t>(n) * chans_.size()) pcm_.resize(static_cast<size_t>(n) * chans_.size());
  for (size_t i = 0; i < chans_.size(); i++) {
    Chan& c = *chans_[i];
    int16_t* far = &pcm_[i * n];
    c.mouth.generate(far, n);
    bool on = connected(c);
    if (c.trunk >= 0 && trunk_sends_callerid(*trunks_[c.trunk], far, n)) on = true;
    if (c.trunk >= 0 && trunks_[c.trunk]->e1 && spans_[trunks_[c.trunk]->span - 1]->status.alarms) on = false;
    c.line.to_board(far, on, rx[i], n);
  }
}

void World::write(const uint8_t* const* tx, int n) {
  pri_clock::Scope clock(t_ / 8);
  heard_ptrs_.assign(chans_.size(), nullptr);
  for (size_t i = 0; i < chans_.size(); i++) {
    Chan& c = *chans_[i];
    bool listening = ears_->is_open(static_cast<int>(i));
    if (c.phone >= 0 && !connected(c)) {  // on hook: only the caller ID receiver listens
      phone_callerid(*phones_[c.phone], tx[i], n);
      continue;
    }
    if (listening && c.heard.size() < static_cast<size_t>(n)) c.heard.resize(n);
    c.line.from_board(tx[i], connected(c), listening ? c.heard.data() : nullptr, n);
    if (listening) heard_ptrs_[i] = c.heard.data();
  }
  ears_->hear(heard_ptrs_.data(), n, t_);
  for (auto& t : trunks_)
    if (t->r2_role && heard_ptrs_[t->ch - 1]) trunk_r2_frame(*t, heard_ptrs_[t->ch - 1], n);
  for (auto& t : trunks_) run_script(*t);
  t_ += n;
  now_.store(t_, std::memory_order_relaxed);
  if (t_ - last_clock_ >= kClockEvery) {
    last_clock_ = t_;
    emit(Ev::kClock, 0, 0, 0, "");
  }
  if (frame_events_.empty()) return;
  {
    // notify_ is called under the lock so that set_notify(nullptr) returning
    // means no call is in flight (it only queues a call to the JS thread).
    std::lock_guard<std::mutex> lk(ev_mu_);
    events_.insert(events_.end(), frame_events_.begin(), frame_events_.end());
    if (notify_) notify_();
  }
  frame_events_.clear();
}

void World::hook(int ch, int op) {
  if (ch < 1 || ch > static_cast<int>(chans_.size())) return;
  Chan& c = *chans_[ch - 1];
  if (c.phone >= 0) {
    if (op == BCTI_SIM_RING) phone_ringer(*phones_[c.phone], true);
    else if (op == BCTI_SIM_RING_OFF) phone_ringer(*phones_[c.phone], false);
    return;
  }
  if (c.trunk >= 0 && !trunks_[c.trunk]->e1) trunk_board_hook(*trunks_[c.trunk], op);
}

void World::set_polarity(int ch, bool reversed) {
  // FXS: the board reverses battery toward a phone (answer supervision for
  // payphones); desk phones take no notice. Recorded for tests.
  if (ch < 1 || ch > static_cast<int>(chans_.size()) || chans_[ch - 1]->phone < 0) return;
  emit(Ev::kPhoneState, ch, 0, reversed ? 1 : 0, "polarity");
}

void World::set_bits(int ch, uint32_t abcd) {
  if (ch < 1 || ch > static_cast<int>(chans_.size())) return;
  Chan& c = *chans_[ch - 1];
  if (c.trunk < 0 || !trunks_[c.trunk]->e1 || trunks_[c.trunk]->pri) return;
  trunk_board_bits(*trunks_[c.trunk], abcd & 0xF);
}

bool World::poll_event(bcti_sim_event* ev) {
  if (line_q_.empty()) return false;
  *ev = line_q_.front();
  line_q_.pop_front();
  return true;
}

bool World::span_status(int span, bcti_sim_span_status* out) {
  if (span < 1 || span > static_cast<int>(spans_.size())) return false;
  *out = spans_[span - 1]->status;
  return true;
}

int World::read_dchan(int span, uint8_t* buf, int max) {
  if (span < 1 || span > static_cast<int>(spans_.size()) || !spans_[span - 1]->cfg.pri) return -1;
  Span& s = *spans_[span - 1];
  if (s.status.alarms) s.to_board.clear();  // in alarm: nothing arrives, what was on its way is lost
  if (s.to_board.empty()) return 0;
  std::vector<uint8_t> f = std::move(s.to_board.front());
  s.to_board.pop_front();
  int n = static_cast<int>(f.size()) < max ? static_cast<int>(f.size()) : max;
  std::copy(f.begin(), f.begin() + n, buf);
  return n;
}

int World::write_dchan(int span, const uint8_t* buf, int n) {
  if (span < 1 || span > static_cast<int>(spans_.size()) || !spans_[span - 1]->cfg.pri || n < 0) return -1;
  Span& s = *spans_[span - 1];
  // A span in alarm carries nothing; the frame is lost on the line.
  if (!s.status.alarms && s.from_board.size() < 1024) s.from_board.emplace_back(buf, buf + n);
  return n;
}

// ---- commands ----------------------------------------------------------------

World::Trunk* World::trunk_of_call(uint32_t call) {
  if (!call) return nullptr;
  for (auto& t : trunks_)
    if (t->call == call) return t.get();
  return nullptr;
}
World::Trunk* World::trunk_at(int ch) {
  if (ch < 1 || ch > static_cast<int>(chans_.size()) || chans_[ch - 1]->trunk < 0) return nullptr;
  return trunks_[chans_[ch - 1]->trunk].get();
}
World::Phone* World::phone_at(int ch) {
  if (ch < 1 || ch > static_cast<int>(chans_.size()) || chans_[ch - 1]->phone < 0) return nullptr;
  return phones_[chans_[ch - 1]->phone].get();
}

ToneDescriptor World::plan_tone(ToneKind k) const { return tone_plan_descriptor(*cfg_.plan, k); }

void World::apply(Command& c) {
  using Op = Command::Op;
  switch (c.op) {
    case Op::kCallIn:
      if (Trunk* t = trunk_at(c.ch)) incoming(*t, c);
      break;
    case Op::kExpect: cfg_.numbers[c.text] = c.script; break;
    case Op::kForget: cfg_.numbers.erase(c.text); break;
    case Op::kFarPress:
    case Op::kFarSpeak:
    case Op::kFarSilence:
    case Op::kFarPlay:
    case Op::kFarHangup:
      if (Trunk* t = trunk_of_call(c.call)) far_action(*t, c);
      break;
    case Op::kPhoneOffHook:
    case Op::kPhoneOnHook:
    case Op::kPhoneDial:
    case Op::kPhoneFlash:
    case Op::kPhoneSpeak:
    case Op::kPhoneStop:
      if (Phone* p = phone_at(c.ch)) phone_command(*p, c);
      break;
    case Op::kDropLine:
      if (Trunk* t = trunk_at(c.ch)) drop_line(*t, c.ms);
      break;
    case Op::kAlarm:
      if (c.ch >= 1 && c.ch <= static_cast<int>(spans_.size()) && spans_[c.ch - 1]->e1)
        alarm(*spans_[c.ch - 1], c.bits);
      break;
    case Op::kClearAlarm:
      if (c.ch >= 1 && c.ch <= static_cast<int>(spans_.size()) && spans_[c.ch - 1]->e1) alarm(*spans_[c.ch - 1], 0);
      break;
    case Op::kSpanErrors:
      if (c.ch >= 1 && c.ch <= static_cast<int>(spans_.size())) {
        spans_[c.ch - 1]->status.crc_errors += static_cast<uint64_t>(c.n);
        spans_[c.ch - 1]->status.slips += static_cast<uint64_t>(c.ms);
      }
      break;
    case Op::kReset: reset_board(); break;
    case Op::kPriRestart:
      if (Trunk* t = trunk_at(c.ch); t && t->pri) pri_restart(*t);
      break;
  }
}

// ---- what listeners heard -------------------------------------------------------

void World::on_heard(int ch0, Heard what, const char* text, int64_t at) {
  Chan& c = *chans_[ch0];
  if (c.phone >= 0) {
    WorldEvent e;
    e.type = Ev::kPhoneHeard;
    e.channel = ch0 + 1;
    e.t = at;
    e.value = static_cast<int64_t>(what);
    e.set_text(text);
    emit(e);
    return;
  }
  if (c.trunk >= 0) trunk_heard(*trunks_[c.trunk], what, text, at);
}

}  // namespace bcti::sim
