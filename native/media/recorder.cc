#include "native/media/recorder.h"

#include <algorithm>

#include "native/base/errors.h"
#include "native/dsp/kernels.h"
#include "native/dsp/levels.h"
#include "native/media/disk_writer.h"

namespace bcti {

namespace {
constexpr int64_t kSilenceKeep = kSampleRate * 300 / 1000;  // kept by trim_silence
int64_t ms_to_samples(int ms) { return ms > 0 ? int64_t{ms} * kSampleRate / 1000 : 0; }
}  // namespace

const char* record_stop_name(RecordStop r) {
  switch (r) {
    case RecordStop::kMaxLength: return "max-length";
    case RecordStop::kMaxSilence: return "max-silence";
    case RecordStop::kDigit: return "digit";
    case RecordStop::kStopped: return "stopped";
    case RecordStop::kError: return "error";
    default: return "";
  }
}

ToneDescriptor default_record_beep() {
  ToneDescriptor d;
  d.segments.push_back({{{1000.0, -10.0}}, 400});
  d.repeat = 1;
  return d;
}

Recorder::Recorder(DiskWriter& writer, Completion on_complete, int ring_ms)
    : writer_(writer),
      on_complete_(std::move(on_complete)),
      ring_(static_cast<size_t>(ms_to_samples(std::max(ring_ms, 100)))) {
  opts_.path.reserve(512);
  writer_.attach(this);
}

Recorder::~Recorder() { writer_.detach(this); }

void Recorder::start(const RecordOptions& opts) {
  if (active_.load(std::memory_order_acquire))
    throw CtiError(err::kBusy, "record: the previous recording is still being finished");
  if (!writer_.running()) throw CtiError(err::kNotRunning, "record: the disk writer is not running");
  if (opts.path.empty()) throw CtiError(err::kBadArgument, "record: path is empty");
  if (opts.max_length_ms < 0 || opts.max_silence_ms < 0 || opts.digit_trim_ms < 0)
    throw CtiError(err::kBadArgument, "record: negative time limit");
  if (!opts.beep.segments.empty()) {
    bool finite = opts.beep.repeat > 0;
    for (const ToneSegment& s : opts.beep.segments) finite = finite && s.duration_ms > 0;
    if (!finite) throw CtiError(err::kBadArgument, "record: the beep must have a finite length");
  }
  opts_ = opts;
  reason_.store(0, std::memory_order_relaxed);
  trim_to_.store(-1, std::memory_order_relaxed);
  dropped_.store(0, std::memory_order_relaxed);
  digit_.store(0, std::memory_order_relaxed);
  speech_.store(false, std::memory_order_relaxed);
  ring_.clear();
  accepted_ = silent_run_ = last_loud_end_ = 0;
  seen_speech_ = false;
  max_len_ = ms_to_samples(opts_.max_length_ms);
  max_sil_ = ms_to_samples(opts_.max_silence_ms);
  max_init_sil_ = opts_.max_initial_silence_ms < 0 ? max_sil_ : ms_to_samples(opts_.max_initial_silence_ms);
  thr_power_ = dbm0_to_power(opts_.silence_threshold_dbm0);
  beeping_ = !opts_.beep.segments.empty();
  beep_gen_.start(beeping_ ? &opts_.beep : nullptr);
  active_.store(true, std::memory_order_release);
  writer_.kick();  // create the file now, during the beep
}

void Recorder::request_stop(RecordStop r) {
  if (!active_.load(std::memory_order_acquire)) return;
  uint8_t none = 0;
  if (reason_.compare_exchange_strong(none, static_cast<uint8_t>(r), std::memory_order_acq_rel)) writer_.kick();
}

void Recorder::write(const int16_t* frame, int n) {
  if (n <= 0 || !active_.load(std::memory_order_acquire) || stop_requested() || beeping_) return;
  int64_t take = n;
  if (max_len_ > 0) take = std::min<int64_t>(take, max_len_ - accepted_);
  size_t pushed = ring_.push(frame, static_cast<size_t>(take));
  if (pushed < static_cast<size_t>(take))
    dropped_.fetch_add(take - static_cast<int64_t>(pushed), std::memory_order_relaxed);

  double power = kernels().sum_squares(frame, static_cast<int>(take)) / static_cast<double>(std::max<int64_t>(take, 1));
  accepted_ += take;
  if (power > thr_power_) {
    if (!seen_speech_) speech_.store(true, std::memory_order_relaxed);
    seen_speech_ = true;
    silent_run_ = 0;
    last_loud_end_ = accepted_;
  } else {
    silent_run_ += take;
  }
  if (max_len_ > 0 && accepted_ >= max_len_) {
    request_stop(RecordStop::kMaxLength);
    return;
  }
  int64_t limit = seen_speech_ ? max_sil_ : max_init_sil_;
  if (limit > 0 && silent_run_ >= limit) {
    if (opts_.trim_silence)
      trim_to_.store(seen_speech_ ? std::min(accepted_, last_loud_end_ + kSilenceKeep) : 0, std::memory_order_relaxed);
    request_stop(RecordStop::kMaxSilence);
  }
}

int Recorder::beep_out(int16_t* out, int n) {
  if (!beeping_) return 0;
  if (!active_.load(std::memory_order_acquire) || stop_requested()) {
    beeping_ = false;
    return 0;
  }
  int k = beep_gen_.generate(out, n);
  if (beep_gen_.done()) beeping_ = false;
  return k;
}

void Recorder::on_digit(char digit) {
  if (!active_.load(std::memory_order_acquire) || stop_requested()) return;
  char d = (digit >= 'a' && digit <= 'd') ? static_cast<char>(digit - 'a' + 'A') : digit;
  bool hit = false;
  for (char c : opts_.stop_digits) {
    char e = (c >= 'a' && c <= 'd') ? static_cast<char>(c - 'a' + 'A') : c;
    hit = hit || e == d;
  }
  if (!hit) return;
  digit_.store(d, std::memory_order_relaxed);
  int64_t trim = ms_to_samples(opts_.digit_trim_ms);
  if (trim > 0) trim_to_.store(std::max<int64_t>(0, accepted_ - trim), std::memory_order_relaxed);
  request_stop(RecordStop::kDigit);
}

}  // namespace bcti
