// Caller ID bindings: offline detection (FSK of both standards and DTMF) and
// the generator of a whole burst. Live sending and capture run in the engine.
#include <cmath>
#include <string>
#include <vector>

#include "native/core/command.h"
#include "native/dsp/callerid.h"
#include "native/dsp/callerid_dtmf.h"
#include "native/napi/parse.h"
#include "native/napi/registry.h"
#include "native/sig/line_signalling.h"

namespace bcti::napi {
namespace {

Napi::Object info_to_js(Napi::Env env, const std::string& format, const CallerIdInfo& c) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("format", format);
  if (!c.number.empty()) o.Set("number", c.number);
  if (!c.name.empty()) o.Set("name", c.name);
  if (!c.time.empty()) o.Set("time", c.time);
  CidWithheld w = c.number_withheld != CidWithheld::kNone ? c.number_withheld : c.name_withheld;
  if (w != CidWithheld::kNone) o.Set("withheld", cid_withheld_name(w));
  if (c.name_withheld != CidWithheld::kNone) o.Set("nameWithheld", cid_withheld_name(c.name_withheld));
  if (!c.redirect.empty()) o.Set("redirect", c.redirect);
  if (c.message_waiting >= 0) o.Set("messageWaiting", c.message_waiting == 1);
  return o;
}

CidWithheld parse_withheld(Napi::Env env, const Napi::Object& o, const char* key) {
  std::string w = opt_string(o, key, "");
  if (w.empty()) return CidWithheld::kNone;
  if (w == "private") return CidWithheld::kPrivate;
  if (w == "unavailable") return CidWithheld::kUnavailable;
  throw_cti(env, err::kBadArgument, std::string(key) + ": expected 'private' or 'unavailable'");
}

// { number, name, time, withheld, nameWithheld, redirect }; TS validates first.
CallerIdInfo parse_info(Napi::Env env, const Napi::Object& o) {
  CallerIdInfo c;
  c.number = opt_string(o, "number", "");
  c.name = opt_string(o, "name", "");
  c.time = opt_string(o, "time", "");
  c.redirect = opt_string(o, "redirect", "");
  c.number_withheld = parse_withheld(env, o, "withheld");
  c.name_withheld = parse_withheld(env, o, "nameWithheld");
  Napi::Value mw = o.Get("messageWaiting");
  if (mw.IsBoolean()) c.message_waiting = mw.As<Napi::Boolean>().Value() ? 1 : 0;
  return c;
}

// detectCallerId(samples: Int16Array) -> { format, number?, name?, time?, withheld?, startMs, endMs }[]
Napi::Value DetectCallerId(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    Napi::Int16Array s = arg_int16(info, 0, "samples");
    std::vector<CidDetected> found = callerid_detect(s.Data(), s.ElementLength());
    Napi::Array a = Napi::Array::New(env, found.size());
    for (size_t i = 0; i < found.size(); i++) {
      Napi::Object o = info_to_js(env, found[i].format, found[i].info);
      o.Set("startMs", static_cast<double>(std::llround(found[i].start_sample / 8.0)));
      o.Set("endMs", static_cast<double>(std::llround(found[i].end_sample / 8.0)));
      a.Set(static_cast<uint32_t>(i), o);
    }
    return a;
  });
}

// generateCallerId(info, { format: 'bell202'|'v23'|'dtmf', message: 'sdmf'|'mdmf'|'mwi',
//   seizureBits, markBits, levelDbm0, freqScale, dtmfVariant: 'AC'|'DC'|'A#'|'#',
//   onMs, offMs }) -> Int16Array
Napi::Value GenerateCallerId(const Napi::CallbackInfo& info) {
  return guard(info.Env(), [&]() -> Napi::Value {
    Napi::Env env = info.Env();
    CallerIdInfo c = parse_info(env, arg_object(info, 0, "info"));
    Napi::Object o = arg_object(info, 1, "options");
    std::string format = opt_string(o, "format", "bell202");
    std::vector<int16_t> pcm;
    const char* why = nullptr;
    if (format == "dtmf") {
      CidDtmfTxParams p;
      std::string v = opt_string(o, "dtmfVariant", "AC");
      if (v == "AC") p.variant = CidDtmfVariant::kAC;
      else if (v == "DC") p.variant = CidDtmfVariant::kDC;
      else if (v == "A#") p.variant = CidDtmfVariant::kAHash;
      else if (v == "#") p.variant = CidDtmfVariant::kHash;
      else throw_cti(env, err::kBadArgument, "options.dtmfVariant: expected AC, DC, A# or #");
      p.on_ms = static_cast<int>(opt_number(o, "onMs", p.on_ms));
      p.off_ms = static_cast<int>(opt_number(o, "offMs", p.off_ms));
      p.level_dbm0 = opt_number(o, "levelDbm0", p.level_dbm0);
      why = cid_dtmf_burst(c, p, &pcm);
    } else if (format == "bell202" || format == "v23") {
      CidFskTxParams p;
      p.modem = format == "bell202" ? CidModem::kBell202 : CidModem::kV23;
      std::string m = opt_string(o, "message", "mdmf");
      if (m != "mdmf" && m != "sdmf" && m != "mwi")
        throw_cti(env, err::kBadArgument, "options.message: expected sdmf, mdmf or mwi");
      p.type = m == "sdmf" ? CidMessageType::kSdmf : m == "mwi" ? CidMessageType::kMwi : CidMessageType::kMdmf;
      p.seizure_bits = static_cast<int>(opt_number(o, "seizureBits", p.seizure_bits));
      p.mark_bits = static_cast<int>(opt_number(o, "markBits", p.modem == CidModem::kV23 ? 80 : p.mark_bits));
      p.level_dbm0 = opt_number(o, "levelDbm0", p.level_dbm0);
      p.freq_scale = opt_number(o, "freqScale", p.freq_scale);
      if (p.seizure_bits < 0 || p.seizure_bits > 2000 || p.mark_bits < 0 || p.mark_bits > 2000)
        throw_cti(env, err::kBadArgument, "options: seizureBits and markBits must be in [0, 2000]");
      if (!(p.level_dbm0 >= -60 && p.level_dbm0 <= 3) || !(p.freq_scale >= 0.9 && p.freq_scale <= 1.1))
        throw_cti(env, err::kBadArgument, "options: levelDbm0 must be in [-60, 3], freqScale in [0.9, 1.1]");
      why = cid_fsk_burst(c, p, &pcm);
    } else {
      throw_cti(env, err::kBadArgument, "options.format: expected bell202, v23 or dtmf");
    }
    if (why) throw_cti(env, err::kBadArgument, std::string("info: ") + why);
    Napi::Int16Array out = Napi::Int16Array::New(env, pcm.size());
    std::copy(pcm.begin(), pcm.end(), out.Data());
    return out;
  });
}

