#pragma once
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace upward::fsio {

/// The whole file, or an Error naming it.
std::string read_file(const std::string& path);

/// True when `path` exists (any kind of file, a dangling symbolic link included).
bool exists(const std::string& path);

/// True for the names of upward's own temporary files, `.NAME.upward-tmp.XXXXXX`: a fixed
/// marker no person picks, so cleaning them never touches a user's `.notes.tmp.abcdef`.
bool is_upward_temp(std::string_view name);

/// Write `data` to a new temporary file beside `path` (`.NAME.upward-tmp.XXXXXX`, made by
/// mkostemp), with `path`'s mode when it exists (else 0600), ::write, fsync, close. Returns the
/// temporary's path; on an error it is removed and the Error names it.
std::string write_temp(const std::string& path, const std::string& data);

/// rename(2) `from` to `to`; Error naming `to`.
void rename_file(const std::string& from, const std::string& to);

/// fsync the folder `dir`; Error "WHAT, but cannot sync its folder 'DIR': ...".
void sync_dir(const std::string& dir, const std::string& what);

/// Replace or create `path` with `data`, atomically: write_temp, rename, fsync of the folder.
/// A crash at any instant leaves the old file or the new one; on an error before the rename the
/// old file is untouched and the temporary file removed.
void atomic_write(const std::string& path, const std::string& data);

/// Create `dir` and its missing parents (0700 under umask 077), fsyncing each parent that gained one.
void make_dirs(const std::string& dir);

/// Remove upward's own temporaries (is_upward_temp) left in `dir` by a killed writer; nothing
/// else. Call it under the lock.
void remove_stale_temps(const std::string& dir);

/// Remove `path` (a missing one is fine) and fsync its folder.
void remove_file(const std::string& path);

/// "'PATH' is a symbolic link (to 'TARGET'); upward never reads or writes through links: ...".
std::string link_message(const std::string& path);

/// Error when `rel` (relative to `root`) passes through a symbolic link: upward never writes
/// through a link, nor replaces one with a regular file. `root` itself may be a link.
void refuse_links(const std::string& root, const std::string& rel);

/// An exclusive flock on `<dir>/.upward.lock`, held until destroyed. Opened O_CLOEXEC, so no
/// child (git, a hook's background job) ever holds it; a link there is refused. After waiting a
/// second it says on `waiting` (when given) what it waits for.
class RepoLock {
 public:
  explicit RepoLock(const std::string& dir, std::FILE* waiting = nullptr);
  ~RepoLock();
  RepoLock(const RepoLock&) = delete;
  RepoLock& operator=(const RepoLock&) = delete;

 private:
  int fd_ = -1;
};

/// The regular `*.toml` files under `dir` (recursively, hidden entries skipped), as paths
/// relative to `dir`, sorted. Symbolic links are not followed: `links` (when given) receives
/// the relative path of each link met.
std::vector<std::string> toml_files(const std::string& dir, std::vector<std::string>* links = nullptr);

}  // namespace upward::fsio
