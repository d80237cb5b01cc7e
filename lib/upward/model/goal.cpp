#include "upward/model/goal.hpp"

#include <charconv>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"

namespace upward {

GoalState goal_state(const Goal& goal, dates::Day today, int stale_after_days) {
  GoalState s;
  s.last_update = goal.created;
  for (const auto& u : goal.updates) {
    if (u.progress) s.progress = *u.progress;
    if (!u.status.empty()) s.status = u.status;
    s.last_update = u.date;
  }
  s.active = s.status != "done" && s.status != "dropped";
  if (s.last_update) {
    s.days_since_update = static_cast<int>((today - *s.last_update).count());
    s.stale = s.active && *s.days_since_update > stale_after_days;
  }
  s.overdue = s.active && goal.due && *goal.due < today;
  return s;
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
