// `kernelCalls`: the same raw calls as a DahdiEmulator's (open, closeFd,
// ioctlInt, read, write, poll), made as real system calls on real file
// descriptors, for tests that check the DAHDI discipline through the kernel
// (the emulator's files on a FUSE mount, dahdi_fuse.h). Each returns what the
// call returned: >= 0, or -errno.
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "dahdi_emu_napi.h"

namespace bcti::sim {
namespace {

int num(const Napi::CallbackInfo& info, size_t i, const char* name) {
  if (info.Length() <= i || !info[i].IsNumber())
    throw Napi::TypeError::New(info.Env(), std::string(name) + ": expected a number");
  return info[i].As<Napi::Number>().Int32Value();
}

Napi::Number result(Napi::Env env, long r) { return Napi::Number::New(env, static_cast<double>(r < 0 ? -errno : r)); }

// open(path): O_RDWR | O_NONBLOCK | O_CLOEXEC, as drivers/dahdi opens.
Napi::Value Open(const Napi::CallbackInfo& info) {
  if (info.Length() < 1 || !info[0].IsString()) throw Napi::TypeError::New(info.Env(), "open: expected a path");
  return result(info.Env(), ::open(info[0].As<Napi::String>().Utf8Value().c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
}

Napi::Value CloseFd(const Napi::CallbackInfo& info) { return result(info.Env(), ::close(num(info, 0, "fd"))); }

// ioctlInt(fd, request, value): an ioctl on one int, { ret, value }.
Napi::Value IoctlInt(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[1].IsNumber())
    throw Napi::TypeError::New(env, "ioctlInt: expected fd, request, value");
  int v = info.Length() > 2 && info[2].IsNumber() ? info[2].As<Napi::Number>().Int32Value() : 0;
  unsigned long req = static_cast<unsigned long>(info[1].As<Napi::Number>().DoubleValue());
  int r = ::ioctl(num(info, 0, "fd"), req, &v);
  Napi::Object o = Napi::Object::New(env);
  o.Set("ret", r < 0 ? -errno : r);
  o.Set("value", v);
  return o;
}

Napi::Value Read(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::vector<uint8_t> buf(static_cast<size_t>(std::max(1, num(info, 1, "n"))));
  ssize_t r = ::read(num(info, 0, "fd"), buf.data(), buf.size());
  if (r < 0) return Napi::Number::New(env, -errno);
  Napi::Uint8Array a = Napi::Uint8Array::New(env, static_cast<size_t>(r));
  if (r > 0) std::memcpy(a.Data(), buf.data(), static_cast<size_t>(r));
  return a;
}

Napi::Value Write(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[1].IsTypedArray()) throw Napi::TypeError::New(env, "write: expected fd, Uint8Array");
  Napi::Uint8Array a = info[1].As<Napi::Uint8Array>();
  return result(env, ::write(num(info, 0, "fd"), a.Data(), a.ByteLength()));
}

// poll(fd, events, timeoutMs = 0): revents (0 on timeout), or -errno.
Napi::Value Poll(const Napi::CallbackInfo& info) {
  int timeout = info.Length() > 2 && info[2].IsNumber() ? info[2].As<Napi::Number>().Int32Value() : 0;
  struct pollfd p {
    num(info, 0, "fd"), static_cast<short>(num(info, 1, "events")), 0
  };
  int r = ::poll(&p, 1, timeout);
  return Napi::Number::New(info.Env(), r < 0 ? -errno : p.revents);
}

}  // namespace

Napi::Object kernel_calls(Napi::Env env) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("open", Napi::Function::New(env, Open, "open"));
  o.Set("closeFd", Napi::Function::New(env, CloseFd, "closeFd"));
  o.Set("ioctlInt", Napi::Function::New(env, IoctlInt, "ioctlInt"));
  o.Set("read", Napi::Function::New(env, Read, "read"));
  o.Set("write", Napi::Function::New(env, Write, "write"));
  o.Set("poll", Napi::Function::New(env, Poll, "poll"));
  return o;
}

}  // namespace bcti::sim
