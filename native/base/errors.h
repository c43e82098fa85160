// Error codes. The vocabulary is defined once, in src/native/errors.ts; these are
// the same strings, and test/engine/errors.test.ts checks that every code used
// here is declared there. native/base is the lowest layer of the C++ tree: every
// other layer (and every driver) may include it; it includes nothing of ours.
#pragma once
#include <stdexcept>
#include <string>

namespace bcti {

namespace err {
inline constexpr const char* kBadArgument = "CTI_ERR_BAD_ARGUMENT";
inline constexpr const char* kBadWav = "CTI_ERR_BAD_WAV";
inline constexpr const char* kFileIo = "CTI_ERR_FILE_IO";
inline constexpr const char* kNoSuchChannel = "CTI_ERR_NO_SUCH_CHANNEL";
inline constexpr const char* kNoSuchBoard = "CTI_ERR_NO_SUCH_BOARD";
inline constexpr const char* kBusy = "CTI_ERR_BUSY";
inline constexpr const char* kCanceled = "CTI_ERR_CANCELED";
inline constexpr const char* kDisconnected = "CTI_ERR_DISCONNECTED";
inline constexpr const char* kNotRunning = "CTI_ERR_NOT_RUNNING";
inline constexpr const char* kNoDevice = "CTI_ERR_NO_DEVICE";
inline constexpr const char* kBadTonePlan = "CTI_ERR_BAD_TONE_PLAN";
inline constexpr const char* kInternal = "CTI_ERR_INTERNAL";
}  // namespace err

// Thrown inside native code; the N-API layer turns it into the TS error class.
class CtiError : public std::runtime_error {
 public:
  CtiError(const char* code, const std::string& message) : std::runtime_error(message), code_(code) {}
  const char* code() const { return code_; }

 private:
  const char* code_;
};

}  // namespace bcti
