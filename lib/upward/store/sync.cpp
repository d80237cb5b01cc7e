#include "upward/store/sync.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/store/check.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/git.hpp"
#include "upward/store/transaction_detail.hpp"

namespace upward {

namespace {

/// git never opens an editor here (a rebase's messages are kept as they are); prompts for
/// credentials are left alone: a person at a terminal may need to type a password.
process::Env no_editor(const process::Env& env) {
  auto out = process::without(env, {"GIT_EDITOR", "GIT_SEQUENCE_EDITOR", "GIT_MERGE_AUTOEDIT"});
  out.insert(out.end(), {"GIT_EDITOR=:", "GIT_SEQUENCE_EDITOR=:", "GIT_MERGE_AUTOEDIT=no"});
  return out;
}

std::vector<std::string> nul_or_lines(const std::string& output, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= output.size(); ++i) {
    if (i < output.size() && output[i] != sep) continue;
    if (i > start) out.push_back(output.substr(start, i - start));
    start = i + 1;
  }
  return out;
}

/// `main` for `refs/heads/main`.
std::string short_name(const std::string& ref) { return ref.rfind("refs/heads/", 0) == 0 ? ref.substr(11) : ref; }

class Git {
 public:
  Git(std::string dir, process::Env env) : dir_(std::move(dir)), env_(no_editor(env)) {}
  process::Result run(const std::vector<std::string>& args) const { return git::run(dir_, args, env_); }
  /// git's stdout, trimmed; Error with git's message when it fails.
  std::string out(const std::vector<std::string>& args, const std::string& what) const {
    auto r = run(args);
    if (r.exit_code != 0) throw git::failure("sync: " + what, r);
    return text::trim(r.output);
  }
  /// The commit `rev` names, or "" when none.
  std::string rev(const std::string& rev) const {
    auto r = run({"rev-parse", "-q", "--verify", rev + "^{commit}"});
    return r.exit_code == 0 ? text::trim(r.output) : "";
  }
  /// How many commits `to` has that `from` lacks (`from` "": all of them).
  int count(const std::string& from, const std::string& to) const {
    if (to.empty()) return 0;
    std::vector<std::string> args{"rev-list", "--count", to};
    if (!from.empty()) args.push_back("^" + from);
    return std::stoi(out(args, "git rev-list"));
  }
  /// The value of a config key, or "".
  std::string config(const std::string& key) const { return git::config_get(dir_, key, env_); }
  const std::string& dir() const { return dir_; }
  const process::Env& env() const { return env_; }

