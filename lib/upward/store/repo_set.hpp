#pragma once
// `upward set`: one record's fields changed in place, in one transaction and one commit.
#include <string>
#include <vector>

#include "upward/model/changes.hpp"
#include "upward/store/repo.hpp"

namespace upward {

/// Apply `changes` to the win `id`: only the changed values' text is replaced (or a missing key
/// added), every other byte stays; goals added must exist. A new date moves the win: its file
/// becomes wins/YYYY/MM/NEWID.toml (moved_win_stem(), a random suffix when that name is taken),
/// its outcome notes follow it, all in the same change (`set: OLD -> NEW`). `ids` holds the
/// win's id after the change. Values equal to the file's: a no-op with a note, nothing written.
/// Error at FILE:LINE:COL when the win's file does not read cleanly (it is never written then).
WriteResult set_win(Repo& repo, const std::string& id, const WinChanges& changes);

/// Apply `changes` to goals/ID.toml in place (`set: goals/ID.toml`). A new owner must be a
/// person (or me), goals added to `supports` must exist.
WriteResult set_goal(Repo& repo, const std::string& id, const GoalChanges& changes);

/// Apply `changes` to people/ID.toml in place (`set: people/ID.toml`).
WriteResult set_person(Repo& repo, const std::string& id, const PersonChanges& changes);

/// The outcome notes of the win `id` (outcomes/YYYY/MM/DATE-ID.toml, found by name whatever
/// their dates), relative to the repository: they move or go with the win.
std::vector<std::string> outcome_notes_of(const Repo& repo, const std::string& id);

}  // namespace upward
