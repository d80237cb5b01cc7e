#pragma once
#include <optional>
#include <string>
#include <vector>

#include "upward/config.hpp"
#include "upward/process.hpp"
#include "upward/win.hpp"

namespace upward {

struct InitOptions {
  std::string name, email;  ///< empty: taken from git's user.name / user.email
};

/// What a write did; `git_error` is set when the files are safe but the commit failed.
struct WriteResult {
  std::vector<std::string> ids;    ///< the new records' ids
  std::vector<std::string> paths;  ///< their files, relative to the repository
  bool created_repo = false;       ///< the repository was created by this write
  std::optional<std::string> git_error;
};

/// The repository: the only code that reads and writes its files. Every write holds the
/// repository lock across the write, `git add` and `git commit` (DESIGN §4).
class Repo {
 public:
  Repo(std::string dir, process::Env env) : dir_(std::move(dir)), env_(std::move(env)) {}

  const std::string& dir() const { return dir_; }
  /// `rel` inside the repository as the user can open it: `DIR/rel`.
  std::string path(const std::string& rel) const { return dir_ + "/" + rel; }
  /// True when the folder holds an upward.toml.
  bool initialized() const;
  /// upward.toml, read once; Error at the first problem, or when there is no repository.
  const Config& config();

  /// Create the repository: folders, upward.toml, .gitignore, `git init` and a first commit
  /// when git is installed. Returns what was written; Error when DIR already holds upward.toml.
  WriteResult init(const InitOptions& opt);

  /// Write each win to its own new file and commit them together. All or nothing: a failure
  /// removes the files this call wrote. Creates the repository first when DIR is missing or empty.
  WriteResult add_wins(const std::vector<Win>& wins);

  /// True when goals/ID.toml exists.
  bool goal_exists(const std::string& id) const;

  /// A fresh file for `log-win --edit` holding `text`; the caller removes it.
  std::string make_edit_file(const std::string& text) const;

  const process::Env& env() const { return env_; }

 private:
  WriteResult create(const InitOptions& opt);
  void commit(const std::vector<std::string>& paths, const std::string& message, WriteResult& result);

  std::string dir_;
  process::Env env_;
  std::optional<Config> config_;
};

}  // namespace upward
