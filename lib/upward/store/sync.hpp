#pragma once
// `upward sync`: the repository's own git repository pulled (rebase) and pushed.
#include <functional>
#include <string>
#include <vector>

#include "upward/store/repo.hpp"

namespace upward {

/// What a sync did.
struct SyncResult {
  std::string remote, branch;  ///< what it synced with: `origin`, `main` (the remote's branch)
  int pulled = 0;              ///< commits of the remote that were new here
  int pushed = 0;              ///< commits of this clone that the remote lacked
};

/// `git pull --rebase --autostash` then `git push`, in DIR's own git repository, under the
/// repository lock (a writer waits until it is done). First the record files a failed autocommit
/// left behind (git::uncommitted) are committed as `sync: records not yet committed`, once each
/// passes check_file's rules as of `today` (else Error naming every problem, nothing synced).
/// Uncommitted changes that conflict with the pull when put back: Error, nothing pushed. Without
/// an upstream, the only remote is used with the branch's own name (pulled only when the remote
/// has that branch) and becomes the upstream (`push --set-upstream`). A pull that conflicts is
/// aborted (`git rebase --abort`): the branch and the work tree are as before, and the Error
/// names the conflicting files. Git never opens an editor. Error (`sync: ...`, git's own lines
/// kept) when DIR is not its own git repository, HEAD is detached, a rebase is in progress, no
/// remote is set, several are and none is the upstream, or git fails. `note` receives what the
/// user should know as it happens (records committed first, the upstream set).
SyncResult sync(Repo& repo, dates::Day today, const std::function<void(const std::string&)>& note);

}  // namespace upward
