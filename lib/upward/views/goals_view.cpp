#include "upward/views/goals_view.hpp"

#include <algorithm>

namespace upward {

std::string owner_label(const std::string& owner, std::span<const Person> people) {
  if (owner == "me") return "My goals";
  for (const auto& p : people)
    if (p.id == owner) return person_label(p) + (p.relationship.empty() ? "" : ", " + p.relationship);
  return owner;
}

std::vector<OwnerGroup> group_goals(std::span<const Goal> goals, std::span<const Person> people, const GoalsQuery& q) {
  std::vector<OwnerGroup> groups;
  for (const auto& g : goals) {
    GoalState s = goal_state(g, q.today, q.stale_after_days);
    if (!q.all && !s.active) continue;
    if (q.owner && g.owner != *q.owner) continue;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const OwnerGroup& og) { return og.owner == g.owner; });
    if (it == groups.end()) {
      groups.push_back({g.owner, owner_label(g.owner, people), {}});
      it = groups.end() - 1;
    }
    it->rows.push_back({g, s});
  }
  auto rank = [&](const OwnerGroup& og) { return og.owner == "me" ? 0 : og.owner == q.manager ? 1 : 2; };
  std::sort(groups.begin(), groups.end(), [&](const OwnerGroup& a, const OwnerGroup& b) {
    return std::pair{rank(a), a.owner} < std::pair{rank(b), b.owner};
  });
  for (auto& og : groups) {
    std::stable_sort(og.rows.begin(), og.rows.end(), [](const GoalRow& a, const GoalRow& b) {
      auto key = [](const GoalRow& r) { return std::pair{!r.goal.due.has_value(), r.goal.due.value_or(dates::Day{})}; };
      return std::pair{key(a), a.goal.id} < std::pair{key(b), b.goal.id};
    });
  }
  return groups;
}

std::vector<Win> wins_for_goal(std::span<const Win> wins, const std::string& goal_id) {
  std::vector<Win> out;
  for (const auto& w : wins)
    if (std::find(w.goals.begin(), w.goals.end(), goal_id) != w.goals.end()) out.push_back(w);
  return out;
}

Alignment align_goals(std::span<const Goal> goals, std::span<const Person> people, std::span<const Win> wins,
                      dates::DateRange period, const GoalsQuery& q) {
  Alignment a;
  a.period = period;
  GoalsQuery active = q;
  active.all = false;
  active.owner.reset();
  auto groups = group_goals(goals, people, active);
  std::vector<GoalRow> mine;
  for (const auto& og : groups)
    if (og.owner == "me") mine = og.rows;
  for (const auto& og : groups) {
    if (og.owner == "me") continue;
    for (const auto& row : og.rows) {
      BossGoal b{row, og.label, {}, {}};
      for (const auto& m : mine)
        if (std::find(m.goal.supports.begin(), m.goal.supports.end(), row.goal.id) != m.goal.supports.end())
          b.supporters.push_back(m);
      for (const auto& w : wins) {
        if (!period.contains(w.date)) continue;
        bool linked = std::find(w.goals.begin(), w.goals.end(), row.goal.id) != w.goals.end();
        for (const auto& s : b.supporters)
          linked = linked || std::find(w.goals.begin(), w.goals.end(), s.goal.id) != w.goals.end();
        if (linked) b.wins.push_back(w);
      }
      if (b.supporters.empty() && b.wins.empty()) a.unsupported.push_back(row);
      a.boss_goals.push_back(std::move(b));
    }
  }
  for (const auto& m : mine) {
    bool serves_boss = std::any_of(m.goal.supports.begin(), m.goal.supports.end(), [&](const std::string& id) {
      return std::any_of(a.boss_goals.begin(), a.boss_goals.end(), [&](const BossGoal& b) { return b.goal.goal.id == id; });
    });
    if (!serves_boss) a.unaligned.push_back(m);
  }
  return a;
}

std::string age_text(const std::optional<int>& days) {
  if (!days) return "never";
  if (*days == 0) return "today";
  if (*days < 0) return "in " + std::to_string(-*days) + (*days == -1 ? " day" : " days");
  return std::to_string(*days) + (*days == 1 ? " day ago" : " days ago");
}

}  // namespace upward
