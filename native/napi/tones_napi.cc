// Call-progress and energy detection bindings (offline, on sample buffers):
//   detectTones(samples, planJson)                 -> [{tone, startMs, endMs}]
//   detectTonesBank(channels[16], planJson, opts)  -> [{lane, tone, end, startMs, endMs, atMs}]
//   tonePlanInfo(planJson)                         -> the checked plan (bins, tones)
//   tonePlanDescriptor(planJson, tone)             -> a ToneDescriptor to play it
//   detectEnergy(samples, opts)                    -> [{voice, sample, ms, levelDbm0}]
#include <cmath>
#include <vector>

#include "native/dsp/call_progress.h"
#include "native/dsp/energy.h"
#include "native/dsp/levels.h"
#include "native/dsp/tone_plan.h"
#include "native/napi/registry.h"

namespace bcti::napi {
namespace {

double ms_of(int64_t sample) { return static_cast<double>(std::llround(sample * 1000.0 / kSampleRate)); }

ToneKind parse_kind(Napi::Env env, const std::string& s) {
  ToneKind k;
  if (!tone_kind_from_name(s, &k))
    throw_cti(env, err::kBadArgument,
              "tone: expected dial, busy, ringback, congestion, sit, cng or ced, got '" + s + "'");
  return k;
}

Napi::Value DetectTones(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Int16Array pcm = arg_int16(info, 0, "samples");
    auto plan = tone_plan_from_json(arg_string(info, 1, "planJson"));
    std::vector<ToneSpan> spans = tones_detect(pcm.Data(), pcm.ElementLength(), *plan);
    Napi::Env env = info.Env();
    Napi::Array out = Napi::Array::New(env, spans.size());
    for (size_t i = 0; i < spans.size(); i++) {
      Napi::Object o = Napi::Object::New(env);
      o.Set("tone", tone_kind_name(spans[i].tone));
      o.Set("startMs", ms_of(spans[i].start_sample));
      o.Set("endMs", ms_of(spans[i].end_sample));
      out.Set(static_cast<uint32_t>(i), o);
    }
    return out;
  });
}

struct BankEvent {
  ToneEvent ev;
  int64_t at;  // samples fed to the bank when it was reported
};
struct BankCtx {
  std::vector<BankEvent> events;
  int64_t fed = 0;
};

