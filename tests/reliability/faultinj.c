/* LD_PRELOAD shim for the reliability suite: fail the Nth call of one family of functions with
 * an errno, inside upward only (or inside git only), and count the calls.
 *
 *   FAULT_FN=write FAULT_N=3 FAULT_ERRNO=28 LD_PRELOAD=libfaultinj.so upward log-win ...
 *
 * FAULT_FN     the family to fail: write, read (both only for descriptors > 2), fsync, rename
 *              (rename, renameat, renameat2), open (open, open64, openat, openat64 and the
 *              fortified __open_2 variants), mkostemp (mkostemp, mkostemps, mkdtemp), unlink
 *              (unlink, unlinkat) or flock. Unset: nothing fails (count mode).
 * FAULT_N      which call of that family fails (1-based; only that one).
 * FAULT_ERRNO  the errno it fails with (28 ENOSPC, 5 EIO, ...).
 * FAULT_COUNT_FILE  at exit, write "FAMILY COUNT" lines (every family's calls in this process),
 *              "at PATH" (what the failed call was about: its path, or the file its descriptor
 *              is open on; a rename's target) and "injected 0|1" to this file (appended: one
 *              block per process).
 * FAULT_IN     "upward" (default): active in the process that loads it first, which removes
 *              LD_PRELOAD from its environment at start, so the git processes upward starts
 *              run unharmed. "git": LD_PRELOAD stays, the shim is inactive in upward and active
 *              in every git process (each with its own count), and only in those whose command
 *              line has the word FAULT_GIT_CMD when that is set (e.g. "commit").
 *
 * What it cannot reach: calls glibc makes internally (stdio's fopen/fwrite/fclose, opendir,
 * mkostemp's own open, posix_spawn's), which never go through the symbols interposed here;
 * and pread, which upward uses to read git's output.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

enum family { F_WRITE, F_READ, F_FSYNC, F_RENAME, F_OPEN, F_MKOSTEMP, F_UNLINK, F_FLOCK, F_COUNT };
static const char* const names[F_COUNT] = {"write", "read", "fsync", "rename", "open", "mkostemp", "unlink", "flock"};

static int active;          /* this process counts and fails calls */
static int fault_family = -1;
static long fault_n;
static int fault_errno = EIO;
static int injected;
static char injected_at[4096];
static long calls[F_COUNT];
static char count_file[4096];

