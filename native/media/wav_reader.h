// Reading WAV files into the engine's format: 8 kHz, mono, 16-bit linear.
//
// Accepted: RIFF/WAVE with its chunks in any order (LIST, fact, bext, JUNK and
// other chunks are skipped; odd-sized chunks padded or, as some writers do, not);
// PCM 8/16/24/32-bit, IEEE float 32/64-bit, mu-law (tag 7), A-law (tag 6), and
// WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format; any number of channels
// up to 64, mixed down to mono by averaging; any rate from 1 kHz to 768 kHz,
// converted to 8 kHz by the band-limited resampler (native/dsp/resample.h).
// A data chunk whose size overstates the file (a recording cut short by a crash,
// or a streaming writer's 0xFFFFFFFF) yields the whole frames that are present.
//
// Errors: anything that is not such a file throws CtiError(kBadWav) with a
// message naming the file and what is wrong; a file that cannot be opened or
// read throws CtiError(kFileIo).
//
// All of this does disk I/O and allocates: call it from a loader or reader
// thread (prompt cache, music-on-hold streamer), never from the media thread.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bcti {

struct WavInfo {
  int source_rate = 0;
  int channels = 0;
  std::string format;         // pcm8 pcm16 pcm24 pcm32 float32 float64 ulaw alaw
  int64_t source_frames = 0;  // whole frames present, at the source rate
};

// The decoded layout of a file, for readers that stream it.
struct WavLayout {
  enum class Codec : uint8_t { kPcm, kFloat, kUlaw, kAlaw };
  Codec codec = Codec::kPcm;
  int bits = 16;      // significant bits per sample (format name)
  int container = 2;  // bytes per sample as stored
  int channels = 1;
  int rate = 8000;
  int block_align = 2;  // bytes per frame
  uint64_t data_offset = 0;
  uint64_t frames = 0;  // whole frames present
  bool extensible = false;
  std::string format_name() const;
};

// Random-access bytes: a file (pread) or a memory block.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual uint64_t size() const = 0;
  // Reads up to n bytes at `offset`; returns the count (short only at the end).
  virtual size_t read_at(uint64_t offset, void* buf, size_t n) = 0;
};

// Parses the RIFF structure; `name` is used in error messages.
WavLayout parse_wav(ByteSource& src, const std::string& name);

// Streams a file as 8 kHz mono samples (one reader thread per stream at most).
class WavFileReader {
 public:
  explicit WavFileReader(const std::string& path);                           // opens and parses; throws
  WavFileReader(const uint8_t* data, size_t size, const std::string& name);  // not owned
  ~WavFileReader();
  WavFileReader(const WavFileReader&) = delete;
  WavFileReader& operator=(const WavFileReader&) = delete;

  const WavInfo& info() const { return info_; }
  const WavLayout& layout() const { return layout_; }
  // Number of 8 kHz samples the whole file converts to.
  int64_t length_8k() const;
  // Writes up to n samples; returns how many (0 at the end of the data).
  size_t read(int16_t* out, size_t n);
  // Back to the first sample (for looping).
  void rewind();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  WavLayout layout_;
  WavInfo info_;
};

// Whole-file conversions. Refuses (kBadWav) files longer than 4 hours.
std::vector<int16_t> read_wav_8k(const std::string& path, WavInfo* info = nullptr);
std::vector<int16_t> read_wav_8k(const uint8_t* data, size_t size, WavInfo* info = nullptr,
                                 const std::string& name = "buffer");

}  // namespace bcti
