#include "upward/store/fsio.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "upward/base/error.hpp"

namespace upward::fsio {

namespace {

std::string parent_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

void write_all(int fd, const std::string& data, const std::string& path) {
  const char* p = data.data();
  size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw sys_error("cannot write", path, errno);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
}

}  // namespace

std::string read_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0 && errno == ELOOP) throw Error(link_message(path));
  if (fd < 0) throw sys_error("cannot read", path, errno);
  std::string out;
  char buf[16384];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      throw sys_error("cannot read", path, err);
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

bool exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

bool is_upward_temp(std::string_view n) {
  auto pos = n.rfind(".upward-tmp.");
  return n.size() > 1 && n[0] == '.' && pos != std::string_view::npos && pos > 1 && n.size() - pos == 18;
}

std::string write_temp(const std::string& path, const std::string& data) {
  std::string dir = parent_of(path);
  std::string name = path.substr(path.rfind('/') + 1);
  std::string tmp = dir + "/." + name + ".upward-tmp.XXXXXX";
  int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) throw sys_error("cannot create a temporary file in", dir, errno);
  try {
    struct stat st;
    mode_t mode = ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) ? (st.st_mode & 07777) : 0600;
    if (::fchmod(fd, mode) != 0) throw sys_error("cannot set the mode of", tmp, errno);
    write_all(fd, data, tmp);
    if (::fsync(fd) != 0) throw sys_error("cannot sync", tmp, errno);
    int rc = ::close(fd);
    fd = -1;
    if (rc != 0) throw sys_error("cannot close", tmp, errno);
  } catch (...) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  return tmp;
}

void rename_file(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) throw sys_error("cannot rename the temporary file to", to, errno);
}

void sync_dir(const std::string& dir, const std::string& what) {
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) throw sys_error(what + ", but cannot open its folder to sync it", dir, errno);
  int rc = ::fsync(dfd);
  int err = errno;
  ::close(dfd);
  if (rc != 0) throw sys_error(what + ", but cannot sync its folder", dir, err);
}

void atomic_write(const std::string& path, const std::string& data) {
  std::string tmp = write_temp(path, data);
  try {
    rename_file(tmp, path);
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
  sync_dir(parent_of(path), "wrote '" + path + "'");
}

void make_dirs(const std::string& dir) {
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) throw Error("'" + dir + "' exists and is not a folder");
    return;
  }
  std::string parent = parent_of(dir);
  if (parent != dir) make_dirs(parent);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) throw sys_error("cannot create folder", dir, errno);
  sync_dir(parent, "created '" + dir + "'");
}

void remove_stale_temps(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  std::vector<std::string> stale;
  while (auto* e = ::readdir(d))
    if (is_upward_temp(e->d_name)) stale.emplace_back(e->d_name);
  ::closedir(d);
  for (const auto& n : stale) ::unlink((dir + "/" + n).c_str());
}

void remove_file(const std::string& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) throw sys_error("cannot remove", path, errno);
  sync_dir(parent_of(path), "removed '" + path + "'");
}

std::string link_message(const std::string& path) {
  char target[4096];
  ssize_t n = ::readlink(path.c_str(), target, sizeof target - 1);
  std::string to = n > 0 ? std::string(target, static_cast<size_t>(n)) : "?";
  return "'" + path + "' is a symbolic link (to '" + to +
         "'); upward never reads or writes through links: replace it with the real file or folder";
}

void refuse_links(const std::string& root, const std::string& rel) {
  std::string p = root;
  size_t start = 0;
  while (start <= rel.size()) {
    size_t slash = rel.find('/', start);
    if (slash == std::string::npos) slash = rel.size();
    p += "/" + rel.substr(start, slash - start);
    struct stat st;
    if (::lstat(p.c_str(), &st) != 0) return;  // missing: upward creates it as a real folder or file
    if (S_ISLNK(st.st_mode)) throw Error(link_message(p));
    start = slash + 1;
  }
}

RepoLock::RepoLock(const std::string& dir, std::FILE* waiting) {
  std::string path = dir + "/.upward.lock";
  // O_CLOEXEC: git and the jobs its hooks leave running never inherit the lock; upward itself
  // holds it across the whole git run. O_NOFOLLOW: a link there is refused, never followed.
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd_ < 0 && errno == ELOOP)
    throw Error("'" + path + "' is a symbolic link; upward locks only its own file there (remove the link)");
  if (fd_ < 0) throw sys_error("cannot open the lock file", path, errno);
  auto fail = [&](int err) {
    ::close(fd_);
    throw sys_error("cannot lock", path, err);
  };
  // Poll for a second, then say what we wait for and block.
  for (int i = 0; i < 50; ++i) {
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
    if (errno != EWOULDBLOCK && errno != EINTR) fail(errno);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (waiting)
    fmt::print(waiting, "upward: waiting for the lock on '{}' (another upward is writing to this repository)\n", path);
  while (::flock(fd_, LOCK_EX) != 0)
    if (errno != EINTR) fail(errno);
}

RepoLock::~RepoLock() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {
void walk(const std::string& root, const std::string& rel, std::vector<std::string>& out,
          std::vector<std::string>* links) {
  std::string here = rel.empty() ? root : root + "/" + rel;
  DIR* d = ::opendir(here.c_str());
  if (!d) return;
  std::vector<std::pair<std::string, bool>> entries;
  while (auto* e = ::readdir(d)) {
    if (e->d_name[0] == '.') continue;
    std::string child = rel.empty() ? e->d_name : rel + "/" + e->d_name;
    struct stat st;
    if (::lstat((root + "/" + child).c_str(), &st) != 0) continue;
    if (S_ISLNK(st.st_mode) && links) links->push_back(child);
    if (S_ISDIR(st.st_mode)) entries.emplace_back(child, true);
    else if (S_ISREG(st.st_mode) && child.size() > 5 && child.compare(child.size() - 5, 5, ".toml") == 0)
      entries.emplace_back(child, false);
  }
  ::closedir(d);
  for (auto& [child, is_dir] : entries) {
    if (is_dir) walk(root, child, out, links);
    else out.push_back(child);
  }
}
}  // namespace

std::vector<std::string> toml_files(const std::string& dir, std::vector<std::string>* links) {
  std::vector<std::string> out;
  walk(dir, "", out, links);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace upward::fsio
