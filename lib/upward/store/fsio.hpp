#pragma once
#include <string>
#include <vector>

namespace upward::fsio {

/// The whole file, or an Error naming it.
std::string read_file(const std::string& path);

/// True when `path` exists (any kind of file).
bool exists(const std::string& path);

/// Replace or create `path` with `data`, atomically: a temporary file in the same folder
/// (mkostemp), ::write, fsync, rename, fsync of the folder. A crash at any instant leaves the
/// old file or the new one; on an error before the rename the old file is untouched and the
/// temporary file removed. A new file is 0600; an existing file keeps its mode.
void atomic_write(const std::string& path, const std::string& data);

/// Create `dir` and its missing parents (0700 under umask 077), fsyncing each parent that gained one.
void make_dirs(const std::string& dir);

/// Remove `.NAME.tmp.XXXXXX` files left in `dir` by a killed writer. Call it under the lock.
void remove_stale_temps(const std::string& dir);

/// Remove `path` and fsync its folder; used to roll back files written by a failed batch.
void remove_file(const std::string& path);

/// An exclusive flock on `<dir>/.upward.lock`, held until destroyed, or until the process and
/// every child it started under the lock have exited.
class RepoLock {
 public:
  explicit RepoLock(const std::string& dir);
  ~RepoLock();
  RepoLock(const RepoLock&) = delete;
  RepoLock& operator=(const RepoLock&) = delete;

 private:
  int fd_ = -1;
};

/// The regular `*.toml` files under `dir` (recursively, hidden entries skipped), as paths
/// relative to `dir`, sorted.
std::vector<std::string> toml_files(const std::string& dir);

}  // namespace upward::fsio
