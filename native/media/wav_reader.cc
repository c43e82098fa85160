#include "native/media/wav_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "native/base/errors.h"
#include "native/dsp/g711.h"
#include "native/dsp/levels.h"
#include "native/dsp/resample.h"

namespace bcti {

namespace {

constexpr int kMaxChannels = 64;
constexpr int kMinRate = 1000;
constexpr int kMaxRate = 768000;
constexpr uint32_t kMaxFmtBytes = 1 << 16;
constexpr int kMaxChunks = 100000;
constexpr int64_t kMaxLoad8k = int64_t{4} * 3600 * kSampleRate;  // 4 hours in memory
constexpr size_t kBlockFrames = 4096;

uint16_t le16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
uint32_t le32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) | (static_cast<uint32_t>(p[2]) << 16) |
         (static_cast<uint32_t>(p[3]) << 24);
}

bool is_fourcc(const uint8_t* p) {
  for (int i = 0; i < 4; i++)
    if (p[i] < 0x20 || p[i] > 0x7e) return false;
  return true;
}

// The four bytes as text, non-printable ones as \xNN.
std::string fourcc(const uint8_t* p) {
  std::string s;
  for (int i = 0; i < 4; i++) {
    if (p[i] >= 0x20 && p[i] <= 0x7e) {
      s += static_cast<char>(p[i]);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", p[i]);
      s += buf;
    }
  }
  return s;
}

const char* codec_name(uint16_t tag) {
  switch (tag) {
    case 0x0002: return "Microsoft ADPCM";
    case 0x0011: return "IMA ADPCM";
    case 0x0031: return "GSM 6.10";
    case 0x0040: return "G.721 ADPCM";
    case 0x0050: return "MPEG";
    case 0x0055: return "MP3";
    case 0x0064: return "G.726 ADPCM";
    case 0x0065: return "G.722 ADPCM";
    case 0x00ff: return "AAC";
    case 0x1600: return "AAC";
    default: return nullptr;
  }
}

[[noreturn]] void bad(const std::string& name, const std::string& what) {
  throw CtiError(err::kBadWav, name + ": " + what);
}

class FileSource : public ByteSource {
 public:
  explicit FileSource(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw CtiError(err::kFileIo, "cannot open " + path + ": " + std::strerror(errno));
    struct stat st;
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd_);
      throw CtiError(err::kFileIo, path + ": not a regular file");
    }
    size_ = static_cast<uint64_t>(st.st_size);
  }
  ~FileSource() override { ::close(fd_); }
  uint64_t size() const override { return size_; }
  size_t read_at(uint64_t offset, void* buf, size_t n) override {
    size_t got = 0;
    while (got < n) {
      ssize_t r = ::pread(fd_, static_cast<char*>(buf) + got, n - got, static_cast<off_t>(offset + got));
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) throw CtiError(err::kFileIo, "reading " + path_ + ": " + std::strerror(errno));
      if (r == 0) break;
      got += static_cast<size_t>(r);
    }
    return got;
  }

 private:
  std::string path_;
  int fd_ = -1;
  uint64_t size_ = 0;
};

class MemorySource : public ByteSource {
 public:
  MemorySource(const uint8_t* p, size_t n) : p_(p), n_(n) {}
  uint64_t size() const override { return n_; }
  size_t read_at(uint64_t offset, void* buf, size_t n) override {
    if (offset >= n_) return 0;
    size_t k = static_cast<size_t>(std::min<uint64_t>(n, n_ - offset));
    if (k) std::memcpy(buf, p_ + offset, k);
    return k;
  }

 private:
  const uint8_t* p_;
  size_t n_;
};

