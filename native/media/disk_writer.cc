#include "native/media/disk_writer.h"

#include <algorithm>
#include <chrono>

#include "native/base/errors.h"
#include "native/dsp/levels.h"

namespace bcti {

namespace {
constexpr size_t kBatch = kSampleRate / 5;  // write in 200 ms pieces when nobody is stopping
constexpr size_t kScratch = 8192;
}  // namespace

DiskWriter::DiskWriter(int poll_ms) : poll_ms_(std::max(poll_ms, 1)), scratch_(kScratch) {}

DiskWriter::~DiskWriter() { stop(); }

void DiskWriter::start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (running_.load()) return;
  quit_.store(false);
  running_.store(true, std::memory_order_release);
  thread_ = std::thread([this] { run(); });
}

void DiskWriter::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!thread_.joinable()) return;
    quit_.store(true);
  }
  cv_.notify_one();
  thread_.join();
  running_.store(false, std::memory_order_release);
}

void DiskWriter::kick() {
  kicked_.store(true, std::memory_order_release);
  cv_.notify_one();
}

void DiskWriter::attach(Recorder* r) {
  std::lock_guard<std::mutex> lock(mu_);
  recorders_.push_back(r);
}

void DiskWriter::detach(Recorder* r) {
  std::vector<Done> done;
  {
    std::lock_guard<std::mutex> lock(mu_);
    service(*r, true, done);
    recorders_.erase(std::remove(recorders_.begin(), recorders_.end(), r), recorders_.end());
  }
  for (Done& d : done)
    if (d.fn) d.fn(d.result);
}

void DiskWriter::run() {
  std::vector<Done> done;
  while (!quit_.load(std::memory_order_acquire)) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      for (Recorder* r : recorders_) service(*r, false, done);
      if (done.empty())
        cv_.wait_for(lock, std::chrono::milliseconds(poll_ms_),
                     [this] { return kicked_.exchange(false) || quit_.load(); });
    }
    for (Done& d : done)
      if (d.fn) d.fn(d.result);
    done.clear();
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    running_.store(false, std::memory_order_release);
    for (Recorder* r : recorders_) service(*r, true, done);
  }
  for (Done& d : done)
    if (d.fn) d.fn(d.result);
}

void DiskWriter::service(Recorder& r, bool final, std::vector<Done>& done) {
  if (!r.active_.load(std::memory_order_acquire)) return;
  if (final) r.request_stop(RecordStop::kStopped);
  if (!r.opened_ && !r.failed_) {
    try {
      WavWriterOptions wo;
      wo.header_interval_ms = r.opts_.header_interval_ms;
      wo.sync_interval_ms = r.opts_.sync_interval_ms;
      r.file_.open(r.opts_.path, r.opts_.format, wo);
      r.opened_ = true;
    } catch (const std::exception& e) {
      r.failed_ = true;
      r.error_ = e.what();
      r.request_stop(RecordStop::kError);
    }
  }
  // Everything pushed before a stop request is visible once the request is seen.
  const bool stopping = r.stop_requested();
  const size_t avail = r.ring_.available();
  if (stopping || avail >= kBatch || avail * 2 >= r.ring_.capacity()) {
    size_t left = avail;
    while (left > 0) {
      size_t n = r.ring_.pop(scratch_.data(), std::min(left, scratch_.size()));
      if (n == 0) break;
      left -= n;
      if (!r.opened_ || r.failed_) continue;  // after an error: discard
      try {
        r.file_.write(scratch_.data(), n);
        written_.fetch_add(static_cast<int64_t>(n), std::memory_order_relaxed);
      } catch (const std::exception& e) {
        r.failed_ = true;
        r.error_ = e.what();
        r.request_stop(RecordStop::kError);
      }
    }
  }
  if (!stopping) return;

  RecordResult res;
  res.reason = r.failed_ ? RecordStop::kError : static_cast<RecordStop>(r.reason_.load(std::memory_order_acquire));
  if (r.opened_ && !r.failed_) {
    try {
      int64_t keep = r.trim_to_.load(std::memory_order_relaxed);
      if (keep >= 0) r.file_.truncate(keep);
      r.file_.close();  // final header + fsync of file and directory
    } catch (const std::exception& e) {
      r.failed_ = true;
      r.error_ = e.what();
      res.reason = RecordStop::kError;
    }
  }
  r.file_.abandon();  // no-op unless an error left it open
  res.digit = r.digit_.load(std::memory_order_relaxed);
  res.samples = r.file_.samples();
  res.duration_ms = res.samples * 1000 / kSampleRate;
  res.dropped_samples = r.dropped_.load(std::memory_order_relaxed);
  res.speech = r.speech_.load(std::memory_order_relaxed);
  res.tag = r.opts_.tag;
  res.path = r.opts_.path;
  res.error = r.error_;
  done.push_back({r.on_complete_, std::move(res)});
  r.opened_ = false;
  r.failed_ = false;
  r.error_.clear();
  r.active_.store(false, std::memory_order_release);  // the recorder may start again
}

}  // namespace bcti
