#include "upward/store/repo_set.hpp"

#include <algorithm>

#include "upward/base/error.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/repo_require.hpp"
#include "upward/store/toml_edit.hpp"

namespace upward {

namespace {

/// `text` with every edit applied in place, parsed again after each.
std::string edited(std::string text, const std::vector<FieldEdit>& edits, const std::string& path) {
  for (const auto& e : edits) text = toml_edit::set_top_level(text, e.key, e.value_toml, path);
  return text;
}

WriteResult unchanged(const std::string& what, const std::string& id) {
  WriteResult r;
  r.noop = true;
  r.ids.push_back(id);
  r.notes.push_back(what + " '" + id + "' already has these values; nothing was written");
  return r;
}

/// The edits `plan()` computes for `rel`, written in one change: `plan` runs once before (a
/// refused change takes no lock) and again under the lock, where the file is read.
template <class Plan>
WriteResult write_edits(Repo& repo, const std::string& what, const std::string& id, const std::string& rel, Plan plan) {
  if (plan().empty()) return unchanged(what, id);
  auto tx = repo.change("set: " + rel);
  auto edits = plan();
  tx.replace(rel, edited(tx.read(rel), edits, repo.path(rel)));
  WriteResult r = tx.commit();
  if (r.noop) return unchanged(what, id);
  r.ids.push_back(id);
  return r;
}

}  // namespace

std::vector<std::string> outcome_notes_of(const Repo& repo, const std::string& id) {
  std::vector<std::string> out;
  for (const auto& rel : fsio::toml_files(repo.path("outcomes"))) {
    auto slash = rel.find_last_of('/');
    std::string name = rel.substr(slash == std::string::npos ? 0 : slash + 1);
    if (name.size() == 11 + id.size() + 5 && name[10] == '-' && name.compare(11, id.size(), id) == 0 &&
        dates::parse_iso(name.substr(0, 10)))
      out.push_back("outcomes/" + rel);
  }
  return out;
}

WriteResult set_goal(Repo& repo, const std::string& id, const GoalChanges& changes) {
  auto plan = [&] {
    Goal before = repo.goal(id);  // Error at FILE:LINE:COL when it does not read cleanly
    Goal after = apply_changes(before, changes);
    if (changes.owner && *changes.owner != "me") require_person(repo, *changes.owner);
    require_goals(repo, changes.supports.add);
    return field_edits(before, after);
  };
  return write_edits(repo, "goal", id, "goals/" + id + ".toml", plan);
}

WriteResult set_person(Repo& repo, const std::string& id, const PersonChanges& changes) {
  auto plan = [&] {
    Person before = repo.person(id);
    return field_edits(before, apply_changes(before, changes));
  };
  return write_edits(repo, "person", id, "people/" + id + ".toml", plan);
}

WriteResult set_win(Repo& repo, const std::string& id, const WinChanges& changes) {
  Win before, after;
  auto plan = [&] {
    before = repo.win(id);  // UsageError for a bad id, Error for an unknown one or a broken file
    after = apply_changes(before, changes);
    require_goals(repo, changes.goals.add);
    return field_edits(before, after);
  };
  if (plan().empty()) return unchanged("win", id);
  auto tx = repo.change("set: " + win_path(id));
  auto edits = plan();
  std::string rel = win_path(id), text = edited(tx.read(rel), edits, repo.path(rel));
  std::string new_id = id;
  if (after.date == before.date) {
    tx.replace(rel, text);
  } else {  // a new date, a new name: the file name's date stays the win's date
    tx.remove(rel);
    new_id = tx.create_unique(win_folder(after.date), moved_win_stem(id, after.date), text,
                              Transaction::Naming::as_given);  // its tag, if any, stays
    for (const auto& note_rel : outcome_notes_of(repo, id)) {
      std::string name = note_rel.substr(note_rel.find_last_of('/') + 1);
      std::string moved = outcome_note_path({new_id, *dates::parse_iso(name.substr(0, 10))});
      std::string note = toml_edit::set_top_level_string(tx.read(note_rel), "win", new_id, repo.path(note_rel));
      tx.remove(note_rel);
      if (tx.exists(moved)) tx.replace(moved, note);
      else tx.create(moved, note);
    }
    if (new_id != id) tx.set_message("set: " + rel + " -> " + win_path(new_id));
  }
  WriteResult r = tx.commit();
  if (r.noop) return unchanged("win", id);
  r.ids.push_back(new_id);
  return r;
}

}  // namespace upward
