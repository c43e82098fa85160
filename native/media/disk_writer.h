// The one background thread that does all recording disk I/O: it creates each
// recording's file, drains the recorders' rings into their WavWriters (header
// updated every interval), finishes stopped recordings (trim, final header,
// fsync, close) and then reports their completion.
//
// Lifetime: the engine owns one DiskWriter; start() before the first recording,
// stop() at shutdown (recordings still running end with reason "stopped", their
// files complete). Recorders register in their constructor and leave in their
// destructor; neither happens on the media thread.
//
// Completion callbacks run on the writer thread, outside the writer's lock. They
// must be quick and thread-safe (push an event to the engine's queue).
#pragma once
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "native/media/recorder.h"

namespace bcti {

class DiskWriter {
 public:
  // `poll_ms`: how often the thread looks at the rings when nobody kicks it.
  explicit DiskWriter(int poll_ms = 20);
  ~DiskWriter();  // stop()
  DiskWriter(const DiskWriter&) = delete;
  DiskWriter& operator=(const DiskWriter&) = delete;

  void start();
  // Finishes every running recording ("stopped"), reports them, joins the thread.
  void stop();
  bool running() const { return running_.load(std::memory_order_acquire); }

  // Wakes the thread early (a stop request). Lock-free apart from the futex
  // wake, so the media thread may call it.
  void kick();

  // Samples moved from rings to files since start (diagnostics).
  int64_t samples_written() const { return written_.load(std::memory_order_relaxed); }

 private:
  friend class Recorder;
  struct Done {
    Recorder::Completion fn;
    RecordResult result;
  };
  void attach(Recorder* r);
  void detach(Recorder* r);
  void run();
  // One pass over a recorder, with mu_ held. `final`: finish it now whatever.
  void service(Recorder& r, bool final, std::vector<Done>& done);

  int poll_ms_;
  std::mutex mu_;  // guards recorders_ and the writer-side state of each recorder
  std::condition_variable cv_;
  std::vector<Recorder*> recorders_;
  std::vector<int16_t> scratch_;
  std::thread thread_;
  std::atomic<bool> running_{false};
  std::atomic<bool> quit_{false};
  std::atomic<bool> kicked_{false};
  std::atomic<int64_t> written_{0};
};

}  // namespace bcti
