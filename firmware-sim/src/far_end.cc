// Far ends: who answers (or calls) at the other end of a trunk, and the steps
// they take once connected. A kind gives the prologue (a machine's greeting
// and beep, a fax machine's tones); the call's own steps follow; JS may add
// actions at any time (press, speak, play, hang up).
#include "native/dsp/tone_gen.h"
#include "world_parts.h"

namespace bcti::sim {

namespace {
// How a person presses keys on a phone: 100 ms tones, 100 ms gaps, -7 dBm0, +2 dB twist.
constexpr int kKeyOnMs = 100, kKeyOffMs = 100;
constexpr double kKeyLevel = -7, kKeyTwist = 2;
// An answering machine's beep.
constexpr double kBeepHz = 1000, kBeepDbm0 = -10;
constexpr int kBeepMs = 500;
// A fax machine gives up after T.30's T1 (35 s) without a fax answering.
constexpr int kFaxT1Ms = 35000;

Step speak(int ms) {
  Step s;
  s.op = Step::Op::kSpeak;
  s.ms = ms;
  return s;
}
Step silence(int ms) {
  Step s;
  s.op = Step::Op::kSilence;
  s.ms = ms;
  return s;
}
Step hangup() {
  Step s;
  s.op = Step::Op::kHangup;
  return s;
}
Step play(ToneKind k, int ms) {
  Step s;
  s.op = Step::Op::kPlay;
  s.tone = k;
  s.ms = ms;
  return s;
}

void queue_digits(Mouth& m, const std::string& digits) {
  for (char d : digits) {
    if (d == ',') m.silence(500);
    else m.tone(dtmf_descriptor(d, kKeyOnMs, kKeyOffMs, kKeyLevel, kKeyTwist));
  }
}
}  // namespace

void World::start_script(Trunk& t) {
  FarScript& f = t.script;
  std::vector<Step> steps;
  switch (f.kind) {
    case FarKind::kPerson:
      if (f.greeting_ms > 0) steps.push_back(speak(f.greeting_ms));
      steps.insert(steps.end(), f.steps.begin(), f.steps.end());
      break;
    case FarKind::kMachine: {
      steps.push_back(speak(f.greeting_ms > 0 ? f.greeting_ms : 4000));
      Step beep;
      beep.op = Step::Op::kPlay;
      beep.hz = kBeepHz;
      beep.dbm0 = kBeepDbm0;
      beep.ms = kBeepMs;
      steps.push_back(beep);
      if (f.steps.empty()) {
        steps.push_back(silence(f.record_ms));
        steps.push_back(hangup());
      } else {
        steps.insert(steps.end(), f.steps.begin(), f.steps.end());
      }
      break;
    }
    case FarKind::kFax:
      if (f.cng) {  // a calling fax: CNG until T1
        steps.push_back(play(ToneKind::kCng, kFaxT1Ms));
      } else {  // an answering fax: CED, then waits for the caller's fax until T1
        steps.push_back(play(ToneKind::kCed, 0));
        steps.push_back(silence(kFaxT1Ms));
      }
      steps.push_back(hangup());
      break;
    default: steps = f.steps; break;
  }
  f.steps = std::move(steps);
  t.step = 0;
  t.step_started = false;
  t.step_done = false;
}

void World::run_script(Trunk& t) {
  Chan& c = *chans_[t.ch - 1];
  while (t.sm.state() == TrunkState::kConnected && t.step < t.script.steps.size()) {
    const Step& s = t.script.steps[t.step];
    if (!t.step_started) {
      t.step_started = true;
      t.step_done = false;
      t.step_deadline = -1;
      switch (s.op) {
        case Step::Op::kSpeak: c.mouth.speak(s.ms, t.script.speech_dbm0); break;
        case Step::Op::kSilence: c.mouth.silence(s.ms); break;
        case Step::Op::kPress: queue_digits(c.mouth, s.digits); break;
        case Step::Op::kPlay:
          if (s.hz > 0) {
            ToneDescriptor d;
            d.segments.push_back({{{s.hz, s.dbm0}}, s.ms > 0 ? s.ms : 1000});
            c.mouth.tone(d);
          } else {
            c.mouth.tone(plan_tone(s.tone), s.ms);
          }
          break;
        case Step::Op::kWait:
          t.digits_heard = 0;
          if (s.ms > 0) t.step_deadline = t_ + static_cast<int64_t>(s.ms) * 8;
          break;
        case Step::Op::kHangup:
          emit(Ev::kCallScript, t.ch, t.call, static_cast<int64_t>(t.step), "hangup");
          t.step++;
          far_hangup(t);
          return;
      }
    }
    bool timeout = false, done;
    if (s.op == Step::Op::kWait) {
      timeout = !t.step_done && t.step_deadline >= 0 && t_ >= t.step_deadline;
      done = t.step_done || timeout;
    } else {
      done = c.mouth.idle();
    }
    if (!done) return;
    emit(Ev::kCallScript, t.ch, t.call, static_cast<int64_t>(t.step), timeout ? "timeout" : "done");
    t.step++;
    t.step_started = false;
  }
}

void World::far_action(Trunk& t, Command& c) {
  using Op = Command::Op;
  Mouth& m = chans_[t.ch - 1]->mouth;
  TrunkState s = t.sm.state();
  if (c.op == Op::kFarHangup) {
    far_hangup(t);
    return;
  }
  if (s != TrunkState::kConnected) return;  // nobody is listening yet
  switch (c.op) {
    case Op::kFarPress: queue_digits(m, c.text); break;
    case Op::kFarSpeak: m.speak(c.ms, t.script.speech_dbm0); break;
    case Op::kFarSilence: m.silence(c.ms); break;
    case Op::kFarPlay: m.tone(plan_tone(c.tone), c.ms); break;
    default: break;
  }
}

}  // namespace bcti::sim
