// The engine's conferences: id -> a mixer (native/media/mixer.h) and which
// channel sits in which slot. Mixed once per tick, before the channels build
// what they send, so a member's outgoing audio is the sum of the others.
#pragma once
#include <map>
#include <memory>
#include <vector>

#include "native/core/command.h"
#include "native/media/mixer.h"

namespace bcti {

class ChannelPipeline;

class Conferences {
 public:
  // Both return false (with the reason in *why) instead of throwing.
  bool join(int conf, ChannelPipeline& ch, ConfMode mode, const char** why);
  void leave(ChannelPipeline& ch);
  // Writes each member's mix into its conference buffer (ChannelPipeline::conf_out()).
  void mix(int n);
  bool empty() const { return rooms_.empty(); }

 private:
  struct Room {
    std::unique_ptr<Conference> mixer;
    std::vector<ChannelPipeline*> slots;  // by mixer slot, nullptr = free
    std::vector<const int16_t*> in;
    std::vector<int16_t*> out;
  };
  std::map<int, Room> rooms_;
};

}  // namespace bcti
