#pragma once
// Reading the user's own commits for `upward harvest` (issue 12): `git -C PATH log`, through the
// process module (an argument vector, never a shell).
#include <string>
#include <string_view>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/model/commit.hpp"
#include "upward/store/process.hpp"

namespace upward::git_log {

/// `path` with a leading `~/` (or a lone `~`) replaced by HOME from `env`; other paths as given.
std::string expand_home(const std::string& path, const process::Env& env);

/// The last component of a path as given (`~/src/api/` -> `api`); for `.`, `..` or `/`, that of
/// its real path.
std::string repo_name(const std::string& path);

/// The stable name of a repository in a win's `source` (`git:NAME@HASH`): the name of the folder
/// of its main work tree (a worktree of ~/src/api is `api` too, wherever it is), from
/// `git_common_dir` (`git rev-parse --git-common-dir`, relative to `path` or absolute) when that
/// is a `.git` folder, else repo_name(path).
std::string repo_name(const std::string& path, const std::string& git_common_dir);

/// The format `read_commits` asks git for: a record separator (0x1e), then NUL-terminated
/// fields %H %h %P %ae %an %ad %at %s %b, then the --numstat lines.
inline constexpr const char* log_format = "%x1e%H%x00%h%x00%P%x00%ae%x00%an%x00%ad%x00%at%x00%s%x00%b%x00";

/// The commits in `output` (git log with log_format, --numstat and --date=format-local:%Y-%m-%d),
/// named `repo`, in git's order. Text that is not UTF-8 has its other bytes replaced by '?'.
/// Error naming `repo` when a record is cut short.
std::vector<Commit> parse_log(std::string_view output, const std::string& repo);

/// Every author's commits on the local branches of the repository at `path` (expand_home done by
/// the caller) whose committer date is on or after the day before `since` (git's --since; the
/// author date decides later, in harvest_candidates), newest first. Error naming the path when it
/// does not exist, is not the top of a git work tree of its own (git -C would walk up to an
/// enclosing one), or git fails.
/// Commits are named by repo_name(path, common dir).
std::vector<Commit> read_commits(const std::string& path, dates::Day since, const process::Env& env);

}  // namespace upward::git_log
