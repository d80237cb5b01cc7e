// LD_PRELOAD shim for the reliability suite: fail the Nth call of one function with an errno.
//   FAULT_FN=write|fsync|rename|unlink|mkostemp FAULT_N=3 FAULT_ERRNO=28 LD_PRELOAD=libfaultinj.so upward log-win ...
// Only upward's own file writes count (fd > 2); the shim removes itself from the environment
// so the git processes upward starts run unharmed.
#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {
const char* fault_fn = nullptr;
int fault_n = 0, fault_errno = 0, calls = 0;

__attribute__((constructor)) void setup() {
  if (const char* fn = std::getenv("FAULT_FN")) fault_fn = strdup(fn);
  if (const char* n = std::getenv("FAULT_N")) fault_n = std::atoi(n);
  if (const char* e = std::getenv("FAULT_ERRNO")) fault_errno = std::atoi(e);
  unsetenv("LD_PRELOAD");
}

bool hit(const char* fn) {
  if (!fault_fn || std::strcmp(fault_fn, fn) != 0) return false;
  if (++calls != fault_n) return false;
  errno = fault_errno;
  return true;
}

template <class F>
F real(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}
}  // namespace

extern "C" {
ssize_t write(int fd, const void* buf, size_t n) {
  static auto r = real<ssize_t (*)(int, const void*, size_t)>("write");
  if (fd > 2 && hit("write")) return -1;
  return r(fd, buf, n);
}
int fsync(int fd) {
  static auto r = real<int (*)(int)>("fsync");
  if (hit("fsync")) return -1;
  return r(fd);
}
int unlink(const char* p) {
  static auto r = real<int (*)(const char*)>("unlink");
  if (hit("unlink")) return -1;
  return r(p);
}
int mkostemp(char* tmpl, int flags) {
  static auto r = real<int (*)(char*, int)>("mkostemp");
  if (hit("mkostemp")) return -1;
  return r(tmpl, flags);
}
int rename(const char* a, const char* b) {
  static auto r = real<int (*)(const char*, const char*)>("rename");
  if (hit("rename")) return -1;
  return r(a, b);
}
}
