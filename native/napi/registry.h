// Each N-API source file registers the functions and classes it exports, so
// adding a binding never means editing a central list.
//   static void Init(Napi::Env env, Napi::Object exports) { ... }
//   BCTI_NAPI_EXPORTS(dtmf, Init)
#pragma once
#include <napi.h>

#include <string>

#include "native/base/errors.h"

namespace bcti::napi {

using InitFn = void (*)(Napi::Env, Napi::Object);
struct Registration {
  Registration(const char* name, InitFn fn);
};

// Throws the TS error class (src/native/errors.ts) with `code` as a JS exception.
[[noreturn]] void throw_cti(Napi::Env env, const char* code, const std::string& message);
// Builds (does not throw) that error object, for rejecting Promises.
Napi::Value make_cti_error(Napi::Env env, const char* code, const std::string& message);

// Runs fn, turning CtiError / std::exception into the TS error class.
template <typename F>
auto guard(Napi::Env env, F&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Napi::Error&) {
    throw;
  } catch (const CtiError& e) {
    throw_cti(env, e.code(), e.what());
  } catch (const std::exception& e) {
    throw_cti(env, err::kInternal, e.what());
  }
}

// Argument helpers with precise messages.
int32_t arg_int(const Napi::CallbackInfo& info, size_t i, const char* name);
double arg_number(const Napi::CallbackInfo& info, size_t i, const char* name);
std::string arg_string(const Napi::CallbackInfo& info, size_t i, const char* name);
Napi::Object arg_object(const Napi::CallbackInfo& info, size_t i, const char* name);
Napi::Int16Array arg_int16(const Napi::CallbackInfo& info, size_t i, const char* name);
// Optional properties of an options object.
double opt_number(const Napi::Object& o, const char* key, double dflt);
bool opt_bool(const Napi::Object& o, const char* key, bool dflt);
std::string opt_string(const Napi::Object& o, const char* key, const std::string& dflt);

}  // namespace bcti::napi

#define BCTI_NAPI_CAT2(a, b) a##b
#define BCTI_NAPI_CAT(a, b) BCTI_NAPI_CAT2(a, b)
#define BCTI_NAPI_EXPORTS(name, fn) \
  static ::bcti::napi::Registration BCTI_NAPI_CAT(bcti_registration_, name)(#name, fn);
