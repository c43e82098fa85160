// Caller ID messages, independent of how they travel (FSK or DTMF).
//
// FSK data messages (Bellcore GR-30 / SR-TSV-002476, ETSI EN 300 659-3, China
// YD/T 1277.1 uses the same layouts):
//   type, length, body[length], checksum
// where the checksum is the two's complement of the modulo-256 sum of type,
// length and body, so the sum of every byte including it is 0 mod 256.
//   SDMF (type 0x04): body = 8 ASCII digits MMDDHHMM, then the number, or a
//     single 'P' (private) or 'O' (out of area / unavailable).
//   MDMF / ETSI call set-up (type 0x80): body = parameters, each
//     type, length, value. Types used here: 0x01 date and time (MMDDHHMM),
//     0x02 calling number, 0x04 reason for absence of the number ('P' | 'O'),
//     0x07 calling name, 0x08 reason for absence of the name. Others (0x03
//     called number, 0x11 call type, 0x1A redirecting number ...) are skipped.
//   Message waiting (type 0x82, Bellcore GR-30 / ETSI EN 300 659-3 "message
//     waiting indicator"): parameter 0x0B visual indicator, one byte, 0xFF on,
//     0x00 off; sent to an idle phone without ringing, it lights the lamp.
// A message decodes only if its checksum holds, its parameters fill the body
// exactly and every field has the characters its type allows: a damaged
// message yields nothing, never a wrong number.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bcti {

enum class CidWithheld : uint8_t { kNone = 0, kPrivate, kUnavailable };
const char* cid_withheld_name(CidWithheld w);  // "", "private", "unavailable"

struct CallerIdInfo {
  std::string number;  // digits (and * # + -), empty if not sent
  std::string name;    // printable ASCII, empty if not sent
  std::string time;    // MMDDHHMM, empty if not sent
  CidWithheld number_withheld = CidWithheld::kNone;
  CidWithheld name_withheld = CidWithheld::kNone;
  std::string redirect;  // DTMF variants only: the redirecting number
  // A message-waiting message (0x82): 1 lamp on, 0 off; -1 for caller ID.
  int message_waiting = -1;
};

enum class CidMessageType : uint8_t { kSdmf = 0x04, kMdmf = 0x80, kMwi = 0x82 };

inline constexpr uint8_t kCidSdmf = 0x04;
inline constexpr uint8_t kCidMdmf = 0x80;  // Bellcore MDMF and ETSI call set-up
inline constexpr uint8_t kCidMwi = 0x82;   // message waiting indicator

namespace cid_param {
inline constexpr uint8_t kDateTime = 0x01;
inline constexpr uint8_t kNumber = 0x02;
inline constexpr uint8_t kCalled = 0x03;
inline constexpr uint8_t kNumberAbsent = 0x04;
inline constexpr uint8_t kName = 0x07;
inline constexpr uint8_t kNameAbsent = 0x08;
inline constexpr uint8_t kVisualIndicator = 0x0B;  // MWI: 0xFF on, 0x00 off
}  // namespace cid_param

inline constexpr size_t kCidMaxNumber = 20;
inline constexpr size_t kCidMaxName = 50;
inline constexpr size_t kCidMaxMessage = 258;  // type + length + 255 + checksum

// Checks the fields (lengths, characters); nullptr if fine, else why not.
const char* cid_check(const CallerIdInfo& info);

// Builds a complete message (with its checksum). SDMF carries time + number
// (or its absence) only; a name needs MDMF. Returns nullptr, or why not.
const char* cid_encode(const CallerIdInfo& info, CidMessageType type, std::vector<uint8_t>* out);

// Decodes one complete message (type, length, body, checksum: n == length + 3).
// Returns false for anything damaged or not a caller ID message.
bool cid_decode(const uint8_t* msg, size_t n, CallerIdInfo* out);

// True for the message types a receiver starts collecting on.
inline bool cid_is_message_type(uint8_t b) { return b == kCidSdmf || b == kCidMdmf || b == kCidMwi; }

}  // namespace bcti