// Runs a CallProgressBank over up to 16 channels the way the engine does: in
// frames of `frameSamples`, through rx16 (int16 channel pointers) or rx (the
// interleaved float buffer) when `interleaved` is set. Lanes past the array or
// given as null are silent. `resetAtMs` resets every lane once at that time.
Napi::Value DetectTonesBank(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsArray()) throw_cti(env, err::kBadArgument, "channels: expected an array");
    Napi::Array arr = info[0].As<Napi::Array>();
    if (arr.Length() > kBankLanes) throw_cti(env, err::kBadArgument, "channels: at most 16");
    auto plan = tone_plan_from_json(arg_string(info, 1, "planJson"));
    Napi::Object opts = arg_object(info, 2, "options");
    int frame = static_cast<int>(opt_number(opts, "frameSamples", 160));
    if (frame < 1 || frame > 8000) throw_cti(env, err::kBadArgument, "frameSamples: expected 1..8000");
    bool interleaved = opt_bool(opts, "interleaved", false);

    std::vector<Napi::Int16Array> keep;
    const int16_t* ch[kBankLanes] = {};
    size_t n = 0;
    for (uint32_t l = 0; l < arr.Length(); l++) {
      Napi::Value v = arr.Get(l);
      if (v.IsNull() || v.IsUndefined()) continue;
      if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_int16_array)
        throw_cti(env, err::kBadArgument, "channels[" + std::to_string(l) + "]: expected an Int16Array or null");
      keep.push_back(v.As<Napi::Int16Array>());
      ch[l] = keep.back().Data();
      n = std::max(n, keep.back().ElementLength());
    }
    for (const auto& k : keep)
      if (k.ElementLength() != n)
        throw_cti(env, err::kBadArgument, "channels: every channel must have the same length");

    CallProgressBank bank(plan);
    BankCtx ctx;
    auto sink = [](void* c, const ToneEvent& e) {
      BankCtx* b = static_cast<BankCtx*>(c);
      b->events.push_back({e, b->fed});
    };
    std::vector<float> xbuf;
    float* x = nullptr;
    if (interleaved) {
      xbuf.resize(static_cast<size_t>(frame) * kBankLanes + 16);
      x = xbuf.data();
      while (reinterpret_cast<uintptr_t>(x) & 63) x++;
    }
    for (size_t off = 0; off < n; off += static_cast<size_t>(frame)) {
      int take = static_cast<int>(std::min<size_t>(frame, n - off));
      ctx.fed = static_cast<int64_t>(off + take);
      if (interleaved) {
        for (int l = 0; l < kBankLanes; l++)
          for (int t = 0; t < take; t++) x[t * kBankLanes + l] = ch[l] ? static_cast<float>(ch[l][off + t]) : 0.0f;
        bank.rx(x, take, sink, &ctx);
      } else {
        const int16_t* p[kBankLanes];
        for (int l = 0; l < kBankLanes; l++) p[l] = ch[l] ? ch[l] + off : nullptr;
        bank.rx16(p, take, sink, &ctx);
      }
    }
    ctx.fed = static_cast<int64_t>(n);
    bank.flush(sink, &ctx);

    Napi::Array out = Napi::Array::New(env, ctx.events.size());
    for (size_t i = 0; i < ctx.events.size(); i++) {
      const ToneEvent& e = ctx.events[i].ev;
      Napi::Object o = Napi::Object::New(env);
      o.Set("lane", e.lane);
      o.Set("tone", tone_kind_name(e.tone));
      o.Set("end", e.end);
      o.Set("startMs", ms_of(e.start_sample));
      if (e.end) o.Set("endMs", ms_of(e.end_sample));
      o.Set("atMs", ms_of(ctx.events[i].at));
      out.Set(static_cast<uint32_t>(i), o);
    }
    return out;
  });
}

Napi::Value TonePlanInfo(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    auto plan = tone_plan_from_json(arg_string(info, 0, "planJson"));
    Napi::Object o = Napi::Object::New(env);
    o.Set("name", plan->name);
    Napi::Array bins = Napi::Array::New(env, plan->bins.size());
    for (size_t i = 0; i < plan->bins.size(); i++) {
      Napi::Object b = Napi::Object::New(env);
      b.Set("hz", plan->bins[i].hz);
      b.Set("windowSamples", plan->bins[i].sub);
      bins.Set(static_cast<uint32_t>(i), b);
    }
    o.Set("bins", bins);
    Napi::Array tones = Napi::Array::New(env, plan->tones.size());
    for (size_t i = 0; i < plan->tones.size(); i++) {
      const TonePlanTone& t = plan->tones[i];
      Napi::Object to = Napi::Object::New(env);
      to.Set("tone", tone_kind_name(t.kind));
      to.Set("shape", t.shape == ToneShape::kContinuous ? "continuous"
                      : t.shape == ToneShape::kCadence  ? "cadence"
                                                        : "sequence");
      Napi::Array cad = Napi::Array::New(env, t.cadence.size());
      for (size_t k = 0; k < t.cadence.size(); k++) {
        Napi::Object r = Napi::Object::New(env);
        r.Set("ms", t.cadence[k].nominal_ms);
        r.Set("minMs", t.cadence[k].min_ms);
        r.Set("maxMs", t.cadence[k].max_ms);
        cad.Set(static_cast<uint32_t>(k), r);
      }
      to.Set("cadence", cad);
      if (t.shape == ToneShape::kContinuous) to.Set("minMs", t.min_ms);
      if (t.shape == ToneShape::kCadence) to.Set("minCycles", t.min_cycles);
      tones.Set(static_cast<uint32_t>(i), to);
    }
    o.Set("tones", tones);
    return o;
  });
}

