// Test drivers of the media-thread classes, without the engine: the Recorder
// through the real DiskWriter thread, the Player, the Conference mixer, the
// Bridge. Built into the test addon only (build/Release/boardcti_test.node,
// binding.gyp's boardcti_test target), never into the production addon; tests
// load it through test/helpers/test-addon.ts.
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>

#include "native/dsp/levels.h"
#include "native/media/disk_writer.h"
#include "native/media/file_stream.h"
#include "native/media/mixer.h"
#include "native/media/player.h"
#include "native/media/recorder.h"
#include "native/media/wav_writer.h"
#include "native/napi/parse.h"
#include "native/napi/registry.h"

namespace bcti::napi {
namespace {

constexpr int kFrame = 160;

Napi::Int16Array to_int16(Napi::Env env, const int16_t* p, size_t n) {
  Napi::Int16Array a = Napi::Int16Array::New(env, n);
  if (n) std::copy(p, p + n, a.Data());
  return a;
}

WavFormat arg_format(Napi::Env env, const std::string& s) {
  WavFormat f;
  if (!parse_wav_format(s, &f))
    throw_cti(env, err::kBadArgument, "format: expected 'pcm16', 'ulaw' or 'alaw', got '" + s + "'");
  return f;
}

std::mutex g_mu;
std::unique_ptr<DiskWriter> g_writer;
std::unique_ptr<StreamReader> g_reader;

DiskWriter& disk_writer() {
  std::lock_guard<std::mutex> lock(g_mu);
  if (!g_writer) g_writer = std::make_unique<DiskWriter>();
  g_writer->start();
  return *g_writer;
}

StreamReader& stream_reader() {
  std::lock_guard<std::mutex> lock(g_mu);
  if (!g_reader) g_reader = std::make_unique<StreamReader>();
  g_reader->start();
  return *g_reader;
}

RecordOptions parse_record_options(Napi::Env env, const Napi::Object& o, const std::string& path) {
  RecordOptions r;
  r.path = path;
  r.format = arg_format(env, opt_string(o, "format", "pcm16"));
  r.max_length_ms = static_cast<int>(opt_number(o, "maxLengthMs", 0));
  r.max_silence_ms = static_cast<int>(opt_number(o, "maxSilenceMs", 0));
  r.max_initial_silence_ms = static_cast<int>(opt_number(o, "maxInitialSilenceMs", -1));
  r.silence_threshold_dbm0 = opt_number(o, "silenceThresholdDbm0", -42);
  r.trim_silence = opt_bool(o, "trimSilence", false);
  r.stop_digits = opt_string(o, "stopDigits", "");
  r.digit_trim_ms = static_cast<int>(opt_number(o, "digitTrimMs", 0));
  r.header_interval_ms = static_cast<int>(opt_number(o, "headerIntervalMs", 500));
  r.sync_interval_ms = static_cast<int>(opt_number(o, "syncIntervalMs", 0));
  Napi::Value beep = o.Get("beep");
  if (beep.IsObject()) r.beep = parse_tone_descriptor(env, beep.As<Napi::Object>());
  return r;
}

struct DigitAt {
  int64_t sample;
  char digit;
};

// One simulated recording: a "media thread" feeds the input in 20 ms frames.
struct RecordSim {
  RecordOptions opts;
  std::vector<int16_t> input;
  bool loop = false;
  int64_t total = 0;  // samples to feed (input length, or more when looping)
  int64_t stop_at = -1;
  double speed = 0;  // x real time; 0: as fast as possible
  std::vector<DigitAt> digits;
  int64_t stop_writer_at = -1;
  std::unique_ptr<DiskWriter> own_writer;  // declared before rec: destroyed after it
  std::unique_ptr<Recorder> rec;
  std::mutex mu;
  RecordResult result;
  bool have_result = false;
  int64_t beep_samples = 0;
  int64_t fed = 0;
  std::string start_error;
  const char* start_code = nullptr;
  Napi::Promise::Deferred deferred;
  Napi::ThreadSafeFunction tsfn;
  explicit RecordSim(Napi::Env env) : deferred(Napi::Promise::Deferred::New(env)) {}
};

void feed(RecordSim* sim) {
  try {
    sim->rec->start(sim->opts);
  } catch (const CtiError& e) {
    sim->start_error = e.what();
    sim->start_code = e.code();
  }
  if (!sim->start_code) {
    int16_t frame[kFrame], beep[kFrame];
    size_t di = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int64_t at = 0; sim->rec->active() && at < sim->total; at += kFrame) {
      while (di < sim->digits.size() && sim->digits[di].sample <= at) sim->rec->on_digit(sim->digits[di++].digit);
      if (sim->stop_at >= 0 && at >= sim->stop_at) sim->rec->stop();
      if (sim->own_writer && sim->stop_writer_at >= 0 && at >= sim->stop_writer_at) sim->own_writer->stop();
      if (!sim->rec->active()) break;
      int n = static_cast<int>(std::min<int64_t>(kFrame, sim->total - at));
      for (int i = 0; i < n; i++) {
        size_t k = static_cast<size_t>(at + i);
        frame[i] = sim->input.empty() ? 0 : sim->input[sim->loop ? k % sim->input.size() : k];
      }
      sim->rec->write(frame, n);
      sim->beep_samples += sim->rec->beep_out(beep, kFrame);
      sim->fed = at + n;
      if (sim->speed > 0) {
        auto due = t0 + std::chrono::microseconds(static_cast<int64_t>((at + n) * 125 / sim->speed));
        std::this_thread::sleep_until(due);
      }
    }
    sim->rec->stop();
    // The completion is delivered after the recorder turned inactive: wait for it.
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(sim->mu);
        if (sim->have_result) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  Napi::ThreadSafeFunction tsfn = sim->tsfn;
  tsfn.BlockingCall(sim, [](Napi::Env env, Napi::Function, RecordSim* sim) {
    std::unique_ptr<RecordSim> own(sim);
    if (sim->start_code) {
      sim->deferred.Reject(make_cti_error(env, sim->start_code, sim->start_error));
      return;
    }
    std::lock_guard<std::mutex> lock(sim->mu);
    const RecordResult& r = sim->result;
    Napi::Object o = Napi::Object::New(env);
    o.Set("reason", record_stop_name(r.reason));
    o.Set("digit", r.digit ? Napi::Value(Napi::String::New(env, std::string(1, r.digit))) : env.Null());
    o.Set("samples", static_cast<double>(r.samples));
    o.Set("durationMs", static_cast<double>(r.duration_ms));
    o.Set("droppedSamples", static_cast<double>(r.dropped_samples));
    o.Set("speech", r.speech);
    o.Set("path", r.path);
    o.Set("error", r.error);
    o.Set("beepSamples", static_cast<double>(sim->beep_samples));
    o.Set("fedSamples", static_cast<double>(sim->fed));
    sim->deferred.Resolve(o);
  });
  tsfn.Release();
}

// mediaRecordSim(path, input, options) -> Promise<result>
Napi::Value RecordSimulate(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    std::string path = arg_string(info, 0, "path");
    Napi::Int16Array in = arg_int16(info, 1, "input");
    Napi::Object o = arg_object(info, 2, "options");
    auto sim = std::make_unique<RecordSim>(env);
    sim->opts = parse_record_options(env, o, path);
    sim->input.assign(in.Data(), in.Data() + in.ElementLength());
    sim->loop = opt_bool(o, "loopInput", false);
    double dur = opt_number(o, "durationMs", -1);
    sim->total = dur >= 0 ? static_cast<int64_t>(dur * kSampleRate / 1000) : static_cast<int64_t>(sim->input.size());
    if (!sim->loop) sim->total = std::min<int64_t>(sim->total, static_cast<int64_t>(sim->input.size()));
    double stop_ms = opt_number(o, "stopAtMs", -1);
    sim->stop_at = stop_ms >= 0 ? static_cast<int64_t>(stop_ms * kSampleRate / 1000) : -1;
    sim->speed = opt_number(o, "speed", 0);
    Napi::Value dv = o.Get("digits");
    if (dv.IsArray()) {
      Napi::Array a = dv.As<Napi::Array>();
      for (uint32_t i = 0; i < a.Length(); i++) {
        Napi::Object d = a.Get(i).As<Napi::Object>();
        std::string digit = opt_string(d, "digit", "");
        if (digit.size() != 1) throw_cti(env, err::kBadArgument, "digits[].digit: expected one character");
        sim->digits.push_back({static_cast<int64_t>(opt_number(d, "atMs", 0) * kSampleRate / 1000), digit[0]});
      }
    }
    double stop_writer_ms = opt_number(o, "stopWriterAtMs", -1);
    if (stop_writer_ms >= 0) {  // a writer of its own, shut down mid-recording
      sim->stop_writer_at = static_cast<int64_t>(stop_writer_ms * kSampleRate / 1000);
      sim->own_writer = std::make_unique<DiskWriter>();
      sim->own_writer->start();
    }
    RecordSim* raw = sim.get();
    sim->rec =
        std::make_unique<Recorder>(sim->own_writer ? *sim->own_writer : disk_writer(), [raw](const RecordResult& r) {
          std::lock_guard<std::mutex> lock(raw->mu);
          raw->result = r;
          raw->have_result = true;
        });
    sim->tsfn = Napi::ThreadSafeFunction::New(env, Napi::Function::New(env, [](const Napi::CallbackInfo&) {}),
                                              "mediaRecordSim", 0, 1);
    Napi::Promise p = sim->deferred.Promise();
    std::thread(feed, sim.release()).detach();
    return p;
  });
}

