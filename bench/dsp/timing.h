// Measuring one benchmark case: feed it 20 ms frames (every channel, one frame
// at a time, as the engine's media thread does) until at least `min_seconds` of
// this thread's CPU time have gone, and divide by the channel-samples processed.
// Thread CPU time, not wall time, is the figure: the process is pinned to one
// core, and time the scheduler gives to someone else on that core is not this
// code's cost (wall time is recorded beside it so a busy machine shows).
#pragma once
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace bcti::bench {

inline double clock_ns(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

struct Case {
  std::string id;    // "dtmf.ours", "dtmf.spandsp", ...
  int channels = 0;  // channels per frame
  int frames = 0;    // frames in the corpus; playback wraps around
  std::function<void(int frame)> run_frame;
  int position = 0;            // next frame (state carries on across repetitions)
  std::vector<double> cpu_ns;  // ns per channel-sample, one per repetition
  std::vector<double> wall_ns;
};

// One repetition of `c`, appended to its series.
inline void measure(Case& c, double min_seconds) {
  constexpr int kChunk = 25;  // frames between clock reads (0.5 s of audio)
  double cpu0 = clock_ns(CLOCK_THREAD_CPUTIME_ID), wall0 = clock_ns(CLOCK_MONOTONIC);
  int64_t frames = 0;
  double cpu = 0;
  do {
    for (int i = 0; i < kChunk; i++) {
      c.run_frame(c.position);
      if (++c.position == c.frames) c.position = 0;
    }
    frames += kChunk;
    cpu = clock_ns(CLOCK_THREAD_CPUTIME_ID) - cpu0;
  } while (cpu < min_seconds * 1e9);
  double wall = clock_ns(CLOCK_MONOTONIC) - wall0;
  double channel_samples = static_cast<double>(frames) * 160.0 * c.channels;
  c.cpu_ns.push_back(cpu / channel_samples);
  c.wall_ns.push_back(wall / channel_samples);
}

inline double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

inline double best(const std::vector<double>& v) { return v.empty() ? 0 : *std::min_element(v.begin(), v.end()); }

}  // namespace bcti::bench
