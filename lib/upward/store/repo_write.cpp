// The repository's writes: each validates and formats text, then hands it to one Transaction.
#include <fmt/format.h>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/model/records.hpp"
#include "upward/model/toml_read.hpp"
#include "upward/store/git.hpp"
#include "upward/store/repo.hpp"
#include "upward/store/repo_require.hpp"
#include "upward/store/toml_edit.hpp"

namespace upward {

namespace {

/// upward.toml with `manager` set to `id`, edited in place; left alone when it already names `id`,
/// however the string is written ('dana', """dana"""), so nothing is written or committed.
void set_manager(Transaction& tx, const Repo& repo, const std::string& id) {
  std::string text = tx.read("upward.toml");
  if (parse_toml(text, repo.path("upward.toml"))["manager"].value<std::string>() == id) return;
  tx.replace("upward.toml", toml_edit::set_top_level_string(text, "manager", id, repo.path("upward.toml")));
}

}  // namespace

WriteResult Repo::add_wins(const std::vector<Win>& wins) {
  for (const auto& w : wins) require_goals(*this, w.goals);  // a refused win creates nothing
  std::string message = "log-win: " + git::one_line(wins.at(0).title, 63);
  if (wins.size() > 1) {
    message = fmt::format("log-win: {} wins\n", wins.size());
    for (const auto& w : wins) message += "\n- " + git::one_line(w.title, 70);
  }
  auto tx = change(message);
  std::vector<std::string> ids;
  for (const auto& w : wins) {
    require_goals(*this, w.goals);  // again under the lock
    ids.push_back(tx.create_unique(win_folder(w.date), win_stem(w), win_to_toml(w)));
  }
  WriteResult result = tx.commit();
  result.ids = ids;
  return result;
}

WriteResult Repo::add_person(const Person& person, bool primary) {
  validate_person(person);
  std::string rel = "people/" + person.id + ".toml";
  if (person_exists(person.id)) throw Error("person '" + person.id + "' already exists (" + path(rel) + ")");
  auto tx = change("people add: " + person.id);  // reads upward.toml before anything is written
  if (tx.exists(rel)) throw Error("person '" + person.id + "' already exists (" + path(rel) + ")");
  bool becomes_manager = primary || (person.relationship == "manager" && config().manager.empty());
  tx.create(rel, person_to_toml(person));
  if (becomes_manager) {
    set_manager(tx, *this, person.id);
    tx.set_message("people add: " + person.id + " (primary manager)");
  }
  WriteResult result = tx.commit();
  result.ids.push_back(person.id);
  return result;
}

WriteResult Repo::set_primary(const std::string& id) {
  person(id);  // a refused id creates nothing
  auto tx = change("people primary: " + id);
  person(id);
  set_manager(tx, *this, id);
  WriteResult result = tx.commit();
  result.ids.push_back(id);
  if (result.noop) result.notes.push_back("'" + id + "' already is your primary manager; nothing changed");
  return result;
}

WriteResult Repo::add_goal(const Goal& goal) {
  validate_goal(goal);
  auto check = [&] {
    if (goal.owner != "me" && !person_exists(goal.owner))
      throw Error("unknown person '" + goal.owner + "' (no people/" + goal.owner + ".toml; add them with 'upward people add')");
    require_goals(*this, goal.supports);
  };
  check();  // a refused goal creates nothing
  std::string rel = "goals/" + goal.id + ".toml";
  auto tx = change("goals add: " + goal.id);
  check();
  if (tx.exists(rel)) throw Error("goal '" + goal.id + "' already exists (" + path(rel) + ")");
  tx.create(rel, goal_to_toml(goal));
  WriteResult result = tx.commit();
  result.ids.push_back(goal.id);
  return result;
}

WriteResult Repo::update_goal(const std::string& id, const GoalUpdate& update, const std::string& summary) {
  if (!text::valid_utf8(update.note)) throw Error("the note is not valid UTF-8; nothing was written");
  config();
  goal(id);
  auto tx = change("goals update: " + id + (summary.empty() ? "" : " " + summary));
  goal(id);  // Error at FILE:LINE:COL when the file does not parse or holds a mistake
  std::string rel = "goals/" + id + ".toml", text = tx.read(rel);
  // `update = [{...}]` reads as updates, but no [[update]] table can follow it
  toml::table doc = parse_toml(text, path(rel));
  if (const toml::array* inline_updates = doc["update"].as_array();
      inline_updates && (inline_updates->empty() || !inline_updates->front().is_table() ||
                         inline_updates->front().as_table()->is_inline()))
    throw Error(loc_of(*doc.get("update"), path(rel)),
                "write the updates as [[update]] tables, not an inline array ('goals update' appends one); nothing was written");
  tx.replace(rel, toml_edit::append(text, update_to_toml(update), path(rel)));
  WriteResult result = tx.commit();
  result.ids.push_back(id);
  return result;
}

}  // namespace upward
