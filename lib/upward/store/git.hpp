#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "upward/base/error.hpp"

#include "upward/store/process.hpp"

namespace upward::git {

/// Who a commit is by when git itself has no identity configured: `[me] name`/`email`.
struct Identity {
  std::string name, email;
};

/// True when `dir` is the top level of a valid git repository of its own: never true for a
/// folder inside an enclosing repository, nor for a `dir/.git` that is not a valid repository
/// (git would walk up to an enclosing one). Compares `git rev-parse --show-toplevel` with
/// `dir`'s real path.
bool is_repo(const std::string& dir, const process::Env& env);

/// True when `dir` is the top level of a git work tree (a `.git` folder, or a `.git` file of a
/// worktree or submodule), never a folder inside an enclosing repository: for reading a
/// repository's history (`harvest`), where is_repo's refusal of `.git` files does not apply.
bool is_work_tree_top(const std::string& dir, const process::Env& env);

/// `git -C DIR ARGS...` with git confined to DIR (nothing in the environment can point it
/// elsewhere, it never looks above DIR): the steps of `sync`, harvest's log. Call it once DIR is
/// known to be a repository's top (is_repo, is_work_tree_top); stdout and stderr captured
/// together. Error when git cannot start.
process::Result run(const std::string& dir, const std::vector<std::string>& args, const process::Env& env);

/// git's message in `output`, its lines kept (at most 40), for an Error.
std::string says(const std::string& output);

/// The commit HEAD names in DIR's own repository (its full hash); "" when none.
std::string head(const std::string& dir, const process::Env& env);

/// True when `dir/.git` exists but is not a valid repository (an interrupted `git init`).
bool is_broken(const std::string& dir, const process::Env& env);

/// Why a commit in DIR's own repository now would be lost or land off any branch: "HEAD is
/// detached", "a rebase is in progress", ... (read from DIR/.git, no git spawned); "" when a
/// commit is safe. Writers then save without committing, and say so; `sync` commits later.
std::string busy(const std::string& dir);

/// True when a `git` program can be run.
bool available(const process::Env& env);

/// `git init` in dir; a half-made `.git` (is_broken) is completed. Error with git's output.
void init(const std::string& dir, const process::Env& env);

/// `git config --get KEY` in dir, or "" when unset.
std::string config_get(const std::string& dir, const std::string& key, const process::Env& env);

/// Commit exactly `paths` (relative to dir; new, changed or removed files), as
/// `git commit --only PATHS` would: the paths reach git on stdin (never one argument per file,
/// never as pathspecs: 30,000 paths commit), the message on stdin; whatever else is staged
/// stays staged and out of the commit; hooks run. Only when is_repo(dir), else an Error that
/// names `DIR/.git` and the remedy: never commits into an enclosing repository. `fallback`
/// is the author and committer where git has no identity (`-c user.name/user.email`, only
/// then). Error with git's whole message (its lines kept) when a step fails. A message
/// holding NUL is an Error before git runs.
void commit(const std::string& dir, const std::vector<std::string>& paths, const std::string& message,
            const process::Env& env, const Identity& fallback = {});

/// The paths among `paths` (relative to dir) whose text differs from the last commit
/// (hand edits not yet committed, a tracked file deleted by hand included), and those git never
/// had (untracked, not ignored: a record made by hand). Empty when no git or no commit yet.
std::vector<std::string> modified(const std::string& dir, const std::vector<std::string>& paths,
                                  const process::Env& env);

/// The record files (`*.toml`, relative to dir) that are untracked, staged or modified:
/// what `check` reports as not committed when autocommit is on. Empty when no git.
std::vector<std::string> uncommitted(const std::string& dir, const process::Env& env);

/// True when `tag` may be a machine tag: 1 to 12 characters of [a-z0-9].
bool is_machine_tag(std::string_view tag);

/// What this clone's new file names end in (DESIGN §3: two machines never pick the same new
/// name). "" when DIR has no `.git` folder (git is not even run) or its repository has no remote:
/// no other clone can create files then. Else `upward.machine` from DIR/.git/config alone (a
/// global config may be shared by every machine through a dotfiles repository), made of 4
/// random [a-z0-9] and stored there (`git config --local`) when unset; `made` tells. One git run
/// reads the tag and the remotes. Error naming the key and the remedy when the value is not a
/// machine tag or cannot be stored. Call it under the repository lock (it may write .git/config).
std::string machine_tag(const std::string& dir, const process::Env& env, bool* made = nullptr);

/// "WHAT failed (exit N):" and git's whole message, its lines kept (as commit() reports).
Error failure(const std::string& what, const process::Result& r);

/// `text` on one line (newlines and tabs become spaces, other control bytes such as NUL and
/// ESC are dropped), cut to at most `max` bytes with "..."
/// and never inside a UTF-8 character: for commit subjects like `log-win: Cut checkout p99`.
std::string one_line(const std::string& text, std::size_t max);

}  // namespace upward::git