void Init(Napi::Env env, Napi::Object exports) {
  exports.Set("detectCallerId", Napi::Function::New(env, DetectCallerId));
  exports.Set("generateCallerId", Napi::Function::New(env, GenerateCallerId));
}

}  // namespace

// ring(..., { callerId: { number, name, time, withheld }, callerIdFormat:
// 'bell202'|'v23'|'dtmf', callerIdLevelDbm0, callerIdTiming: 'between-rings'|
// 'etsi-dtas'|'etsi-rpas' }): the burst, built here on the JS thread.
// Between rings it must end >= 200 ms before the second ring (first pause of
// the cadence, 4000 ms by default), starting 500 ms into the pause. Before the
// first ring (ETSI) the command carries the whole prelude's timing
// (native/dsp/callerid.h: CidAlert).
void ring_callerid(Napi::Env env, Napi::Value v, const Napi::Object& o, const std::vector<int>& cadence, Command* c) {
  if (!v.IsObject()) throw_cti(env, err::kBadArgument, "ring: callerId must be an object");
  Napi::Object ci = v.As<Napi::Object>();
  CallerIdInfo id;
  id.number = opt_string(ci, "number", "");
  id.name = opt_string(ci, "name", "");
  id.time = opt_string(ci, "time", "");
  std::string w = opt_string(ci, "withheld", "");
  if (w == "private") id.number_withheld = CidWithheld::kPrivate;
  else if (w == "unavailable") id.number_withheld = CidWithheld::kUnavailable;
  else if (!w.empty()) throw_cti(env, err::kBadArgument, "ring: callerId.withheld must be private or unavailable");
  std::string timing = opt_string(o, "callerIdTiming", "between-rings");
  CidAlert alert = CidAlert::kBetweenRings;
  if (timing == "etsi-dtas") alert = CidAlert::kDtas;
  else if (timing == "etsi-rpas") alert = CidAlert::kRpas;
  else if (timing != "between-rings")
    throw_cti(env, err::kBadArgument, "ring: callerIdTiming must be between-rings, etsi-dtas or etsi-rpas");
  std::string format = opt_string(o, "callerIdFormat", alert == CidAlert::kBetweenRings ? "bell202" : "v23");
  double level = opt_number(o, "callerIdLevelDbm0", -13);
  auto out = std::make_shared<std::vector<int16_t>>();
  const char* why = nullptr;
  if (alert == CidAlert::kDtas) {
    cid_dtas(out.get());
    out->resize(out->size() + kCidTimingEtsiDtas.after_ring_ms * 8, 0);
  }
  if (format == "dtmf") {
    CidDtmfTxParams p;
    p.level_dbm0 = level;
    why = cid_dtmf_burst(id, p, out.get());
  } else if (format == "bell202" || format == "v23") {
    CidFskTxParams p;
    p.modem = format == "v23" ? CidModem::kV23 : CidModem::kBell202;
    p.mark_bits = format == "v23" ? 80 : 180;
    p.level_dbm0 = level;
    why = cid_fsk_burst(id, p, out.get());
  } else {
    throw_cti(env, err::kBadArgument, "ring: callerIdFormat must be bell202, v23 or dtmf");
  }
  if (why) throw_cti(env, err::kBadArgument, std::string("ring: callerId: ") + why);
  const int burst_ms = static_cast<int>((out->size() + 7) / 8);
  if (alert == CidAlert::kDtas) {
    c->callerid_reverse = true;
    c->callerid_at_ms = kEtsiReversalToDtasMs;
    c->ring_delay_ms = kEtsiReversalToDtasMs + burst_ms + kEtsiDataToRingMs;
  } else if (alert == CidAlert::kRpas) {
    c->ring_pulse_ms = kRpasMs;
    c->callerid_at_ms = kRpasMs + kCidTimingEtsiRpas.after_ring_ms;
    c->ring_delay_ms = c->callerid_at_ms + burst_ms + kEtsiDataToRingMs;
  } else {
    const int pause = cadence.size() >= 2 ? cadence[1] : SigConfig{}.ring_cadence_ms[1];
    const int need =
        kCidTimingBellcore.after_ring_ms + static_cast<int>(out->size() / 8) + kCidTimingBellcore.before_ring_ms;
    if (need > pause)
      throw_cti(env, err::kBadArgument,
                "ring: caller ID needs a first ring pause of " + std::to_string(need) + " ms, the cadence has " +
                    std::to_string(pause));
  }
  c->callerid = std::move(out);
}

}  // namespace bcti::napi

BCTI_NAPI_EXPORTS(callerid, bcti::napi::Init)
