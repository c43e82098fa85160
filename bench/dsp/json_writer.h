// Just enough JSON output for the benchmark's report (objects, arrays, numbers,
// strings, booleans), written straight to a stream with commas handled.
#pragma once
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace bcti::bench {

class JsonWriter {
 public:
  explicit JsonWriter(std::FILE* out) : out_(out) {}

  JsonWriter& begin_object(const char* key = nullptr) { return open(key, '{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array(const char* key = nullptr) { return open(key, '['); }
  JsonWriter& end_array() { return close(']'); }

  JsonWriter& num(const char* key, double v) {
    prefix(key);
    if (std::isfinite(v)) std::fprintf(out_, "%.6g", v);
    else std::fputs("null", out_);
    return *this;
  }
  JsonWriter& num(double v) { return num(nullptr, v); }
  JsonWriter& integer(const char* key, long long v) {
    prefix(key);
    std::fprintf(out_, "%lld", v);
    return *this;
  }
  JsonWriter& boolean(const char* key, bool v) {
    prefix(key);
    std::fputs(v ? "true" : "false", out_);
    return *this;
  }
  JsonWriter& str(const char* key, const std::string& v) {
    prefix(key);
    quoted(v);
    return *this;
  }
  JsonWriter& str(const std::string& v) { return str(nullptr, v); }
  JsonWriter& nums(const char* key, const std::vector<double>& v) {
    begin_array(key);
    for (double x : v) num(x);
    return end_array();
  }
  void finish() { std::fputc('\n', out_); }

 private:
  JsonWriter& open(const char* key, char c) {
    prefix(key);
    std::fputc(c, out_);
    first_.push_back(true);
    return *this;
  }
  JsonWriter& close(char c) {
    std::fputc(c, out_);
    first_.pop_back();
    return *this;
  }
  void prefix(const char* key) {
    if (!first_.empty()) {
      if (!first_.back()) std::fputc(',', out_);
      first_.back() = false;
    }
    if (key) {
      quoted(key);
      std::fputc(':', out_);
    }
  }
  void quoted(const std::string& s) {
    std::fputc('"', out_);
    for (unsigned char c : s) {
      if (c == '"' || c == '\\') std::fprintf(out_, "\\%c", c);
      else if (c < 0x20) std::fprintf(out_, "\\u%04x", c);
      else std::fputc(c, out_);
    }
    std::fputc('"', out_);
  }

  std::FILE* out_;
  std::vector<bool> first_;
};

}  // namespace bcti::bench
