#include "native/media/wav_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "native/base/errors.h"
#include "native/dsp/g711.h"
#include "native/dsp/levels.h"

namespace bcti {

namespace {

void put16(uint8_t* p, uint32_t v) {
  p[0] = static_cast<uint8_t>(v);
  p[1] = static_cast<uint8_t>(v >> 8);
}
void put32(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

constexpr size_t kPcmHeader = 44;   // RIFF + fmt(16) + data
constexpr size_t kG711Header = 58;  // RIFF + fmt(18) + fact(4) + data
constexpr size_t kMaxHeader = 58;

// The whole header for `samples` samples of audio (+ the pad byte if `padded`).
size_t build_header(WavFormat fmt, int64_t samples, bool padded, uint8_t* h) {
  const bool pcm = fmt == WavFormat::kPcm16;
  const uint32_t bps = pcm ? 2 : 1;
  const uint32_t data = static_cast<uint32_t>(samples * bps);
  const size_t len = pcm ? kPcmHeader : kG711Header;
  std::memcpy(h, "RIFF", 4);
  put32(h + 4, static_cast<uint32_t>(len - 8 + data + (padded ? 1 : 0)));
  std::memcpy(h + 8, "WAVE", 4);
  std::memcpy(h + 12, "fmt ", 4);
  put32(h + 16, pcm ? 16 : 18);
  put16(h + 20, pcm ? 1 : fmt == WavFormat::kAlaw ? 6 : 7);
  put16(h + 22, 1);
  put32(h + 24, kSampleRate);
  put32(h + 28, kSampleRate * bps);
  put16(h + 32, bps);
  put16(h + 34, bps * 8);
  uint8_t* d = h + 36;
  if (!pcm) {
    put16(h + 36, 0);  // cbSize
    std::memcpy(h + 38, "fact", 4);
    put32(h + 42, 4);
    put32(h + 46, static_cast<uint32_t>(samples));
    d = h + 50;
  }
  std::memcpy(d, "data", 4);
  put32(d + 4, data);
  return len;
}

}  // namespace

const char* wav_format_name(WavFormat f) {
  switch (f) {
    case WavFormat::kUlaw: return "ulaw";
    case WavFormat::kAlaw: return "alaw";
    default: return "pcm16";
  }
}

bool parse_wav_format(const std::string& s, WavFormat* out) {
  if (s == "pcm16") *out = WavFormat::kPcm16;
  else if (s == "ulaw") *out = WavFormat::kUlaw;
  else if (s == "alaw") *out = WavFormat::kAlaw;
  else return false;
  return true;
}

WavWriter::~WavWriter() { abandon(); }

size_t WavWriter::header_bytes() const { return fmt_ == WavFormat::kPcm16 ? kPcmHeader : kG711Header; }

void WavWriter::fail(const char* what, int e) {
  std::string msg = std::string(what) + " " + path_ + ": " + std::strerror(e);
  abandon();
  throw CtiError(err::kFileIo, msg);
}

void WavWriter::pwrite_all(const void* buf, size_t n, uint64_t offset) {
  const char* p = static_cast<const char*>(buf);
  while (n > 0) {
    ssize_t r = ::pwrite(fd_, p, n, static_cast<off_t>(offset));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) fail("writing", errno);
    if (r == 0) fail("writing", ENOSPC);
    p += r;
    n -= static_cast<size_t>(r);
    offset += static_cast<uint64_t>(r);
  }
}

void WavWriter::open(const std::string& path, WavFormat fmt, const WavWriterOptions& opts) {
  abandon();
  path_ = path;
  fmt_ = fmt;
  samples_ = header_samples_ = synced_samples_ = 0;
  header_interval_ = std::max<int64_t>(1, int64_t{opts.header_interval_ms} * kSampleRate / 1000);
  sync_interval_ = std::max<int64_t>(0, int64_t{opts.sync_interval_ms} * kSampleRate / 1000);
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    int e = errno;
    throw CtiError(err::kFileIo, "cannot create " + path + ": " + std::strerror(e));
  }
  update_header();
}

void WavWriter::update_header() {
  uint8_t h[kMaxHeader];
  size_t len = build_header(fmt_, samples_, false, h);
  pwrite_all(h, len, 0);
  header_samples_ = samples_;
}

void WavWriter::write(const int16_t* s, size_t n) {
  if (fd_ < 0) throw CtiError(err::kFileIo, "writing " + path_ + ": not open");
  const size_t bps = fmt_ == WavFormat::kPcm16 ? 2 : 1;
  while (n > 0) {
    // Never let the data run more than one interval ahead of the header.
    int64_t room = header_interval_ - (samples_ - header_samples_);
    size_t k = static_cast<size_t>(std::min<int64_t>(static_cast<int64_t>(n), std::max<int64_t>(room, 1)));
    enc_.resize(k * bps);
    if (fmt_ == WavFormat::kPcm16) {
      for (size_t i = 0; i < k; i++) put16(&enc_[2 * i], static_cast<uint16_t>(s[i]));
    } else {
      g711_encode(fmt_ == WavFormat::kUlaw ? Law::kUlaw : Law::kAlaw, s, enc_.data(), k);
    }
    pwrite_all(enc_.data(), enc_.size(), header_bytes() + static_cast<uint64_t>(samples_) * bps);
    samples_ += static_cast<int64_t>(k);
    if (samples_ - header_samples_ >= header_interval_) update_header();
    if (sync_interval_ > 0 && samples_ - synced_samples_ >= sync_interval_) {
      if (::fdatasync(fd_) != 0) fail("syncing", errno);
      synced_samples_ = samples_;
    }
    s += k;
    n -= k;
  }
}

void WavWriter::truncate(int64_t samples) {
  if (fd_ < 0 || samples < 0 || samples >= samples_) return;
  const size_t bps = fmt_ == WavFormat::kPcm16 ? 2 : 1;
  samples_ = samples;
  update_header();  // header first: it must never claim bytes that are gone
  if (::ftruncate(fd_, static_cast<off_t>(header_bytes() + static_cast<uint64_t>(samples) * bps)) != 0)
    fail("truncating", errno);
}

void WavWriter::close() {
  if (fd_ < 0) return;
  const size_t bps = fmt_ == WavFormat::kPcm16 ? 2 : 1;
  const uint64_t data = static_cast<uint64_t>(samples_) * bps;
  bool padded = (data & 1) != 0;
  if (padded) {
    uint8_t zero = 0;
    pwrite_all(&zero, 1, header_bytes() + data);
  }
  uint8_t h[kMaxHeader];
  size_t len = build_header(fmt_, samples_, padded, h);
  pwrite_all(h, len, 0);
  header_samples_ = samples_;
  if (::fsync(fd_) != 0) fail("syncing", errno);
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    int e = errno;
    throw CtiError(err::kFileIo, "closing " + path_ + ": " + std::strerror(e));
  }
  // Make the directory entry durable too (a new file's name is in its directory).
  std::string dir = ".";
  size_t slash = path_.rfind('/');
  if (slash != std::string::npos) dir = slash == 0 ? "/" : path_.substr(0, slash);
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);  // best effort: some file systems refuse fsync on directories
    ::close(dfd);
  }
}

void WavWriter::abandon() noexcept {
  if (fd_ < 0) return;
  uint8_t h[kMaxHeader];
  size_t len = build_header(fmt_, samples_, false, h);
  (void)!::pwrite(fd_, h, len, 0);
  ::close(fd_);
  fd_ = -1;
}

}  // namespace bcti
