#include "upward/model/changes.hpp"

#include <algorithm>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"

namespace upward {

namespace {

void apply_list(std::vector<std::string>& list, const ListChange& change) {
  if (change.clear) list.clear();
  for (const auto& item : change.add)
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

template <class T>
void apply_value(T& field, const std::optional<T>& value) {
  if (value) field = *value;
}

void require_one_line(const std::optional<std::string>& value, const char* option) {
  if (value && value->find_first_of("\r\n") != std::string::npos)
    throw UsageError(std::string(option) + ": a title is one line (put the rest in --impact)");
}

/// Collects the edits of the fields that differ.
struct Edits {
  std::vector<FieldEdit> out;
  void string(const char* key, const std::string& before, const std::string& after) {
    if (before != after) out.push_back({key, text::toml_quote(after)});
  }
  void day(const char* key, const std::optional<dates::Day>& before, const std::optional<dates::Day>& after) {
    if (after && before != after) out.push_back({key, dates::format_day(*after)});
  }
  void list(const char* key, const std::vector<std::string>& before, const std::vector<std::string>& after) {
    if (before != after) out.push_back({key, text::toml_string_array(after)});
  }
};

}  // namespace

bool WinChanges::empty() const {
  return !title && !impact && !date && !follow_up && tags.empty() && goals.empty() && seen_by.empty() && !is_private;
}

bool GoalChanges::empty() const { return !title && !why && !owner && !due && supports.empty(); }

bool PersonChanges::empty() const {
  return !name && !email && !style && !cadence && !relationship && priorities.empty() && pressures.empty();
}

Win apply_changes(const Win& win, const WinChanges& c) {
  require_one_line(c.title, "--title");
  Win w = win;
  apply_value(w.title, c.title);
  apply_value(w.impact, c.impact);
  apply_value(w.date, c.date);
  if (c.follow_up) w.follow_up = c.follow_up;
  apply_list(w.tags, c.tags);
  apply_list(w.goals, c.goals);
  apply_list(w.seen_by, c.seen_by);
  apply_value(w.is_private, c.is_private);
  if (c.date && !c.follow_up && w.follow_up && *w.follow_up < w.date)
    throw UsageError("--date: " + dates::format_day(w.date) + " is after the win's follow-up " +
                     dates::format_day(*w.follow_up) + " (give a later --follow-up too)");
  if (w.outcome_date && *w.outcome_date < w.date)
    throw UsageError("--date: " + dates::format_day(w.date) + " is after the day the win's outcome was recorded (" +
                     dates::format_day(*w.outcome_date) + ")");
  validate_win(w);
  return w;
}

Goal apply_changes(const Goal& goal, const GoalChanges& c) {
  require_one_line(c.title, "--title");
  Goal g = goal;
  apply_value(g.title, c.title);
  apply_value(g.why, c.why);
  apply_value(g.owner, c.owner);
  if (c.due) g.due = c.due;
  apply_list(g.supports, c.supports);
  validate_goal(g);
  if (std::find(c.supports.add.begin(), c.supports.add.end(), g.id) != c.supports.add.end())
    throw UsageError("--supports: a goal cannot support itself ('" + g.id + "')");
  return g;
}

Person apply_changes(const Person& person, const PersonChanges& c) {
  if (c.name && c.name->find_first_of("\r\n") != std::string::npos) throw UsageError("--name: a name is one line");
  Person p = person;
  apply_value(p.name, c.name);
  apply_value(p.email, c.email);
  apply_value(p.style, c.style);
  apply_value(p.cadence, c.cadence);
  apply_value(p.relationship, c.relationship);
  apply_list(p.priorities, c.priorities);
  apply_list(p.pressures, c.pressures);
  validate_person(p);
  return p;
}

std::vector<FieldEdit> field_edits(const Win& before, const Win& after) {
  Edits e;
  e.day("date", before.date, after.date);
  e.string("title", before.title, after.title);
  e.string("impact", before.impact, after.impact);
  e.list("tags", before.tags, after.tags);
  e.list("goals", before.goals, after.goals);
  e.list("seen_by", before.seen_by, after.seen_by);
  e.day("follow_up", before.follow_up, after.follow_up);
  if (before.is_private != after.is_private) e.out.push_back({"private", after.is_private ? "true" : "false"});
  return e.out;
}

std::vector<FieldEdit> field_edits(const Goal& before, const Goal& after) {
  Edits e;
  e.string("title", before.title, after.title);
  e.string("owner", before.owner, after.owner);
  e.day("due", before.due, after.due);
  e.string("why", before.why, after.why);
  e.list("supports", before.supports, after.supports);
  return e.out;
}

std::vector<FieldEdit> field_edits(const Person& before, const Person& after) {
  Edits e;
  e.string("name", before.name, after.name);
  e.string("relationship", before.relationship, after.relationship);
  e.string("email", before.email, after.email);
  e.string("style", before.style, after.style);
  e.string("cadence", before.cadence, after.cadence);
  e.list("priorities", before.priorities, after.priorities);
  e.list("pressures", before.pressures, after.pressures);
  return e.out;
}

std::string moved_win_stem(const std::string& id, dates::Day date) {
  return dates::format_day(date) + (id.size() > 10 ? id.substr(10) : "-win");
}

}  // namespace upward
