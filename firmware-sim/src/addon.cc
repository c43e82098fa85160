// firmware_sim.node: the simulated board as a Node-API addon. Only src/sim
// loads it. `new SimBoard(config, onEvents)` builds the board and its world;
// `port()` hands the engine a napi External wrapping the board's C ABI port
// (boardcti_sim.h); commands queue to the world; world events come back in
// batches through one thread-safe function. The *ForTest methods let a test
// stand in for the engine and drive the port itself.
#include <napi.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "config_napi.h"
#include "dahdi_emu_napi.h"
#include "native/base/errors.h"
#include "native/dsp/g711.h"
#include "world.h"

namespace bcti::sim {

namespace {

struct AddonData {
  Napi::FunctionReference error_factory;
};

[[noreturn]] void throw_code(Napi::Env env, const char* code, const std::string& msg) {
  AddonData* d = env.GetInstanceData<AddonData>();
  if (d && !d->error_factory.IsEmpty()) {
    Napi::Value e = d->error_factory.Call({Napi::String::New(env, code), Napi::String::New(env, msg)});
    throw Napi::Error(env, e);
  }
  Napi::Error e = Napi::Error::New(env, msg);
  e.Set("code", Napi::String::New(env, code));
  throw e;
}

// Runs f, turning C++ errors into the project's error classes.
template <typename F>
Napi::Value guard(Napi::Env env, F&& f) {
  try {
    return f();
  } catch (const Napi::Error&) {
    throw;
  } catch (const CtiError& e) {
    throw_code(env, e.code(), e.what());
  } catch (const std::invalid_argument& e) {
    throw_code(env, err::kBadArgument, e.what());
  } catch (const std::exception& e) {
    throw_code(env, err::kInternal, e.what());
  }
}

int arg_int(const Napi::CallbackInfo& info, size_t i, const char* name) {
  if (info.Length() <= i || !info[i].IsNumber()) throw std::invalid_argument(std::string(name) + ": expected a number");
  return info[i].As<Napi::Number>().Int32Value();
}
std::string arg_str(const Napi::CallbackInfo& info, size_t i, const char* name) {
  if (info.Length() <= i || !info[i].IsString()) throw std::invalid_argument(std::string(name) + ": expected a string");
  return info[i].As<Napi::String>().Utf8Value();
}

const char* kind_name(uint8_t k) { return k == BCTI_SIM_FXS ? "fxs" : k == BCTI_SIM_FXO ? "fxo" : "e1"; }

Napi::Object event_object(Napi::Env env, const WorldEvent& e) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("type", ev_name(e.type));
  o.Set("channel", e.channel);
  o.Set("call", static_cast<double>(e.call));
  o.Set("t", static_cast<double>(e.t));
  o.Set("value", static_cast<double>(e.value));
  o.Set("text", e.text);
  return o;
}

Napi::Array events_array(Napi::Env env, const std::vector<WorldEvent>& evs) {
  Napi::Array a = Napi::Array::New(env, evs.size());
  for (size_t i = 0; i < evs.size(); i++) a.Set(static_cast<uint32_t>(i), event_object(env, evs[i]));
  return a;
}

// The thread-safe function's context: the world it drains (it holds a reference).
struct TsfnCtx {
  World* world;
  std::atomic<bool> pending{false};
};

void call_js(Napi::Env env, Napi::Function fn, TsfnCtx* ctx, void*) {
  ctx->pending.store(false);
  if (!env || !fn) return;
  std::vector<WorldEvent> evs = ctx->world->drain();
  if (evs.empty()) return;
  fn.Call({events_array(env, evs)});
}
using Tsfn = Napi::TypedThreadSafeFunction<TsfnCtx, void, call_js>;

}  // namespace

