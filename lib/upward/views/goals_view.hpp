#pragma once
// What the goals commands show, computed from records: pure functions, no files.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/model/goal.hpp"
#include "upward/model/person.hpp"
#include "upward/model/win.hpp"

namespace upward {

/// A goal as it stood on a day: its updates up to that day, by date, and its state then.
struct GoalRow {
  Goal goal;  ///< `updates` holds only those dated on or before the day, by date
  GoalState state;
};

/// The goal as of `day` (DESIGN §3): later updates do not count, earlier ones are in date order.
GoalRow goal_row(const Goal& goal, dates::Day day, int stale_after_days);

/// The goals of one owner: "me", or a person.
struct OwnerGroup {
  std::string owner;  ///< "me" or a person id
  std::string label;  ///< "My goals", "Dana Okafor (dana), manager"
  std::vector<GoalRow> rows;
};

struct GoalsQuery {
  dates::Day today;                   ///< states are computed as of this day
  int stale_after_days = 21;
  std::string manager;                ///< the primary manager, listed right after the user
  bool all = false;                   ///< include done and dropped goals
  std::optional<std::string> owner;   ///< only this owner ("me" or a person id)
};

/// Goals as of `q.today`, grouped by owner: the user's first, then the primary manager, then the
/// others by id; within a group by due date (none last), then id. Goals created after that day
/// and empty groups are left out.
std::vector<OwnerGroup> group_goals(std::span<const Goal> goals, std::span<const Person> people, const GoalsQuery& q);

/// The label of an owner: "My goals", or "Dana Okafor (dana), manager" (the id alone when unknown).
std::string owner_label(const std::string& owner, std::span<const Person> people);

/// True when `owner` is one of the user's bosses: the primary manager, or a person whose
/// relationship is manager or skip-level. Peers, mentors, stakeholders and unknown ids are not.
bool is_boss(const std::string& owner, std::span<const Person> people, const std::string& manager);

/// One of the user's goals serving another goal, directly or through a chain of `supports`.
struct Supporter {
  GoalRow goal;
  std::vector<std::string> via;  ///< the goals between the two, nearest the supporter first; empty: direct
};

/// Someone else's goal with what of the user's serves it (DESIGN §1: the boss's goals as a compass).
struct AlignedGoal {
  GoalRow goal;
  std::string owner_label;
  std::vector<Supporter> supporters;  ///< the user's goals whose support chain reaches it
  std::vector<Win> wins;              ///< wins of the period linked to it or to a goal whose chain reaches it
};

/// `goals align`: goals as they were during a period. A goal counts when it was active on a day of
/// the period and was not dropped by its end; a goal done during or after the period still counts,
/// with its wins. A goal created after today does not. States are shown as of the period's end
/// (or today, when sooner).
struct Alignment {
  dates::DateRange period;
  dates::Day as_of;                    ///< the day the states are shown for
  std::vector<AlignedGoal> boss_goals;   ///< goals of managers and skip-levels
  std::vector<AlignedGoal> other_goals;  ///< goals of peers, mentors, stakeholders and unknown owners
  std::vector<GoalRow> unsupported;      ///< boss goals with no supporting goal and no win
  std::vector<GoalRow> unaligned;        ///< the user's goals whose chain reaches no boss goal
};

/// `wins` may hold any wins: only those dated within the period and not after `q.today` count.
Alignment align_goals(std::span<const Goal> goals, std::span<const Person> people, std::span<const Win> wins,
                      dates::DateRange period, const GoalsQuery& q);

/// The wins linked to `goal_id`, oldest first.
std::vector<Win> wins_for_goal(std::span<const Win> wins, const std::string& goal_id);

/// "today", "1 day ago", "12 days ago", or "never".
std::string age_text(const std::optional<int>& days);

}  // namespace upward
