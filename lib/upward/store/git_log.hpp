#pragma once
// Reading the user's own commits for `upward harvest` (issue 12): `git -C PATH log`, through the
// process module (an argument vector, never a shell).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/model/commit.hpp"
#include "upward/store/process.hpp"

namespace upward::git_log {

/// `path` with a leading `~/` (or a lone `~`) replaced by HOME from `env`; other paths as given.
std::string expand_home(const std::string& path, const process::Env& env);

/// What is wrong with `path` as an entry of `[harvest] repos` (read from any folder, by cron in
/// HOME too): empty, or relative (it must be absolute or start with `~/`); nullopt when fine.
std::optional<std::string> configured_path_problem(const std::string& path);

/// The last component of a path as given (`~/src/api/` -> `api`); for `.`, `..` or `/`, that of
/// its real path.
std::string repo_name(const std::string& path);

/// The stable name of a repository in a win's `source` (`git:NAME@HASH`): the name of the folder
/// of its main work tree (a worktree of ~/src/api is `api` too, wherever it is), from
/// `git_common_dir` (`git rev-parse --git-common-dir`, relative to `path` or absolute) when that
/// is a `.git` folder, else repo_name(path).
std::string repo_name(const std::string& path, const std::string& git_common_dir);

/// The format `read_commits` asks git for: a record separator (0x1e), then NUL-terminated
/// fields %H %h %P %aE %aN %ad %at %s %b, then the --numstat lines.
inline constexpr const char* log_format = "%x1e%H%x00%h%x00%P%x00%aE%x00%aN%x00%ad%x00%at%x00%s%x00%b%x00";

/// The commits in `output` (git log with log_format, --numstat and --date=format-local:%Y-%m-%d),
/// named `repo`, in git's order. Text that is not UTF-8 has its other bytes replaced by '?'.
/// Error naming `repo` when a record is cut short.
std::vector<Commit> parse_log(std::string_view output, const std::string& repo);

/// A repository to read, found from a path given by the user.
struct Source {
  std::string path;    ///< as given (expand_home done): for messages
  std::string top;     ///< the real path of its work tree's top
  std::string common;  ///< the real path of its common git folder: the same for every path to one repository
  std::string name;    ///< repo_name(top, common): the REPO of `git:REPO@HASH`
};

/// The repository at `path` (expand_home done by the caller), through its real path: a link to a
/// repository is named after the repository. Error naming the path when it does not exist, is a
/// bare repository, is not a git repository, or is a folder inside one (naming its top).
Source locate(const std::string& path, const process::Env& env);

/// How many days before the period's first day `read_commits` asks git to start from: git walks
/// by committer date and stops at an older commit, while harvest selects by author date.
inline constexpr int committer_margin_days = 31;

/// Every author's commits on the local branches of `repo` whose committer date is on or after
/// committer_margin_days before `since` (the author date decides later, in harvest_candidates),
/// newest first, with the mailmapped author (%aE, %aN). A revert whose reverted commit
/// (`This reverts commit H`) is not among them is followed by that commit, read with one more
/// git call (so that a revert of the author's own older commit is recognised). Error naming the
/// path when git fails.
std::vector<Commit> read_commits(const Source& repo, dates::Day since, const process::Env& env);

}  // namespace upward::git_log