// mediaPlayerRender(spec, maxSamples) -> { samples, position, played, length, underrunSamples, error }
Napi::Value PlayerRender(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    Napi::Object spec = arg_object(info, 0, "spec");
    int max = arg_int(info, 1, "maxSamples");
    if (max < 0 || max > kSampleRate * 3600) throw_cti(env, err::kBadArgument, "maxSamples out of range");
    PlayOptions po;
    po.loop = opt_bool(spec, "loop", false);
    po.gain_db = opt_number(spec, "gainDb", 0);
    po.start_sample = static_cast<int64_t>(opt_number(spec, "startSample", 0));
    int64_t stop_at = static_cast<int64_t>(opt_number(spec, "stopAtSample", -1));
    double speed = opt_number(spec, "speed", 20);
    Player p;
    std::shared_ptr<FileStream> stream;
    Napi::Value buf = spec.Get("buffer"), tone = spec.Get("tone"), digits = spec.Get("digits"), file = spec.Get("file");
    if (!buf.IsUndefined() && (!buf.IsTypedArray() || buf.As<Napi::TypedArray>().TypedArrayType() != napi_int16_array))
      throw_cti(env, err::kBadArgument, "spec.buffer: expected an Int16Array");
    if (buf.IsTypedArray()) {
      Napi::Int16Array b = buf.As<Napi::Int16Array>();
      p.play(std::make_shared<const std::vector<int16_t>>(b.Data(), b.Data() + b.ElementLength()), po);
    } else if (tone.IsObject()) {
      p.play_tone(parse_tone_descriptor(env, tone.As<Napi::Object>()), po);
    } else if (digits.IsString()) {
      DigitScriptOptions d;
      Napi::Object dopt =
          spec.Get("digitOptions").IsObject() ? spec.Get("digitOptions").As<Napi::Object>() : Napi::Object::New(env);
      d.on_ms = static_cast<int>(opt_number(dopt, "onMs", d.on_ms));
      d.off_ms = static_cast<int>(opt_number(dopt, "offMs", d.off_ms));
      d.pause_ms = static_cast<int>(opt_number(dopt, "pauseMs", d.pause_ms));
      d.level_dbm0 = opt_number(dopt, "level", d.level_dbm0);
      d.twist_db = opt_number(dopt, "twistDb", d.twist_db);
      p.play_digits(digits.As<Napi::String>().Utf8Value(), d, po);
    } else if (file.IsString()) {
      stream = stream_reader().open(file.As<Napi::String>().Utf8Value(), po.loop);
      p.play_stream(stream, po);
    } else {
      throw_cti(env, err::kBadArgument, "spec: expected buffer, tone, digits or file");
    }
    std::vector<int16_t> out(static_cast<size_t>(max), 0);
    int64_t length = p.length();
    const auto t0 = std::chrono::steady_clock::now();
    int done = 0;
    while (done < max && p.active()) {
      if (stop_at >= 0 && done >= stop_at) {
        p.stop();
        break;
      }
      int n = std::min(kFrame, max - done);
      int k = p.read(out.data() + done, n);
      done += k;
      if (k < n) break;
      if (stream && speed > 0)
        std::this_thread::sleep_until(t0 + std::chrono::microseconds(static_cast<int64_t>(done * 125 / speed)));
      if (p.kind() == Player::Kind::kStream && length < 0) length = p.length();
    }
    Napi::Object o = Napi::Object::New(env);
    o.Set("samples", to_int16(env, out.data(), static_cast<size_t>(done)));
    o.Set("position", static_cast<double>(p.position()));
    o.Set("played", static_cast<double>(p.played()));
    o.Set("length", static_cast<double>(length));
    o.Set("active", p.active());
    o.Set("underrunSamples", static_cast<double>(p.underrun_samples()));
    o.Set("error", stream && stream->failed() ? Napi::Value(Napi::String::New(env, stream->error())) : env.Null());
    return o;
  });
}