class SimBoardWrap : public Napi::ObjectWrap<SimBoardWrap> {
 public:
  static Napi::Function Init(Napi::Env env) {
    return DefineClass(env, "SimBoard",
                       {
                           InstanceMethod<&SimBoardWrap::Port>("port"),
                           InstanceMethod<&SimBoardWrap::Info>("info"),
                           InstanceMethod<&SimBoardWrap::Now>("now"),
                           InstanceMethod<&SimBoardWrap::Attached>("attached"),
                           InstanceMethod<&SimBoardWrap::CallIn>("callIn"),
                           InstanceMethod<&SimBoardWrap::Expect>("expect"),
                           InstanceMethod<&SimBoardWrap::Forget>("forget"),
                           InstanceMethod<&SimBoardWrap::Far>("far"),
                           InstanceMethod<&SimBoardWrap::Phone>("phone"),
                           InstanceMethod<&SimBoardWrap::Fault>("fault"),
                           InstanceMethod<&SimBoardWrap::Drain>("drain"),
                           InstanceMethod<&SimBoardWrap::SpanStatus>("spanStatus"),
                           InstanceMethod<&SimBoardWrap::StepForTest>("stepForTest"),
                           InstanceMethod<&SimBoardWrap::HookForTest>("hookForTest"),
                           InstanceMethod<&SimBoardWrap::BitsForTest>("setBitsForTest"),
                           InstanceMethod<&SimBoardWrap::Close>("close"),
                       });
  }

  SimBoardWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<SimBoardWrap>(info) {
    guard(info.Env(), [&]() -> Napi::Value {
      if (info.Length() < 1 || !info[0].IsObject()) throw std::invalid_argument("SimBoard: expected a config object");
      world_ = new World(parse_config(info[0].As<Napi::Object>()));
      if (info.Length() > 1 && info[1].IsFunction()) {
        ctx_ = new TsfnCtx{world_};
        world_->retain();  // the thread-safe function's own reference, dropped by its finalizer
        tsfn_ = Tsfn::New(info.Env(), info[1].As<Napi::Function>(), "boardcti-sim-events", 0, 1, ctx_,
                          [](Napi::Env, void*, TsfnCtx* c) {
                            c->world->release();
                            delete c;
                          });
        tsfn_.Unref(info.Env());  // the world never keeps the process alive
        TsfnCtx* c = ctx_;
        Tsfn t = tsfn_;
        world_->set_notify([c, t]() mutable {
          if (!c->pending.exchange(true)) t.NonBlockingCall();
        });
        has_tsfn_ = true;
      }
      return info.Env().Undefined();
    });
  }

  ~SimBoardWrap() override { shutdown(); }

 private:
  void shutdown() {
    if (!world_) return;
    world_->set_notify(nullptr);
    if (has_tsfn_) {
      has_tsfn_ = false;
      tsfn_.Release();
    }
    world_->release();
    world_ = nullptr;
  }

  World& world(Napi::Env env) {
    if (!world_) throw_code(env, err::kNotRunning, "the simulated board is closed");
    return *world_;
  }
  void check_test(Napi::Env env) {
    if (world(env).attached()) throw_code(env, err::kBusy, "an engine drives this board: the test hooks are off");
  }

  Napi::Value Port(const Napi::CallbackInfo& info) {
    World& w = world(info.Env());
    // The engine retains the port when it takes it; the External itself holds nothing.
    return Napi::External<bcti_sim_port>::New(info.Env(), const_cast<bcti_sim_port*>(w.port()));
  }

  Napi::Value Info(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    World& w = world(env);
    const bcti_sim_port* p = w.port();
    Napi::Object o = Napi::Object::New(env);
    o.Set("abiVersion", p->abi_version);
    o.Set("model", p->model);
    o.Set("serial", p->serial);
    o.Set("firmware", p->firmware);
    o.Set("spans", p->span_count);
    Napi::Array chans = Napi::Array::New(env, w.channels().size());
    for (size_t i = 0; i < w.channels().size(); i++) {
      const bcti_sim_channel& c = w.channels()[i];
      Napi::Object co = Napi::Object::New(env);
      co.Set("span", c.span);
      co.Set("number", c.number);
      co.Set("timeslot", c.timeslot);
      co.Set("kind", kind_name(c.kind));
      co.Set("law", c.law == BCTI_SIM_ULAW ? "ulaw" : "alaw");
      chans.Set(static_cast<uint32_t>(i), co);
    }
    o.Set("channels", chans);
    return o;
  }

