#include "upward/views/wins_view.hpp"

#include <algorithm>

#include "upward/base/error.hpp"

namespace upward {

namespace {

bool has(const std::vector<std::string>& items, const std::string& value) {
  return std::find(items.begin(), items.end(), value) != items.end();
}

bool any_in(const std::vector<std::string>& wanted, const std::vector<std::string>& items) {
  return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return has(items, w); });
}

void newest_first(std::vector<Win>& wins) {
  std::stable_sort(wins.begin(), wins.end(), [](const Win& a, const Win& b) {
    return a.date != b.date ? a.date > b.date : a.id > b.id;
  });
}

}  // namespace

bool win_matches(const Win& w, const WinsFilter& f) {
  if (!f.tags.empty() && !any_in(f.tags, w.tags)) return false;
  if (!f.goals.empty() && !any_in(f.goals, w.goals)) return false;
  if (!f.seen_by.empty() && !any_in(f.seen_by, w.seen_by)) return false;
  if (!f.not_seen_by.empty() &&
      std::all_of(f.not_seen_by.begin(), f.not_seen_by.end(),
                  [&](const std::string& p) { return has(w.seen_by, p) || w.from == p; }))  // their own kudos: seen
    return false;
  if (!f.from.empty() && !has(f.from, w.from)) return false;
  if (!f.kind.empty() && w.kind != f.kind) return false;
  if (f.is_private && w.is_private != *f.is_private) return false;
  if (f.follow_up_due && !outcome_due(w, f.today)) return false;
  if (f.grep && !f.grep->found_in(w.title) && !f.grep->found_in(w.impact) && !f.grep->found_in(w.outcome))
    return false;
  return true;
}

std::vector<Win> filter_wins(std::vector<Win> wins, const WinsFilter& f) {
  std::erase_if(wins, [&](const Win& w) { return !win_matches(w, f); });
  newest_first(wins);
  if (f.limit && wins.size() > f.limit) wins.resize(f.limit);
  return wins;
}

dates::DateRange unseen_window(dates::Day today) {
  date::year_month_day ymd{today};
  date::year_month ym = date::year_month{ymd.year(), ymd.month()} - date::months{3};
  return {date::sys_days{ym / 1}, today};
}

Visibility person_visibility(const Person& person, std::span<const Win> wins, dates::Day today) {
  Visibility v;
  v.window = {dates::year_before(today), today};
  v.unseen_window = unseen_window(today);
  v.asks_unseen = person.relationship == "manager" || person.relationship == "skip-level";
  for (const auto& w : wins) {
    bool seen = has(w.seen_by, person.id);
    bool gave = w.kind == "kudos" && w.from == person.id;
    if (v.window.contains(w.date)) {
      if (seen) v.seen.push_back(w);
      if (gave) v.kudos_given.push_back(w);
    }
    if (v.asks_unseen && v.unseen_window.contains(w.date) && !seen && !gave && !w.is_private) v.not_seen.push_back(w);
  }
  newest_first(v.seen);
  newest_first(v.kudos_given);
  newest_first(v.not_seen);
  return v;
}

}  // namespace upward