Napi::Value TonePlanDescriptor(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    auto plan = tone_plan_from_json(arg_string(info, 0, "planJson"));
    ToneKind k = parse_kind(env, arg_string(info, 1, "tone"));
    if (!plan->find(k))
      throw_cti(env, err::kBadArgument, std::string("tone plan '") + plan->name + "' has no " + tone_kind_name(k));
    ToneDescriptor d = tone_plan_descriptor(*plan, k);
    Napi::Object o = Napi::Object::New(env);
    Napi::Array segs = Napi::Array::New(env, d.segments.size());
    for (size_t i = 0; i < d.segments.size(); i++) {
      Napi::Object s = Napi::Object::New(env);
      Napi::Array comps = Napi::Array::New(env, d.segments[i].tones.size());
      for (size_t c = 0; c < d.segments[i].tones.size(); c++) {
        Napi::Object co = Napi::Object::New(env);
        co.Set("freq", d.segments[i].tones[c].freq_hz);
        co.Set("level", d.segments[i].tones[c].level_dbm0);
        comps.Set(static_cast<uint32_t>(c), co);
      }
      s.Set("tones", comps);
      s.Set("ms", d.segments[i].duration_ms);
      segs.Set(static_cast<uint32_t>(i), s);
    }
    o.Set("segments", segs);
    o.Set("repeat", d.repeat);
    return o;
  });
}

Napi::Value DetectEnergy(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    Napi::Int16Array pcm = arg_int16(info, 0, "samples");
    Napi::Object opts = arg_object(info, 1, "options");
    EnergyConfig c;
    c.voice_dbm0 = opt_number(opts, "voiceDbm0", c.voice_dbm0);
    c.silence_dbm0 = opt_number(opts, "silenceDbm0", c.silence_dbm0);
    c.frame_ms = static_cast<int>(opt_number(opts, "frameMs", c.frame_ms));
    c.onset_ms = static_cast<int>(opt_number(opts, "onsetMs", c.onset_ms));
    c.hangover_ms = static_cast<int>(opt_number(opts, "hangoverMs", c.hangover_ms));
    EnergyDetector det(c);
    std::vector<EnergyEvent> evs;
    auto sink = [](void* p, const EnergyEvent& e) { static_cast<std::vector<EnergyEvent>*>(p)->push_back(e); };
    det.rx(pcm.Data(), static_cast<int>(pcm.ElementLength()), sink, &evs);
    det.flush(sink, &evs);
    Napi::Array out = Napi::Array::New(env, evs.size());
    for (size_t i = 0; i < evs.size(); i++) {
      Napi::Object o = Napi::Object::New(env);
      o.Set("voice", evs[i].voice);
      o.Set("sample", static_cast<double>(evs[i].sample));
      o.Set("ms", ms_of(evs[i].sample));
      o.Set("levelDbm0", std::round(evs[i].level_dbm0 * 10) / 10);
      out.Set(static_cast<uint32_t>(i), o);
    }
    return out;
  });
}

void Init(Napi::Env env, Napi::Object exports) {
  exports.Set("detectTones", Napi::Function::New(env, DetectTones));
  exports.Set("detectTonesBank", Napi::Function::New(env, DetectTonesBank));
  exports.Set("tonePlanInfo", Napi::Function::New(env, TonePlanInfo));
  exports.Set("tonePlanDescriptor", Napi::Function::New(env, TonePlanDescriptor));
  exports.Set("detectEnergy", Napi::Function::New(env, DetectEnergy));
}

}  // namespace
}  // namespace bcti::napi

BCTI_NAPI_EXPORTS(tones, bcti::napi::Init)
