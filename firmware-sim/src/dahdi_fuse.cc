// The DAHDI emulator as a FUSE file system (dahdi_fuse.h), on libfuse3's
// low-level API.
#include "dahdi_fuse.h"

#include <stdexcept>

#include "dahdi_emu.h"

#ifdef BCTI_HAVE_FUSE3
#define FUSE_USE_VERSION 35  // ioctl's cmd as unsigned int
#include <fuse_lowlevel.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace bcti::sim {
namespace {

constexpr fuse_ino_t kCtl = 2, kChannel = 3;
constexpr double kTimeout = 3600;  // the tree never changes

// libfuse reports through a process-wide log function: keep its last message
// for the error a failed mount throws.
std::mutex g_log_mu;
std::string g_last_log;
void capture_log(enum fuse_log_level, const char* fmt, va_list ap) {
  char buf[512];
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  std::lock_guard<std::mutex> lk(g_log_mu);
  g_last_log = buf;
  while (!g_last_log.empty() && g_last_log.back() == '\n') g_last_log.pop_back();
}

// Mounts still up at exit (a test that never unmounted, process.exit()):
// detached there and their directories removed, so no dead mount outlives the
// process (a killed one's are swept by src/sim/dahdi-fuse.ts).
std::mutex g_live_mu;
std::set<std::string> g_live;
void unmount_live_at_exit() {
  std::lock_guard<std::mutex> lk(g_live_mu);
  for (const std::string& d : g_live)
    if (::umount2(d.c_str(), MNT_DETACH) == 0) ::rmdir(d.c_str());
}

class Fs final : public DahdiFuse {
 public:
  Fs(DahdiEmu* emu, std::string dir) : emu_(emu), dir_(std::move(dir)) { emu_->retain(); }
  ~Fs() override { unmount(); }

  void start();
  void unmount() override;
  const std::string& dir() const override { return dir_; }

  static Fs* of(fuse_req_t req) { return static_cast<Fs*>(fuse_req_userdata(req)); }
  static int fd_of(const fuse_file_info* fi) { return static_cast<int>(fi->fh); }