// mediaConferenceMix(inputs: (Int16Array|null)[], members: options[]) -> Int16Array[]
Napi::Value ConferenceMix(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    if (info.Length() < 2 || !info[0].IsArray() || !info[1].IsArray())
      throw_cti(env, err::kBadArgument, "expected (inputs[], members[])");
    Napi::Array ins = info[0].As<Napi::Array>(), mem = info[1].As<Napi::Array>();
    int n = static_cast<int>(mem.Length());
    if (n > Conference::kMaxMembers || ins.Length() != mem.Length())
      throw_cti(env, err::kBadArgument, "inputs and members: same length, at most 64");
    Conference conf;
    std::vector<Napi::Int16Array> in_arr(n);
    size_t len = 0;
    for (int i = 0; i < n; i++) {
      Napi::Object m = mem.Get(i).As<Napi::Object>();
      MemberOptions mo;
      std::string mode = opt_string(m, "mode", "talk-listen");
      mo.mode = mode == "listen-only" ? MemberMode::kListenOnly
                : mode == "talk-only" ? MemberMode::kTalkOnly
                                      : MemberMode::kTalkListen;
      mo.talk_gain_db = opt_number(m, "talkGainDb", 0);
      mo.listen_gain_db = opt_number(m, "listenGainDb", 0);
      int slot = conf.add(mo);
      if (slot != i) throw_cti(env, err::kInternal, "slot order");
      Napi::Value v = ins.Get(i);
      if (v.IsTypedArray()) {
        in_arr[i] = v.As<Napi::Int16Array>();
        len = std::max(len, in_arr[i].ElementLength());
      }
    }
    for (int i = 0; i < n; i++) {
      Napi::Object m = mem.Get(i).As<Napi::Object>();
      int w = static_cast<int>(opt_number(m, "whisperTo", -1));
      if (w >= 0) conf.set_whisper(i, w);
    }
    std::vector<std::vector<int16_t>> outs(n, std::vector<int16_t>(len, 0));
    std::vector<std::vector<int16_t>> frames(n, std::vector<int16_t>(kFrame, 0));
    std::vector<const int16_t*> ip(conf.capacity(), nullptr);
    std::vector<int16_t*> op(conf.capacity(), nullptr);
    for (size_t at = 0; at < len; at += kFrame) {
      int k = static_cast<int>(std::min<size_t>(kFrame, len - at));
      for (int i = 0; i < n; i++) {
        ip[i] = nullptr;
        if (!in_arr[i].IsEmpty() && at < in_arr[i].ElementLength()) {
          size_t have = std::min<size_t>(k, in_arr[i].ElementLength() - at);
          std::fill(frames[i].begin(), frames[i].end(), 0);
          std::copy(in_arr[i].Data() + at, in_arr[i].Data() + at + have, frames[i].begin());
          ip[i] = frames[i].data();
        }
        op[i] = outs[i].data() + at;
      }
      conf.mix(ip.data(), op.data(), k);
    }
    Napi::Array res = Napi::Array::New(env, n);
    for (int i = 0; i < n; i++) res.Set(i, to_int16(env, outs[i].data(), outs[i].size()));
    return res;
  });
}

