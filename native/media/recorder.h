// Per-channel recording to a WAV file, fed 20 ms frames on the media thread.
//
// The media thread only touches a preallocated ring and a few atomics; the file
// is opened, written, header-updated, closed and fsynced by the one shared
// DiskWriter thread (disk_writer.h). If the writer falls behind so far that a
// ring fills, the frames that do not fit are dropped and counted, never waited
// for. Completion is reported (RecordResult, on the writer thread) only after
// the file is closed and fsynced.
//
// Per frame, the engine calls, in this order:
//   rec.write(rx, 160);                 // what the caller says
//   int k = rec.beep_out(tx, 160);      // k > 0: send these beep samples to the line
// and on a detected DTMF digit: rec.on_digit('#'). stop() ends it ("stopped").
//
// Stop conditions (the first one wins):
//   max-length   max_length_ms of audio recorded (the file holds exactly that)
//   max-silence  no frame above silence_threshold_dbm0 for max_silence_ms after
//                speech began, or for max_initial_silence_ms before any speech
//                (-1: same as max_silence_ms, 0: no limit before speech)
//   digit        a digit in stop_digits; digit_trim_ms of audio is cut off the
//                end (the tone the detector needed to hear)
//   stopped      stop() was called (hang-up, newer command, engine shutdown)
//   error        the file could not be created or written (result.error says why)
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "native/dsp/tone_gen.h"
#include "native/media/spsc_ring.h"
#include "native/media/wav_writer.h"

namespace bcti {

class DiskWriter;

enum class RecordStop : uint8_t { kNone = 0, kMaxLength, kMaxSilence, kDigit, kStopped, kError };
// "max-length" "max-silence" "digit" "stopped" "error" ("" for kNone)
const char* record_stop_name(RecordStop r);

// The usual "start speaking now" beep: 1 kHz, -10 dBm0, 400 ms.
ToneDescriptor default_record_beep();

struct RecordOptions {
  std::string path;
  WavFormat format = WavFormat::kPcm16;
  int max_length_ms = 0;                // 0: no limit
  int max_silence_ms = 0;               // 0: no limit after speech
  int max_initial_silence_ms = -1;      // -1: as max_silence_ms; 0: no limit before speech
  double silence_threshold_dbm0 = -42;  // a frame at or below this mean level is silence
  bool trim_silence = false;            // on max-silence keep only 300 ms of the trailing silence
  std::string stop_digits;              // e.g. "#", "0123456789*#"; empty: digits do not stop
  int digit_trim_ms = 0;
  ToneDescriptor beep;           // no segments: no beep; must be finite
  int header_interval_ms = 500;  // crash safety: header rewritten this often
  int sync_interval_ms = 0;      // power-cut safety: fdatasync this often (0: on close)
  uint64_t tag = 0;              // echoed in the result (e.g. the command id)
};

struct RecordResult {
  RecordStop reason = RecordStop::kNone;
  char digit = 0;       // for kDigit
  int64_t samples = 0;  // in the file, 8 kHz
  int64_t duration_ms = 0;
  int64_t dropped_samples = 0;  // lost to a full ring (writer too slow)
  bool speech = false;          // some frame was above the silence threshold
  uint64_t tag = 0;
  std::string path;
  std::string error;  // for kError
};

class Recorder {
 public:
  using Completion = std::function<void(const RecordResult&)>;
  // Registers with `writer` (takes its lock: call off the media thread). The
  // ring holds `ring_ms` of audio (default 4 s), allocated here once.
  Recorder(DiskWriter& writer, Completion on_complete, int ring_ms = 4000);
  // Stops a recording in progress ("stopped"), finishes its file and reports it
  // before returning. Off the media thread.
  ~Recorder();
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  // Starts a recording (command time: copies the options, may allocate; no I/O:
  // the writer thread creates the file). Throws CtiError kBusy while the previous
  // recording is still being finished, kNotRunning if the writer is stopped,
  // kBadArgument for an endless beep.
  void start(const RecordOptions& opts);
  // Media thread, every frame. No allocation, no locks, no I/O.
  void write(const int16_t* frame, int n);
  // Media thread: up to n beep samples for the line (0 when no beep is due).
  int beep_out(int16_t* out, int n);
  void on_digit(char digit);
  void stop() { request_stop(RecordStop::kStopped); }

  // A recording is running or being finished (its completion not yet reported).
  bool active() const { return active_.load(std::memory_order_acquire); }
  // Frames given to write() are being recorded now (not beeping, not stopping).
  bool recording() const { return active() && !beeping_ && !stop_requested(); }
  bool beeping() const { return active() && beeping_; }
  int64_t recorded_samples() const { return accepted_; }
  int64_t dropped_samples() const { return dropped_.load(std::memory_order_relaxed); }

 private:
  friend class DiskWriter;
  bool stop_requested() const { return reason_.load(std::memory_order_acquire) != 0; }
  void request_stop(RecordStop r);

  DiskWriter& writer_;
  Completion on_complete_;
  SampleRing ring_;

  // Set by start() before `active_` is released; read by the writer thread.
  RecordOptions opts_;
  std::atomic<bool> active_{false};
  std::atomic<uint8_t> reason_{0};    // RecordStop, set once per recording
  std::atomic<int64_t> trim_to_{-1};  // samples to keep, -1: all
  std::atomic<int64_t> dropped_{0};
  std::atomic<char> digit_{0};
  std::atomic<bool> speech_{false};

  // Media thread only.
  ToneGen beep_gen_;
  bool beeping_ = false;
  int64_t accepted_ = 0;
  int64_t max_len_ = 0, max_sil_ = 0, max_init_sil_ = 0;
  int64_t silent_run_ = 0, last_loud_end_ = 0;
  double thr_power_ = 0;
  bool seen_speech_ = false;

  // Writer thread only (see DiskWriter::service).
  WavWriter file_;
  bool opened_ = false;
  bool failed_ = false;
  std::string error_;
};

}  // namespace bcti
