// The line state table (native/sig/line_state.h) as data, for the tests that
// check it: lineStateTable() -> { states: [...], moves: [{ from, to, by }] }.
// Test addon only (build/Release/boardcti_test.node).
#include "native/napi/registry.h"
#include "native/sig/line_state.h"

namespace bcti::napi {
namespace {

Napi::Value LineStateTable(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object o = Napi::Object::New(env);
  Napi::Array states = Napi::Array::New(env);
  for (int i = 0; i <= static_cast<int>(LineState::kBlocked); i++)
    states.Set(static_cast<uint32_t>(i), line_state_name(static_cast<LineState>(i)));
  o.Set("states", states);
  const LineMove* rows = nullptr;
  int n = line_moves(&rows);
  Napi::Array moves = Napi::Array::New(env, n);
  for (int i = 0; i < n; i++) {
    Napi::Object m = Napi::Object::New(env);
    m.Set("from", line_state_name(rows[i].from));
    m.Set("to", line_state_name(rows[i].to));
    m.Set("by", line_cause_name(rows[i].by));
    moves.Set(static_cast<uint32_t>(i), m);
  }
  o.Set("moves", moves);
  return o;
}

void Init(Napi::Env env, Napi::Object exports) {
  exports.Set("lineStateTable", Napi::Function::New(env, LineStateTable));
}

}  // namespace
}  // namespace bcti::napi

BCTI_NAPI_EXPORTS(line_state_test, bcti::napi::Init)