// Reads the fmt chunk body into `l`.
void parse_fmt(const uint8_t* f, uint32_t len, WavLayout& l, const std::string& name) {
  if (len < 16) bad(name, "'fmt ' chunk is " + std::to_string(len) + " bytes, expected at least 16");
  uint16_t tag = le16(f);
  int channels = le16(f + 2);
  uint32_t rate = le32(f + 4);
  int align = le16(f + 12);
  int bits = le16(f + 14);
  int valid = bits;
  if (tag == 0xFFFE) {
    if (len < 40) bad(name, "WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is " + std::to_string(len) + " bytes, expected 40");
    static const uint8_t kGuidTail[14] = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80,
                                          0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71};
    if (std::memcmp(f + 26, kGuidTail, 14) != 0) bad(name, "WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID");
    valid = le16(f + 18);
    if (valid == 0) valid = bits;
    tag = le16(f + 24);
    l.extensible = true;
  }
  if (channels == 0) bad(name, "zero channels");
  if (channels > kMaxChannels) bad(name, std::to_string(channels) + " channels (at most 64 supported)");
  if (rate < kMinRate || rate > kMaxRate) bad(name, "sample rate " + std::to_string(rate) + " Hz outside 1000..768000");
  switch (tag) {
    case 1:
      l.codec = WavLayout::Codec::kPcm;
      if (bits != 8 && bits != 16 && bits != 24 && bits != 32)
        bad(name, "PCM with " + std::to_string(bits) + " bits per sample (8, 16, 24 or 32 supported)");
      break;
    case 3:
      l.codec = WavLayout::Codec::kFloat;
      if (bits != 32 && bits != 64)
        bad(name, "float with " + std::to_string(bits) + " bits per sample (32 or 64 supported)");
      break;
    case 6:
    case 7:
      l.codec = tag == 6 ? WavLayout::Codec::kAlaw : WavLayout::Codec::kUlaw;
      if (bits != 8)
        bad(name, std::string(tag == 6 ? "A-law" : "mu-law") + " with " + std::to_string(bits) + " bits per sample");
      break;
    default: {
      const char* cn = codec_name(tag);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%04x", tag);
      bad(name, std::string("unsupported codec ") + (cn ? cn : "") + (cn ? " " : "") + "(format tag " + hex +
                    "); supported: PCM, float, mu-law, A-law");
    }
  }
  l.container = bits / 8;
  l.bits = std::min(valid, bits);
  l.channels = channels;
  l.rate = static_cast<int>(rate);
  int expect = channels * l.container;
  if (align == 0) align = expect;  // some writers leave it unset
  if (align != expect)
    bad(name, "block align " + std::to_string(align) + " does not match " + std::to_string(channels) + " channels of " +
                  std::to_string(bits) + "-bit samples");
  l.block_align = align;
}

}  // namespace

std::string WavLayout::format_name() const {
  switch (codec) {
    case Codec::kUlaw: return "ulaw";
    case Codec::kAlaw: return "alaw";
    case Codec::kFloat: return "float" + std::to_string(container * 8);
    case Codec::kPcm: break;
  }
  int b = bits <= 8 ? 8 : bits <= 16 ? 16 : bits <= 24 ? 24 : 32;
  return "pcm" + std::to_string(b);
}

