// Crash-safe WAV writing at 8 kHz mono: 16-bit PCM, mu-law or A-law.
//
// The header goes first with the sizes known at the time (zero data); audio is
// appended with pwrite; every `header_interval_ms` of audio the header's RIFF,
// fact and data sizes are rewritten in place with one pwrite of the whole
// header. Writes are split at those boundaries, so at any instant the header
// never claims more than is on disk and never lags the data by more than one
// interval: a process killed mid-recording leaves a playable file. Optionally
// fdatasync every `sync_interval_ms` of audio (power cuts); close() writes the
// final header, fsyncs the file and its directory, then closes.
//
// Blocking disk I/O: use it from the recorder's writer thread (DiskWriter) or an
// offline tool, never on the media thread. Errors throw CtiError(kFileIo).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "native/dsp/g711.h"

namespace bcti {

enum class WavFormat : uint8_t { kPcm16 = 0, kUlaw = 1, kAlaw = 2 };

// "pcm16" | "ulaw" | "alaw"
const char* wav_format_name(WavFormat f);
bool parse_wav_format(const std::string& s, WavFormat* out);
// Law::kLinear is 16-bit PCM.
inline WavFormat wav_format_for(Law law) {
  return law == Law::kUlaw ? WavFormat::kUlaw : law == Law::kAlaw ? WavFormat::kAlaw : WavFormat::kPcm16;
}

struct WavWriterOptions {
  int header_interval_ms = 500;  // header rewritten after this much audio
  int sync_interval_ms = 0;      // fdatasync after this much audio; 0 = only on close
};

class WavWriter {
 public:
  WavWriter() = default;
  ~WavWriter();  // closes quietly if still open (header updated, no fsync)
  WavWriter(const WavWriter&) = delete;
  WavWriter& operator=(const WavWriter&) = delete;

  // Creates (or truncates) `path` and writes the header. Throws kFileIo.
  void open(const std::string& path, WavFormat fmt, const WavWriterOptions& opts = {});
  // Appends n samples. Throws kFileIo (e.g. disk full); the file stays playable
  // up to the last header update.
  void write(const int16_t* samples, size_t n);
  // Shortens the recording to `samples` (e.g. to drop a stop digit's tone).
  void truncate(int64_t samples);
  // Final header, fsync of the file and of its directory, close. Throws kFileIo.
  void close();
  // Closes without throwing and without fsync (after an error).
  void abandon() noexcept;

  bool is_open() const { return fd_ >= 0; }
  int64_t samples() const { return samples_; }
  int64_t header_samples() const { return header_samples_; }  // what the header says now
  const std::string& path() const { return path_; }
  WavFormat format() const { return fmt_; }
  size_t header_bytes() const;

 private:
  void update_header();
  void pwrite_all(const void* buf, size_t n, uint64_t offset);
  [[noreturn]] void fail(const char* what, int e);

  int fd_ = -1;
  std::string path_;
  WavFormat fmt_ = WavFormat::kPcm16;
  int64_t samples_ = 0;
  int64_t header_samples_ = 0;
  int64_t synced_samples_ = 0;
  int64_t header_interval_ = 4000;
  int64_t sync_interval_ = 0;
  std::vector<uint8_t> enc_;
};

}  // namespace bcti
