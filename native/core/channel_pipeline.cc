#include "native/core/channel_pipeline.h"

#include <algorithm>
#include <cstring>

#include "native/base/errors.h"
#include "native/core/engine.h"
#include "native/dsp/call_progress.h"
#include "native/dsp/dtmf_rx.h"
#include "native/dsp/g711.h"
#include "native/dsp/simd.h"
#include "native/media/disk_writer.h"
#include "native/media/recorder.h"
#include "native/sig/line_events.h"
#include "native/sig/pri_span.h"

namespace bcti {

namespace reason {
constexpr const char* kFinished = "finished";
constexpr const char* kStopped = "stopped";
constexpr const char* kBargeIn = "barge-in";
constexpr const char* kMax = "max";
constexpr const char* kTerminator = "terminator";
constexpr const char* kTimeout = "timeout";
constexpr const char* kInterDigit = "inter-digit-timeout";
}  // namespace reason

constexpr size_t kTypeaheadMax = 32;

ChannelPipeline::ChannelPipeline(Engine& engine, int board, const drv::ChannelInfo& info, int global_index)
    : engine_(engine), board_(board), info_(info), global_(global_index), sig_(info.kind, engine.config().sig) {}

// ---- signalling --------------------------------------------------------------

void ChannelPipeline::hook(drv::HookOp op) { engine_.boards_[board_]->hook(info_.number, op); }

// ETSI caller ID reversed the line for its burst: normal battery again.
void ChannelPipeline::restore_polarity() {
  if (!cid_.reversed()) return;
  cid_.restored();
  engine_.boards_[board_]->set_polarity(info_.number, false);
}

void ChannelPipeline::set_bits(uint32_t abcd) { engine_.boards_[board_]->set_bits(info_.number, abcd); }

void ChannelPipeline::line_event(const char* type, const char* name, int64_t value) {
  published_state_.store(static_cast<uint8_t>(sig_.state()), std::memory_order_relaxed);
  if (r2_on_ && !register_line_event(type, name)) return;
  if (value == 1 && std::strcmp(type, "line:ring-pause") == 0) cid_.ring_pause(now_ms());
  if (sig_.state() != LineState::kRinging && info_.kind == drv::ChannelKind::kFxs) {
    cid_.disarm();
    restore_polarity();
  }
  Event e = make(type);
  e.name = name;
  e.value = static_cast<double>(value);
  engine_.emit(std::move(e));
}

// The line state table refused a move: line:refused (name: the state it was
// to, from: the state it was from, text: the event or command that asked,
// value: the channel's refused moves so far); TS logs it with span, channel
// and call.
void ChannelPipeline::line_refused(LineState from, LineState to, const char* why, uint32_t refused) {
  engine_.refused_moves_.fetch_add(1, std::memory_order_relaxed);
  Event e = make(lev::kRefused);
  e.name = line_state_name(to);
  e.from = line_state_name(from);
  e.text = why ? why : "";
  e.value = static_cast<double>(refused);
  engine_.emit(std::move(e));
}

void ChannelPipeline::pri_event(const char* type, const char* name, int64_t value, const CallParties* parties) {
  published_state_.store(static_cast<uint8_t>(sig_.state()), std::memory_order_relaxed);
  Event e = make(type);
  e.name = name;
  e.value = static_cast<double>(value);
  if (parties) {
    e.text = parties->calling;
    e.calling = parties->calling;
    e.called = parties->called;
    e.calling_ton = parties->calling_ton;
    e.called_ton = parties->called_ton;
    e.presentation = parties->presentation;
  }
  engine_.emit(std::move(e));
}

ChannelPipeline::~ChannelPipeline() = default;

int64_t ChannelPipeline::now_ms() const { return engine_.now_ms_.load(std::memory_order_relaxed); }

Event ChannelPipeline::make(const char* type, uint32_t cmd) const {
  Event e;
  e.type = type;
  e.board = board_;
  e.span = info_.span;
  e.channel = info_.number;
  e.cmd = cmd;
  return e;
}

void ChannelPipeline::fail(uint32_t cmd, const char* code, const std::string& msg) {
  Event e = make(ev::kError, cmd);
  e.code = code;
  e.text = msg;
  engine_.emit(std::move(e));
}

void ChannelPipeline::set_dtmf_running(bool on) {
  if (on && !dtmf_running_) dtmf_base_ms_ = now_ms();
  dtmf_running_ = on;
}

void ChannelPipeline::set_tones_running(bool on) {
  if (on && !tones_running_) tone_base_ms_ = now_ms();
  tones_running_ = on;
}

// ---- per frame ---------------------------------------------------------------

void ChannelPipeline::decode(const uint8_t* codes, float* bank_lane, int n) {
  const G711Tables& t = g711_tables();
  const int16_t* tab = info_.law == Law::kUlaw ? t.ulaw_dec : t.alaw_dec;
  for (int i = 0; i < n; i++) {
    int16_t v = tab[codes[i]];
    rx_[i] = v;
    bank_lane[i * kBankLanes] = static_cast<float>(v);
  }
}

void ChannelPipeline::encode(uint8_t* codes, int n) {
  const G711Tables& t = g711_tables();
  for (int i = 0; i < n; i++) codes[i] = g711_encode_one(t, info_.law, tx_[i]);
  samples_ += n;
}

void ChannelPipeline::process(int n) {
  detect_energy(n);
  // What the line hears: the conference mix, the bridge partner, or silence;
  // then a prompt over it, then a recording's beep over that.
  if (conf_ != 0) {
    std::memcpy(tx_, conf_out_, sizeof(int16_t) * n);
  } else if (peer_ >= 0) {
    std::memcpy(tx_, engine_.chans_[peer_]->rx(), sizeof(int16_t) * n);
  } else {
    std::memset(tx_, 0, sizeof(int16_t) * n);
  }
  if (play_id_) {
    int k = player_.read(tx_, n);
    if (k < n) finish_play(reason::kFinished);
  }
  callerid_frame(n);
  if (r2_on_) register_frame(n);
  Recorder* rec = recorder_ready_.load(std::memory_order_acquire);
  if (record_id_ && rec && !rec->active()) {  // finished (reported by the writer thread)
    record_id_ = 0;
    stop_digits_.clear();
  }
  if (record_id_ && rec) {
    rec->beep_out(tx_, n);
    const int16_t* src = rx_;
    if (record_source_ == RecordSource::kTx) {
      src = tx_;
    } else if (record_source_ == RecordSource::kBoth) {
      for (int i = 0; i < n; i++) mix_[i] = static_cast<int16_t>(std::clamp(rx_[i] + tx_[i], -32768, 32767));
      src = mix_;
    }
    rec->write(src, n);
  }
  if (collect_id_ && now_ms() + engine_.cfg_.frame_ms >= collect_deadline_ms_) {
    finish_collect(digits_.empty() ? reason::kTimeout : reason::kInterDigit);
  }
}

// Caller ID: an FXS port sends it in the first ring pause; an FXO line
// listens for it while idle or alerting (native/core/callerid_port.h).
void ChannelPipeline::callerid_frame(int n) {
  if (info_.kind == drv::ChannelKind::kFxs) {
    if (sig_.state() == LineState::kRinging && cid_.play(now_ms(), tx_, n)) {
      restore_polarity();
      engine_.emit(make("line:callerid-sent"));
    }
    return;
  }
  if (info_.kind != drv::ChannelKind::kFxo) return;
  LineState s = sig_.state();
  bool gave_up = s == LineState::kIdle && cid_prev_ == LineState::kAlerting;  // a new call starts afresh
  cid_prev_ = s;
  cid_.listen(!gave_up && (s == LineState::kIdle || s == LineState::kAlerting), rx_, n, [&](const CidMessage& m) {
    Event e = make("line:callerid");
    e.text = m.info.number;
    if (m.info.number_withheld != CidWithheld::kNone) e.name = cid_withheld_name(m.info.number_withheld);
    e.value = m.info.time.empty() ? 0 : std::stod(m.info.time);
    engine_.emit(std::move(e));
    if (!m.info.name.empty()) {
      Event en = make("line:callerid-name");
      en.text = m.info.name;
      engine_.emit(std::move(en));
    }
  });
}

// ---- detector events -----------------------------------------------------------

void ChannelPipeline::on_dtmf(const DtmfEvent& d) {
  if (!dtmf_running_) return;
  if (d.end) {
    Event e = make(ev::kDtmfEnd);
    e.digit = d.digit;
    e.end_ms = to_ms(dtmf_base_ms_, d.sample);
    engine_.emit(std::move(e));
    return;
  }
  Event e = make(ev::kDtmf);
  e.digit = d.digit;
  e.start_ms = to_ms(dtmf_base_ms_, d.sample);
  engine_.emit(std::move(e));
  digit_for_operations(d.digit);
}

void ChannelPipeline::on_tone(const ToneEvent& t) {
  if (!tones_running_) return;
  Event e = make(t.end ? ev::kToneEnd : ev::kTone);
  e.name = tone_kind_name(t.tone);
  e.start_ms = to_ms(tone_base_ms_, t.start_sample);
  if (t.end) e.end_ms = to_ms(tone_base_ms_, t.end_sample);
  engine_.emit(std::move(e));
}

void ChannelPipeline::on_energy(const EnergyEvent& v) {
  Event e = make(v.voice ? ev::kVoice : ev::kSilence);
  e.start_ms = to_ms(energy_base_ms_, v.sample);
  e.value = v.level_dbm0;
  engine_.emit(std::move(e));
}

void ChannelPipeline::detect_energy(int n) {
  if (!detect_.energy) {
    energy_running_ = false;
    return;
  }
  if (!energy_running_) {
    energy_.reset();
    energy_base_ms_ = now_ms();
    energy_running_ = true;
  }
  energy_.rx(
      rx_, n, [](void* c, const EnergyEvent& e) { static_cast<ChannelPipeline*>(c)->on_energy(e); }, this);
}

void ChannelPipeline::digit_for_operations(char d) {
  if (play_id_ && barge_in_) finish_play(reason::kBargeIn, nullptr, d);
  Recorder* rec = recorder_ready_.load(std::memory_order_acquire);
  if (record_id_ && rec && stop_digits_.find(d) != std::string::npos) rec->on_digit(d);
  if (collect_id_) {
    collect_digit(d);
  } else if (typeahead_.size() < kTypeaheadMax) {
    typeahead_.push_back(d);
  }
}

// ---- commands ------------------------------------------------------------------

bool ChannelPipeline::apply(const Command& c) {
  switch (c.op) {
    case Op::kPlay: start_play(c); return true;
    case Op::kStopPlay:
      if (play_id_) finish_play(reason::kStopped);
      break;
    case Op::kRecord: start_record(c); return true;
    case Op::kStopRecord:
      if (Recorder* rec = recorder_ready_.load(std::memory_order_acquire); rec && record_id_) rec->stop();
      break;
    case Op::kDetect: detect_ = c.detect; break;
    case Op::kCollect: start_collect(c); return true;
    case Op::kStopCollect:
      if (collect_id_) finish_collect(reason::kStopped);
      break;
    case Op::kHangup: stop_all("hang-up"); break;
    case Op::kOffHook:
    case Op::kOnHook:
    case Op::kFlash:
    case Op::kRing:
    case Op::kStopRing:
    case Op::kSetup:
    case Op::kPulseDial: {
      const char* why = "";
      const char* code = nullptr;
      int64_t now = now_ms();
      if (c.op == Op::kSetup && !pri_ && r2_on_) {
        code = register_setup(c.setup, now, &why);
      } else if (c.op == Op::kSetup && !pri_) {
        why = "setup places a call with its numbers: only on a PRI span or a CAS span with MFC-R2 registers";
        code = err::kBadArgument;
      } else if (c.op == Op::kSetup) {
        code = pri_->setup(*this, c.setup, now, &why);
      } else if (pri_ && c.op == Op::kOffHook && sig_.state() == LineState::kIdle) {
        why = "a PRI B channel is seized with setup (a SETUP carries the number)";
        code = err::kBadArgument;
      } else if (pri_ && c.op == Op::kOffHook) {
        code = pri_->answer(*this, now, &why);
      } else if (pri_ && c.op == Op::kOnHook) {
        code = pri_->hangup(*this, c.cause, now, &why);
      } else if (c.op == Op::kOffHook) code = sig_.offhook(now, *this, &why);
      else if (c.op == Op::kOnHook) {
        r2_.stop();
        code = sig_.onhook(now, *this, &why);
      } else if (c.op == Op::kFlash) code = sig_.flash(now, *this, &why);
      else if (c.op == Op::kRing) {
        code = sig_.ring(c.cadence_ms, now, *this, &why, c.callerid ? c.ring_delay_ms : 0,
                         c.callerid ? c.ring_pulse_ms : 0);
        if (!code && c.callerid && c.callerid_at_ms >= 0) {
          if (c.callerid_reverse) engine_.boards_[board_]->set_polarity(info_.number, true);
          cid_.arm_at(c.callerid, now + c.callerid_at_ms, c.callerid_reverse);
        } else if (!code && c.callerid) {
          cid_.arm(c.callerid, c.callerid_after_ms);
        }
      } else if (c.op == Op::kPulseDial) code = sig_.pulse_dial(c.digits, now, *this, &why);
      else code = sig_.stop_ring(now, *this, &why);
      published_state_.store(static_cast<uint8_t>(sig_.state()), std::memory_order_relaxed);
      if (code) {
        fail(c.id, code, why);
        return true;
      }
      break;
    }
    default: break;  // bridge and conference are the engine's
  }
  return false;
}

void ChannelPipeline::start_play(const Command& c) {
  if (play_id_) finish_play(nullptr, err::kCanceled);
  PlayOptions o;
  o.loop = c.play.loop;
  if (c.play.pcm) {
    player_.play(c.play.pcm, o);
  } else if (c.play.tone) {
    player_.play_tone(c.play.tone, o);
  } else {
    fail(c.id, err::kBadArgument, "play: nothing to play");
    return;
  }
  play_id_ = c.id;
  barge_in_ = c.play.barge_in;
  digit_buffer_ |= barge_in_;
}

void ChannelPipeline::finish_play(const char* why, const char* code, char digit) {
  uint32_t id = play_id_;
  int64_t played = player_.played();
  player_.stop();
  play_id_ = 0;
  barge_in_ = false;
  if (code) {
    fail(id, code, code == err::kCanceled ? "play canceled by a newer command or a hang-up" : "play failed");
    return;
  }
  Event e = make(ev::kPlayDone, id);
  e.name = why;
  e.value = static_cast<double>(played / 8);
  e.digit = digit;
  engine_.emit(std::move(e));
}

void ChannelPipeline::prepare_recorder(DiskWriter& writer) {
  if (recorder_) return;
  Engine* eng = &engine_;
  Event proto = make(ev::kRecordDone);
  recorder_ = std::make_unique<Recorder>(
      writer,
      [eng, proto](const RecordResult& r) {
        // Writer thread: the file is closed and synced; tell JS now, not at the next tick.
        Event e = proto;
        e.cmd = static_cast<uint32_t>(r.tag);
        if (r.reason == RecordStop::kError) {
          e.type = ev::kError;
          e.code = err::kFileIo;
          e.text = r.error.empty() ? "recording failed: " + r.path : r.error;
        } else {
          e.name = record_stop_name(r.reason);
          e.value = static_cast<double>(r.duration_ms);
          e.text = r.path;
          e.digit = r.digit;
        }
        eng->emit_now(std::move(e));
      },
      2000);
  recorder_ready_.store(recorder_.get(), std::memory_order_release);
}

void ChannelPipeline::start_record(const Command& c) {
  Recorder* rec = recorder_ready_.load(std::memory_order_acquire);
  if (!rec) {
    fail(c.id, err::kInternal, "recorder not prepared");
    return;
  }
  if (record_id_ && rec->active()) {
    fail(c.id, err::kBusy, "a recording is already running on this channel");
    return;
  }
  RecordOptions o;
  o.path = c.rec.path;
  o.format = c.rec.format == Law::kUlaw   ? WavFormat::kUlaw
             : c.rec.format == Law::kAlaw ? WavFormat::kAlaw
                                          : WavFormat::kPcm16;
  o.max_length_ms = c.rec.max_ms;
  o.max_silence_ms = c.rec.max_silence_ms;
  o.silence_threshold_dbm0 = c.rec.silence_dbm0;
  o.stop_digits = c.rec.stop_digits;
  o.digit_trim_ms = c.rec.stop_digits.empty() ? 0 : 60;
  if (c.rec.beep) o.beep.segments.push_back({{{1000.0, -12.0}}, 400});
  o.tag = c.id;
  try {
    rec->start(o);
  } catch (const CtiError& e) {
    fail(c.id, e.code(), e.what());
    return;
  }
  record_id_ = c.id;
  stop_digits_ = c.rec.stop_digits;
  record_source_ = c.rec.source;
}

void ChannelPipeline::start_collect(const Command& c) {
  if (collect_id_) finish_collect(nullptr, err::kCanceled);
  collect_id_ = c.id;
  collect_ = c.collect;
  digit_buffer_ = true;
  digits_.clear();
  collect_deadline_ms_ = now_ms() + collect_.timeout_ms;
  std::string ahead;
  ahead.swap(typeahead_);
  if (!collect_.flush) {
    for (char d : ahead) {
      if (!collect_id_) {  // finished on an earlier digit: keep the rest typed ahead
        typeahead_.push_back(d);
        continue;
      }
      collect_digit(d);
    }
  }
}

void ChannelPipeline::collect_digit(char d) {
  if (collect_.terminators.find(d) != std::string::npos) {
    finish_collect(reason::kTerminator, nullptr, d);
    return;
  }
  digits_.push_back(d);
  if (static_cast<int>(digits_.size()) >= collect_.max_digits) {
    finish_collect(reason::kMax);
    return;
  }
  collect_deadline_ms_ = now_ms() + collect_.inter_digit_ms;
}

void ChannelPipeline::finish_collect(const char* why, const char* code, char digit) {
  uint32_t id = collect_id_;
  collect_id_ = 0;
  if (code) {
    fail(id, code, "collect canceled by a newer command or a hang-up");
    return;
  }
  Event e = make(ev::kCollectDone, id);
  e.name = why;
  e.text = digits_;
  e.digit = digit;
  engine_.emit(std::move(e));
  digits_.clear();
}

void ChannelPipeline::stop_all(const char* /*why*/) {
  if (play_id_) finish_play(nullptr, err::kCanceled);
  if (collect_id_) finish_collect(nullptr, err::kCanceled);
  if (Recorder* rec = recorder_ready_.load(std::memory_order_acquire); rec && record_id_) rec->stop();
  typeahead_.clear();
  digit_buffer_ = false;
  detect_ = DetectSpec{false, false, false};
}

void ChannelPipeline::shutdown() {
  stop_all("engine stopped");
  // The recorder's destructor finishes its file and reports it.
  recorder_ready_.store(nullptr, std::memory_order_release);
  recorder_.reset();
}

}  // namespace bcti
