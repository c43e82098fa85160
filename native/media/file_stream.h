// Long files (music on hold, long announcements) played without loading them:
// one StreamReader thread opens each FileStream's WAV file, decodes it to 8 kHz
// (any format wav_reader.h accepts) and keeps the stream's preallocated ring
// topped up; the Player pops from the ring on the media thread.
//
//   auto s = reader.open("/data/prompts/moh.wav", /*loop=*/true);  // command time, no I/O
//   player.play_stream(s);                                          // media thread
//
// If the file cannot be opened or is not a WAV file, the stream ends with
// failed() true and error() saying why (the play finishes at once). Silence is
// played while the reader has not produced the first samples yet; a later
// shortfall is an underrun, counted by the Player.
//
// The engine owns one StreamReader: start() it before the first stream is
// played (until then streams only play silence), stop() it at shutdown.
#pragma once
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "native/media/spsc_ring.h"

namespace bcti {

class WavFileReader;
class StreamReader;

class FileStream {
 public:
  FileStream(std::string path, bool loop, size_t ring_samples);
  ~FileStream();
  const std::string& path() const { return path_; }

  // Media thread: up to n samples now in the ring.
  size_t pop(int16_t* out, size_t n) { return ring_.pop(out, n); }
  // The reader produced its first samples (or finished or failed).
  bool started() const { return started_.load(std::memory_order_acquire); }
  // No more samples will come (end of a non-looping file, failure or cancel)
  // and the ring is empty.
  bool ended() const { return ended_.load(std::memory_order_acquire) && ring_.available() == 0; }
  bool failed() const { return failed_.load(std::memory_order_acquire); }
  // Why it failed; valid (and never changed again) once failed() is true.
  const std::string& error() const { return error_; }
  // Stops the reader feeding it (the Player calls it on stop).
  void cancel() { cancel_.store(true, std::memory_order_release); }
  // Length in 8 kHz samples once opened, -1 before.
  int64_t length() const { return length_.load(std::memory_order_acquire); }

 private:
  friend class StreamReader;
  std::string path_;
  bool loop_;
  SampleRing ring_;
  std::atomic<bool> started_{false}, ended_{false}, failed_{false}, cancel_{false};
  std::atomic<int64_t> length_{-1};
  std::string error_;  // written once, before failed_ is released
  // Reader thread only.
  std::unique_ptr<WavFileReader> file_;
};

class StreamReader {
 public:
  explicit StreamReader(int poll_ms = 20);
  ~StreamReader();  // stop()
  void start();
  void stop();
  // A stream for `path` (2 s ring by default). Allocates; no I/O: off the media
  // thread but cheap. The reader drops a stream once it ended or was cancelled,
  // or when only the reader still holds it.
  std::shared_ptr<FileStream> open(const std::string& path, bool loop, int ring_ms = 2000);

 private:
  void run();
  bool fill(FileStream& s);  // false: done with this stream
  int poll_ms_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::shared_ptr<FileStream>> streams_;
  std::thread thread_;
  bool quit_ = false;
  bool kicked_ = false;
  std::vector<int16_t> scratch_;
};

}  // namespace bcti
