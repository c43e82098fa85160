// Media bindings: WAV read/write and resampling for the CLI, services and
// tests. The test drivers of the media-thread classes are in the test build
// only (native/napi/test/media_test_napi.cc).
#include <algorithm>
#include <vector>

#include "native/dsp/levels.h"
#include "native/dsp/resample.h"
#include "native/media/wav_reader.h"
#include "native/media/wav_writer.h"
#include "native/napi/parse.h"
#include "native/napi/registry.h"

namespace bcti::napi {
namespace {

Napi::Int16Array to_int16(Napi::Env env, const int16_t* p, size_t n) {
  Napi::Int16Array a = Napi::Int16Array::New(env, n);
  if (n) std::copy(p, p + n, a.Data());
  return a;
}

Napi::Object wav_result(Napi::Env env, const std::vector<int16_t>& s, const WavInfo& info) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("samples", to_int16(env, s.data(), s.size()));
  o.Set("sourceRate", info.source_rate);
  o.Set("channels", info.channels);
  o.Set("format", info.format);
  o.Set("durationMs", static_cast<double>(s.size()) * 1000.0 / kSampleRate);
  return o;
}

// readWav(path) -> { samples, sourceRate, channels, format, durationMs }
Napi::Value ReadWav(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    std::string path = arg_string(info, 0, "path");
    WavInfo wi;
    std::vector<int16_t> s = read_wav_8k(path, &wi);
    return wav_result(info.Env(), s, wi);
  });
}

// parseWav(bytes: Uint8Array, name?) -> as readWav
Napi::Value ParseWav(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    if (info.Length() < 1 || !info[0].IsTypedArray() ||
        info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array)
      throw_cti(info.Env(), err::kBadArgument, "bytes: expected a Uint8Array");
    Napi::Uint8Array b = info[0].As<Napi::Uint8Array>();
    std::string name = info.Length() > 1 && info[1].IsString() ? info[1].As<Napi::String>().Utf8Value() : "buffer";
    WavInfo wi;
    std::vector<int16_t> s = read_wav_8k(b.Data(), b.ElementLength(), &wi, name);
    return wav_result(info.Env(), s, wi);
  });
}

// probeWav(path) -> { sourceRate, channels, format, sourceFrames, durationMs } without decoding
Napi::Value ProbeWav(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    WavFileReader r(arg_string(info, 0, "path"));
    Napi::Object o = Napi::Object::New(info.Env());
    o.Set("sourceRate", r.info().source_rate);
    o.Set("channels", r.info().channels);
    o.Set("format", r.info().format);
    o.Set("sourceFrames", static_cast<double>(r.info().source_frames));
    o.Set("durationMs", static_cast<double>(r.info().source_frames) * 1000.0 / r.info().source_rate);
    return o;
  });
}

WavFormat arg_format(Napi::Env env, const std::string& s) {
  WavFormat f;
  if (!parse_wav_format(s, &f))
    throw_cti(env, err::kBadArgument, "format: expected 'pcm16', 'ulaw' or 'alaw', got '" + s + "'");
  return f;
}

// writeWav(path, samples, format) through the crash-safe writer.
Napi::Value WriteWav(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    std::string path = arg_string(info, 0, "path");
    Napi::Int16Array s = arg_int16(info, 1, "samples");
    WavFormat f = info.Length() > 2 && !info[2].IsUndefined() ? arg_format(info.Env(), arg_string(info, 2, "format"))
                                                              : WavFormat::kPcm16;
    WavWriter w;
    w.open(path, f);
    w.write(s.Data(), s.ElementLength());
    w.close();
    return info.Env().Undefined();
  });
}

// resample(samples, fromRate, toRate) -> Int16Array
Napi::Value Resample(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Int16Array s = arg_int16(info, 0, "samples");
    int from = arg_int(info, 1, "fromRate");
    int to = arg_int(info, 2, "toRate");
    std::vector<int16_t> y = resample(s.Data(), s.ElementLength(), from, to);
    return to_int16(info.Env(), y.data(), y.size());
  });
}

void Init(Napi::Env env, Napi::Object exports) {
  exports.Set("readWav", Napi::Function::New(env, ReadWav));
  exports.Set("parseWav", Napi::Function::New(env, ParseWav));
  exports.Set("probeWav", Napi::Function::New(env, ProbeWav));
  exports.Set("writeWav", Napi::Function::New(env, WriteWav));
  exports.Set("resample", Napi::Function::New(env, Resample));
}

}  // namespace
}  // namespace bcti::napi

BCTI_NAPI_EXPORTS(media, bcti::napi::Init)
