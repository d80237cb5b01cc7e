// The repository's writes that add or change a person or a goal.
#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/model/records.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/repo.hpp"
#include "upward/store/toml_edit.hpp"

namespace upward {

void Repo::write_manager(const std::string& id, WriteResult& result) {
  std::string rel = "upward.toml";
  std::string text = toml_edit::set_top_level_string(read_text(rel), "manager", id, path(rel));
  fsio::atomic_write(path(rel), text);
  config_.reset();
  result.paths.push_back(rel);
}

WriteResult Repo::add_person(const Person& person, bool primary) {
  validate_person(person);
  WriteResult result = prepare_write();
  std::string rel = "people/" + person.id + ".toml";
  std::string text = person_to_toml(person);
  parse_toml(text, path(rel));
  fsio::RepoLock lock(dir_);
  if (person_exists(person.id)) throw Error("person '" + person.id + "' already exists (" + path(rel) + ")");
  config_.reset();
  bool becomes_manager = primary || (person.relationship == "manager" && config().manager.empty());
  fsio::make_dirs(path("people"));
  fsio::remove_stale_temps(path("people"));
  fsio::atomic_write(path(rel), text);
  result.paths.push_back(rel);
  if (becomes_manager) {
    try {
      write_manager(person.id, result);
    } catch (...) {
      fsio::remove_file(path(rel));
      throw;
    }
  }
  result.ids.push_back(person.id);
  autocommit(result.paths, "people add: " + person.id + (becomes_manager ? " (primary manager)" : ""), result);
  return result;
}

WriteResult Repo::set_primary(const std::string& id) {
  Person p = person(id);
  fsio::RepoLock lock(dir_);
  WriteResult result;
  write_manager(id, result);
  result.ids.push_back(id);
  autocommit(result.paths, "people primary: " + id, result);
  return result;
}

WriteResult Repo::add_goal(const Goal& goal) {
  validate_goal(goal);
  if (goal.owner != "me" && !person_exists(goal.owner))
    throw Error("unknown person '" + goal.owner + "' (no people/" + goal.owner + ".toml; add them with 'upward people add')");
  for (const auto& s : goal.supports)
    if (!goal_exists(s)) throw Error("unknown goal '" + s + "' (no goals/" + s + ".toml; see 'upward goals')");
  WriteResult result = prepare_write();  // only now: a refused goal creates nothing
  std::string rel = "goals/" + goal.id + ".toml";
  std::string text = goal_to_toml(goal);
  parse_toml(text, path(rel));
  fsio::RepoLock lock(dir_);
  if (goal_exists(goal.id)) throw Error("goal '" + goal.id + "' already exists (" + path(rel) + ")");
  fsio::make_dirs(path("goals"));
  fsio::remove_stale_temps(path("goals"));
  fsio::atomic_write(path(rel), text);
  result.paths.push_back(rel);
  result.ids.push_back(goal.id);
  autocommit(result.paths, "goals add: " + goal.id, result);
  return result;
}

WriteResult Repo::update_goal(const std::string& id, const GoalUpdate& update, const std::string& summary) {
  if (!text::valid_utf8(update.note)) throw Error("the note is not valid UTF-8; nothing was written");
  config();
  fsio::RepoLock lock(dir_);
  goal(id);  // Error at FILE:LINE:COL when the file does not parse or holds a mistake
  std::string rel = "goals/" + id + ".toml";
  std::string text = toml_edit::append(read_text(rel), update_to_toml(update), path(rel));
  fsio::remove_stale_temps(path("goals"));
  fsio::atomic_write(path(rel), text);
  WriteResult result;
  result.paths.push_back(rel);
  result.ids.push_back(id);
  autocommit(result.paths, "goals update: " + id + (summary.empty() ? "" : " " + summary), result);
  return result;
}

}  // namespace upward
