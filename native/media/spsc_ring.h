// Single-producer single-consumer ring of int16 samples, preallocated. The
// producer (media thread) never blocks or allocates: push() takes what fits and
// returns the count. Indices are free-running 64-bit counters.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <vector>

namespace bcti {

class SampleRing {
 public:
  // Capacity rounded up to a power of two.
  explicit SampleRing(size_t capacity = 0) { reserve(capacity); }
  void reserve(size_t capacity) {
    size_t c = 1;
    while (c < capacity) c <<= 1;
    buf_.assign(capacity ? c : 0, 0);
    mask_ = buf_.empty() ? 0 : buf_.size() - 1;
    head_.store(0);
    tail_.store(0);
  }
  size_t capacity() const { return buf_.size(); }

  // Producer side.
  size_t push(const int16_t* x, size_t n) {
    uint64_t h = head_.load(std::memory_order_relaxed);
    uint64_t t = tail_.load(std::memory_order_acquire);
    size_t room = buf_.size() - static_cast<size_t>(h - t);
    n = std::min(n, room);
    copy_in(h, x, n);
    head_.store(h + n, std::memory_order_release);
    return n;
  }

  // Consumer side.
  size_t available() const {
    return static_cast<size_t>(head_.load(std::memory_order_acquire) - tail_.load(std::memory_order_relaxed));
  }
  size_t pop(int16_t* out, size_t n) {
    uint64_t t = tail_.load(std::memory_order_relaxed);
    uint64_t h = head_.load(std::memory_order_acquire);
    n = std::min(n, static_cast<size_t>(h - t));
    if (n == 0) return 0;
    size_t i = static_cast<size_t>(t) & mask_;
    size_t first = std::min(n, buf_.size() - i);
    std::memcpy(out, &buf_[i], first * sizeof(int16_t));
    std::memcpy(out + first, &buf_[0], (n - first) * sizeof(int16_t));
    tail_.store(t + n, std::memory_order_release);
    return n;
  }

  // Empties the ring; only when neither side is using it.
  void clear() { tail_.store(head_.load()); }

 private:
  void copy_in(uint64_t h, const int16_t* x, size_t n) {
    if (n == 0) return;
    size_t i = static_cast<size_t>(h) & mask_;
    size_t first = std::min(n, buf_.size() - i);
    std::memcpy(&buf_[i], x, first * sizeof(int16_t));
    std::memcpy(&buf_[0], x + first, (n - first) * sizeof(int16_t));
  }
  std::vector<int16_t> buf_;
  size_t mask_ = 0;
  alignas(64) std::atomic<uint64_t> head_{0};  // written by the producer
  alignas(64) std::atomic<uint64_t> tail_{0};  // written by the consumer
};

}  // namespace bcti
