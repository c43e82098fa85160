#include "drivers/dahdi/dahdi_sys.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace bcti::drv {
namespace {

class KernelSys final : public DahdiSys {
 public:
  int open(const char* path, int flags) override { return ::open(path, flags); }
  int close(int fd) override { return ::close(fd); }
  int ioctl(int fd, unsigned long request, void* arg) override { return ::ioctl(fd, request, arg); }
  ssize_t read(int fd, void* buf, size_t n) override { return ::read(fd, buf, n); }
  ssize_t write(int fd, const void* buf, size_t n) override { return ::write(fd, buf, n); }
  int poll(struct pollfd* fds, nfds_t n, int timeout_ms) override { return ::poll(fds, n, timeout_ms); }
  std::string name() const override { return "the kernel"; }
};

// -errno from the table becomes -1 and errno, as libc reports it.
template <typename T>
T libc_style(T r) {
  if (r >= 0) return r;
  errno = static_cast<int>(-r);
  return -1;
}

class TableSys final : public DahdiSys {
 public:
  explicit TableSys(const bcti_sys* t) : t_(t) { t_->retain(t_->ctx); }
  ~TableSys() override { t_->release(t_->ctx); }
  int open(const char* path, int flags) override { return libc_style(t_->open(t_->ctx, path, flags)); }
  int close(int fd) override { return libc_style(t_->close(t_->ctx, fd)); }
  int ioctl(int fd, unsigned long request, void* arg) override {
    return libc_style(t_->ioctl(t_->ctx, fd, request, arg));
  }
  ssize_t read(int fd, void* buf, size_t n) override { return libc_style(t_->read(t_->ctx, fd, buf, n)); }
  ssize_t write(int fd, const void* buf, size_t n) override { return libc_style(t_->write(t_->ctx, fd, buf, n)); }
  int poll(struct pollfd* fds, nfds_t n, int timeout_ms) override {
    return libc_style(t_->poll(t_->ctx, fds, n, timeout_ms));
  }
  std::string name() const override { return t_->name ? t_->name : "a system-call table"; }

 private:
  const bcti_sys* t_;
};

}  // namespace

std::unique_ptr<DahdiSys> kernel_sys() { return std::make_unique<KernelSys>(); }

std::unique_ptr<DahdiSys> table_sys(const bcti_sys* table) {
  if (!table) throw std::invalid_argument("system-call table: null");
  if (table->abi_version != BCTI_SYS_ABI_VERSION || table->struct_size < sizeof(bcti_sys))
    throw std::invalid_argument("system-call table: ABI version " + std::to_string(table->abi_version) +
                                ", this driver speaks " + std::to_string(BCTI_SYS_ABI_VERSION));
  return std::make_unique<TableSys>(table);
}

}  // namespace bcti::drv
