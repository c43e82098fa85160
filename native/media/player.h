// Per-channel playback on the media thread: a decoded 8 kHz buffer (shared and
// immutable, e.g. from the prompt cache), a tone descriptor, a DTMF digit
// script, or a file streamed by the reader thread (file_stream.h: music on hold).
//
// Starting a play is command time: it may allocate (a tone descriptor copy, a
// digit script's descriptor). read() is the per-frame call: no allocation, no
// locks, no I/O. Releasing a buffer's last reference frees it on the calling
// thread, so keep prompts referenced by the cache while they play.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "native/dsp/tone_gen.h"

namespace bcti {

class FileStream;
using PcmBuffer = std::shared_ptr<const std::vector<int16_t>>;

struct PlayOptions {
  bool loop = false;         // start again at the end (music on hold), until stop()
  double gain_db = 0;        // -60 .. +20
  int64_t start_sample = 0;  // buffer plays only: resume from here
};

struct DigitScriptOptions {
  int on_ms = 80;           // each digit's tone
  int off_ms = 80;          // silence after each digit
  int pause_ms = 500;       // what one ',' lasts
  double level_dbm0 = -10;  // low-group level
  double twist_db = 0;      // high group minus low group
};

// Builds the descriptor for a digit script ("12,34#"). Throws CtiError
// (kBadArgument) naming the first character that is not a DTMF digit or ','.
ToneDescriptor digit_script_descriptor(const std::string& script, const DigitScriptOptions& o = {});

class Player {
 public:
  enum class Kind : uint8_t { kNone, kBuffer, kTone, kStream };

  Player() = default;
  // Each play replaces what was playing.
  void play(PcmBuffer buffer, const PlayOptions& o = {});
  void play_tone(std::shared_ptr<const ToneDescriptor> tone, const PlayOptions& o = {});
  void play_tone(const ToneDescriptor& tone, const PlayOptions& o = {});
  void play_digits(const std::string& script, const DigitScriptOptions& d = {}, const PlayOptions& o = {});
  void play_stream(std::shared_ptr<FileStream> stream, const PlayOptions& o = {});

  // Writes up to n samples; returns how many. Fewer than n means the play has
  // finished (the rest of `out` is left as it was); 0 when idle.
  int read(int16_t* out, int n);
  void stop();

  bool active() const { return kind_ != Kind::kNone; }
  Kind kind() const { return kind_; }
  // Samples into the current item: the buffer offset for a buffer, samples
  // generated for a tone or a stream (a loop restarts it for a buffer).
  int64_t position() const { return pos_; }
  // Samples produced since the play started, loops included.
  int64_t played() const { return played_; }
  // Length of the current item in samples; -1 when endless or unknown.
  int64_t length() const;
  // Underruns of a stream (its reader thread fell behind), in samples.
  int64_t underrun_samples() const { return underrun_; }

 private:
  void begin(Kind k, const PlayOptions& o);
  void apply_gain(int16_t* x, int n) const;

  Kind kind_ = Kind::kNone;
  PcmBuffer buf_;
  std::shared_ptr<const ToneDescriptor> tone_;
  std::shared_ptr<FileStream> stream_;
  ToneGen gen_;
  bool loop_ = false;
  int32_t gain_q14_ = 1 << 14;
  int64_t pos_ = 0;
  int64_t played_ = 0;
  int64_t underrun_ = 0;
};

}  // namespace bcti