  Napi::Value Now(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), static_cast<double>(world(info.Env()).now()));
  }
  Napi::Value Attached(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), world(info.Env()).attached());
  }

  // callIn(channel, from, script) -> call id
  Napi::Value CallIn(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      World& w = world(info.Env());
      Command c;
      c.op = Command::Op::kCallIn;
      c.ch = arg_int(info, 0, "channel");
      c.text = arg_str(info, 1, "from");
      c.script = parse_script(info.Length() > 2 ? info[2] : info.Env().Undefined(), "script");
      c.bits = info.Length() > 3 && info[3].ToBoolean().Value() ? 1 : 0;  // PRI: calling number restricted
      c.call = w.new_call_id();
      uint32_t id = c.call;
      w.command(std::move(c));
      return Napi::Number::New(info.Env(), id);
    });
  }

  Napi::Value Expect(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Command c;
      c.op = Command::Op::kExpect;
      c.text = arg_str(info, 0, "number");
      c.script = parse_script(info.Length() > 1 ? info[1] : info.Env().Undefined(), "script");
      world(info.Env()).command(std::move(c));
      return info.Env().Undefined();
    });
  }

  Napi::Value Forget(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Command c;
      c.op = Command::Op::kForget;
      c.text = arg_str(info, 0, "number");
      world(info.Env()).command(std::move(c));
      return info.Env().Undefined();
    });
  }

  // far(op, call, arg?, ms?): press digits | speak ms | silence ms | play tone ms | hangup
  Napi::Value Far(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      std::string op = arg_str(info, 0, "op");
      Command c;
      c.call = static_cast<uint32_t>(arg_int(info, 1, "call"));
      if (op == "press") {
        c.op = Command::Op::kFarPress;
        c.text = arg_str(info, 2, "digits");
      } else if (op == "speak" || op == "silence") {
        c.op = op == "speak" ? Command::Op::kFarSpeak : Command::Op::kFarSilence;
        c.ms = arg_int(info, 2, "ms");
      } else if (op == "play") {
        c.op = Command::Op::kFarPlay;
        if (!parse_tone(arg_str(info, 2, "tone"), &c.tone)) throw std::invalid_argument("tone: unknown tone");
        c.ms = info.Length() > 3 ? arg_int(info, 3, "ms") : 0;
      } else if (op == "hangup") {
        c.op = Command::Op::kFarHangup;
      } else {
        throw std::invalid_argument("far: unknown op '" + op + "'");
      }
      world(info.Env()).command(std::move(c));
      return info.Env().Undefined();
    });
  }

  // phone(op, channel, arg?): offhook | onhook | dial digits | flash ms | speak ms | stop
  Napi::Value Phone(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      std::string op = arg_str(info, 0, "op");
      Command c;
      c.ch = arg_int(info, 1, "channel");
      if (op == "offhook") c.op = Command::Op::kPhoneOffHook;
      else if (op == "onhook") c.op = Command::Op::kPhoneOnHook;
      else if (op == "dial") {
        c.op = Command::Op::kPhoneDial;
        c.text = arg_str(info, 2, "digits");
      } else if (op == "flash") {
        c.op = Command::Op::kPhoneFlash;
        c.ms = info.Length() > 2 ? arg_int(info, 2, "ms") : 0;
      } else if (op == "speak") {
        c.op = Command::Op::kPhoneSpeak;
        c.ms = arg_int(info, 2, "ms");
      } else if (op == "stop") c.op = Command::Op::kPhoneStop;
      else throw std::invalid_argument("phone: unknown op '" + op + "'");
      world(info.Env()).command(std::move(c));
      return info.Env().Undefined();
    });
  }

  // fault(op, target, a?, b?): drop ch ms | alarm span bits | clear span | errors span crc slips | reset
  Napi::Value Fault(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      std::string op = arg_str(info, 0, "op");
      Command c;
      if (op == "reset") {
        c.op = Command::Op::kReset;
      } else {
        c.ch = arg_int(info, 1, "target");
        if (op == "drop") {
          c.op = Command::Op::kDropLine;
          c.ms = info.Length() > 2 ? arg_int(info, 2, "ms") : 0;
        } else if (op == "alarm") {
          c.op = Command::Op::kAlarm;
          c.bits = static_cast<uint32_t>(arg_int(info, 2, "bits"));
        } else if (op == "restart") {
          c.op = Command::Op::kPriRestart;
        } else if (op == "clear") {
          c.op = Command::Op::kClearAlarm;
        } else if (op == "errors") {
          c.op = Command::Op::kSpanErrors;
          c.n = arg_int(info, 2, "crc");
          c.ms = arg_int(info, 3, "slips");
        } else {
          throw std::invalid_argument("fault: unknown op '" + op + "'");
        }
      }
      world(info.Env()).command(std::move(c));
      return info.Env().Undefined();
    });
  }

  Napi::Value Drain(const Napi::CallbackInfo& info) { return events_array(info.Env(), world(info.Env()).drain()); }

  Napi::Value SpanStatus(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Napi::Env env = info.Env();
      bcti_sim_span_status s{};
      if (!world(env).span_status(arg_int(info, 0, "span"), &s)) return env.Null();
      Napi::Object o = Napi::Object::New(env);
      o.Set("alarms", s.alarms);
      o.Set("slips", static_cast<double>(s.slips));
      o.Set("crcErrors", static_cast<double>(s.crc_errors));
      o.Set("bipolarViolations", static_cast<double>(s.bipolar_violations));
      o.Set("frameErrors", static_cast<double>(s.frame_errors));
      return o;
    });
  }

  // stepForTest(frames, frameSamples, txPcm?: (Int16Array | undefined)[]):
  // { rx: Uint8Array[], pcm: Int16Array[], lineEvents: [{type, span, channel, value, t}] }
  // Plays the engine: per frame read(), every poll_event(), write() with the
  // given PCM (G.711 coded in each channel's law; silence past its end).
  Napi::Value StepForTest(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      Napi::Env env = info.Env();
      check_test(env);
      World& w = *world_;
      int frames = arg_int(info, 0, "frames");
      int n = arg_int(info, 1, "frameSamples");
      if (frames < 0 || n < 1 || n > 4000)
        throw std::invalid_argument("stepForTest: frames >= 0, frameSamples 1..4000");
      const auto& chans = w.channels();
      size_t nch = chans.size();
      std::vector<Napi::Int16Array> tx_in(nch);
      if (info.Length() > 2 && info[2].IsArray()) {
        Napi::Array a = info[2].As<Napi::Array>();
        for (uint32_t i = 0; i < a.Length() && i < nch; i++)
          if (a.Get(i).IsTypedArray()) tx_in[i] = a.Get(i).As<Napi::Int16Array>();
      }
      std::vector<Napi::Uint8Array> rx_out(nch);
      std::vector<Napi::Int16Array> pcm_out(nch);
      size_t total = static_cast<size_t>(frames) * n;
      for (size_t i = 0; i < nch; i++) {
        rx_out[i] = Napi::Uint8Array::New(env, total);
        pcm_out[i] = Napi::Int16Array::New(env, total);
      }
      std::vector<uint8_t> rxbuf(nch * n), txbuf(nch * n);
      std::vector<uint8_t*> rxp(nch);
      std::vector<const uint8_t*> txp(nch);
      std::vector<int16_t> frame(n);
      Napi::Array evs = Napi::Array::New(env);
      uint32_t nev = 0;
      const G711Tables& t = g711_tables();
      for (int f = 0; f < frames; f++) {
        for (size_t i = 0; i < nch; i++) rxp[i] = &rxbuf[i * n];
        w.read(rxp.data(), n);
        bcti_sim_event e;
        while (w.poll_event(&e)) {
          Napi::Object o = Napi::Object::New(env);
          o.Set("type", e.type);
          o.Set("span", e.span);
          o.Set("channel", e.channel);
          o.Set("value", e.value);
          o.Set("t", static_cast<double>(w.now()));
          evs.Set(nev++, o);
        }
        for (size_t i = 0; i < nch; i++) {
          Law law = static_cast<Law>(chans[i].law);
          size_t off = static_cast<size_t>(f) * n;
          for (int s = 0; s < n; s++) {
            rx_out[i][off + s] = rxbuf[i * n + s];
            pcm_out[i][off + s] = g711_decode_one(t, law, rxbuf[i * n + s]);
          }
          for (int s = 0; s < n; s++)
            frame[s] = !tx_in[i].IsEmpty() && off + s < tx_in[i].ElementLength() ? tx_in[i][off + s] : 0;
          g711_encode(law, frame.data(), &txbuf[i * n], n);
          txp[i] = &txbuf[i * n];
        }
        w.write(txp.data(), n);
      }
      Napi::Object out = Napi::Object::New(env);
      Napi::Array rx = Napi::Array::New(env, nch), pcm = Napi::Array::New(env, nch);
      for (size_t i = 0; i < nch; i++) {
        rx.Set(static_cast<uint32_t>(i), rx_out[i]);
        pcm.Set(static_cast<uint32_t>(i), pcm_out[i]);
      }
      out.Set("rx", rx);
      out.Set("pcm", pcm);
      out.Set("lineEvents", evs);
      return out;
    });
  }

  Napi::Value HookForTest(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      check_test(info.Env());
      world_->hook(arg_int(info, 0, "channel"), arg_int(info, 1, "op"));
      return info.Env().Undefined();
    });
  }

  Napi::Value BitsForTest(const Napi::CallbackInfo& info) {
    return guard(info.Env(), [&]() -> Napi::Value {
      check_test(info.Env());
      world_->set_bits(arg_int(info, 0, "channel"), static_cast<uint32_t>(arg_int(info, 1, "abcd")));
      return info.Env().Undefined();
    });
  }

  Napi::Value Close(const Napi::CallbackInfo& info) {
    shutdown();
    return info.Env().Undefined();
  }

  World* world_ = nullptr;
  TsfnCtx* ctx_ = nullptr;
  Tsfn tsfn_;
  bool has_tsfn_ = false;
};

Napi::Object Init(Napi::Env env, Napi::Object exports);

namespace {
Napi::Value SetErrorFactory(const Napi::CallbackInfo& info) {
  if (info.Length() < 1 || !info[0].IsFunction())
    throw Napi::TypeError::New(info.Env(), "setErrorFactory: expected a function");
  info.Env().GetInstanceData<AddonData>()->error_factory = Napi::Persistent(info[0].As<Napi::Function>());
  return info.Env().Undefined();
}

}  // namespace

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  env.SetInstanceData(new AddonData());
  exports.Set("SimBoard", SimBoardWrap::Init(env));
  exports.Set("DahdiEmulator", dahdi_emulator_class(env));
  exports.Set("kernelCalls", kernel_calls(env));
  exports.Set("setErrorFactory", Napi::Function::New(env, SetErrorFactory));
  exports.Set("abiVersion", Napi::Number::New(env, BCTI_SIM_ABI_VERSION));
  return exports;
}

}  // namespace bcti::sim

static Napi::Object InitFirmwareSim(Napi::Env env, Napi::Object exports) { return bcti::sim::Init(env, exports); }
NODE_API_MODULE(firmware_sim, InitFirmwareSim)