  // The operations.
  static void lookup(fuse_req_t req, fuse_ino_t parent, const char* name);
  static void getattr(fuse_req_t req, fuse_ino_t ino, fuse_file_info*);
  static void readdir(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, fuse_file_info*);
  static void open(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
  static void release(fuse_req_t req, fuse_ino_t, fuse_file_info* fi);
  static void read(fuse_req_t req, fuse_ino_t, size_t size, off_t, fuse_file_info* fi);
  static void write(fuse_req_t req, fuse_ino_t, const char* buf, size_t size, off_t, fuse_file_info* fi);
  static void ioctl(fuse_req_t req, fuse_ino_t, unsigned int cmd, void*, fuse_file_info* fi, unsigned flags,
                    const void* in, size_t in_size, size_t out_size);
  static void poll(fuse_req_t req, fuse_ino_t, fuse_file_info* fi, fuse_pollhandle* ph);

 private:
  void serve();
  void changed();  // the emulator's hook: wake every waiting poll

  DahdiEmu* emu_;
  std::string dir_;
  fuse_session* se_ = nullptr;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  bool mounted_ = false;
  std::atomic<uint64_t> gen_{0};  // counts changes, so a poll racing one is woken
  std::mutex ph_mu_;
  std::map<int, fuse_pollhandle*> ph_;  // emulator fd -> the kernel's last poll handle
};

void fill_attr(fuse_ino_t ino, struct stat* st) {
  std::memset(st, 0, sizeof *st);
  st->st_ino = ino;
  st->st_uid = ::geteuid();
  st->st_gid = ::getegid();
  if (ino == FUSE_ROOT_ID) st->st_mode = S_IFDIR | 0755, st->st_nlink = 2;
  else st->st_mode = S_IFREG | 0666, st->st_nlink = 1;
}

void Fs::lookup(fuse_req_t req, fuse_ino_t parent, const char* name) {
  fuse_ino_t ino = std::strcmp(name, "ctl") == 0 ? kCtl : std::strcmp(name, "channel") == 0 ? kChannel : 0;
  if (parent != FUSE_ROOT_ID || !ino) return (void)fuse_reply_err(req, ENOENT);
  fuse_entry_param e{};
  e.ino = ino;
  e.attr_timeout = e.entry_timeout = kTimeout;
  fill_attr(ino, &e.attr);
  fuse_reply_entry(req, &e);
}

void Fs::getattr(fuse_req_t req, fuse_ino_t ino, fuse_file_info*) {
  if (ino != FUSE_ROOT_ID && ino != kCtl && ino != kChannel) return (void)fuse_reply_err(req, ENOENT);
  struct stat st;
  fill_attr(ino, &st);
  fuse_reply_attr(req, &st, kTimeout);
}

void Fs::readdir(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, fuse_file_info*) {
  if (ino != FUSE_ROOT_ID) return (void)fuse_reply_err(req, ENOTDIR);
  static const std::pair<const char*, fuse_ino_t> entries[] = {
      {".", FUSE_ROOT_ID}, {"..", FUSE_ROOT_ID}, {"ctl", kCtl}, {"channel", kChannel}};
  std::vector<char> buf(size);
  size_t used = 0;
  for (off_t i = off; i < static_cast<off_t>(std::size(entries)); i++) {
    struct stat st;
    fill_attr(entries[i].second, &st);
    size_t n = fuse_add_direntry(req, buf.data() + used, size - used, entries[i].first, &st, i + 1);
    if (n > size - used) break;
    used += n;
  }
  fuse_reply_buf(req, buf.data(), used);
}

void Fs::open(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi) {
  if (ino != kCtl && ino != kChannel) return (void)fuse_reply_err(req, ino == FUSE_ROOT_ID ? EISDIR : ENOENT);
  Fs* fs = of(req);
  int fd = fs->emu_->open((fs->dir_ + (ino == kCtl ? "/ctl" : "/channel")).c_str(), fi->flags);
  if (fd < 0) return (void)fuse_reply_err(req, -fd);
  fi->fh = static_cast<uint64_t>(fd);
  fi->direct_io = 1;    // no page cache: every read()/write() reaches the emulator as it was made
  fi->nonseekable = 1;  // a device: offsets mean nothing
  fi->noflush = 1;
  fi->keep_cache = 0;
  if (fuse_reply_open(req, fi) != 0) fs->emu_->close(fd);  // the open was interrupted
}

void Fs::release(fuse_req_t req, fuse_ino_t, fuse_file_info* fi) {
  Fs* fs = of(req);
  {
    std::lock_guard<std::mutex> lk(fs->ph_mu_);
    auto it = fs->ph_.find(fd_of(fi));
    if (it != fs->ph_.end()) fuse_pollhandle_destroy(it->second), fs->ph_.erase(it);
  }
  fs->emu_->close(fd_of(fi));
  fuse_reply_err(req, 0);
}

void Fs::read(fuse_req_t req, fuse_ino_t, size_t size, off_t, fuse_file_info* fi) {
  std::vector<uint8_t> buf(std::max<size_t>(size, 1));
  int64_t r = of(req)->emu_->read(fd_of(fi), buf.data(), size);
  if (r < 0) return (void)fuse_reply_err(req, static_cast<int>(-r));  // ELAST (500) included
  fuse_reply_buf(req, reinterpret_cast<const char*>(buf.data()), static_cast<size_t>(r));
}

void Fs::write(fuse_req_t req, fuse_ino_t, const char* buf, size_t size, off_t, fuse_file_info* fi) {
  int64_t r = of(req)->emu_->write(fd_of(fi), buf, size);
  if (r < 0) return (void)fuse_reply_err(req, static_cast<int>(-r));
  fuse_reply_write(req, static_cast<size_t>(r));
}

void Fs::ioctl(fuse_req_t req, fuse_ino_t, unsigned int cmd, void*, fuse_file_info* fi, unsigned flags, const void* in,
               size_t in_size, size_t out_size) {
  if (flags & FUSE_IOCTL_DIR) return (void)fuse_reply_err(req, ENOTTY);
  // Restricted mode: the kernel sent _IOC_SIZE(cmd) bytes if the command
  // writes, and takes as many back if it reads.
  std::vector<uint8_t> arg(std::max<size_t>({_IOC_SIZE(cmd), in_size, out_size, sizeof(int)}), 0);
  if (in_size) std::memcpy(arg.data(), in, in_size);
  int r = of(req)->emu_->ioctl(fd_of(fi), cmd, arg.data());
  if (r < 0) return (void)fuse_reply_err(req, -r);
  fuse_reply_ioctl(req, r, out_size ? arg.data() : nullptr, out_size);
}

void Fs::poll(fuse_req_t req, fuse_ino_t, fuse_file_info* fi, fuse_pollhandle* ph) {
  Fs* fs = of(req);
  uint64_t gen = fs->gen_.load();
  struct pollfd p {
    fd_of(fi), static_cast<short>(POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM | POLLPRI), 0
  };
  int r = fs->emu_->poll(&p, 1, 0);
  if (r < 0) {
    if (ph) fuse_pollhandle_destroy(ph);
    return (void)fuse_reply_err(req, -r);
  }
  if (ph) {
    std::lock_guard<std::mutex> lk(fs->ph_mu_);
    fuse_pollhandle*& slot = fs->ph_[fd_of(fi)];
    if (slot) fuse_pollhandle_destroy(slot);
    slot = ph;
  }
  fuse_reply_poll(req, static_cast<unsigned>(static_cast<unsigned short>(p.revents)));
  if (fs->gen_.load() != gen) fs->changed();  // changed while we looked: wake the poll we just answered
}

void Fs::changed() {
  gen_.fetch_add(1);
  std::lock_guard<std::mutex> lk(ph_mu_);
  for (auto& [fd, ph] : ph_) fuse_lowlevel_notify_poll(ph), fuse_pollhandle_destroy(ph);
  ph_.clear();
}

void Fs::start() {
  fuse_lowlevel_ops ops{};
  ops.lookup = lookup;
  ops.getattr = getattr;
  ops.readdir = readdir;
  ops.open = open;
  ops.release = release;
  ops.read = read;
  ops.write = write;
  ops.ioctl = ioctl;
  ops.poll = poll;
  fuse_set_log_func(capture_log);
  {
    std::lock_guard<std::mutex> lk(g_log_mu);
    g_last_log.clear();
  }
  auto last = [] {
    std::lock_guard<std::mutex> lk(g_log_mu);
    return g_last_log.empty() ? std::string() : ": " + g_last_log;
  };
  std::string a0 = "boardcti-dahdi-fuse", a1 = "-o", a2 = "fsname=boardcti-dahdi,subtype=dahdi-emu";
  char* argv[] = {a0.data(), a1.data(), a2.data()};
  fuse_args args = FUSE_ARGS_INIT(3, argv);
  se_ = fuse_session_new(&args, &ops, sizeof ops, this);
  fuse_opt_free_args(&args);
  if (!se_) throw std::runtime_error("FUSE: cannot create a session" + last());
  if (fuse_session_mount(se_, dir_.c_str()) != 0) {
    fuse_session_destroy(se_);
    se_ = nullptr;
    throw std::runtime_error("FUSE: cannot mount " + dir_ + last());
  }
  mounted_ = true;
  {
    std::lock_guard<std::mutex> lk(g_live_mu);
    static bool hooked = (std::atexit(unmount_live_at_exit), true);
    (void)hooked;
    g_live.insert(dir_);
  }
  emu_->set_on_change([this] { changed(); });
  thread_ = std::thread([this] { serve(); });
}

// fuse_session_loop, but it stops when told: it never blocks on /dev/fuse
// longer than 50 ms.
void Fs::serve() {
  fuse_buf buf{};
  int fd = fuse_session_fd(se_);
  while (!stop_.load() && !fuse_session_exited(se_)) {
    struct pollfd p {
      fd, POLLIN, 0
    };
    int r = ::poll(&p, 1, 50);
    if (r < 0 && errno != EINTR) break;
    if (r <= 0) continue;
    if (p.revents & (POLLERR | POLLHUP | POLLNVAL)) break;  // the connection went away
    int n = fuse_session_receive_buf(se_, &buf);
    if (n == -EINTR || n == -EAGAIN) continue;
    if (n <= 0) break;
    fuse_session_process_buf(se_, &buf);
  }
  std::free(buf.mem);
}

void Fs::unmount() {
  if (!emu_) return;
  if (se_) {
    emu_->set_on_change(nullptr);
    stop_.store(true);
    if (thread_.joinable()) thread_.join();
    {
      std::lock_guard<std::mutex> lk(ph_mu_);
      for (auto& [fd, ph] : ph_) fuse_pollhandle_destroy(ph);
      ph_.clear();
    }
    // Closes /dev/fuse first (files still open now fail with ENOTCONN), then a
    // lazy umount.
    if (mounted_) fuse_session_unmount(se_);
    fuse_session_destroy(se_);
    se_ = nullptr;
    std::lock_guard<std::mutex> lk(g_live_mu);
    g_live.erase(dir_);
  }
  emu_->release();
  emu_ = nullptr;
}

}  // namespace

std::unique_ptr<DahdiFuse> DahdiFuse::mount(DahdiEmu* emu, const std::string& dir) {
  auto fs = std::make_unique<Fs>(emu, dir);
  fs->start();  // on failure, ~Fs releases the emulator
  return fs;
}

}  // namespace bcti::sim

#else  // built without libfuse3

namespace bcti::sim {
std::unique_ptr<DahdiFuse> DahdiFuse::mount(DahdiEmu*, const std::string&) {
  throw std::runtime_error(
      "firmware-sim was built without libfuse3 (apt-get install libfuse3-dev fuse3, then node src/setup/build-sim.mjs "
      "--force)");
}
}  // namespace bcti::sim

#endif
