// bench_dsp: the engine's DSP against spandsp's, side by side on one core, in
// one run. Built and run by bench/dsp/index.ts (`npm run bench -- dsp`), which
// turns the raw figures this program prints (one JSON object on stdout) into the
// table and the --json report. Progress goes to stderr.
//
//   bench_dsp [--plan FILE.json] [--channels N] [--seconds S] [--reps R]
//             [--min-time SECONDS] [--cpu CORE] [--seed N] [--only ID,ID...]
//             [--dump-wav DIR]
//
// --only times just the named cases (e.g. `--only dtmf.ours` under perf record).
// --dump-wav writes the input, one WAV per channel, to replay a reported mismatch.
//
// Every case is fed the same corpus (bench/dsp/signals.h) one 20 ms frame at a
// time for every channel, as the engine's media thread does; the cases take
// turns within each repetition so a busy machine hurts them alike.
#include <sched.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/dsp/board.h"
#include "bench/dsp/check.h"
#include "bench/dsp/engine_side.h"
#include "bench/dsp/json_writer.h"
#include "bench/dsp/signals.h"
#include "bench/dsp/spandsp_side.h"
#include "bench/dsp/timing.h"
#include "native/dsp/cpu.h"
#include "native/dsp/g711.h"
#include "native/dsp/kernels.h"
#include "native/dsp/simd.h"

namespace bcti::bench {
namespace {

struct Args {
  std::string plan;
  int channels = 32;
  double seconds = 20;
  int reps = 7;
  double min_seconds = 0.3;
  int cpu = -1;
  uint32_t seed = 1;
  std::string only;  // comma-separated case ids to time (profiling); empty = all
  std::string dump;  // directory to write the corpus to, as WAV files
};

[[noreturn]] void usage(const std::string& msg) {
  std::fprintf(stderr, "bench_dsp: %s\n", msg.c_str());
  std::exit(2);
}

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; i++) {
    std::string k = argv[i];
    if (i + 1 >= argc) usage("missing value for " + k);
    const char* v = argv[++i];
    char* end = nullptr;
    double x = std::strtod(v, &end);
    bool num = end && *end == '\0';
    if (k == "--plan") a.plan = v;
    else if (k == "--only") a.only = v;
    else if (k == "--dump-wav") a.dump = v;
    else if (!num) usage("not a number: " + k + " " + v);
    else if (k == "--channels" && x >= 1 && x <= 4096) a.channels = static_cast<int>(x);
    else if (k == "--seconds" && x >= 1 && x <= 600) a.seconds = x;
    else if (k == "--reps" && x >= 1 && x <= 100) a.reps = static_cast<int>(x);
    else if (k == "--min-time" && x > 0 && x <= 60) a.min_seconds = x;
    else if (k == "--cpu" && x >= 0) a.cpu = static_cast<int>(x);
    else if (k == "--seed" && x >= 0) a.seed = static_cast<uint32_t>(x);
    else usage("bad option or value: " + k + " " + v);
  }
  return a;
}

