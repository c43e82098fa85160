// The Engine ObjectWrap: options in, commands out, events back through one
// thread-safe function per engine, in batches (STYLE.md #4).
#include <map>
#include <memory>

#include "drivers/dahdi/dahdi_board.h"
#include "drivers/loopback/loopback_board.h"
#include "drivers/sim/sim_board.h"
#include "native/core/channel_pipeline.h"
#include "native/core/engine.h"
#include "native/dsp/tone_plan.h"
#include "native/napi/media_source.h"
#include "native/napi/mfr2_napi.h"
#include "native/napi/parse.h"
#include "native/napi/pri_napi.h"
#include "native/napi/registry.h"
#include "native/sig/line_state.h"

namespace bcti::napi {
namespace {

void CallJs(Napi::Env env, Napi::Function cb, void* /*ctx*/, EventBatch* batch);
using Tsfn = Napi::TypedThreadSafeFunction<void, EventBatch, CallJs>;

Napi::Object event_to_js(Napi::Env env, const Event& e) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("type", e.type);
  o.Set("seq", Napi::Number::New(env, static_cast<double>(e.seq)));
  o.Set("ts", Napi::Number::New(env, static_cast<double>(e.ts_ms)));
  if (e.board >= 0) o.Set("board", e.board);
  if (e.span >= 0) o.Set("span", e.span);
  if (e.channel >= 0) o.Set("channel", e.channel);
  if (e.cmd) o.Set("cmd", Napi::Number::New(env, e.cmd));
  if (e.name) o.Set("name", e.name);
  if (e.code) o.Set("code", e.code);
  if (e.digit) o.Set("digit", std::string(1, e.digit));
  if (e.start_ms >= 0) o.Set("startMs", Napi::Number::New(env, static_cast<double>(e.start_ms)));
  if (e.end_ms >= 0) o.Set("endMs", Napi::Number::New(env, static_cast<double>(e.end_ms)));
  o.Set("value", e.value);
  if (!e.text.empty()) o.Set("text", e.text);
  if (e.from) o.Set("from", e.from);
  set_parties(env, o, e);
  return o;
}

void CallJs(Napi::Env env, Napi::Function cb, void*, EventBatch* batch) {
  std::unique_ptr<EventBatch> owned(batch);
  if (!env || cb.IsEmpty()) return;
  Napi::Array arr = Napi::Array::New(env, batch->size());
  for (size_t i = 0; i < batch->size(); i++) arr.Set(static_cast<uint32_t>(i), event_to_js(env, (*batch)[i]));
  cb.Call({arr});
}

ClockMode parse_mode(Napi::Env env, const std::string& m) {
  if (m == "realtime") return ClockMode::kRealtime;
  if (m == "fast") return ClockMode::kFast;
  if (m == "stepped") return ClockMode::kStepped;
  throw_cti(env, err::kBadArgument, "mode: expected realtime, fast or stepped, got '" + m + "'");
}

Law parse_law(Napi::Env env, const std::string& s) {
  if (s == "ulaw") return Law::kUlaw;
  if (s == "alaw") return Law::kAlaw;
  throw_cti(env, err::kBadArgument, "law: expected 'ulaw' or 'alaw', got '" + s + "'");
}

class EngineWrap : public Napi::ObjectWrap<EngineWrap> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "Engine",
                       {
                           InstanceMethod<&EngineWrap::AddBoard>("addBoard"),
                           InstanceMethod<&EngineWrap::BoardInfo>("boardInfo"),
                           InstanceMethod<&EngineWrap::Start>("start"),
                           InstanceMethod<&EngineWrap::Stop>("stop"),
                           InstanceMethod<&EngineWrap::BatchDone>("batchDone"),
                           InstanceMethod<&EngineWrap::Play>("play"),
                           InstanceMethod<&EngineWrap::Record>("record"),
                           InstanceMethod<&EngineWrap::Detect>("detect"),
                           InstanceMethod<&EngineWrap::Collect>("collect"),
                           InstanceMethod<&EngineWrap::Simple>("simple"),
                           InstanceMethod<&EngineWrap::Bridge>("bridge"),
                           InstanceMethod<&EngineWrap::Ring>("ring"),
                           InstanceMethod<&EngineWrap::Setup>("setup"),
                           InstanceMethod<&EngineWrap::Release>("release"),
                           InstanceMethod<&EngineWrap::PulseDial>("pulseDial"),
                           InstanceMethod<&EngineWrap::LineStates>("lineStates"),
                           InstanceMethod<&EngineWrap::SpanStatus>("spanStatus"),
                           InstanceMethod<&EngineWrap::ConfJoin>("confJoin"),
                           InstanceMethod<&EngineWrap::Advance>("advance"),
                           InstanceMethod<&EngineWrap::Stats>("stats"),
                       });
  }

  EngineWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<EngineWrap>(info) {
    Napi::Env env = info.Env();
    guard(env, [&] {
      Napi::Object o = arg_object(info, 0, "options");
      if (info.Length() < 2 || !info[1].IsFunction())
        throw_cti(env, err::kBadArgument, "Engine: second argument must be the event callback");
      EngineConfig cfg;
      cfg.frame_ms = static_cast<int>(opt_number(o, "frameMs", 20));
      cfg.mode = parse_mode(env, opt_string(o, "mode", "realtime"));
      cfg.clock_event_ms = static_cast<int>(opt_number(o, "clockEventMs", 100));
      if (cfg.clock_event_ms < 0 || (cfg.clock_event_ms > 0 && cfg.clock_event_ms % cfg.frame_ms != 0))
        throw_cti(env, err::kBadArgument, "clockEventMs must be a multiple of frameMs");
      cfg.rt_priority = static_cast<int>(opt_number(o, "rtPriority", 0));
      if (cfg.rt_priority < 0 || cfg.rt_priority > 99)
        throw_cti(env, err::kBadArgument, "rtPriority must be 0 (normal) to 99");
      std::string plan = opt_string(o, "tonePlan", "");
      if (!plan.empty()) cfg.tone_plan = tone_plan_from_json(plan);
      if (cfg.tone_plan) cfg.sig.ring_cadence_ms = cfg.tone_plan->ring_cadence_ms;
      Napi::Value sv = o.Get("signalling");
      if (sv.IsObject()) parse_sig(env, sv.As<Napi::Object>(), &cfg.sig);
      ring_cadence_ = cfg.sig.ring_cadence_ms;
      engine_ = std::make_unique<Engine>(cfg);
      callback_ = Napi::Persistent(info[1].As<Napi::Function>());
      return 0;
    });
  }

  ~EngineWrap() override { shutdown(/*abort=*/true); }

 private:
  void shutdown(bool abort) {
    if (engine_) engine_->stop();
    if (tsfn_started_) {
      tsfn_started_ = false;
      if (abort) tsfn_.Abort();
      else tsfn_.Release();
    }
  }

  Napi::Value AddBoard(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Napi::Object o = arg_object(info, 0, "board");
      std::string driver = opt_string(o, "driver", "loopback");
      if (driver == "sim") {
        // The simulated board's port: a napi External from firmware-sim's addon.
        Napi::Value port = o.Get("port");
        if (!port.IsExternal())
          throw_cti(info.Env(), err::kBadArgument, "driver 'sim' needs the board's port (SimBoard.port())");
        const auto* p = port.As<Napi::External<bcti_sim_port>>().Data();
        std::unique_ptr<drv::Board> b;
        try {
          b = std::make_unique<drv::SimDriverBoard>(p);
        } catch (const std::invalid_argument& e) {
          throw_cti(info.Env(), err::kBadArgument, std::string("sim board: ") + e.what());
        }
        return Napi::Number::New(info.Env(), engine_->add_board(std::move(b), parse_pri_spans(info.Env(), o),
                                                                parse_r2_spans(info.Env(), o)));
      }
      if (driver == "dahdi")
        return Napi::Number::New(info.Env(),
                                 engine_->add_board(dahdi_board(info.Env(), o), {}, parse_r2_spans(info.Env(), o)));
      if (driver != "loopback")
        throw_cti(info.Env(), err::kBadArgument, "driver: 'loopback', 'sim' or 'dahdi', got '" + driver + "'");
      int channels = static_cast<int>(opt_number(o, "channels", 2));
      if (channels < 1 || channels > 4096) throw_cti(info.Env(), err::kBadArgument, "channels must be 1..4096");
      Law law = parse_law(info.Env(), opt_string(o, "law", "alaw"));
      int b = engine_->add_board(std::make_unique<drv::LoopbackBoard>(channels, law, kMaxFrame));
      return Napi::Number::New(info.Env(), b);
    });
  }

  // { driver: 'dahdi', channels: [DAHDI channel numbers], devDir?, numbufs?,
  //   echoCancelTaps?, law?, sys? (an emulator's system-call table) }
  std::unique_ptr<drv::Board> dahdi_board(Napi::Env env, const Napi::Object& o) {
    drv::DahdiConfig cfg;
    cfg.block = engine_->frame_samples();
    cfg.dev_dir = opt_string(o, "devDir", cfg.dev_dir);
    cfg.numbufs = static_cast<int>(opt_number(o, "numbufs", cfg.numbufs));
    cfg.echo_taps = static_cast<int>(opt_number(o, "echoCancelTaps", 0));
    if (cfg.numbufs < 2 || cfg.numbufs > 32) throw_cti(env, err::kBadArgument, "numbufs must be 2..32");
    if (cfg.echo_taps < 0 || cfg.echo_taps > 1024) throw_cti(env, err::kBadArgument, "echoCancelTaps must be 0..1024");
    std::string law = opt_string(o, "law", "");
    if (!law.empty()) cfg.law = static_cast<int>(parse_law(env, law));
    Napi::Value chans = o.Get("channels");
    if (!chans.IsArray())
      throw_cti(env, err::kBadArgument, "driver 'dahdi' needs channels: the DAHDI channel numbers, in board order");
    Napi::Array a = chans.As<Napi::Array>();
    for (uint32_t i = 0; i < a.Length(); i++) {
      Napi::Value v = a.Get(i);
      if (!v.IsNumber() || v.As<Napi::Number>().Int32Value() < 1)
        throw_cti(env, err::kBadArgument, "channels: DAHDI channel numbers are >= 1");
      cfg.channels.push_back(v.As<Napi::Number>().Int32Value());
    }
    try {
      Napi::Value sys = o.Get("sys");
      std::unique_ptr<drv::DahdiSys> s =
          sys.IsExternal() ? drv::table_sys(sys.As<Napi::External<bcti_sys>>().Data()) : drv::kernel_sys();
      return std::make_unique<drv::DahdiBoard>(std::move(s), cfg);
    } catch (const drv::DahdiUnavailable& e) {
      throw_cti(env, err::kNoDevice, e.what());
    } catch (const std::invalid_argument& e) {
      throw_cti(env, err::kBadArgument, e.what());
    }
  }

  Napi::Value BoardInfo(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      const drv::BoardInfo& bi = engine_->board_info(arg_int(info, 0, "board"));
      Napi::Env env = info.Env();
      Napi::Object o = Napi::Object::New(env);
      o.Set("driver", bi.driver);
      o.Set("model", bi.model);
      o.Set("serial", bi.serial);
      o.Set("firmware", bi.firmware);
      Napi::Array chans = Napi::Array::New(env, bi.channels.size());
      static const char* kinds[] = {"fxs", "fxo", "e1", "loopback"};
      o.Set("spans", Napi::Number::New(env, [&] {
              int m = 0;
              for (const auto& c : bi.channels) m = std::max(m, c.span);
              return m;
            }()));
      for (size_t i = 0; i < bi.channels.size(); i++) {
        Napi::Object c = Napi::Object::New(env);
        c.Set("span", bi.channels[i].span);
        c.Set("number", bi.channels[i].number);
        c.Set("kind", kinds[static_cast<int>(bi.channels[i].kind)]);
        c.Set("law", bi.channels[i].law == Law::kUlaw ? "ulaw" : "alaw");
        if (bi.channels[i].kind == drv::ChannelKind::kE1) {
          c.Set("timeslot", bi.channels[i].timeslot);
          int board = arg_int(info, 0, "board");
          bool pri = engine_->is_pri(board, bi.channels[i].span);
          c.Set("signalling", pri ? "pri" : "cas");
          if (!pri) c.Set("registers", engine_->is_r2(board, bi.channels[i].span) ? "mfcr2" : "dtmf");
        }
        chans.Set(static_cast<uint32_t>(i), c);
      }
      o.Set("channels", chans);
      return o;
    });
  }

  Napi::Value Start(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      if (engine_->running()) return info.Env().Undefined();
      tsfn_ = Tsfn::New(info.Env(), callback_.Value(), "boardcti-engine-events", 0, 1);
      tsfn_started_ = true;
      Tsfn tsfn = tsfn_;
      Engine* engine = engine_.get();
      engine_->start([tsfn, engine](EventBatch&& batch) mutable {
        auto* b = new EventBatch(std::move(batch));
        if (tsfn.NonBlockingCall(b) != napi_ok) {  // closing: drop
          delete b;
          engine->batch_done();
        }
      });
      return info.Env().Undefined();
    });
  }

  // JS has handled a batch (see Engine::batch_done).
  Napi::Value BatchDone(const Napi::CallbackInfo& info) {
    engine_->batch_done();
    return info.Env().Undefined();
  }

  Napi::Value Stop(const Napi::CallbackInfo& info) {
    shutdown(/*abort=*/false);
    return info.Env().Undefined();
  }

  Command channel_command(const Napi::CallbackInfo& info, Op op) {
    Command c;
    c.op = op;
    c.board = arg_int(info, 0, "board");
    c.channel = arg_int(info, 1, "channel");
    return c;
  }

  Napi::Value submit(Napi::Env env, Command&& c) { return Napi::Number::New(env, engine_->submit(std::move(c))); }

  // play(board, channel, { file | pcm | tone | digits, loop, bargeIn, ... })
  Napi::Value Play(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Command c = channel_command(info, Op::kPlay);
      Napi::Object o = arg_object(info, 2, "play");
      fill_play_spec(info.Env(), o, c.play);
      return submit(info.Env(), std::move(c));
    });
  }

  Napi::Value Record(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Command c = channel_command(info, Op::kRecord);
      Napi::Object o = arg_object(info, 2, "record");
      RecordSpec& r = c.rec;
      r.path = opt_string(o, "path", "");
      if (r.path.empty()) throw_cti(info.Env(), err::kBadArgument, "record: path is required");
      std::string fmt = opt_string(o, "format", "pcm16");
      if (fmt == "pcm16") r.format = Law::kLinear;
      else r.format = parse_law(info.Env(), fmt);
      r.max_ms = static_cast<int>(opt_number(o, "maxMs", 0));
      r.max_silence_ms = static_cast<int>(opt_number(o, "maxSilenceMs", 0));
      r.silence_dbm0 = opt_number(o, "silenceLevel", -42);
      r.stop_digits = opt_string(o, "stopDigits", "");
      r.beep = opt_bool(o, "beep", false);
      std::string src = opt_string(o, "source", "rx");
      if (src == "rx") r.source = RecordSource::kRx;
      else if (src == "tx") r.source = RecordSource::kTx;
      else if (src == "both") r.source = RecordSource::kBoth;
      else throw_cti(info.Env(), err::kBadArgument, "record: source must be rx, tx or both");
      if (r.max_ms < 0 || r.max_silence_ms < 0) throw_cti(info.Env(), err::kBadArgument, "record: limits must be >= 0");
      engine_->prepare_record(c.board, c.channel);
      return submit(info.Env(), std::move(c));
    });
  }

  Napi::Value Detect(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Command c = channel_command(info, Op::kDetect);
      Napi::Object o = arg_object(info, 2, "detect");
      c.detect.dtmf = opt_bool(o, "dtmf", false);
      c.detect.tones = opt_bool(o, "tones", false);
      c.detect.energy = opt_bool(o, "energy", false);
      return submit(info.Env(), std::move(c));
    });
  }

  Napi::Value Collect(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Command c = channel_command(info, Op::kCollect);
      Napi::Object o = arg_object(info, 2, "collect");
      c.collect.max_digits = static_cast<int>(opt_number(o, "max", 1));
      c.collect.timeout_ms = static_cast<int>(opt_number(o, "timeoutMs", 5000));
      c.collect.inter_digit_ms = static_cast<int>(opt_number(o, "interDigitTimeoutMs", 3000));
      c.collect.terminators = opt_string(o, "terminators", "");
      c.collect.flush = opt_bool(o, "flush", false);
      if (c.collect.max_digits < 1 || c.collect.max_digits > 128)
        throw_cti(info.Env(), err::kBadArgument, "collect: max must be 1..128");
      return submit(info.Env(), std::move(c));
    });
  }

  // simple(op, board, channel): stopPlay, stopRecord, stopCollect, unbridge, confLeave, hangup
  Napi::Value Simple(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      static const std::map<std::string, Op> ops = {
          {"stopPlay", Op::kStopPlay}, {"stopRecord", Op::kStopRecord}, {"stopCollect", Op::kStopCollect},
          {"unbridge", Op::kUnbridge}, {"confLeave", Op::kConfLeave},   {"hangup", Op::kHangup},
          {"offhook", Op::kOffHook},   {"onhook", Op::kOnHook},         {"flash", Op::kFlash},
          {"stopRing", Op::kStopRing}};
      std::string name = arg_string(info, 0, "op");
      auto it = ops.find(name);
      if (it == ops.end()) throw_cti(info.Env(), err::kBadArgument, "unknown operation '" + name + "'");
      Command c;
      c.op = it->second;
      c.board = arg_int(info, 1, "board");
      c.channel = arg_int(info, 2, "channel");
      return submit(info.Env(), std::move(c));
    });
  }

  Napi::Value Bridge(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Command c = channel_command(info, Op::kBridge);
      c.board2 = arg_int(info, 2, "board2");
      c.channel2 = arg_int(info, 3, "channel2");
      return submit(info.Env(), std::move(c));
    });
  }

  // setup(board, channel, { called, calling?, calledTon?, callingTon?, presentation?, exclusive? }): ISDN SETUP
  Napi::Value Setup(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Command c = channel_command(info, Op::kSetup);
      c.setup = parse_setup(info.Env(), arg_object(info, 2, "setup"));
      return submit(info.Env(), std::move(c));
    });
  }

  // release(board, channel, cause): onhook with a Q.850 cause (ISDN; other lines ignore it)
  Napi::Value Release(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Command c = channel_command(info, Op::kOnHook);
      c.cause = arg_int(info, 2, "cause");
      if (c.cause < 1 || c.cause > 127)
        throw_cti(info.Env(), err::kBadArgument, "release: cause must be a Q.850 cause, 1..127");
      return submit(info.Env(), std::move(c));
    });
  }

  // signalling: { flashMinMs, flashMaxMs, ringTimeoutMs, answerOnPolarity,
  //   disconnectOnPolarity, disconnectOnLoopDrop, pulseBreakMs, pulseMakeMs,
  //   pulseInterdigitMs }; TS validates the ranges first (src/config/schema.ts).
  static void parse_sig(Napi::Env env, const Napi::Object& o, SigConfig* s) {
    s->flash_min_ms = static_cast<int>(opt_number(o, "flashMinMs", s->flash_min_ms));
    s->flash_max_ms = static_cast<int>(opt_number(o, "flashMaxMs", s->flash_max_ms));
    s->ring_timeout_ms = static_cast<int>(opt_number(o, "ringTimeoutMs", s->ring_timeout_ms));
    s->answer_on_polarity = opt_bool(o, "answerOnPolarity", s->answer_on_polarity);
    s->disconnect_on_polarity = opt_bool(o, "disconnectOnPolarity", s->disconnect_on_polarity);
    s->disconnect_on_loop_drop = opt_bool(o, "disconnectOnLoopDrop", s->disconnect_on_loop_drop);
    s->pulse.break_ms = static_cast<int>(opt_number(o, "pulseBreakMs", s->pulse.break_ms));
    s->pulse.make_ms = static_cast<int>(opt_number(o, "pulseMakeMs", s->pulse.make_ms));
    s->pulse.interdigit_ms = static_cast<int>(opt_number(o, "pulseInterdigitMs", s->pulse.interdigit_ms));
    if (s->flash_min_ms < 20 || s->flash_max_ms > 2000 || s->flash_min_ms >= s->flash_max_ms)
      throw_cti(env, err::kBadArgument, "signalling: need 20 <= flashMinMs < flashMaxMs <= 2000");
    if (s->pulse.break_ms < 10 || s->pulse.make_ms < 10 || s->pulse.interdigit_ms < 100)
      throw_cti(env, err::kBadArgument, "signalling: pulse break/make >= 10 ms, interdigit >= 100 ms");
  }

  // pulseDial(board, channel, digits)
  Napi::Value PulseDial(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Command c = channel_command(info, Op::kPulseDial);
      c.digits = arg_string(info, 2, "digits");
      return submit(info.Env(), std::move(c));
    });
  }

  // ring(board, channel, { cadenceMs: [on, off, ...] })
  Napi::Value Ring(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Command c = channel_command(info, Op::kRing);
      Napi::Object o = arg_object(info, 2, "ring");
      Napi::Value cad = o.Get("cadenceMs");
      if (!cad.IsUndefined()) {
        if (!cad.IsArray()) throw_cti(info.Env(), err::kBadArgument, "ring: cadenceMs must be an array of ms");
        Napi::Array a = cad.As<Napi::Array>();
        if (a.Length() < 1 || a.Length() > 8)
          throw_cti(info.Env(), err::kBadArgument, "ring: cadenceMs needs 1 to 8 entries");
        for (uint32_t i = 0; i < a.Length(); i++) {
          Napi::Value v = a.Get(i);
          if (!v.IsNumber() || v.As<Napi::Number>().Int32Value() < 50 || v.As<Napi::Number>().Int32Value() > 10000)
            throw_cti(info.Env(), err::kBadArgument, "ring: each cadence entry must be 50..10000 ms");
          c.cadence_ms.push_back(v.As<Napi::Number>().Int32Value());
        }
      }
      Napi::Value cid = o.Get("callerId");
      if (!cid.IsUndefined())
        ring_callerid(info.Env(), cid, o, c.cadence_ms.empty() ? ring_cadence_ : c.cadence_ms, &c);
      return submit(info.Env(), std::move(c));
    });
  }

  Napi::Value LineStates(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      std::vector<uint8_t> st = engine_->line_states(arg_int(info, 0, "board"));
      Napi::Array a = Napi::Array::New(info.Env(), st.size());
      for (size_t i = 0; i < st.size(); i++)
        a.Set(static_cast<uint32_t>(i), line_state_name(static_cast<LineState>(st[i])));
      return a;
    });
  }

  Napi::Value SpanStatus(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      drv::SpanStatus st = engine_->span_status(arg_int(info, 0, "board"), arg_int(info, 1, "span"));
      Napi::Env env = info.Env();
      Napi::Object o = Napi::Object::New(env);
      Napi::Array alarms = Napi::Array::New(env);
      uint32_t k = 0;
      if (st.alarms & drv::kAlarmLos) alarms.Set(k++, "los");
      if (st.alarms & drv::kAlarmRed) alarms.Set(k++, "red");
      if (st.alarms & drv::kAlarmYellow) alarms.Set(k++, "yellow");
      if (st.alarms & drv::kAlarmBlue) alarms.Set(k++, "ais");
      o.Set("alarms", alarms);
      o.Set("slips", Napi::Number::New(env, static_cast<double>(st.slips)));
      o.Set("crcErrors", Napi::Number::New(env, static_cast<double>(st.crc_errors)));
      o.Set("bipolarViolations", Napi::Number::New(env, static_cast<double>(st.bipolar_violations)));
      o.Set("frameErrors", Napi::Number::New(env, static_cast<double>(st.frame_errors)));
      return o;
    });
  }

  // confJoin(board, channel, conf, mode)
  Napi::Value ConfJoin(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Command c = channel_command(info, Op::kConfJoin);
      c.conf = arg_int(info, 2, "conference");
      if (c.conf < 1) throw_cti(info.Env(), err::kBadArgument, "conference ids start at 1");
      std::string mode =
          info.Length() > 3 && info[3].IsString() ? info[3].As<Napi::String>().Utf8Value() : "talk-listen";
      if (mode == "talk-listen") c.conf_mode = ConfMode::kTalkListen;
      else if (mode == "listen") c.conf_mode = ConfMode::kListenOnly;
      else if (mode == "talk") c.conf_mode = ConfMode::kTalkOnly;
      else throw_cti(info.Env(), err::kBadArgument, "conference mode must be talk-listen, listen or talk");
      return submit(info.Env(), std::move(c));
    });
  }

  Napi::Value Advance(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      double ms = arg_number(info, 0, "ms");
      int64_t ticks = static_cast<int64_t>(ms) / engine_->config().frame_ms;
      return Napi::Number::New(info.Env(), engine_->advance(ticks));
    });
  }

  Napi::Value Stats(const Napi::CallbackInfo& info) {
    EngineStats s = engine_->stats();
    Napi::Env env = info.Env();
    Napi::Object o = Napi::Object::New(env);
    o.Set("ticks", Napi::Number::New(env, static_cast<double>(s.ticks)));
    o.Set("lateTicks", Napi::Number::New(env, static_cast<double>(s.late_ticks)));
    o.Set("maxTickUs", s.max_tick_us);
    o.Set("meanTickUs", s.mean_tick_us);
    o.Set("threadCpuMs", s.thread_cpu_ms);
    o.Set("boardCpuMs", s.board_cpu_ms);
    o.Set("boardReadCpuMs", s.board_read_cpu_ms);
    o.Set("scheduleOriginMs", s.schedule_origin_ms);
    o.Set("nowMs", Napi::Number::New(env, static_cast<double>(s.now_ms)));
    o.Set("channels", s.channels);
    o.Set("rtPriority", s.rt_priority);
    o.Set("refusedMoves", Napi::Number::New(env, static_cast<double>(s.refused_moves)));
    return o;
  }

  std::unique_ptr<Engine> engine_;

  std::vector<int> ring_cadence_ = {1000, 4000};  // the FXS default (the tone plan's)
  Napi::FunctionReference callback_;
  Tsfn tsfn_;
  bool tsfn_started_ = false;
};

void Init(Napi::Env env, Napi::Object exports) { exports.Set("Engine", EngineWrap::Define(env)); }

}  // namespace
}  // namespace bcti::napi

BCTI_NAPI_EXPORTS(engine, bcti::napi::Init)
