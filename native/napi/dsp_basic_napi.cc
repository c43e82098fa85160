// Offline DSP bindings: G.711, tone generation, instruction-set control.
#include "native/dsp/cpu.h"
#include "native/dsp/g711.h"
#include "native/dsp/tone_gen.h"
#include "native/napi/parse.h"
#include "native/napi/registry.h"

namespace bcti::napi {
namespace {

Law parse_law(Napi::Env env, const std::string& s) {
  if (s == "ulaw" || s == "mulaw" || s == "mu-law") return Law::kUlaw;
  if (s == "alaw" || s == "a-law") return Law::kAlaw;
  throw_cti(env, err::kBadArgument, "law: expected 'ulaw' or 'alaw', got '" + s + "'");
}

Napi::Value G711Encode(const Napi::CallbackInfo& info) {
  Law law = parse_law(info.Env(), arg_string(info, 0, "law"));
  Napi::Int16Array in = arg_int16(info, 1, "samples");
  Napi::Uint8Array out = Napi::Uint8Array::New(info.Env(), in.ElementLength());
  g711_encode(law, in.Data(), out.Data(), in.ElementLength());
  return out;
}

Napi::Value G711Decode(const Napi::CallbackInfo& info) {
  Law law = parse_law(info.Env(), arg_string(info, 0, "law"));
  if (info.Length() < 2 || !info[1].IsTypedArray() ||
      info[1].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array)
    throw_cti(info.Env(), err::kBadArgument, "codes: expected a Uint8Array");
  Napi::Uint8Array in = info[1].As<Napi::Uint8Array>();
  Napi::Int16Array out = Napi::Int16Array::New(info.Env(), in.ElementLength());
  g711_decode(law, in.Data(), out.Data(), in.ElementLength());
  return out;
}

}  // namespace

// Reads a tone descriptor { segments: [{ tones: [{freq, level}], ms }], repeat }.
ToneDescriptor parse_tone_descriptor(Napi::Env env, const Napi::Object& o) {
  ToneDescriptor d;
  Napi::Value segs = o.Get("segments");
  if (!segs.IsArray()) throw_cti(env, err::kBadArgument, "tone: segments must be an array");
  Napi::Array a = segs.As<Napi::Array>();
  for (uint32_t i = 0; i < a.Length(); i++) {
    Napi::Value sv = a.Get(i);
    if (!sv.IsObject()) throw_cti(env, err::kBadArgument, "tone: segment " + std::to_string(i) + " must be an object");
    Napi::Object s = sv.As<Napi::Object>();
    ToneSegment seg;
    seg.duration_ms = static_cast<int>(opt_number(s, "ms", 0));
    Napi::Value tv = s.Get("tones");
    if (!tv.IsUndefined()) {
      if (!tv.IsArray()) throw_cti(env, err::kBadArgument, "tone: segment tones must be an array");
      Napi::Array ta = tv.As<Napi::Array>();
      if (ta.Length() > 4) throw_cti(env, err::kBadArgument, "tone: at most 4 components per segment");
      for (uint32_t k = 0; k < ta.Length(); k++) {
        Napi::Value cv = ta.Get(k);
        if (!cv.IsObject()) throw_cti(env, err::kBadArgument, "tone: component must be an object");
        Napi::Object c = cv.As<Napi::Object>();
        double f = opt_number(c, "freq", -1);
        if (f <= 0 || f >= 4000) throw_cti(env, err::kBadArgument, "tone: freq must be in (0, 4000) Hz");
        seg.tones.push_back({f, opt_number(c, "level", -10)});
      }
    }
    d.segments.push_back(std::move(seg));
  }
  d.repeat = static_cast<int>(opt_number(o, "repeat", 1));
  if (d.repeat < 0) throw_cti(env, err::kBadArgument, "tone: repeat must be >= 0");
  return d;
}

namespace {

// generateTone(descriptor, maxSamples) -> Int16Array
Napi::Value GenerateTone(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    ToneDescriptor d = parse_tone_descriptor(info.Env(), arg_object(info, 0, "descriptor"));
    int max = arg_int(info, 1, "maxSamples");
    if (max < 0 || max > 8000 * 3600) throw_cti(info.Env(), err::kBadArgument, "maxSamples out of range");
    std::vector<int16_t> buf(static_cast<size_t>(max));
    ToneGen g(&d);
    int n = g.generate(buf.data(), max);
    Napi::Int16Array out = Napi::Int16Array::New(info.Env(), static_cast<size_t>(n));
    std::copy(buf.begin(), buf.begin() + n, out.Data());
    return out;
  });
}

Napi::Value ActiveIsa(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), isa_name(active_isa())); }

Napi::Value ForceIsa(const Napi::CallbackInfo& info) {
  std::string s = arg_string(info, 0, "isa");
  Isa isa = s == "avx512" ? Isa::kAvx512 : s == "avx2" ? Isa::kAvx2 : Isa::kGeneric;
  if (s != "generic" && s != "avx2" && s != "avx512")
    throw_cti(info.Env(), err::kBadArgument, "isa: expected generic, avx2 or avx512");
  return Napi::Boolean::New(info.Env(), force_isa(isa));
}

Napi::Value SupportedIsas(const Napi::CallbackInfo& info) {
  Napi::Array a = Napi::Array::New(info.Env());
  uint32_t i = 0;
  for (Isa isa : {Isa::kGeneric, Isa::kAvx2, Isa::kAvx512})
    if (isa_supported(isa)) a.Set(i++, Napi::String::New(info.Env(), isa_name(isa)));
  return a;
}

void Init(Napi::Env env, Napi::Object exports) {
  exports.Set("g711Encode", Napi::Function::New(env, G711Encode));
  exports.Set("g711Decode", Napi::Function::New(env, G711Decode));
  exports.Set("generateTone", Napi::Function::New(env, GenerateTone));
  exports.Set("activeIsa", Napi::Function::New(env, ActiveIsa));
  exports.Set("forceIsa", Napi::Function::New(env, ForceIsa));
  exports.Set("supportedIsas", Napi::Function::New(env, SupportedIsas));
}

}  // namespace
}  // namespace bcti::napi

BCTI_NAPI_EXPORTS(dsp_basic, bcti::napi::Init)
