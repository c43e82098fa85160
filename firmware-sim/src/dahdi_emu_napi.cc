// `new DahdiEmulator(simBoard.port(), { dchannel })`: the DAHDI emulator
// (dahdi_emu.h) as a JS object. `sys()` hands the engine the system-call
// table (a napi External) for `engine.addBoard({ driver: 'dahdi', sys })`;
// the other methods make the calls themselves, for tests of the DAHDI
// discipline, and play the D-channel's far end. `fuseMount(dir)` serves the
// emulator as files on a FUSE mount (dahdi_fuse.h) until `fuseUnmount()`.
#include "dahdi_emu_napi.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "dahdi_emu.h"
#include "dahdi_fuse.h"
#include "native/base/errors.h"

namespace bcti::sim {
namespace {

int num(const Napi::CallbackInfo& info, size_t i, const char* name) {
  if (info.Length() <= i || !info[i].IsNumber())
    throw Napi::TypeError::New(info.Env(), std::string(name) + ": expected a number");
  return info[i].As<Napi::Number>().Int32Value();
}

Napi::Uint8Array bytes(Napi::Env env, const std::vector<uint8_t>& v) {
  Napi::Uint8Array a = Napi::Uint8Array::New(env, v.size());
  if (!v.empty()) std::memcpy(a.Data(), v.data(), v.size());
  return a;
}

class DahdiEmulatorWrap : public Napi::ObjectWrap<DahdiEmulatorWrap> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "DahdiEmulator",
                       {
                           InstanceMethod<&DahdiEmulatorWrap::Sys>("sys"),
                           InstanceMethod<&DahdiEmulatorWrap::Channels>("channels"),
                           InstanceMethod<&DahdiEmulatorWrap::Open>("open"),
                           InstanceMethod<&DahdiEmulatorWrap::CloseFd>("closeFd"),
                           InstanceMethod<&DahdiEmulatorWrap::IoctlInt>("ioctlInt"),
                           InstanceMethod<&DahdiEmulatorWrap::Read>("read"),
                           InstanceMethod<&DahdiEmulatorWrap::Write>("write"),
                           InstanceMethod<&DahdiEmulatorWrap::Poll>("poll"),
                           InstanceMethod<&DahdiEmulatorWrap::Raise>("raise"),
                           InstanceMethod<&DahdiEmulatorWrap::DchanSend>("dchanSend"),
                           InstanceMethod<&DahdiEmulatorWrap::DchanTake>("dchanTake"),
                           InstanceMethod<&DahdiEmulatorWrap::FuseMount>("fuseMount"),
                           InstanceMethod<&DahdiEmulatorWrap::FuseUnmount>("fuseUnmount"),
                           InstanceMethod<&DahdiEmulatorWrap::Close>("close"),
                       });
  }

  DahdiEmulatorWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<DahdiEmulatorWrap>(info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsExternal())
      throw Napi::TypeError::New(env, "DahdiEmulator: expected a simulated board's port");
    DahdiEmuOptions opt;
    if (info.Length() > 1 && info[1].IsObject()) opt.dchannel = info[1].As<Napi::Object>().Get("dchannel").ToBoolean();
    try {
      emu_ = new DahdiEmu(info[0].As<Napi::External<bcti_sim_port>>().Data(), opt);
    } catch (const std::exception& e) {
      Napi::Error err = Napi::Error::New(env, e.what());
      err.Set("code", Napi::String::New(env, err::kBadArgument));
      throw err;
    }
  }
  ~DahdiEmulatorWrap() override { shutdown(); }

 private:
  void shutdown() {
    fuse_.reset();  // unmounts
    if (emu_) emu_->release();
    emu_ = nullptr;
  }
  DahdiEmu& emu(Napi::Env env) {
    if (!emu_) throw Napi::Error::New(env, "the DAHDI emulator is closed");
    return *emu_;
  }

  Napi::Value Sys(const Napi::CallbackInfo& info) {
    return Napi::External<bcti_sys>::New(info.Env(), const_cast<bcti_sys*>(emu(info.Env()).sys()));
  }
  Napi::Value Channels(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    auto chans = emu(env).channels();
    Napi::Array a = Napi::Array::New(env, chans.size());
    for (size_t i = 0; i < chans.size(); i++) {
      Napi::Object o = Napi::Object::New(env);
      o.Set("number", chans[i].number);
      o.Set("span", chans[i].span);
      o.Set("chanpos", chans[i].chanpos);
      o.Set("simChannel", chans[i].sim);
      o.Set("sig", Napi::Number::New(env, static_cast<double>(static_cast<uint32_t>(chans[i].sig))));
      a.Set(static_cast<uint32_t>(i), o);
    }
    return a;
  }
  // Each returns what the call returned: >= 0, or -errno.
  Napi::Value Open(const Napi::CallbackInfo& info) {
    if (info.Length() < 1 || !info[0].IsString()) throw Napi::TypeError::New(info.Env(), "open: expected a path");
    return Napi::Number::New(info.Env(), emu(info.Env()).open(info[0].As<Napi::String>().Utf8Value().c_str(), 0));
  }
  Napi::Value CloseFd(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), emu(info.Env()).close(num(info, 0, "fd")));
  }
  // An ioctl whose argument is one int (DAHDI_SPECIFY, DAHDI_HOOK, DAHDI_GETEVENT...): { ret, value }.
  Napi::Value IoctlInt(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 2 || !info[1].IsNumber())
      throw Napi::TypeError::New(env, "ioctlInt: expected fd, request, value");
    int v = info.Length() > 2 && info[2].IsNumber() ? info[2].As<Napi::Number>().Int32Value() : 0;
    uint64_t req = static_cast<uint64_t>(info[1].As<Napi::Number>().DoubleValue());
    int r = emu(env).ioctl(num(info, 0, "fd"), req, &v);
    Napi::Object o = Napi::Object::New(env);
    o.Set("ret", r);
    o.Set("value", v);
    return o;
  }
  Napi::Value Read(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    std::vector<uint8_t> buf(static_cast<size_t>(std::max(1, num(info, 1, "n"))));
    int64_t r = emu(env).read(num(info, 0, "fd"), buf.data(), buf.size());
    if (r < 0) return Napi::Number::New(env, static_cast<double>(r));
    buf.resize(static_cast<size_t>(r));
    return bytes(env, buf);
  }
  Napi::Value Write(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 2 || !info[1].IsTypedArray()) throw Napi::TypeError::New(env, "write: expected fd, Uint8Array");
    Napi::Uint8Array a = info[1].As<Napi::Uint8Array>();
    return Napi::Number::New(env, static_cast<double>(emu(env).write(num(info, 0, "fd"), a.Data(), a.ByteLength())));
  }
  // poll(fd, events): revents (or -errno).
  Napi::Value Poll(const Napi::CallbackInfo& info) {
    struct pollfd p {
      num(info, 0, "fd"), static_cast<short>(num(info, 1, "events")), 0
    };
    int r = emu(info.Env()).poll(&p, 1, 0);
    return Napi::Number::New(info.Env(), r < 0 ? r : p.revents);
  }
  Napi::Value Raise(const Napi::CallbackInfo& info) {
    return Napi::Boolean::New(info.Env(), emu(info.Env()).raise(num(info, 0, "channel"), num(info, 1, "event")));
  }
  Napi::Value DchanSend(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 2 || !info[1].IsTypedArray())
      throw Napi::TypeError::New(env, "dchanSend: expected span, Uint8Array");
    Napi::Uint8Array a = info[1].As<Napi::Uint8Array>();
    return Napi::Boolean::New(
        env, emu(env).dchan_send(num(info, 0, "span"), std::vector<uint8_t>(a.Data(), a.Data() + a.ByteLength())));
  }
  Napi::Value DchanTake(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    auto frames = emu(env).dchan_take(num(info, 0, "span"));
    Napi::Array a = Napi::Array::New(env, frames.size());
    for (size_t i = 0; i < frames.size(); i++) a.Set(static_cast<uint32_t>(i), bytes(env, frames[i]));
    return a;
  }
  // fuseMount(dir): serves the emulator's ctl and channel files on dir (an
  // existing empty directory); throws the reason when FUSE is unusable.
  Napi::Value FuseMount(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsString()) throw Napi::TypeError::New(env, "fuseMount: expected a directory");
    if (fuse_) throw Napi::Error::New(env, "fuseMount: already mounted on " + fuse_->dir());
    try {
      fuse_ = DahdiFuse::mount(&emu(env), info[0].As<Napi::String>().Utf8Value());
    } catch (const std::exception& e) {
      throw Napi::Error::New(env, e.what());
    }
    return env.Undefined();
  }
  Napi::Value FuseUnmount(const Napi::CallbackInfo& info) {
    fuse_.reset();
    return info.Env().Undefined();
  }
  Napi::Value Close(const Napi::CallbackInfo& info) {
    shutdown();
    return info.Env().Undefined();
  }

  DahdiEmu* emu_ = nullptr;
  std::unique_ptr<DahdiFuse> fuse_;
};

}  // namespace

Napi::Function dahdi_emulator_class(Napi::Env env) { return DahdiEmulatorWrap::Define(env); }

}  // namespace bcti::sim
