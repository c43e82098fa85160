#include "native/core/conferences.h"

#include "native/core/channel_pipeline.h"

namespace bcti {

bool Conferences::join(int conf, ChannelPipeline& ch, ConfMode mode, const char** why) {
  if (ch.conference() == conf) return true;
  if (ch.conference() != 0) leave(ch);
  Room& r = rooms_[conf];
  if (!r.mixer) {
    r.mixer = std::make_unique<Conference>();
    r.slots.assign(r.mixer->capacity(), nullptr);
    r.in.assign(r.mixer->capacity(), nullptr);
    r.out.assign(r.mixer->capacity(), nullptr);
  }
  MemberOptions o;
  o.mode = mode == ConfMode::kListenOnly ? MemberMode::kListenOnly
           : mode == ConfMode::kTalkOnly ? MemberMode::kTalkOnly
                                         : MemberMode::kTalkListen;
  int slot = r.mixer->add(o);
  if (slot < 0) {
    if (r.mixer->size() == 0) rooms_.erase(conf);
    *why = "the conference is full";
    return false;
  }
  r.slots[slot] = &ch;
  r.in[slot] = ch.rx();
  r.out[slot] = ch.conf_out();
  ch.set_conference(conf, slot, mode);
  return true;
}

void Conferences::leave(ChannelPipeline& ch) {
  auto it = rooms_.find(ch.conference());
  if (it == rooms_.end()) return;
  Room& r = it->second;
  int slot = ch.conference_slot();
  if (slot >= 0 && slot < static_cast<int>(r.slots.size()) && r.slots[slot] == &ch) {
    r.mixer->remove(slot);
    r.slots[slot] = nullptr;
    r.in[slot] = nullptr;
    r.out[slot] = nullptr;
  }
  ch.set_conference(0, -1, ConfMode::kTalkListen);
  if (r.mixer->size() == 0) rooms_.erase(it);
}

void Conferences::mix(int n) {
  for (auto& [id, r] : rooms_) r.mixer->mix(r.in.data(), r.out.data(), n);
}

}  // namespace bcti
