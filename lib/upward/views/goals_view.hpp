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

struct GoalRow {
  Goal goal;
  GoalState state;
};

/// The goals of one owner: "me", or a person.
struct OwnerGroup {
  std::string owner;  ///< "me" or a person id
  std::string label;  ///< "My goals", "Dana Okafor (dana), manager"
  std::vector<GoalRow> rows;
};

struct GoalsQuery {
  dates::Day today;
  int stale_after_days = 21;
  std::string manager;                ///< the primary manager, listed right after the user
  bool all = false;                   ///< include done and dropped goals
  std::optional<std::string> owner;   ///< only this owner ("me" or a person id)
};

/// Goals grouped by owner: the user's first, then the primary manager, then the others by id;
/// within a group by due date (none last), then id. Empty groups are left out.
std::vector<OwnerGroup> group_goals(std::span<const Goal> goals, std::span<const Person> people, const GoalsQuery& q);

/// The label of an owner: "My goals", or "Dana Okafor (dana), manager" (the id alone when unknown).
std::string owner_label(const std::string& owner, std::span<const Person> people);

/// Each of the boss's goals with what serves it (DESIGN §1: the boss's goals as a compass).
struct BossGoal {
  GoalRow goal;
  std::string owner_label;
  std::vector<GoalRow> supporters;  ///< the user's active goals whose `supports` names it
  std::vector<Win> wins;            ///< wins in the period linked to it or to a supporter
};

struct Alignment {
  dates::DateRange period;
  std::vector<BossGoal> boss_goals;     ///< active goals whose owner is not "me"
  std::vector<GoalRow> unsupported;     ///< boss goals with no supporting goal and no win
  std::vector<GoalRow> unaligned;       ///< the user's active goals that support no boss goal
};

Alignment align_goals(std::span<const Goal> goals, std::span<const Person> people, std::span<const Win> wins,
                      dates::DateRange period, const GoalsQuery& q);

/// The wins linked to `goal_id`, oldest first.
std::vector<Win> wins_for_goal(std::span<const Win> wins, const std::string& goal_id);

/// "today", "1 day ago", "12 days ago", or "never".
std::string age_text(const std::optional<int>& days);

}  // namespace upward
