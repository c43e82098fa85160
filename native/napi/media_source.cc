#include "native/napi/media_source.h"

#include <sys/stat.h>

#include <map>
#include <mutex>

#include "native/media/player.h"
#include "native/media/wav_reader.h"
#include "native/napi/parse.h"
#include "native/napi/registry.h"

namespace bcti::napi {

namespace {
struct CacheEntry {
  int64_t mtime_ns;
  int64_t size;
  std::shared_ptr<const std::vector<int16_t>> pcm;
};
std::mutex g_cache_mu;
std::map<std::string, CacheEntry> g_cache;
constexpr size_t kCacheEntries = 256;

std::shared_ptr<const std::vector<int16_t>> load_prompt(Napi::Env env, const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw_cti(env, err::kFileIo, "cannot open '" + path + "'");
  int64_t mt = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  std::lock_guard<std::mutex> lk(g_cache_mu);
  auto it = g_cache.find(path);
  if (it != g_cache.end() && it->second.mtime_ns == mt && it->second.size == st.st_size) return it->second.pcm;
  auto pcm = std::make_shared<const std::vector<int16_t>>(read_wav_8k(path));
  if (g_cache.size() >= kCacheEntries) g_cache.clear();
  g_cache[path] = {mt, static_cast<int64_t>(st.st_size), pcm};
  return pcm;
}
}  // namespace

void fill_play_spec(Napi::Env env, const Napi::Object& o, PlaySpec& spec) {
  spec.loop = opt_bool(o, "loop", false);
  spec.barge_in = opt_bool(o, "bargeIn", false);
  int sources = 0;
  Napi::Value file = o.Get("file");
  if (!file.IsUndefined()) {
    if (!file.IsString()) throw_cti(env, err::kBadArgument, "play: file must be a string");
    spec.label = file.As<Napi::String>().Utf8Value();
    try {
      spec.pcm = load_prompt(env, spec.label);
    } catch (const CtiError& e) {
      throw_cti(env, e.code(), e.what());
    }
    sources++;
  }
  Napi::Value pcm = o.Get("pcm");
  if (!pcm.IsUndefined()) {
    if (!pcm.IsTypedArray() || pcm.As<Napi::TypedArray>().TypedArrayType() != napi_int16_array)
      throw_cti(env, err::kBadArgument, "play: pcm must be an Int16Array of 8 kHz samples");
    Napi::Int16Array a = pcm.As<Napi::Int16Array>();
    spec.pcm = std::make_shared<const std::vector<int16_t>>(a.Data(), a.Data() + a.ElementLength());
    spec.label = "pcm";
    sources++;
  }
  Napi::Value tone = o.Get("tone");
  if (!tone.IsUndefined()) {
    if (!tone.IsObject()) throw_cti(env, err::kBadArgument, "play: tone must be a descriptor object");
    spec.tone = std::make_shared<const ToneDescriptor>(parse_tone_descriptor(env, tone.As<Napi::Object>()));
    spec.label = "tone";
    sources++;
  }
  Napi::Value digits = o.Get("digits");
  if (!digits.IsUndefined()) {
    if (!digits.IsString()) throw_cti(env, err::kBadArgument, "play: digits must be a string");
    std::string script = digits.As<Napi::String>().Utf8Value();
    DigitScriptOptions d;
    d.on_ms = static_cast<int>(opt_number(o, "onMs", 100));
    d.off_ms = static_cast<int>(opt_number(o, "offMs", 100));
    d.pause_ms = static_cast<int>(opt_number(o, "pauseMs", 500));
    d.level_dbm0 = opt_number(o, "level", -10);
    if (d.on_ms < 20 || d.off_ms < 0 || d.pause_ms < 0)
      throw_cti(env, err::kBadArgument, "play: onMs must be >= 20, offMs and pauseMs >= 0");
    try {
      spec.tone = std::make_shared<const ToneDescriptor>(digit_script_descriptor(script, d));
    } catch (const CtiError& e) {
      throw_cti(env, e.code(), e.what());
    }
    spec.label = script;
    sources++;
  }
  if (sources != 1) throw_cti(env, err::kBadArgument, "play: give exactly one of file, pcm, tone or digits");
}

}  // namespace bcti::napi
