#pragma once
// `upward set`: the fields a person changes on an existing record, applied and checked the way
// the creating commands check them, and the keys whose text must change in the file.
#include <optional>
#include <string>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/model/goal.hpp"
#include "upward/model/person.hpp"
#include "upward/model/win.hpp"

namespace upward {

/// A list option of `set`: `clear` empties the list first, then `add` appends each item not
/// already in it (`--clear-tags --tag a --tag b` replaces the tags by a, b).
struct ListChange {
  bool clear = false;
  std::vector<std::string> add;
  bool empty() const { return !clear && add.empty(); }
};

/// `set win ID`: each field given replaces the win's value; lists add (see ListChange).
struct WinChanges {
  std::optional<std::string> title, impact;
  std::optional<dates::Day> date, follow_up;
  ListChange tags, goals, seen_by;
  std::optional<bool> is_private;
  bool empty() const;
};

/// `set goal ID`.
struct GoalChanges {
  std::optional<std::string> title, why, owner;
  std::optional<dates::Day> due;
  ListChange supports;
  bool empty() const;
};

/// `set person ID`.
struct PersonChanges {
  std::optional<std::string> name, email, style, cadence, relationship;
  ListChange priorities, pressures;
  bool empty() const;
};

/// One top-level key to set in place, with its new value as TOML text (`"quoted"`, `2026-11-23`, `["a", "b"]`).
struct FieldEdit {
  std::string key, value_toml;
  bool operator==(const FieldEdit&) const = default;
};

/// `win` with `changes` applied, checked as log-win checks a new win (validate_win), plus a
/// one-line title and a follow-up and outcome not before the (new) date. UsageError or Error.
Win apply_changes(const Win& win, const WinChanges& changes);
/// `goal` with `changes` applied, checked as goals add checks a new goal (validate_goal), plus
/// a one-line title and no goal supporting itself.
Goal apply_changes(const Goal& goal, const GoalChanges& changes);
/// `person` with `changes` applied, checked as people add checks a new person (validate_person),
/// plus a one-line name.
Person apply_changes(const Person& person, const PersonChanges& changes);

/// The keys whose values differ between `before` and `after`, in the order new files write
/// them, each with its new value's text; empty when nothing changes.
std::vector<FieldEdit> field_edits(const Win& before, const Win& after);
std::vector<FieldEdit> field_edits(const Goal& before, const Goal& after);
std::vector<FieldEdit> field_edits(const Person& before, const Person& after);

/// The file stem a win gets when its date changes: the new date, then the old id's text after
/// its date (`2026-11-20-cut-p99` dated 2026-10-30 becomes `2026-10-30-cut-p99`), so the file
/// name's date stays the win's date and win_path() finds its month folder.
std::string moved_win_stem(const std::string& id, dates::Day date);

}  // namespace upward
