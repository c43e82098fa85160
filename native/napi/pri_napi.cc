#include "native/napi/pri_napi.h"

#include <regex>
#include <string>

#include "native/base/errors.h"
#include "native/napi/registry.h"

namespace bcti::napi {

namespace {
const char* const kPresentation[] = {"allowed", "restricted", "unavailable"};

int parse_ton(Napi::Env env, const Napi::Object& o, const char* key) {
  Napi::Value v = o.Get(key);
  if (v.IsUndefined()) return 0;
  static const std::pair<const char*, int> names[] = {{"unknown", 0}, {"international", 1}, {"national", 2},
                                                      {"network", 3}, {"subscriber", 4},    {"abbreviated", 6}};
  if (v.IsString()) {
    std::string s = v.As<Napi::String>().Utf8Value();
    for (const auto& [n, t] : names)
      if (s == n) return t;
  }
  throw_cti(
      env, err::kBadArgument,
      std::string("setup: ") + key + " must be unknown, international, national, network, subscriber or abbreviated");
  return 0;
}

void check_number(Napi::Env env, const std::string& n, const char* what, bool empty_ok) {
  static const std::regex digits("^[0-9*#]{0,32}$");
  if ((!empty_ok && n.empty()) || !std::regex_match(n, digits))
    throw_cti(env, err::kBadArgument, std::string("setup: ") + what + " must be 1 to 32 of 0-9 * #, got '" + n + "'");
}
}  // namespace

std::vector<PriSpanConfig> parse_pri_spans(Napi::Env env, const Napi::Object& board) {
  std::vector<PriSpanConfig> out;
  Napi::Value v = board.Get("pri");
  if (v.IsUndefined()) return out;
  if (!v.IsArray())
    throw_cti(env, err::kBadArgument, "addBoard: pri must be an array of { span, overlap?, overlapMs? }");
  Napi::Array a = v.As<Napi::Array>();
  for (uint32_t i = 0; i < a.Length(); i++) {
    Napi::Value x = a.Get(i);
    if (!x.IsObject()) throw_cti(env, err::kBadArgument, "addBoard: pri[" + std::to_string(i) + "] must be an object");
    Napi::Object o = x.As<Napi::Object>();
    PriSpanConfig pc;
    pc.span = static_cast<int>(opt_number(o, "span", 0));
    pc.overlap = opt_bool(o, "overlap", false);
    pc.overlap_ms = static_cast<int>(opt_number(o, "overlapMs", 3000));
    for (const PriSpanConfig& p : out)
      if (p.span == pc.span)
        throw_cti(env, err::kBadArgument, "addBoard: span " + std::to_string(pc.span) + " listed twice in pri");
    out.push_back(pc);
  }
  return out;
}

SetupSpec parse_setup(Napi::Env env, const Napi::Object& o) {
  SetupSpec s;
  s.called = opt_string(o, "called", "");
  s.calling = opt_string(o, "calling", "");
  check_number(env, s.called, "called", false);
  check_number(env, s.calling, "calling", true);
  s.called_ton = parse_ton(env, o, "calledTon");
  s.calling_ton = parse_ton(env, o, "callingTon");
  std::string pres = opt_string(o, "presentation", "allowed");
  if (pres != "allowed" && pres != "restricted")
    throw_cti(env, err::kBadArgument, "setup: presentation must be allowed or restricted");
  s.restricted = pres == "restricted";
  s.exclusive = opt_bool(o, "exclusive", true);
  return s;
}

void set_parties(Napi::Env, Napi::Object& out, const Event& e) {
  if (e.called.empty() && e.calling.empty() && e.presentation < 0) return;
  out.Set("calling", e.calling);
  out.Set("called", e.called);
  static const char* const tons[] = {"unknown",    "international", "national",    "network",
                                     "subscriber", "unknown",       "abbreviated", "unknown"};
  if (e.calling_ton >= 0) out.Set("callingTon", tons[e.calling_ton & 7]);
  if (e.called_ton >= 0) out.Set("calledTon", tons[e.called_ton & 7]);
  if (e.presentation >= 0 && e.presentation <= 2) out.Set("presentation", kPresentation[e.presentation]);
}

}  // namespace bcti::napi
