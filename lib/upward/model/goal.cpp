#include "upward/model/goal.hpp"

#include <algorithm>
#include <charconv>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"

namespace upward {

namespace {
/// Positions of `updates` by date, file order breaking ties.
std::vector<size_t> date_order(const std::vector<GoalUpdate>& updates) {
  std::vector<size_t> order(updates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return updates[a].date < updates[b].date; });
  return order;
}
}  // namespace

std::vector<GoalUpdate> updates_as_of(const Goal& goal, dates::Day day) {
  std::vector<GoalUpdate> out;
  for (size_t i : date_order(goal.updates))
    if (goal.updates[i].date <= day) out.push_back(goal.updates[i]);
  return out;
}

GoalState goal_state(const Goal& goal, dates::Day today, int stale_after_days) {
  GoalState s;
  s.recorded = !goal.created || *goal.created <= today;
  if (s.recorded) s.last_update = s.status_since = goal.created;
  for (const auto& u : updates_as_of(goal, today)) {
    if (u.progress) s.progress = *u.progress;
    if (!u.status.empty() && u.status != s.status) s.status_since = u.date;
    if (!u.status.empty()) s.status = u.status;
    if (!s.last_update || *s.last_update < u.date) s.last_update = u.date;
  }
  s.active = s.status != "done" && s.status != "dropped";
  if (s.last_update) {
    s.days_since_update = static_cast<int>((today - *s.last_update).count());
    s.stale = s.active && *s.days_since_update > stale_after_days;
  }
  s.overdue = s.active && goal.due && *goal.due < today;
  return s;
}

bool active_during(const Goal& goal, const dates::DateRange& range) {
  if (goal_state(goal, range.first - date::days{1}, 0).active) return true;
  for (const auto& u : goal.updates)
    if (range.contains(u.date) && goal_state(goal, u.date, 0).active) return true;
  return false;
}

std::vector<size_t> updates_after_done(const std::vector<GoalUpdate>& updates) {
  std::vector<size_t> out;
  std::string status;
  for (size_t i : date_order(updates)) {
    if (!updates[i].status.empty()) status = updates[i].status;
    else if (status == "done") out.push_back(i);
  }
  return out;
}

int parse_progress(std::string_view s) {
  std::string trimmed = text::trim(s);
  std::string_view digits = trimmed;
  if (!digits.empty() && digits.back() == '%') digits.remove_suffix(1);
  int value = -1;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc{} || p != digits.data() + digits.size() || value < 0 || value > 100)
    throw UsageError("--progress: '" + std::string(s) + "' is not a progress (expected a whole number from 0% to 100%)");
  return value;
}

std::string goal_to_toml(const Goal& goal) {
  std::string out;
  out += "title = " + text::toml_quote(goal.title) + "\n";
  out += "owner = " + text::toml_quote(goal.owner) + "\n";
  if (goal.created) out += "created = " + dates::format_day(*goal.created) + "\n";
  if (goal.due) out += "due = " + dates::format_day(*goal.due) + "\n";
  if (!goal.why.empty()) out += "why = " + text::toml_quote(goal.why) + "\n";
  if (!goal.supports.empty()) out += "supports = " + text::toml_string_array(goal.supports) + "\n";
  if (goal.is_private) out += "private = true\n";
  return out;
}

std::string update_to_toml(const GoalUpdate& u) {
  std::string out = "\n[[update]]\ndate = " + dates::format_day(u.date) + "\n";
  if (u.progress) out += "progress = " + std::to_string(*u.progress) + "\n";
  if (!u.status.empty()) out += "status = " + text::toml_quote(u.status) + "\n";
  if (!u.note.empty()) out += "note = " + text::toml_quote(u.note) + "\n";
  return out;
}

void validate_goal(const Goal& goal) {
  if (!text::is_slug(goal.id))
    throw UsageError("--id: '" + goal.id + "' is not an id (expected lowercase letters, digits and '-', at most 64)");
  for (const auto* s : {&goal.title, &goal.why})
    if (!text::valid_utf8(*s)) throw Error("the goal's text is not valid UTF-8; nothing was written");
  if (text::trim(goal.title).empty()) throw UsageError("the goal has no title");
  if (goal.owner != "me" && !text::is_slug(goal.owner))
    throw UsageError("--owner: '" + goal.owner + "' is not 'me' or a person id");
  for (const auto& s : goal.supports)
    if (!text::is_slug(s)) throw UsageError("--supports: '" + s + "' is not a goal id");
}

}  // namespace upward