 private:
  std::string dir_;
  process::Env env_;
};

/// Error unless DIR is the top level of a git repository of its own: sync never acts on an
/// enclosing repository.
void refuse_foreign(const Repo& repo) {
  const std::string& dir = repo.dir();
  if (git::is_repo(dir, repo.env())) return;
  if (!fsio::exists(dir))
    throw Error("sync: '" + dir + "' does not exist; to start from another machine's records: git clone URL " + dir);
  if (fsio::exists(dir + "/.git"))
    throw Error("sync: '" + dir + "/.git' is not a valid git repository of this folder's own; nothing was synced "
                "(upward never syncs an enclosing repository); move it away, then run 'upward init " + dir + "'");
  throw Error("sync: '" + dir + "' is not a git repository; nothing was synced (upward never syncs an enclosing "
              "repository); make it one: upward init " + dir + ", then git -C " + dir + " remote add origin URL");
}

/// Error when the user is in the middle of a rebase, a merge, a cherry-pick or a revert: that
/// is theirs to finish.
void refuse_in_progress(const Git& g) {
  for (auto [file, what] : {std::pair{"rebase-merge", "rebase"}, {"rebase-apply", "rebase"}, {"MERGE_HEAD", "merge"},
                            {"CHERRY_PICK_HEAD", "cherry-pick"}, {"REVERT_HEAD", "revert"}}) {
    if (!fsio::exists(g.dir() + "/.git/" + file)) continue;
    throw Error(fmt::format("sync: a {0} is in progress in '{1}'; nothing was synced; finish it (git -C {1} {0} "
                            "--continue) or abort it (git -C {1} {0} --abort), then run upward sync again",
                            what, g.dir()));
  }
}

bool rebase_in_progress(const Git& g) {
  return fsio::exists(g.dir() + "/.git/rebase-merge") || fsio::exists(g.dir() + "/.git/rebase-apply");
}

struct Upstream {
  std::string remote, ref;  ///< `origin`, `refs/heads/main`
  bool set = false;         ///< none was configured: `remote` is the only one, to become the upstream
};

/// The upstream of `branch`, or the only remote with the branch's own name.
Upstream upstream_of(const Git& g, const std::string& branch) {
  auto remotes = nul_or_lines(g.out({"remote"}, "git remote"), '\n');
  if (remotes.empty())
    throw Error("sync: no git remote is set; add one: git -C " + g.dir() + " remote add origin URL");
  Upstream u{g.config("branch." + branch + ".remote"), g.config("branch." + branch + ".merge"), false};
  if (u.remote == ".")
    throw Error(fmt::format("sync: the upstream of '{0}' is the local branch '{1}', not a remote; nothing was synced; "
                            "point it at a remote: git -C {2} config branch.{0}.remote REMOTE && git -C {2} config "
                            "branch.{0}.merge refs/heads/{0}",
                            branch, short_name(u.ref), g.dir()));
  if (!u.remote.empty() && !u.ref.empty()) return u;
  if (remotes.size() > 1) {
    std::string list;
    for (const auto& r : remotes) list += (list.empty() ? "" : ", ") + r;
    // set by config, this works whether or not the remote has the branch yet (an empty remote)
    throw Error(fmt::format("sync: the branch '{0}' has no upstream and there are several remotes ({1}); nothing "
                            "was synced; choose one: git -C {2} config branch.{0}.remote REMOTE && git -C {2} config "
                            "branch.{0}.merge refs/heads/{0}",
                            branch, list, g.dir()));
  }
  return {remotes.front(), "refs/heads/" + branch, true};
}

/// True when the remote has the branch: asked over the network only when this clone never saw
/// it (a new remote, or a clone of an empty one).
bool remote_has(const Git& g, const Upstream& u) {
  if (!u.set && !g.rev("refs/remotes/" + u.remote + "/" + short_name(u.ref)).empty()) return true;
  return !g.out({"ls-remote", "--heads", u.remote, u.ref}, "git ls-remote " + u.remote).empty();
}

/// Commit the record files a failed autocommit left behind (and records edited by hand): each
/// must pass `upward check`'s rules first, so a broken file never reaches the other clones.
void commit_leftovers(Repo& repo, const Git& g, dates::Day today, const std::function<void(const std::string&)>& note) {
  if (!repo.config().autocommit) return;  // the user commits by hand: their work tree is theirs
  auto paths = git::uncommitted(g.dir(), g.env());
  if (paths.empty()) return;
  std::string broken;
  for (const auto& rel : paths) {
    if (!fsio::exists(repo.path(rel))) continue;  // removed by hand: nothing to check
    std::vector<Problem> problems;
    try {
      problems = check_file(repo, rel, fsio::read_file(repo.path(rel)), today);
    } catch (const Error& e) {
      problems.push_back({e.where().value_or(SourceLoc{repo.path(rel), 0, 0}), e.what()});
    }
    for (const auto& p : problems)
      if (!p.warning)
        broken += fmt::format("\n{}:{}:{}: {}", p.where.path, std::max(p.where.line, 1u), std::max(p.where.column, 1u),
                              p.message);
  }
  if (!broken.empty())
    throw Error("sync: records not yet committed have problems; nothing was synced (a broken file would reach every "
                "clone): fix them (upward edit, or by hand; upward check lists them), then run upward sync again" +
                broken);
  try {
    git::commit(g.dir(), paths, "sync: records not yet committed\n", g.env(), detail::identity(repo));
  } catch (const Error& e) {
    throw Error("sync: cannot commit the records not yet committed (" + detail::quoted_list(paths) + "): " + e.what() +
                "\nnothing was synced");
  }
  note(fmt::format("first committed {} record file{} left uncommitted: {}", paths.size(), paths.size() == 1 ? "" : "s",
                   detail::quoted_list(paths)));
}

/// `git rebase --abort` after a pull that stopped, and the Error to report.
Error abort_pull(const Git& g, const Upstream& u, const process::Result& pull) {
  auto listed = g.run({"diff", "--name-only", "--diff-filter=U", "-z"});
  auto conflicts = listed.exit_code == 0 ? nul_or_lines(listed.output, '\0') : std::vector<std::string>{};
  auto aborted = g.run({"rebase", "--abort"});
  if (aborted.exit_code != 0)
    return Error(std::string(git::failure("sync: the pull stopped, and git rebase --abort", aborted).what()) +
                 "\nfinish or abort the rebase by hand: git -C " + g.dir() + " status");
  std::string redo = fmt::format("git -C {} pull --rebase --autostash {} {}", g.dir(), u.remote, short_name(u.ref));
  if (!conflicts.empty())
    return Error(fmt::format("sync: the pull conflicts in {}; nothing was changed (rebase aborted)\n"
                             "to merge by hand: {}, fix the files, git -C {} add them, git -C {} rebase --continue; "
                             "then upward sync",
                             detail::quoted_list(conflicts), redo, g.dir(), g.dir()));
  return Error(std::string(git::failure("sync: git pull --rebase from " + u.remote, pull).what()) +
               "\nnothing was changed (rebase aborted)");
}

}  // namespace

