// MFC-R2 parts of the Engine binding: the span options of addBoard().
#pragma once
#include <napi.h>

#include <vector>

#include "native/sig/r2_register.h"

namespace bcti::napi {
// addBoard({..., r2: [{ span, variant?: 'china' | 'itu', maxDnis?, category? }]})
std::vector<R2SpanConfig> parse_r2_spans(Napi::Env env, const Napi::Object& board);
}  // namespace bcti::napi
