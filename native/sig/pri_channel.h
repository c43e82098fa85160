// What ISDN PRI signalling (pri_span.h) needs of a B channel, declared here in
// native/sig so the span reaches its channels through this interface, never
// through native/core (which is above sig): the channel's board facts, its line
// state (moved through the table of line_state.h), and its line:* events. The
// engine's ChannelPipeline implements it.
#pragma once
#include <cstdint>
#include <string>

#include "drivers/driver.h"
#include "native/sig/line_state.h"

namespace bcti {

// An outgoing ISDN call (Q.931 SETUP). ton: type of number (0 unknown,
// 1 international, 2 national, 4 subscriber); the numbering plan is E.164.
struct SetupSpec {
  std::string called;
  std::string calling;  // empty: none sent (the network may insert the line's number)
  int called_ton = 0;
  int calling_ton = 0;
  bool restricted = false;  // presentation of the calling number
  bool exclusive = true;    // channel selection: this B channel only, or preferred
};

// The parties of an incoming SETUP, as it carried them. ton: Q.931 type of
// number, -1 absent; presentation: 0 allowed, 1 restricted, 2 not available,
// -1 absent.
struct CallParties {
  std::string calling;
  std::string called;
  int calling_ton = -1;
  int called_ton = -1;
  int presentation = -1;
};

class PriChannel {
 public:
  virtual ~PriChannel() = default;
  // The channel's board facts (info().timeslot is the Q.931 channel number).
  virtual const drv::ChannelInfo& info() const = 0;
  virtual LineState sig_state() const = 0;
  // Moves the line state through the table (a refused move is counted and reported).
  virtual void pri_go(LineState to, const char* why) = 0;
  // A line:* event (type: native/sig/line_events.h) for this channel;
  // parties: for line:ring, the SETUP's numbers.
  virtual void pri_event(const char* type, const char* name, int64_t value, const CallParties* parties = nullptr) = 0;
};

}  // namespace bcti
