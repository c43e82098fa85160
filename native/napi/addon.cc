// Module entry: runs every registered init and holds the TS error factory.
#include <vector>

#include "native/napi/registry.h"

namespace bcti::napi {

namespace {
struct Entry {
  const char* name;
  InitFn fn;
};
std::vector<Entry>& entries() {
  static std::vector<Entry> e;
  return e;
}

struct AddonData {
  Napi::FunctionReference error_factory;
};

AddonData* data(Napi::Env env) { return env.GetInstanceData<AddonData>(); }

// setErrorFactory((code, message) => Error): called once by src/native at load.
Napi::Value SetErrorFactory(const Napi::CallbackInfo& info) {
  if (info.Length() < 1 || !info[0].IsFunction())
    throw Napi::TypeError::New(info.Env(), "setErrorFactory: expected a function");
  data(info.Env())->error_factory = Napi::Persistent(info[0].As<Napi::Function>());
  return info.Env().Undefined();
}
}  // namespace

Registration::Registration(const char* name, InitFn fn) { entries().push_back({name, fn}); }

Napi::Value make_cti_error(Napi::Env env, const char* code, const std::string& message) {
  AddonData* d = data(env);
  if (d && !d->error_factory.IsEmpty()) {
    return d->error_factory.Call({Napi::String::New(env, code), Napi::String::New(env, message)});
  }
  Napi::Error e = Napi::Error::New(env, message);
  e.Set("code", Napi::String::New(env, code));
  return e.Value();
}

void throw_cti(Napi::Env env, const char* code, const std::string& message) {
  Napi::Value v = make_cti_error(env, code, message);
  throw Napi::Error(env, v);
}

int32_t arg_int(const Napi::CallbackInfo& info, size_t i, const char* name) {
  if (info.Length() <= i || !info[i].IsNumber())
    throw_cti(info.Env(), err::kBadArgument, std::string(name) + ": expected a number");
  return info[i].As<Napi::Number>().Int32Value();
}
double arg_number(const Napi::CallbackInfo& info, size_t i, const char* name) {
  if (info.Length() <= i || !info[i].IsNumber())
    throw_cti(info.Env(), err::kBadArgument, std::string(name) + ": expected a number");
  return info[i].As<Napi::Number>().DoubleValue();
}
std::string arg_string(const Napi::CallbackInfo& info, size_t i, const char* name) {
  if (info.Length() <= i || !info[i].IsString())
    throw_cti(info.Env(), err::kBadArgument, std::string(name) + ": expected a string");
  return info[i].As<Napi::String>().Utf8Value();
}
Napi::Object arg_object(const Napi::CallbackInfo& info, size_t i, const char* name) {
  if (info.Length() <= i || info[i].IsUndefined()) return Napi::Object::New(info.Env());
  if (!info[i].IsObject()) throw_cti(info.Env(), err::kBadArgument, std::string(name) + ": expected an object");
  return info[i].As<Napi::Object>();
}
Napi::Int16Array arg_int16(const Napi::CallbackInfo& info, size_t i, const char* name) {
  if (info.Length() <= i || !info[i].IsTypedArray() ||
      info[i].As<Napi::TypedArray>().TypedArrayType() != napi_int16_array)
    throw_cti(info.Env(), err::kBadArgument, std::string(name) + ": expected an Int16Array");
  return info[i].As<Napi::Int16Array>();
}
double opt_number(const Napi::Object& o, const char* key, double dflt) {
  Napi::Value v = o.Get(key);
  if (v.IsUndefined()) return dflt;
  if (!v.IsNumber()) throw_cti(o.Env(), err::kBadArgument, std::string(key) + ": expected a number");
  return v.As<Napi::Number>().DoubleValue();
}
bool opt_bool(const Napi::Object& o, const char* key, bool dflt) {
  Napi::Value v = o.Get(key);
  if (v.IsUndefined()) return dflt;
  if (!v.IsBoolean()) throw_cti(o.Env(), err::kBadArgument, std::string(key) + ": expected a boolean");
  return v.As<Napi::Boolean>().Value();
}
std::string opt_string(const Napi::Object& o, const char* key, const std::string& dflt) {
  Napi::Value v = o.Get(key);
  if (v.IsUndefined()) return dflt;
  if (!v.IsString()) throw_cti(o.Env(), err::kBadArgument, std::string(key) + ": expected a string");
  return v.As<Napi::String>().Utf8Value();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  env.SetInstanceData(new AddonData());
  exports.Set("setErrorFactory", Napi::Function::New(env, SetErrorFactory));
  for (const Entry& e : entries()) e.fn(env, exports);
  return exports;
}

}  // namespace bcti::napi

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) { return bcti::napi::Init(env, exports); }

NODE_API_MODULE(boardcti, InitAddon)
