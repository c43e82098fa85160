#include "native/media/player.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "native/base/errors.h"
#include "native/media/file_stream.h"

namespace bcti {

ToneDescriptor digit_script_descriptor(const std::string& script, const DigitScriptOptions& o) {
  if (o.on_ms <= 0 || o.off_ms < 0 || o.pause_ms < 0)
    throw CtiError(err::kBadArgument, "digits: on_ms must be > 0, off_ms and pause_ms >= 0");
  ToneDescriptor d;
  d.repeat = 1;
  for (size_t i = 0; i < script.size(); i++) {
    char c = script[i];
    if (c == ',') {
      if (o.pause_ms > 0) d.segments.push_back({{}, o.pause_ms});
      continue;
    }
    double lo = 0, hi = 0;
    if (!dtmf_frequencies(c, &lo, &hi))
      throw CtiError(err::kBadArgument, "digits: '" + std::string(1, c) + "' at position " + std::to_string(i) +
                                            " is not a DTMF digit (0-9 * # A-D) or ','");
    d.segments.push_back({{{lo, o.level_dbm0}, {hi, o.level_dbm0 + o.twist_db}}, o.on_ms});
    if (o.off_ms > 0) d.segments.push_back({{}, o.off_ms});
  }
  return d;
}

void Player::begin(Kind k, const PlayOptions& o) {
  if (stream_) stream_->cancel();
  stream_.reset();
  buf_.reset();
  tone_.reset();
  kind_ = k;
  loop_ = o.loop;
  double g = std::clamp(o.gain_db, -60.0, 20.0);
  gain_q14_ = static_cast<int32_t>(std::lround(16384.0 * std::pow(10.0, g / 20.0)));
  pos_ = played_ = underrun_ = 0;
}

void Player::play(PcmBuffer buffer, const PlayOptions& o) {
  begin(Kind::kBuffer, o);
  buf_ = std::move(buffer);
  if (!buf_ || buf_->empty()) {
    stop();
    return;
  }
  pos_ = std::clamp<int64_t>(o.start_sample, 0, static_cast<int64_t>(buf_->size()));
}

void Player::play_tone(std::shared_ptr<const ToneDescriptor> tone, const PlayOptions& o) {
  begin(Kind::kTone, o);
  tone_ = std::move(tone);
  gen_.start(tone_.get());
  if (gen_.done()) stop();
}

void Player::play_tone(const ToneDescriptor& tone, const PlayOptions& o) {
  play_tone(std::make_shared<const ToneDescriptor>(tone), o);
}

void Player::play_digits(const std::string& script, const DigitScriptOptions& d, const PlayOptions& o) {
  play_tone(std::make_shared<const ToneDescriptor>(digit_script_descriptor(script, d)), o);
}

void Player::play_stream(std::shared_ptr<FileStream> stream, const PlayOptions& o) {
  begin(Kind::kStream, o);
  stream_ = std::move(stream);
  if (!stream_) stop();
}

void Player::stop() {
  if (stream_) stream_->cancel();
  stream_.reset();
  buf_.reset();
  tone_.reset();
  gen_.start(nullptr);
  kind_ = Kind::kNone;
}

int64_t Player::length() const {
  switch (kind_) {
    case Kind::kBuffer: return loop_ ? -1 : static_cast<int64_t>(buf_->size());
    case Kind::kStream: return stream_->length();
    case Kind::kTone: {
      if (loop_ || tone_->repeat == 0) return -1;
      int64_t ms = 0;
      for (const ToneSegment& s : tone_->segments) {
        if (s.duration_ms <= 0) return -1;
        ms += s.duration_ms;
      }
      return ms * tone_->repeat * 8;
    }
    default: return 0;
  }
}

void Player::apply_gain(int16_t* x, int n) const {
  if (gain_q14_ == (1 << 14)) return;
  for (int i = 0; i < n; i++) {
    int64_t v = (static_cast<int64_t>(x[i]) * gain_q14_ + (1 << 13)) >> 14;
    x[i] = static_cast<int16_t>(std::clamp<int64_t>(v, -32768, 32767));
  }
}

int Player::read(int16_t* out, int n) {
  int done = 0;
  switch (kind_) {
    case Kind::kNone: return 0;
    case Kind::kBuffer: {
      const std::vector<int16_t>& b = *buf_;
      const int64_t len = static_cast<int64_t>(b.size());
      while (done < n) {
        if (pos_ >= len) {
          if (!loop_) break;
          pos_ = 0;
        }
        int k = static_cast<int>(std::min<int64_t>(n - done, len - pos_));
        std::memcpy(out + done, b.data() + pos_, static_cast<size_t>(k) * sizeof(int16_t));
        pos_ += k;
        done += k;
      }
      break;
    }
    case Kind::kTone:
      while (done < n) {
        int k = gen_.generate(out + done, n - done);
        done += k;
        pos_ += k;
        if (gen_.done()) {
          if (!loop_) break;
          gen_.start(tone_.get());
          pos_ = 0;
        }
      }
      break;
    case Kind::kStream: {
      done = static_cast<int>(stream_->pop(out, static_cast<size_t>(n)));
      pos_ += done;
      if (done < n && !stream_->ended()) {
        // Not decoded yet (start-up) or the reader fell behind: fill with silence.
        std::memset(out + done, 0, static_cast<size_t>(n - done) * sizeof(int16_t));
        if (stream_->started()) underrun_ += n - done;
        done = n;
      }
      break;
    }
  }
  apply_gain(out, done);
  played_ += done;
  if (done < n) stop();
  return done;
}

}  // namespace bcti