// mediaBridgeMix(a, b, { aToBDb, bToADb }) -> { a: heard by A, b: heard by B }
Napi::Value BridgeMix(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Int16Array a = arg_int16(info, 0, "a"), b = arg_int16(info, 1, "b");
    Napi::Object o = arg_object(info, 2, "options");
    if (a.ElementLength() != b.ElementLength()) throw_cti(info.Env(), err::kBadArgument, "a and b: same length");
    Bridge br;
    br.set_gain(opt_number(o, "aToBDb", 0), opt_number(o, "bToADb", 0));
    size_t n = a.ElementLength();
    std::vector<int16_t> oa(n), ob(n);
    for (size_t at = 0; at < n; at += kFrame) {
      int k = static_cast<int>(std::min<size_t>(kFrame, n - at));
      br.mix(a.Data() + at, b.Data() + at, oa.data() + at, ob.data() + at, k);
    }
    Napi::Object r = Napi::Object::New(info.Env());
    r.Set("a", to_int16(info.Env(), oa.data(), n));
    r.Set("b", to_int16(info.Env(), ob.data(), n));
    return r;
  });
}

void Cleanup(void*) {
  std::lock_guard<std::mutex> lock(g_mu);
  if (g_writer) g_writer->stop();
  if (g_reader) g_reader->stop();
}

void Init(Napi::Env env, Napi::Object exports) {
  exports.Set("mediaRecordSim", Napi::Function::New(env, RecordSimulate));
  exports.Set("mediaPlayerRender", Napi::Function::New(env, PlayerRender));
  exports.Set("mediaConferenceMix", Napi::Function::New(env, ConferenceMix));
  exports.Set("mediaBridgeMix", Napi::Function::New(env, BridgeMix));
  napi_add_env_cleanup_hook(env, Cleanup, nullptr);
}

}  // namespace
}  // namespace bcti::napi

BCTI_NAPI_EXPORTS(media_test, bcti::napi::Init)