static int cmdline_has(const char* word) {
  /* read with raw syscalls: the interposed open/read must not count these */
  int fd = (int)syscall(SYS_openat, AT_FDCWD, "/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  static char buf[65536];
  ssize_t n = 0, got;
  while (n < (ssize_t)sizeof buf - 1 && (got = syscall(SYS_read, fd, buf + n, sizeof buf - 1 - (size_t)n)) > 0) n += got;
  syscall(SYS_close, fd);
  if (n < 0) n = 0;
  buf[n] = '\0';
  for (ssize_t at = 0; at < n; at += (ssize_t)strlen(buf + at) + 1)
    if (strcmp(buf + at, word) == 0) return 1;
  return 0;
}

static int is_git(void) {
  /* git and its own helpers (git-remote-*, git-upload-pack ...) */
  const char* me = program_invocation_short_name;
  return me && strncmp(me, "git", 3) == 0 && (me[3] == '\0' || me[3] == '-');
}

__attribute__((constructor)) static void setup(void) {
  const char* in = getenv("FAULT_IN");
  int in_git = in && strcmp(in, "git") == 0;
  if (in_git) {
    const char* cmd = getenv("FAULT_GIT_CMD");
    active = is_git() && (!cmd || !*cmd || cmdline_has(cmd));
  } else {
    active = 1;
    unsetenv("LD_PRELOAD"); /* before main copies the environment for its children */
  }
  const char* fn = getenv("FAULT_FN");
  for (int i = 0; fn && i < F_COUNT; ++i)
    if (strcmp(fn, names[i]) == 0) fault_family = i;
  if (getenv("FAULT_N")) fault_n = atol(getenv("FAULT_N"));
  if (getenv("FAULT_ERRNO")) fault_errno = atoi(getenv("FAULT_ERRNO"));
  const char* cf = getenv("FAULT_COUNT_FILE");
  if (cf && strlen(cf) < sizeof count_file) strcpy(count_file, cf);
  if (in_git && !active) count_file[0] = '\0';
}

__attribute__((destructor)) static void report(void) {
  if (!active || !count_file[0]) return;
  char text[6144];
  size_t len = 0;
  for (int i = 0; i < F_COUNT; ++i)
    len += (size_t)snprintf(text + len, sizeof text - len, "%s %ld\n", names[i], calls[i]);
  if (injected) len += (size_t)snprintf(text + len, sizeof text - len, "at %s\n", injected_at);
  len += (size_t)snprintf(text + len, sizeof text - len, "injected %d\n", injected);
  int fd = (int)syscall(SYS_openat, AT_FDCWD, count_file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return;
  syscall(SYS_write, fd, text, len);
  syscall(SYS_close, fd);
}

/* 1 when this call is the one to fail (errno set); `path` (or else the file `fd` is open on)
 * is remembered for the report. */
static int hit_at(int family, const char* path, int fd) {
  if (!active) return 0;
  long n = ++calls[family];
  if (family != fault_family || n != fault_n) return 0;
  injected = 1;
  if (path) {
    snprintf(injected_at, sizeof injected_at, "%s", path);
  } else {
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    long got = syscall(SYS_readlinkat, AT_FDCWD, link, injected_at, sizeof injected_at - 1);
    injected_at[got > 0 ? got : 0] = '\0';
  }
  for (char* c = injected_at; *c; ++c)
    if (*c == '\n') *c = '?';
  errno = fault_errno;
  return 1;
}

#define REAL(ret, name, ...)                                  \
  static ret (*real_##name)(__VA_ARGS__);                     \
  if (!real_##name) real_##name = (ret(*)(__VA_ARGS__))dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void* buf, size_t n) {
  REAL(ssize_t, write, int, const void*, size_t);
  if (fd > 2 && hit_at(F_WRITE, NULL, fd)) return -1;
  return real_write(fd, buf, n);
}

ssize_t read(int fd, void* buf, size_t n) {
  REAL(ssize_t, read, int, void*, size_t);
  if (fd > 2 && hit_at(F_READ, NULL, fd)) return -1;
  return real_read(fd, buf, n);
}

int fsync(int fd) {
  REAL(int, fsync, int);
  if (hit_at(F_FSYNC, NULL, fd)) return -1;
  return real_fsync(fd);
}

int rename(const char* a, const char* b) {
  REAL(int, rename, const char*, const char*);
  if (hit_at(F_RENAME, b, -1)) return -1;
  return real_rename(a, b);
}

int renameat(int da, const char* a, int db, const char* b) {
  REAL(int, renameat, int, const char*, int, const char*);
  if (hit_at(F_RENAME, b, -1)) return -1;
  return real_renameat(da, a, db, b);
}

int renameat2(int da, const char* a, int db, const char* b, unsigned flags) {
  REAL(int, renameat2, int, const char*, int, const char*, unsigned);
  if (hit_at(F_RENAME, b, -1)) return -1;
  return real_renameat2(da, a, db, b, flags);
}

/* open's mode is there only with O_CREAT or O_TMPFILE */
#define MODE_ARG(flags, mode)              \
  mode_t mode = 0;                         \
  if ((flags) & (O_CREAT | __O_TMPFILE)) { \
    va_list ap;                            \
    va_start(ap, flags);                   \
    mode = (mode_t)va_arg(ap, int);        \
    va_end(ap);                            \
  }

int open(const char* path, int flags, ...) {
  REAL(int, open, const char*, int, ...);
  MODE_ARG(flags, mode);
  if (hit_at(F_OPEN, path, -1)) return -1;
  return real_open(path, flags, mode);
}

int open64(const char* path, int flags, ...) {
  REAL(int, open64, const char*, int, ...);
  MODE_ARG(flags, mode);
  if (hit_at(F_OPEN, path, -1)) return -1;
  return real_open64(path, flags, mode);
}

int openat(int dirfd, const char* path, int flags, ...) {
  REAL(int, openat, int, const char*, int, ...);
  MODE_ARG(flags, mode);
  if (hit_at(F_OPEN, path, -1)) return -1;
  return real_openat(dirfd, path, flags, mode);
}

int openat64(int dirfd, const char* path, int flags, ...) {
  REAL(int, openat64, int, const char*, int, ...);
  MODE_ARG(flags, mode);
  if (hit_at(F_OPEN, path, -1)) return -1;
  return real_openat64(dirfd, path, flags, mode);
}

/* what -D_FORTIFY_SOURCE turns open(path, flags) into */
int __open_2(const char* path, int flags) {
  REAL(int, __open_2, const char*, int);
  if (hit_at(F_OPEN, path, -1)) return -1;
  return real___open_2(path, flags);
}

int __open64_2(const char* path, int flags) {
  REAL(int, __open64_2, const char*, int);
  if (hit_at(F_OPEN, path, -1)) return -1;
  return real___open64_2(path, flags);
}

int mkostemp(char* tmpl, int flags) {
  REAL(int, mkostemp, char*, int);
  if (hit_at(F_MKOSTEMP, tmpl, -1)) return -1;
  return real_mkostemp(tmpl, flags);
}

int mkostemps(char* tmpl, int suffixlen, int flags) {
  REAL(int, mkostemps, char*, int, int);
  if (hit_at(F_MKOSTEMP, tmpl, -1)) return -1;
  return real_mkostemps(tmpl, suffixlen, flags);
}

char* mkdtemp(char* tmpl) {
  REAL(char*, mkdtemp, char*);
  if (hit_at(F_MKOSTEMP, tmpl, -1)) return NULL;
  return real_mkdtemp(tmpl);
}

int unlink(const char* path) {
  REAL(int, unlink, const char*);
  if (hit_at(F_UNLINK, path, -1)) return -1;
  return real_unlink(path);
}

int unlinkat(int dirfd, const char* path, int flags) {
  REAL(int, unlinkat, int, const char*, int);
  if (hit_at(F_UNLINK, path, -1)) return -1;
  return real_unlinkat(dirfd, path, flags);
}

int flock(int fd, int op) {
  REAL(int, flock, int, int);
  if (hit_at(F_FLOCK, NULL, fd)) return -1;
  return real_flock(fd, op);
}
