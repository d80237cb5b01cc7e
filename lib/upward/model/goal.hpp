#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "upward/base/dates.hpp"

namespace upward {

/// The statuses a goal update may set, in the order they are listed in messages.
inline const std::vector<std::string> goal_statuses{"on-track", "at-risk", "blocked", "done", "dropped"};

/// One dated `[[update]]` table of a goal file; absent fields carry the previous value forward.
struct GoalUpdate {
  dates::Day date;
  std::optional<int> progress;  ///< 0..100
  std::string status;           ///< empty: unchanged
  std::string note;
};

/// A goal: goals/ID.toml. `owner` is "me" or a person id (the boss's goals).
struct Goal {
  std::string id, title, owner = "me", why;
  std::optional<dates::Day> created, due;
  std::vector<std::string> supports;  ///< ids of the goals this one serves
  std::vector<GoalUpdate> updates;    ///< in file order (normally oldest first; see updates_as_of)
  bool is_private = false;
};

/// What a goal's updates add up to on one day (DESIGN §3: current state is derived from records, as of a day).
struct GoalState {
  std::string status = "on-track";
  int progress = 0;
  std::optional<dates::Day> last_update;  ///< the later of the last update's date and `created`
  std::optional<dates::Day> status_since; ///< the date of the update that set the status, else `created`
  std::optional<int> days_since_update;
  bool recorded = true; ///< created on or before the day (or no `created`): the goal existed then
  bool active = true;   ///< not done, not dropped
  bool stale = false;   ///< active and no update for more than the stale limit
  bool overdue = false; ///< active and due before the day
};

/// The updates dated on or before `day`, ordered by date, file order breaking ties: the history
/// as it stood that day. A forgotten update recorded later with an earlier date takes its place.
std::vector<GoalUpdate> updates_as_of(const Goal& goal, dates::Day day);

/// The state at the end of `today`: the updates of updates_as_of() folded, each field carried
/// forward; later updates do not count. `stale_after_days` comes from upward.toml.
GoalState goal_state(const Goal& goal, dates::Day today, int stale_after_days);

/// True when the goal was active (not done, not dropped) on at least one day of `range`: at its
/// start, or after an update dated within it. `created` does not limit it: a goal written down
/// late still served the work done before.
bool active_during(const Goal& goal, const dates::DateRange& range);

/// The positions (in `updates`, as given) of the updates that come, by date, after the goal is
/// done and set no status: they change a finished goal without reopening it.
std::vector<size_t> updates_after_done(const std::vector<GoalUpdate>& updates);

/// `40%`, `40` or `100%` -> 40; UsageError for anything outside 0..100 or not a whole number.
int parse_progress(std::string_view s);

/// The text of a new goal file: the goal's keys, no updates.
std::string goal_to_toml(const Goal& goal);

/// The text appended to a goal file for one update: a blank line, then `[[update]]`.
std::string update_to_toml(const GoalUpdate& update);

/// Check what a person typed for a new goal: a slug id, a title, valid UTF-8. UsageError or Error.
void validate_goal(const Goal& goal);

}  // namespace upward
