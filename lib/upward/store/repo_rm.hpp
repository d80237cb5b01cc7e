#pragma once
// `upward rm`: one record's file removed in one transaction and one commit (`rm: PATH`).
#include <string>
#include <vector>

#include "upward/store/repo.hpp"

namespace upward {

/// What a removal did.
struct Removal {
  WriteResult write;               ///< `paths`: the files removed, the record's first
  bool committed = false;          ///< the removal is a git commit of its own: its parent still holds the files
  std::string commit;              ///< that commit's hash
  std::vector<std::string> left;   ///< with `force`: the records that still name it ("win 2026-11-20-x")
};

/// Every removal is refused, unless `force`, when no git history would keep a copy (autocommit
/// off, or DIR not a git repository of its own).

/// Refusals name at most this many referring records, then "and N more".
inline constexpr std::size_t max_named_references = 10;

/// Remove wins/YYYY/MM/ID.toml and the win's outcome notes. Nothing else names a win, so
/// `force` changes nothing. The file need not parse.
Removal remove_win(Repo& repo, const std::string& id, bool force);

/// Remove goals/ID.toml. Error naming them while wins (their `goals`) or goals (their
/// `supports`) name it, unless `force`: then they are left naming it (`upward check` reports them).
Removal remove_goal(Repo& repo, const std::string& id, bool force);

/// Remove people/ID.toml. Error naming them while goals are owned by the person, upward.toml's
/// `manager` names them, or 1on1s/ID/ holds 1:1 records or talking points, unless `force`.
/// Wins they have seen or gave as kudos and action items they own keep naming them: `check`
/// lists those as notes, as for anyone outside people/.
Removal remove_person(Repo& repo, const std::string& id, bool force);

/// Remove the talking point 1on1s/PERSON/topics/ID.toml: `with` names the person, else it is
/// searched in every person's topics (Error when several have it). Error naming them while 1:1
/// records list it as covered (`topics`), unless `force`.
Removal remove_topic(Repo& repo, const std::string& id, const std::string& with, bool force);

}  // namespace upward
