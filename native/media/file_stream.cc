#include "native/media/file_stream.h"

#include <algorithm>
#include <chrono>

#include "native/dsp/levels.h"
#include "native/media/wav_reader.h"

namespace bcti {

namespace {
constexpr size_t kScratch = 4096;
constexpr size_t kMinFill = 800;  // top a ring up once 100 ms of room opened
}  // namespace

FileStream::FileStream(std::string path, bool loop, size_t ring_samples)
    : path_(std::move(path)), loop_(loop), ring_(ring_samples) {}

FileStream::~FileStream() = default;

StreamReader::StreamReader(int poll_ms) : poll_ms_(std::max(poll_ms, 1)), scratch_(kScratch) {}

StreamReader::~StreamReader() { stop(); }

void StreamReader::start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (thread_.joinable()) return;
  quit_ = false;
  thread_ = std::thread([this] { run(); });
}

void StreamReader::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!thread_.joinable()) return;
    quit_ = true;
  }
  cv_.notify_one();
  thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& s : streams_) s->ended_.store(true, std::memory_order_release);
  streams_.clear();
}

std::shared_ptr<FileStream> StreamReader::open(const std::string& path, bool loop, int ring_ms) {
  size_t ring = static_cast<size_t>(std::max(ring_ms, 200)) * kSampleRate / 1000;
  auto s = std::make_shared<FileStream>(path, loop, ring);
  {
    std::lock_guard<std::mutex> lock(mu_);
    streams_.push_back(s);
    kicked_ = true;
  }
  cv_.notify_one();
  return s;
}

bool StreamReader::fill(FileStream& s) {
  auto fail = [&s](const std::string& msg) {
    s.error_ = msg;
    s.file_.reset();
    s.failed_.store(true, std::memory_order_release);
    s.ended_.store(true, std::memory_order_release);
    s.started_.store(true, std::memory_order_release);
    return false;
  };
  if (s.cancel_.load(std::memory_order_acquire)) {
    s.file_.reset();
    s.ended_.store(true, std::memory_order_release);
    return false;
  }
  try {
    if (!s.file_) {
      s.file_ = std::make_unique<WavFileReader>(s.path_);
      s.length_.store(s.file_->length_8k(), std::memory_order_release);
    }
    bool rewound = false;
    for (;;) {
      size_t room = s.ring_.capacity() - s.ring_.available();
      if (room < kMinFill) return true;
      size_t got = s.file_->read(scratch_.data(), std::min(room, scratch_.size()));
      if (got == 0) {
        if (s.loop_ && s.length_.load() > 0 && !rewound) {
          s.file_->rewind();
          rewound = true;  // at most once per pass: a file that yields nothing must not spin
          continue;
        }
        if (s.loop_ && s.length_.load() > 0) return true;
        s.file_.reset();
        s.ended_.store(true, std::memory_order_release);
        s.started_.store(true, std::memory_order_release);
        return false;
      }
      rewound = false;
      s.ring_.push(scratch_.data(), got);
      s.started_.store(true, std::memory_order_release);
    }
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

void StreamReader::run() {
  std::vector<std::shared_ptr<FileStream>> work;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait_for(lock, std::chrono::milliseconds(poll_ms_), [this] { return kicked_ || quit_; });
      if (quit_) return;
      kicked_ = false;
      work = streams_;
    }
    std::vector<FileStream*> finished;
    for (auto& s : work)
      if (!fill(*s)) finished.push_back(s.get());
    work.clear();
    std::lock_guard<std::mutex> lock(mu_);
    streams_.erase(std::remove_if(streams_.begin(), streams_.end(),
                                  [&](const std::shared_ptr<FileStream>& s) {
                                    bool done = std::find(finished.begin(), finished.end(), s.get()) != finished.end();
                                    if (!done && s.use_count() == 1) {  // nobody plays it any more
                                      s->cancel();
                                      return true;
                                    }
                                    return done;
                                  }),
                   streams_.end());
  }
}

}  // namespace bcti
