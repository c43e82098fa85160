#include "config_napi.h"

#include <stdexcept>

namespace bcti::sim {

namespace {
std::string path(const char* where, const char* key) { return std::string(where) + "." + key; }

double num(const Napi::Object& o, const char* key, double def, const char* where) {
  Napi::Value v = o.Get(key);
  if (v.IsUndefined()) return def;
  if (!v.IsNumber()) throw std::invalid_argument(path(where, key) + ": expected a number");
  return v.As<Napi::Number>().DoubleValue();
}
int integer(const Napi::Object& o, const char* key, int def, const char* where) {
  return static_cast<int>(num(o, key, def, where));
}
bool boolean(const Napi::Object& o, const char* key, bool def, const char* where) {
  Napi::Value v = o.Get(key);
  if (v.IsUndefined()) return def;
  if (!v.IsBoolean()) throw std::invalid_argument(path(where, key) + ": expected true or false");
  return v.As<Napi::Boolean>().Value();
}
std::string str(const Napi::Object& o, const char* key, const std::string& def, const char* where) {
  Napi::Value v = o.Get(key);
  if (v.IsUndefined()) return def;
  if (!v.IsString()) throw std::invalid_argument(path(where, key) + ": expected a string");
  return v.As<Napi::String>().Utf8Value();
}
Napi::Array arr(const Napi::Object& o, const char* key, const char* where) {
  Napi::Value v = o.Get(key);
  if (v.IsUndefined()) return Napi::Array::New(o.Env());
  if (!v.IsArray()) throw std::invalid_argument(path(where, key) + ": expected an array");
  return v.As<Napi::Array>();
}
Napi::Object obj(const Napi::Value& v, const std::string& where) {
  if (!v.IsObject()) throw std::invalid_argument(where + ": expected an object");
  return v.As<Napi::Object>();
}
Law law(const std::string& s, const char* where) {
  if (s == "alaw") return Law::kAlaw;
  if (s == "ulaw") return Law::kUlaw;
  throw std::invalid_argument(std::string(where) + ": law must be 'alaw' or 'ulaw'");
}

LineModelConfig line_model(const Napi::Value& v, const LineModelConfig& def, const char* where) {
  if (v.IsUndefined()) return def;
  Napi::Object o = obj(v, where);
  LineModelConfig c;
  c.loss_db = num(o, "lossDb", def.loss_db, where);
  c.noise_dbm0 = num(o, "noiseDbm0", def.noise_dbm0, where);
  c.echo_delay_ms = num(o, "echoDelayMs", def.echo_delay_ms, where);
  c.echo_return_loss_db = num(o, "echoReturnLossDb", def.echo_return_loss_db, where);
  c.tandem_g711 = boolean(o, "tandemG711", def.tandem_g711, where);
  return c;
}

FarKind far_kind(const std::string& s, const char* where) {
  if (s == "person") return FarKind::kPerson;
  if (s == "busy") return FarKind::kBusy;
  if (s == "no-answer") return FarKind::kNoAnswer;
  if (s == "unallocated") return FarKind::kUnallocated;
  if (s == "machine") return FarKind::kMachine;
  if (s == "fax") return FarKind::kFax;
  if (s == "congestion") return FarKind::kCongestion;
  throw std::invalid_argument(std::string(where) + ".kind: unknown far end '" + s + "'");
}

int hangup_signal(const std::string& s, const char* where) {
  if (s.empty()) return -1;
  if (s == "polarity") return static_cast<int>(HangupSignal::kPolarity);
  if (s == "loop-drop") return static_cast<int>(HangupSignal::kLoopDrop);
  if (s == "busy-tone") return static_cast<int>(HangupSignal::kBusyTone);
  throw std::invalid_argument(std::string(where) + ".hangup: expected polarity, loop-drop or busy-tone");
}

Step parse_step(const Napi::Object& o, const char* where) {
  Step s;
  std::string op = str(o, "op", "", where);
  if (op == "speak") s.op = Step::Op::kSpeak;
  else if (op == "silence") s.op = Step::Op::kSilence;
  else if (op == "press") s.op = Step::Op::kPress;
  else if (op == "play") s.op = Step::Op::kPlay;
  else if (op == "wait") s.op = Step::Op::kWait;
  else if (op == "hangup") s.op = Step::Op::kHangup;
  else throw std::invalid_argument(std::string(where) + ".op: unknown step '" + op + "'");
  s.ms = integer(o, "ms", 0, where);
  s.digits = str(o, "digits", "", where);
  s.hz = num(o, "hz", 0, where);
  s.dbm0 = num(o, "dbm0", -10, where);
  s.count = integer(o, "count", 1, where);
  std::string tone = str(o, "tone", "", where);
  if (!tone.empty() && !parse_tone(tone, &s.tone))
    throw std::invalid_argument(std::string(where) + ".tone: unknown tone '" + tone + "'");
  std::string w = str(o, "for", "voice", where);
  if (w == "voice") s.wait = Step::Wait::kVoice;
  else if (w == "silence") s.wait = Step::Wait::kSilence;
  else if (w == "digits") s.wait = Step::Wait::kDigits;
  else if (w == "tone") s.wait = Step::Wait::kTone;
  else throw std::invalid_argument(std::string(where) + ".for: expected voice, silence, digits or tone");
  return s;
}
}  // namespace

bool parse_tone(const std::string& name, ToneKind* out) { return tone_kind_from_name(name, out); }

FarScript parse_script(const Napi::Value& v, const char* where) {
  FarScript f;
  if (v.IsUndefined()) return f;
  Napi::Object o = obj(v, where);
  f.kind = far_kind(str(o, "kind", "person", where), where);
  f.rings = integer(o, "rings", f.rings, where);
  f.greeting_ms = integer(o, "greetingMs", f.greeting_ms, where);
  f.record_ms = integer(o, "recordMs", f.record_ms, where);
  f.speech_dbm0 = num(o, "speechDbm0", f.speech_dbm0, where);
  f.give_up_ms = integer(o, "giveUpMs", f.give_up_ms, where);
  f.cng = boolean(o, "cng", f.cng, where);
  {
    std::string cid = str(o, "callerId", "bell202", where);
    if (cid == "none") f.callerid = 0;
    else if (cid == "bell202") f.callerid = 1;
    else if (cid == "v23") f.callerid = 2;
    else throw std::invalid_argument(std::string(where) + ".callerId must be none, bell202 or v23");
  }
  f.callerid_bit_error = boolean(o, "callerIdBitError", f.callerid_bit_error, where);
  {
    std::string t = str(o, "callerIdTiming", "between-rings", where);
    if (t == "between-rings") f.callerid_timing = 0;
    else if (t == "etsi-dtas") f.callerid_timing = 1;
    else if (t == "etsi-rpas") f.callerid_timing = 2;
    else
      throw std::invalid_argument(std::string(where) + ".callerIdTiming must be between-rings, etsi-dtas or etsi-rpas");
  }
  f.hangup_signal = hangup_signal(str(o, "hangup", "", where), where);
  Napi::Array steps = arr(o, "steps", where);
  for (uint32_t i = 0; i < steps.Length(); i++) {
    std::string w = std::string(where) + ".steps[" + std::to_string(i) + "]";
    f.steps.push_back(parse_step(obj(steps.Get(i), w), w.c_str()));
  }
  return f;
}

SimConfig parse_config(const Napi::Object& o) {
  SimConfig c;
  const char* w = "config";
  c.seed = static_cast<uint64_t>(num(o, "seed", 1, w));
  c.model = str(o, "model", c.model, w);
  c.serial = str(o, "serial", c.serial, w);
  c.firmware = str(o, "firmware", c.firmware, w);
  c.analog_law = law(str(o, "law", "alaw", w), "config.law");
  c.plan = tone_plan_from_json(str(o, "tonePlan", "", w));
  Napi::Array cad = arr(o, "ringCadenceMs", w);
  if (cad.Length() > 0) {
    c.ring_cadence_ms.clear();
    for (uint32_t i = 0; i < cad.Length(); i++) c.ring_cadence_ms.push_back(cad.Get(i).As<Napi::Number>().Int32Value());
  }
  if (c.ring_cadence_ms.size() % 2) c.ring_cadence_ms.push_back(c.ring_cadence_ms.back());
  for (int d : c.ring_cadence_ms)
    if (d <= 0) throw std::invalid_argument("config.ringCadenceMs: every element must be > 0");
  c.first_digit_ms = integer(o, "firstDigitMs", c.first_digit_ms, w);
  c.interdigit_ms = integer(o, "interdigitMs", c.interdigit_ms, w);
  c.flash_ms = integer(o, "flashMs", c.flash_ms, w);

  LineModelConfig def;
  Napi::Array phones = arr(o, "phones", w);
  for (uint32_t i = 0; i < phones.Length(); i++) {
    std::string pw = "config.phones[" + std::to_string(i) + "]";
    Napi::Object p = obj(phones.Get(i), pw);
    PhoneConfig pc;
    pc.extension = str(p, "extension", std::to_string(101 + i), pw.c_str());
    pc.line = line_model(p.Get("line"), def, (pw + ".line").c_str());
    pc.answer_after_rings = integer(p, "answerAfterRings", 0, pw.c_str());
    c.phones.push_back(pc);
  }
  Napi::Array lines = arr(o, "lines", w);
  for (uint32_t i = 0; i < lines.Length(); i++) {
    std::string lw = "config.lines[" + std::to_string(i) + "]";
    Napi::Object l = obj(lines.Get(i), lw);
    LineConfig lc;
    lc.number = str(l, "number", "", lw.c_str());
    lc.line = line_model(l.Get("line"), def, (lw + ".line").c_str());
    lc.answer_polarity = boolean(l, "answerPolarity", true, lw.c_str());
    int hs = hangup_signal(str(l, "hangup", "polarity", lw.c_str()), lw.c_str());
    lc.hangup = static_cast<HangupSignal>(hs);
    c.lines.push_back(lc);
  }
  Napi::Array e1 = arr(o, "e1", w);
  for (uint32_t i = 0; i < e1.Length(); i++) {
    std::string ew = "config.e1[" + std::to_string(i) + "]";
    Napi::Object e = obj(e1.Get(i), ew);
    E1SpanConfig ec;
    ec.law = law(str(e, "law", "alaw", ew.c_str()), (ew + ".law").c_str());
    ec.number_prefix = str(e, "numberPrefix", "", ew.c_str());
    std::string sig = str(e, "signalling", "cas", ew.c_str());
    if (sig != "cas" && sig != "pri") throw std::invalid_argument(ew + ".signalling: cas or pri");
    ec.pri = sig == "pri";
    ec.overlap = boolean(e, "overlap", false, ew.c_str());
    std::string reg = str(e, "registers", "mfcr2", ew.c_str());
    if (reg != "mfcr2" && reg != "dtmf") throw std::invalid_argument(ew + ".registers: mfcr2 or dtmf");
    ec.r2 = reg == "mfcr2";
    std::string variant = str(e, "mfcr2Variant", "china", ew.c_str());
    if (variant != "china" && variant != "itu") throw std::invalid_argument(ew + ".mfcr2Variant: china or itu");
    ec.r2_itu = variant == "itu";
    ec.no_answer_ms =
        static_cast<int>(e.Get("noAnswerMs").IsNumber() ? e.Get("noAnswerMs").As<Napi::Number>().Int32Value() : 20000);
    ec.line = line_model(e.Get("line"), def, (ew + ".line").c_str());
    c.e1.push_back(ec);
  }
  Napi::Value nums = o.Get("numbers");
  if (!nums.IsUndefined()) {
    Napi::Object n = obj(nums, "config.numbers");
    Napi::Array keys = n.GetPropertyNames();
    for (uint32_t i = 0; i < keys.Length(); i++) {
      std::string k = keys.Get(i).As<Napi::String>().Utf8Value();
      std::string nw = "config.numbers." + k;
      c.numbers[k] = parse_script(n.Get(k), nw.c_str());
    }
  }
  c.unknown.kind = FarKind::kUnallocated;
  if (!o.Get("unknown").IsUndefined()) c.unknown = parse_script(o.Get("unknown"), "config.unknown");
  if (c.phones.size() + c.lines.size() + c.e1.size() * 30 == 0)
    throw std::invalid_argument("config: the board has no channels");
  return c;
}

}  // namespace bcti::sim
