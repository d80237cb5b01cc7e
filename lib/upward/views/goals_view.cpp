#include "upward/views/goals_view.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <tuple>

namespace upward {

std::string owner_label(const std::string& owner, std::span<const Person> people) {
  if (owner == "me") return "My goals";
  for (const auto& p : people)
    if (p.id == owner) return person_label(p) + (p.relationship.empty() ? "" : ", " + p.relationship);
  return owner;
}

GoalRow goal_row(const Goal& goal, dates::Day day, int stale_after_days) {
  GoalRow row{goal, goal_state(goal, day, stale_after_days)};
  row.goal.updates = updates_as_of(goal, day);
  return row;
}

namespace {
/// Due date first (none last), then id.
bool by_due(const Goal& a, const Goal& b) {
  auto key = [](const Goal& g) { return std::tuple{!g.due.has_value(), g.due.value_or(dates::Day{}), g.id}; };
  return key(a) < key(b);
}
}  // namespace

std::vector<OwnerGroup> group_goals(std::span<const Goal> goals, std::span<const Person> people, const GoalsQuery& q) {
  std::vector<OwnerGroup> groups;
  for (const auto& g : goals) {
    GoalRow row = goal_row(g, q.today, q.stale_after_days);
    if (!row.state.recorded || (!q.all && !row.state.active)) continue;
    if (q.owner && g.owner != *q.owner) continue;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const OwnerGroup& og) { return og.owner == g.owner; });
    if (it == groups.end()) {
      groups.push_back({g.owner, owner_label(g.owner, people), {}});
      it = groups.end() - 1;
    }
    it->rows.push_back(std::move(row));
  }
  auto rank = [&](const OwnerGroup& og) { return og.owner == "me" ? 0 : og.owner == q.manager ? 1 : 2; };
  std::sort(groups.begin(), groups.end(), [&](const OwnerGroup& a, const OwnerGroup& b) {
    return std::pair{rank(a), a.owner} < std::pair{rank(b), b.owner};
  });
  for (auto& og : groups)
    std::stable_sort(og.rows.begin(), og.rows.end(), [](const GoalRow& a, const GoalRow& b) { return by_due(a.goal, b.goal); });
  return groups;
}

std::vector<Win> wins_for_goal(std::span<const Win> wins, const std::string& goal_id) {
  std::vector<Win> out;
  for (const auto& w : wins)
    if (std::find(w.goals.begin(), w.goals.end(), goal_id) != w.goals.end()) out.push_back(w);
  return out;
}

bool is_boss(const std::string& owner, std::span<const Person> people, const std::string& manager) {
  if (owner == "me") return false;
  if (!manager.empty() && owner == manager) return true;
  for (const auto& p : people)
    if (p.id == owner) return p.relationship == "manager" || p.relationship == "skip-level";
  return false;
}

namespace {
/// For each goal, every goal its `supports` chain reaches, with the goals in between (the
/// shortest chain). A cycle is followed once.
using Reach = std::map<std::string, std::map<std::string, std::vector<std::string>>>;

Reach support_reach(std::span<const Goal> goals) {
  std::map<std::string, const Goal*> by_id;
  for (const auto& g : goals) by_id.emplace(g.id, &g);
  Reach reach;
  for (const auto& from : goals) {
    std::map<std::string, std::vector<std::string>> paths{{from.id, {}}};
    std::deque<std::string> todo{from.id};
    while (!todo.empty()) {
      std::string id = todo.front();
      todo.pop_front();
      auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      for (const auto& next : it->second->supports) {
        if (paths.count(next)) continue;
        std::vector<std::string> via = paths[id];
        if (id != from.id) via.push_back(id);
        paths.emplace(next, std::move(via));
        todo.push_back(next);
      }
    }
    paths.erase(from.id);
    reach[from.id] = std::move(paths);
  }
  return reach;
}
}  // namespace

Alignment align_goals(std::span<const Goal> goals, std::span<const Person> people, std::span<const Win> wins,
                      dates::DateRange period, const GoalsQuery& q) {
  Alignment a;
  a.period = period;
  a.as_of = std::min(period.last, q.today);
  dates::DateRange during{std::min(period.first, a.as_of), a.as_of};
  // A goal created after the period still serves its work (it was written down late), but not one
  // created after today: a run pinned to a past day shows what that day knew.
  auto counts = [&](const Goal& g) {
    return (!g.created || *g.created <= q.today) && active_during(g, during) &&
           goal_state(g, a.as_of, q.stale_after_days).status != "dropped";
  };
  Reach reach = support_reach(goals);
  auto reaches = [&](const std::string& from, const std::string& to) -> const std::vector<std::string>* {
    auto it = reach.find(from);
    if (it == reach.end()) return nullptr;
    auto found = it->second.find(to);
    return found == it->second.end() ? nullptr : &found->second;
  };

  std::vector<const Goal*> mine, theirs;
  for (const auto& g : goals)
    if (counts(g)) (g.owner == "me" ? mine : theirs).push_back(&g);
  auto rank = [&](const Goal* g) { return std::pair{g->owner == q.manager ? 0 : 1, g->owner}; };
  std::sort(mine.begin(), mine.end(), [](const Goal* x, const Goal* y) { return by_due(*x, *y); });
  std::sort(theirs.begin(), theirs.end(), [&](const Goal* x, const Goal* y) {
    return rank(x) != rank(y) ? rank(x) < rank(y) : by_due(*x, *y);
  });

  for (const Goal* t : theirs) {
    AlignedGoal ag{goal_row(*t, a.as_of, q.stale_after_days), owner_label(t->owner, people), {}, {}};
    for (const Goal* m : mine)
      if (const auto* via = reaches(m->id, t->id)) ag.supporters.push_back({goal_row(*m, a.as_of, q.stale_after_days), *via});
    std::stable_sort(ag.supporters.begin(), ag.supporters.end(),
                     [](const Supporter& x, const Supporter& y) { return x.via.size() < y.via.size(); });  // direct first
    for (const auto& w : wins) {
      if (!period.contains(w.date) || w.date > a.as_of) continue;
      if (std::any_of(w.goals.begin(), w.goals.end(),
                      [&](const std::string& id) { return id == t->id || reaches(id, t->id); }))
        ag.wins.push_back(w);
    }
    if (is_boss(t->owner, people, q.manager)) {
      if (ag.supporters.empty() && ag.wins.empty()) a.unsupported.push_back(ag.goal);
      a.boss_goals.push_back(std::move(ag));
    } else {
      a.other_goals.push_back(std::move(ag));
    }
  }
  for (const Goal* m : mine) {
    bool serves_boss = std::any_of(a.boss_goals.begin(), a.boss_goals.end(),
                                   [&](const AlignedGoal& b) { return reaches(m->id, b.goal.goal.id) != nullptr; });
    if (!serves_boss) a.unaligned.push_back(goal_row(*m, a.as_of, q.stale_after_days));
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
