// MFC-R2 register signal bindings: offline detection and generation of the
// forward and backward signals (native/dsp/mf_r2.h). Live register signalling
// runs inside the engine (native/sig/r2_register.h).
#include <algorithm>
#include <string>
#include <vector>

#include "native/dsp/mf_r2.h"
#include "native/napi/mfr2_napi.h"
#include "native/napi/registry.h"

namespace bcti::napi {
namespace {

MfR2Dir parse_dir(Napi::Env env, const Napi::Object& o) {
  std::string d = opt_string(o, "direction", "");
  if (d == "forward") return MfR2Dir::kForward;
  if (d == "backward") return MfR2Dir::kBackward;
  throw_cti(env, err::kBadArgument, "options.direction must be 'forward' or 'backward'");
}

// detectMfR2(samples: Int16Array, { direction, minLevelDbm0? }) -> { signal, startMs, endMs }[]
Napi::Value DetectMfR2(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    Napi::Int16Array s = arg_int16(info, 0, "samples");
    Napi::Object o = arg_object(info, 1, "options");
    MfR2RxConfig cfg;
    cfg.min_level_dbm0 = opt_number(o, "minLevelDbm0", cfg.min_level_dbm0);
    if (!(cfg.min_level_dbm0 >= -60 && cfg.min_level_dbm0 <= 0))
      throw_cti(env, err::kBadArgument, "options.minLevelDbm0 must be in [-60, 0]");
    auto hits = mfr2_detect(s.Data(), s.ElementLength(), parse_dir(env, o), cfg);
    Napi::Array a = Napi::Array::New(env, hits.size());
    for (size_t i = 0; i < hits.size(); i++) {
      Napi::Object h = Napi::Object::New(env);
      h.Set("signal", hits[i].signal);
      h.Set("startMs", static_cast<double>(hits[i].start_sample) / 8.0);
      h.Set("endMs", static_cast<double>(hits[i].end_sample) / 8.0);
      a.Set(static_cast<uint32_t>(i), h);
    }
    return a;
  });
}

// generateMfR2(signals: number[], { direction, onMs, offMs }) -> Int16Array: each signal for
// onMs then offMs of silence, from the engine's own generator.
Napi::Value GenerateMfR2(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsArray())
      throw_cti(env, err::kBadArgument, "signals: expected an array of 1..15");
    Napi::Array list = info[0].As<Napi::Array>();
    Napi::Object o = arg_object(info, 1, "options");
    MfR2Dir dir = parse_dir(env, o);
    int on = static_cast<int>(opt_number(o, "onMs", 100)), off = static_cast<int>(opt_number(o, "offMs", 100));
    if (on < 1 || on > 60000 || off < 0 || off > 60000)
      throw_cti(env, err::kBadArgument, "options: onMs must be in [1, 60000], offMs in [0, 60000]");
    if (list.Length() > 1000) throw_cti(env, err::kBadArgument, "signals: at most 1000");
    std::vector<int16_t> pcm;
    for (uint32_t i = 0; i < list.Length(); i++) {
      Napi::Value v = list.Get(i);
      const ToneDescriptor* d = v.IsNumber() ? mfr2_descriptor(dir, v.As<Napi::Number>().Int32Value()) : nullptr;
      if (!d) throw_cti(env, err::kBadArgument, "signals[" + std::to_string(i) + "]: expected 1..15");
      ToneGen g(d);
      size_t at = pcm.size();
      pcm.resize(at + static_cast<size_t>(on + off) * 8, 0);
      g.generate(pcm.data() + at, on * 8);
    }
    Napi::Int16Array out = Napi::Int16Array::New(env, pcm.size());
    std::copy(pcm.begin(), pcm.end(), out.Data());
    return out;
  });
}

}  // namespace

std::vector<R2SpanConfig> parse_r2_spans(Napi::Env env, const Napi::Object& board) {
  std::vector<R2SpanConfig> out;
  Napi::Value v = board.Get("r2");
  if (v.IsUndefined()) return out;
  if (!v.IsArray())
    throw_cti(env, err::kBadArgument, "addBoard: r2 must be an array of { span, variant?, maxDnis?, category? }");
  Napi::Array a = v.As<Napi::Array>();
  for (uint32_t i = 0; i < a.Length(); i++) {
    Napi::Value x = a.Get(i);
    std::string w = "addBoard: r2[" + std::to_string(i) + "]";
    if (!x.IsObject()) throw_cti(env, err::kBadArgument, w + " must be an object");
    Napi::Object o = x.As<Napi::Object>();
    R2SpanConfig rc;
    rc.span = static_cast<int>(opt_number(o, "span", 0));
    std::string variant = opt_string(o, "variant", "china");
    if (variant == "china") rc.cfg.variant = &kR2China;
    else if (variant == "itu") rc.cfg.variant = &kR2Itu;
    else throw_cti(env, err::kBadArgument, w + ".variant must be 'china' or 'itu'");
    rc.cfg.max_dnis = static_cast<int>(opt_number(o, "maxDnis", 0));
    rc.cfg.category = static_cast<int>(opt_number(o, "category", 1));
    if (rc.cfg.max_dnis < 0 || rc.cfg.max_dnis > 32) throw_cti(env, err::kBadArgument, w + ".maxDnis must be 0..32");
    if (rc.cfg.category < 1 || rc.cfg.category > 10) throw_cti(env, err::kBadArgument, w + ".category must be 1..10");
    for (const R2SpanConfig& p : out)
      if (p.span == rc.span)
        throw_cti(env, err::kBadArgument, "addBoard: span " + std::to_string(rc.span) + " listed twice in r2");
    out.push_back(rc);
  }
  return out;
}

namespace {
void Init(Napi::Env env, Napi::Object exports) {
  exports.Set("detectMfR2", Napi::Function::New(env, DetectMfR2));
  exports.Set("generateMfR2", Napi::Function::New(env, GenerateMfR2));
}

}  // namespace
}  // namespace bcti::napi

BCTI_NAPI_EXPORTS(mfr2, bcti::napi::Init)