SyncResult sync(Repo& repo, dates::Day today, const std::function<void(const std::string&)>& note) {
  refuse_foreign(repo);
  WriteResult recovered;
  auto lock = repo.lock(recovered);
  for (const auto& n : recovered.notes) note(n);
  repo.config();  // a config upward cannot read: nothing is synced (Error at its location)
  Git g(repo.dir(), repo.env());
  refuse_in_progress(g);
  auto head_ref = g.run({"symbolic-ref", "-q", "--short", "HEAD"});
  if (head_ref.exit_code != 0)
    throw Error("sync: HEAD is detached in '" + repo.dir() + "' (no branch is checked out); nothing was synced; "
                "check out your branch first: git -C " + repo.dir() + " switch BRANCH");
  std::string branch = text::trim(head_ref.output);
  Upstream u = upstream_of(g, branch);
  SyncResult result{u.remote, short_name(u.ref), 0, 0};

  commit_leftovers(repo, g, today, note);
  std::string before = g.rev("HEAD"), fetched;
  if (remote_has(g, u)) {
    auto pulled = g.run({"pull", "--rebase", "--autostash", u.remote, u.ref});
    if (pulled.exit_code != 0) {
      if (rebase_in_progress(g)) throw abort_pull(g, u, pulled);
      throw git::failure("sync: git pull --rebase from " + u.remote, pulled);
    }
    fetched = g.rev("FETCH_HEAD");
    result.pulled = g.count(before, fetched);
    // the pull succeeded, but putting back the uncommitted changes it set aside conflicted: git
    // keeps them in the stash and leaves conflict markers; nothing is pushed until that is settled
    auto listed = g.run({"diff", "--name-only", "--diff-filter=U", "-z"});
    auto unmerged = listed.exit_code == 0 ? nul_or_lines(listed.output, '\0') : std::vector<std::string>{};
    if (!unmerged.empty())
      throw Error(fmt::format("sync: pulled {} from {}/{}, but your uncommitted changes to {} conflict with it: git "
                              "kept them in the stash (git -C {} stash list) and marked the conflicts in the files; "
                              "nothing was pushed; fix the files, git -C {} stash drop, then run upward sync again",
                              result.pulled == 1 ? "1 commit" : std::to_string(result.pulled) + " commits", u.remote,
                              short_name(u.ref), detail::quoted_list(unmerged), g.dir(), g.dir()));
  }
  std::string after = g.rev("HEAD");
  result.pushed = g.count(fetched, after);
  if (u.set) {
    auto pushed = g.run({"push", "--set-upstream", u.remote, branch});
    if (pushed.exit_code != 0) throw git::failure("sync: git push to " + u.remote, pushed);
    note(fmt::format("the branch '{}' had no upstream: it is now {}/{} (the only remote)", branch, u.remote, branch));
  } else if (result.pushed > 0) {
    auto pushed = g.run({"push", u.remote, "HEAD:" + u.ref});
    if (pushed.exit_code != 0) throw git::failure("sync: git push to " + u.remote, pushed);
  }
  return result;
}

}  // namespace upward
