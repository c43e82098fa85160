// DTMF bindings: offline detection (one channel, or up to 16 in the lanes of one
// bank) and the transmitter helper. Live detection runs inside the engine.
#include <cmath>
#include <string>
#include <vector>

#include "native/dsp/dtmf_rx.h"
#include "native/napi/registry.h"

namespace bcti::napi {
namespace {

// Options { minLevelDbm0, maxNormalTwistDb, maxReverseTwistDb, freqTolerancePct,
// minToneShare, frameSamples }; TS validates them first, this only guards.
DtmfRxConfig parse_config(const Napi::CallbackInfo& info, size_t i, int* frame) {
  Napi::Object o = arg_object(info, i, "options");
  *frame = static_cast<int>(opt_number(o, "frameSamples", kDtmfHalf));
  if (*frame < 1 || *frame > 8000)
    throw_cti(info.Env(), err::kBadArgument, "options.frameSamples must be in [1, 8000]");
  DtmfRxConfig c;
  c.min_level_dbm0 = opt_number(o, "minLevelDbm0", c.min_level_dbm0);
  c.max_normal_twist_db = opt_number(o, "maxNormalTwistDb", c.max_normal_twist_db);
  c.max_reverse_twist_db = opt_number(o, "maxReverseTwistDb", c.max_reverse_twist_db);
  c.freq_tolerance_pct = opt_number(o, "freqTolerancePct", c.freq_tolerance_pct);
  c.min_tone_share = opt_number(o, "minToneShare", c.min_tone_share);
  auto bad = [&](const char* what) { throw_cti(info.Env(), err::kBadArgument, std::string("options.") + what); };
  if (!(c.min_level_dbm0 >= -70 && c.min_level_dbm0 <= 0)) bad("minLevelDbm0 must be in [-70, 0]");
  if (!(c.max_normal_twist_db >= 0 && c.max_normal_twist_db <= 20)) bad("maxNormalTwistDb must be in [0, 20]");
  if (!(c.max_reverse_twist_db >= 0 && c.max_reverse_twist_db <= 20)) bad("maxReverseTwistDb must be in [0, 20]");
  if (!(c.freq_tolerance_pct >= 0.5 && c.freq_tolerance_pct <= 4)) bad("freqTolerancePct must be in [0.5, 4]");
  if (!(c.min_tone_share >= 0.3 && c.min_tone_share <= 1)) bad("minToneShare must be in [0.3, 1]");
  return c;
}

Napi::Array to_js(Napi::Env env, const std::vector<DtmfDigit>& v) {
  Napi::Array a = Napi::Array::New(env, v.size());
  for (size_t i = 0; i < v.size(); i++) {
    Napi::Object o = Napi::Object::New(env);
    o.Set("digit", Napi::String::New(env, std::string(1, v[i].digit)));
    o.Set("startMs", Napi::Number::New(env, static_cast<double>(std::llround(v[i].start_sample / 8.0))));
    o.Set("endMs", Napi::Number::New(env, static_cast<double>(std::llround(v[i].end_sample / 8.0))));
    o.Set("reportedMs", Napi::Number::New(env, static_cast<double>(std::llround(v[i].reported_sample / 8.0))));
    a.Set(static_cast<uint32_t>(i), o);
  }
  return a;
}

// detectDtmf(samples: Int16Array, options?) -> { digit, startMs, endMs, reportedMs }[]
Napi::Value DetectDtmf(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Int16Array s = arg_int16(info, 0, "samples");
    int frame = 0;
    DtmfRxConfig cfg = parse_config(info, 1, &frame);
    return to_js(info.Env(), dtmf_detect(s.Data(), s.ElementLength(), cfg, frame));
  });
}

// detectDtmfBank(channels: Int16Array[], options?) -> per channel, as detectDtmf.
// Up to 16 channels run in the lanes of one bank, so a test can compare them
// with one-at-a-time runs.
Napi::Value DetectDtmfBank(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsArray())
      throw_cti(env, err::kBadArgument, "channels: expected an array of Int16Array");
    Napi::Array a = info[0].As<Napi::Array>();
    if (a.Length() > static_cast<uint32_t>(kBankLanes))
      throw_cti(env, err::kBadArgument, "channels: at most 16 channels per bank");
    std::vector<const int16_t*> ptr;
    std::vector<size_t> len;
    for (uint32_t i = 0; i < a.Length(); i++) {
      Napi::Value v = a.Get(i);
      if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_int16_array)
        throw_cti(env, err::kBadArgument, "channels[" + std::to_string(i) + "]: expected an Int16Array");
      Napi::Int16Array s = v.As<Napi::Int16Array>();
      ptr.push_back(s.Data());
      len.push_back(s.ElementLength());
    }
    int frame = 0;
    DtmfRxConfig cfg = parse_config(info, 1, &frame);
    auto res = dtmf_detect_bank(ptr, len, cfg, frame);
    Napi::Array out = Napi::Array::New(env, res.size());
    for (size_t i = 0; i < res.size(); i++) out.Set(static_cast<uint32_t>(i), to_js(env, res[i]));
    return out;
  });
}

// generateDtmf(digits: string, { onMs, offMs, pauseMs, levelDbm0, twistDb }?) -> Int16Array
Napi::Value GenerateDtmf(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    std::string digits = arg_string(info, 0, "digits");
    Napi::Object o = arg_object(info, 1, "options");
    DtmfTxParams p;
    p.on_ms = static_cast<int>(opt_number(o, "onMs", p.on_ms));
    p.off_ms = static_cast<int>(opt_number(o, "offMs", p.off_ms));
    p.pause_ms = static_cast<int>(opt_number(o, "pauseMs", p.pause_ms));
    p.level_dbm0 = opt_number(o, "levelDbm0", p.level_dbm0);
    p.twist_db = opt_number(o, "twistDb", p.twist_db);
    if (p.on_ms < 1 || p.on_ms > 60000 || p.off_ms < 0 || p.off_ms > 60000 || p.pause_ms < 0 || p.pause_ms > 60000)
      throw_cti(env, err::kBadArgument, "options: onMs must be in [1, 60000], offMs and pauseMs in [0, 60000]");
    if (!(p.level_dbm0 <= 3 && p.level_dbm0 >= -90) || !(std::fabs(p.twist_db) <= 20))
      throw_cti(env, err::kBadArgument, "options: levelDbm0 must be in [-90, 3], twistDb in [-20, 20]");
    if (digits.size() > 10000) throw_cti(env, err::kBadArgument, "digits: at most 10000 characters");
    std::vector<int16_t> pcm;
    if (!dtmf_tx(digits, p, &pcm))
      throw_cti(env, err::kBadArgument, "digits: only 0-9, *, #, A-D and ',' (pause) are allowed");
    Napi::Int16Array out = Napi::Int16Array::New(env, pcm.size());
    std::copy(pcm.begin(), pcm.end(), out.Data());
    return out;
  });
}

void Init(Napi::Env env, Napi::Object exports) {
  exports.Set("detectDtmf", Napi::Function::New(env, DetectDtmf));
  exports.Set("detectDtmfBank", Napi::Function::New(env, DetectDtmfBank));
  exports.Set("generateDtmf", Napi::Function::New(env, GenerateDtmf));
}

}  // namespace
}  // namespace bcti::napi

BCTI_NAPI_EXPORTS(dtmf, bcti::napi::Init)