WavLayout parse_wav(ByteSource& src, const std::string& name) {
  const uint64_t size = src.size();
  uint8_t h[12];
  if (size < 12 || src.read_at(0, h, 12) < 12)
    bad(name, "not a WAV file: " + std::to_string(size) + " bytes is too short for a RIFF header");
  if (std::memcmp(h, "RIFF", 4) != 0) {
    if (std::memcmp(h, "RF64", 4) == 0) bad(name, "RF64 (64-bit RIFF) files are not supported");
    if (std::memcmp(h, "RIFX", 4) == 0) bad(name, "big-endian RIFX files are not supported");
    bad(name, "not a WAV file (no RIFF header; starts with '" + fourcc(h) + "')");
  }
  if (std::memcmp(h + 8, "WAVE", 4) != 0) bad(name, "RIFF file of form '" + fourcc(h + 8) + "', not WAVE");

  WavLayout l;
  bool have_fmt = false, have_data = false, data_runs_to_end = false;
  uint64_t data_bytes = 0;
  uint64_t off = 12;
  for (int count = 0; off + 8 <= size; count++) {
    if (count > kMaxChunks) bad(name, "more than 100000 chunks");
    uint8_t c[8];
    if (src.read_at(off, c, 8) < 8) break;
    uint32_t len = le32(c + 4);
    uint64_t body = off + 8;
    uint64_t present = size - body;  // bytes after the chunk header
    if (std::memcmp(c, "fmt ", 4) == 0) {
      if (have_fmt) bad(name, "two 'fmt ' chunks");
      if (len > kMaxFmtBytes) bad(name, "'fmt ' chunk claims an absurd " + std::to_string(len) + " bytes");
      if (len > present)
        bad(name, "truncated: 'fmt ' chunk claims " + std::to_string(len) + " bytes, " + std::to_string(present) +
                      " present");
      std::vector<uint8_t> f(len);
      src.read_at(body, f.data(), len);
      parse_fmt(f.data(), len, l, name);
      have_fmt = true;
    } else if (std::memcmp(c, "data", 4) == 0) {
      if (!have_data) {
        have_data = true;
        l.data_offset = body;
        data_bytes = len;
        if (len == 0xFFFFFFFFu || len > present) {  // cut short, or written as a stream
          data_bytes = present;
          data_runs_to_end = true;
        }
      }
    } else if (!is_fourcc(c)) {
      if (have_fmt && have_data) break;  // trailing garbage after the audio
      bad(name, "corrupt chunk header at offset " + std::to_string(off));
    }
    if (have_fmt && have_data && data_runs_to_end) break;
    if (len > present) {
      if (have_fmt && have_data) break;  // a truncated trailing chunk does not matter
      bad(name, "truncated: chunk '" + fourcc(c) + "' at offset " + std::to_string(off) + " claims " +
                    std::to_string(len) + " bytes, " + std::to_string(present) + " present");
    }
    uint64_t next = body + len;
    if (len & 1) {
      // Padded to even, except by writers that forget: take whichever lands on a chunk id.
      uint8_t a[4], b[4];
      bool pad_ok = next + 1 + 4 <= size && src.read_at(next + 1, a, 4) == 4 && is_fourcc(a);
      bool nopad_ok = next + 4 <= size && src.read_at(next, b, 4) == 4 && is_fourcc(b);
      if (pad_ok || !nopad_ok) next += 1;
    }
    off = next;
  }
  if (!have_fmt) bad(name, have_data ? "no 'fmt ' chunk (a 'data' chunk but no format)" : "no 'fmt ' chunk");
  if (!have_data) bad(name, "no 'data' chunk");
  l.frames = data_bytes / static_cast<uint64_t>(l.block_align);
  return l;
}

struct WavFileReader::Impl {
  std::unique_ptr<ByteSource> src;
  std::unique_ptr<Resampler> rs;  // null at 8 kHz
  uint64_t next_frame = 0;
  bool flushed = false;
  std::vector<uint8_t> raw;
  std::vector<float> mono;
  std::vector<float> pending;  // converted samples not yet handed out
  size_t pending_pos = 0;
};

WavFileReader::WavFileReader(const std::string& path) : impl_(new Impl) {
  impl_->src = std::make_unique<FileSource>(path);
  layout_ = parse_wav(*impl_->src, path);
  info_ = {layout_.rate, layout_.channels, layout_.format_name(), static_cast<int64_t>(layout_.frames)};
  if (layout_.rate != kSampleRate) impl_->rs = std::make_unique<Resampler>(layout_.rate, kSampleRate);
}

WavFileReader::WavFileReader(const uint8_t* data, size_t size, const std::string& name) : impl_(new Impl) {
  impl_->src = std::make_unique<MemorySource>(data, size);
  layout_ = parse_wav(*impl_->src, name);
  info_ = {layout_.rate, layout_.channels, layout_.format_name(), static_cast<int64_t>(layout_.frames)};
  if (layout_.rate != kSampleRate) impl_->rs = std::make_unique<Resampler>(layout_.rate, kSampleRate);
}

WavFileReader::~WavFileReader() = default;

int64_t WavFileReader::length_8k() const {
  int64_t f = static_cast<int64_t>(layout_.frames);
  return (f * kSampleRate + layout_.rate - 1) / layout_.rate;
}

void WavFileReader::rewind() {
  impl_->next_frame = 0;
  impl_->flushed = false;
  impl_->pending.clear();
  impl_->pending_pos = 0;
  if (impl_->rs) impl_->rs->reset();
}