// Pins this process to one core, so every case runs on the same one: `want` if
// allowed, else the core it is running on now. Returns the core, or -1.
int pin_to_one_core(int want) {
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return -1;
  int core = (want >= 0 && want < CPU_SETSIZE && CPU_ISSET(want, &allowed)) ? want : sched_getcpu();
  if (core < 0 || !CPU_ISSET(core, &allowed)) {
    core = -1;
    for (int i = 0; i < CPU_SETSIZE && core < 0; i++)
      if (CPU_ISSET(i, &allowed)) core = i;
  }
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(core, &one);
  return sched_setaffinity(0, sizeof one, &one) == 0 ? core : -1;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Keeps results observable so the compiler cannot drop the work.
volatile uint64_t g_sink;

void write_case(JsonWriter& j, const Case& c) {
  j.begin_object(c.id.c_str())
      .num("ns", median(c.cpu_ns))
      .num("bestNs", best(c.cpu_ns))
      .num("wallNs", median(c.wall_ns))
      .nums("runsNs", c.cpu_ns)
      .end_object();
}

int run(int argc, char** argv) {
  Args args = parse_args(argc, argv);
  int core = pin_to_one_core(args.cpu);
  const Isa isa = active_isa();
  std::fprintf(stderr, "pinned to core %d, kernels %s\n", core, isa_name(isa));

  std::shared_ptr<const TonePlan> plan;
  std::vector<ToneSpec> specs;
  if (!args.plan.empty()) {
    plan = engine::load_plan(read_file(args.plan));
    specs = engine::tone_specs(*plan);
  }

  std::fprintf(stderr, "generating %d channels x %.0f s of audio\n", args.channels, args.seconds);
  const Corpus corpus = make_corpus(args.channels, args.seconds, specs, args.seed);
  if (!args.dump.empty()) dump_corpus(corpus, args.dump);
  const Board board = load_board(corpus);
  const int frames = board.frames;
  const int nch = board.channels;
  Frames fr(board);

  // ---- correctness: one pass of each detector from a fresh state ------------
  std::fprintf(stderr, "checking detector answers against the corpus\n");
  const Verdicts verdicts = verify(corpus, board, plan, specs);

  // ---- the cases -------------------------------------------------------------
  std::vector<Case> cases;
  auto add = [&](const std::string& id, std::function<void(int)> fn) {
    cases.push_back(Case{id, nch, frames, std::move(fn)});
  };

  engine::Dtmf dtmf_ours(nch);
  spandsp::Dtmf dtmf_ref(nch);
  add("dtmf.ours", [&](int f) {
    fr.at(f, Law::kAlaw);
    dtmf_ours.rx16(fr.pcm.data(), kFrame);
  });
  engine::Dtmf dtmf_ours_frame(nch);
  add("dtmf.oursFrameGather", [&](int f) {
    fr.at(f, Law::kAlaw);
    dtmf_ours_frame.gather_then_rx(fr.pcm.data(), kFrame);
  });
  add("dtmf.spandsp", [&](int f) {
    fr.at(f, Law::kAlaw);
    for (int c = 0; c < nch; c++) dtmf_ref.rx(c, fr.pcm[c], kFrame);
  });

  std::unique_ptr<engine::Tones> tones_ours;
  std::unique_ptr<spandsp::Tones> tones_ref;
  if (plan) {
    tones_ours = std::make_unique<engine::Tones>(plan, nch);
    tones_ref = std::make_unique<spandsp::Tones>(specs, nch);
    add("tones.ours", [&](int f) {
      fr.at(f, Law::kAlaw);
      tones_ours->rx16(fr.pcm.data(), kFrame);
    });
    add("tones.spandsp", [&](int f) {
      fr.at(f, Law::kAlaw);
      for (int c = 0; c < nch; c++) tones_ref->rx(c, fr.pcm[c], kFrame);
    });
  }

  // The lane interleave alone (int16 channels -> float lanes), the part of
  // rx16 that is not detection: shows where DTMF time goes.
  std::unique_ptr<float, decltype(&std::free)> gather_mem(
      static_cast<float*>(std::aligned_alloc(64, sizeof(float) * kFrame * kBankLanes)), &std::free);
  float* gather_buf = gather_mem.get();
  add("gather16.ours", [&](int f) {
    fr.at(f, Law::kAlaw);
    const Kernels& k = kernels();
    for (int b = 0; b * kBankLanes < nch; b++) {
      const int16_t* lanes[kBankLanes];
      for (int l = 0; l < kBankLanes; l++) {
        int c = b * kBankLanes + l;
        lanes[l] = c < nch ? fr.pcm[c] : nullptr;
      }
      k.gather16(lanes, 0, kFrame, gather_buf);
      g_sink = g_sink + static_cast<uint64_t>(gather_buf[(b * 37) % (kFrame * kBankLanes)]);
    }
  });

  // G.711: decode a frame of line codes, encode it back; ns per sample of both.
  std::vector<int16_t> lin(kFrame);
  std::vector<uint8_t> back(kFrame);
  spandsp::G711 ref_ulaw(false), ref_alaw(true);
  for (Law law : {Law::kUlaw, Law::kAlaw}) {
    const char* name = law == Law::kUlaw ? "ulaw" : "alaw";
    spandsp::G711* ref = law == Law::kUlaw ? &ref_ulaw : &ref_alaw;
    add(std::string("g711.") + name + ".ours", [&, law](int f) {
      fr.at(f, law);
      for (int c = 0; c < nch; c++) {
        g711_decode(law, fr.codes[c], lin.data(), kFrame);
        g711_encode(law, lin.data(), back.data(), kFrame);
        g_sink = g_sink + back[c % kFrame];
      }
    });
    add(std::string("g711.") + name + ".spandsp", [&, law, ref](int f) {
      fr.at(f, law);
      for (int c = 0; c < nch; c++) {
        ref->decode(fr.codes[c], lin.data(), kFrame);
        ref->encode(lin.data(), back.data(), kFrame);
        g_sink = g_sink + back[c % kFrame];
      }
    });
  }

  // The whole receive path, A-law (E1 in China, the plan measured here).
  std::vector<std::vector<uint8_t>> rec(nch, std::vector<uint8_t>(kFrame));
  std::vector<uint8_t*> rec_ptr(nch);
  for (int c = 0; c < nch; c++) rec_ptr[c] = rec[c].data();
  std::unique_ptr<engine::Pipeline> pipe;
  std::unique_ptr<spandsp::Dtmf> pipe_ref_dtmf;
  std::unique_ptr<spandsp::Tones> pipe_ref_tones;
  std::unique_ptr<spandsp::Power> pipe_ref_power;
  if (plan) {
    pipe = std::make_unique<engine::Pipeline>(plan, nch, Law::kAlaw);
    pipe_ref_dtmf = std::make_unique<spandsp::Dtmf>(nch);
    pipe_ref_tones = std::make_unique<spandsp::Tones>(specs, nch);
    pipe_ref_power = std::make_unique<spandsp::Power>(nch);
    add("pipeline.ours", [&](int f) {
      fr.at(f, Law::kAlaw);
      pipe->frame(fr.codes.data(), rec_ptr.data(), kFrame);
    });
    add("pipeline.spandsp", [&](int f) {
      fr.at(f, Law::kAlaw);
      for (int c = 0; c < nch; c++) {
        ref_alaw.decode(fr.codes[c], lin.data(), kFrame);
        pipe_ref_dtmf->rx(c, lin.data(), kFrame);
        pipe_ref_tones->rx(c, lin.data(), kFrame);
        g_sink = g_sink + static_cast<uint64_t>(pipe_ref_power->rx(c, lin.data(), kFrame));
        ref_alaw.encode(lin.data(), rec_ptr[c], kFrame);
      }
    });
  }

  // ---- timing ----------------------------------------------------------------
  if (!args.only.empty()) {
    std::string list = "," + args.only + ",";
    std::erase_if(cases, [&](const Case& c) { return list.find("," + c.id + ",") == std::string::npos; });
    if (cases.empty()) usage("--only matches no case");
  }
  for (Case& c : cases) {  // warm-up: caches, branch predictors, page faults
    measure(c, std::min(0.05, args.min_seconds));
    c.cpu_ns.clear();
    c.wall_ns.clear();
  }
  for (int r = 0; r < args.reps; r++) {
    std::fprintf(stderr, "repetition %d/%d\n", r + 1, args.reps);
    for (Case& c : cases) measure(c, args.min_seconds);
  }

  // ---- report ----------------------------------------------------------------
  JsonWriter j(stdout);
  j.begin_object()
      .str("isa", isa_name(isa))
      .integer("core", core)
      .boolean("pinned", core >= 0)
      .str("spandspRelease", spandsp::release());
  j.begin_object("config")
      .integer("channels", nch)
      .num("seconds", static_cast<double>(corpus.samples) / kFs)
      .integer("frameSamples", kFrame)
      .integer("reps", args.reps)
      .num("minSecondsPerRep", args.min_seconds)
      .integer("seed", args.seed)
      .str("plan", args.plan)
      .str("pipelineLaw", "alaw")
      .end_object();
  j.begin_object("cases");
  for (const Case& c : cases) write_case(j, c);
  j.end_object();
  write_verdicts(j, verdicts);
  j.end_object().finish();
  return 0;
}

}  // namespace
}  // namespace bcti::bench

int main(int argc, char** argv) {
  try {
    return bcti::bench::run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_dsp: %s\n", e.what());
    return 1;
  }
}