size_t WavFileReader::read(int16_t* out, size_t n) {
  Impl& m = *impl_;
  const WavLayout& l = layout_;
  const G711Tables& g = g711_tables();
  size_t done = 0;
  while (done < n) {
    if (m.pending_pos < m.pending.size()) {
      size_t k = std::min(n - done, m.pending.size() - m.pending_pos);
      for (size_t i = 0; i < k; i++) out[done + i] = float_to_s16(m.pending[m.pending_pos + i]);
      m.pending_pos += k;
      done += k;
      continue;
    }
    m.pending.clear();
    m.pending_pos = 0;
    if (m.next_frame >= l.frames) {
      if (!m.rs || m.flushed) break;
      m.rs->flush(m.pending);
      m.flushed = true;
      continue;
    }
    size_t frames = static_cast<size_t>(std::min<uint64_t>(kBlockFrames, l.frames - m.next_frame));
    size_t bytes = frames * static_cast<size_t>(l.block_align);
    m.raw.resize(bytes);
    size_t got = m.src->read_at(l.data_offset + m.next_frame * l.block_align, m.raw.data(), bytes);
    if (got < bytes) {  // the file shrank under us: stop at what is there
      frames = got / static_cast<size_t>(l.block_align);
      m.next_frame = l.frames;
      if (frames == 0) continue;
    } else {
      m.next_frame += frames;
    }
    m.mono.assign(frames, 0.0f);
    const int ch = l.channels;
    const float scale = 1.0f / static_cast<float>(ch);
    const uint8_t* p = m.raw.data();
    for (size_t f = 0; f < frames; f++) {
      float acc = 0;
      for (int c = 0; c < ch; c++, p += l.container) {
        float v;
        switch (l.codec) {
          case WavLayout::Codec::kUlaw: v = g.ulaw_dec[p[0]]; break;
          case WavLayout::Codec::kAlaw: v = g.alaw_dec[p[0]]; break;
          case WavLayout::Codec::kFloat:
            if (l.container == 4) {
              float x;
              std::memcpy(&x, p, 4);
              v = x * 32768.0f;
            } else {
              double x;
              std::memcpy(&x, p, 8);
              v = static_cast<float>(x * 32768.0);
            }
            if (!(v == v)) v = 0;
            break;
          default:
            switch (l.container) {
              case 1: v = static_cast<float>((static_cast<int>(p[0]) - 128) * 256); break;
              case 2: v = static_cast<int16_t>(le16(p)); break;
              case 3: {
                uint32_t u = (static_cast<uint32_t>(p[0]) << 8) | (static_cast<uint32_t>(p[1]) << 16) |
                             (static_cast<uint32_t>(p[2]) << 24);
                v = static_cast<float>(static_cast<int32_t>(u) >> 8) / 256.0f;
                break;
              }
              default: v = static_cast<float>(static_cast<int32_t>(le32(p))) / 65536.0f; break;
            }
        }
        acc += v;
      }
      m.mono[f] = ch == 1 ? acc : acc * scale;
    }
    if (m.rs) {
      m.rs->push(m.mono.data(), m.mono.size(), m.pending);
    } else {
      m.pending.swap(m.mono);
    }
  }
  return done;
}

static std::vector<int16_t> read_all(WavFileReader& r, WavInfo* info, const std::string& name) {
  int64_t n = r.length_8k();
  if (n > kMaxLoad8k)
    bad(name, "too long to load (" + std::to_string(n / kSampleRate) + " s; at most 4 hours): stream it instead");
  std::vector<int16_t> out(static_cast<size_t>(n));
  size_t got = r.read(out.data(), out.size());
  out.resize(got);
  if (info) *info = r.info();
  return out;
}

std::vector<int16_t> read_wav_8k(const std::string& path, WavInfo* info) {
  WavFileReader r(path);
  return read_all(r, info, path);
}

std::vector<int16_t> read_wav_8k(const uint8_t* data, size_t size, WavInfo* info, const std::string& name) {
  WavFileReader r(data, size, name);
  return read_all(r, info, name);
}

}  // namespace bcti
