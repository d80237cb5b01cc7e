// The repository's people, goals and wins: reading them, and the writes that add or change one.
#include <algorithm>

#include "upward/base/error.hpp"
#include "upward/store/fsio.hpp"
#include "upward/model/records.hpp"
#include "upward/store/repo.hpp"
#include "upward/base/text.hpp"
#include "upward/store/toml_edit.hpp"

namespace upward {

namespace {

/// The ids of `folder/*.toml`, sorted.
std::vector<std::string> ids_in(const Repo& repo, const std::string& folder) {
  std::vector<std::string> ids;
  for (const auto& rel : fsio::toml_files(repo.path(folder)))
    if (rel.find('/') == std::string::npos) ids.push_back(rel.substr(0, rel.size() - 5));
  return ids;
}

void throw_first(const std::vector<Problem>& problems) {
  if (!problems.empty()) throw Error(problems.front().where, problems.front().message);
}

}  // namespace

std::string Repo::read_text(const std::string& rel) const { return fsio::read_file(path(rel)); }

std::vector<Person> Repo::people() const {
  std::vector<Person> out;
  for (const auto& id : ids_in(*this, "people")) out.push_back(person(id));
  return out;
}

namespace {
/// Read FOLDER/ID.toml with `read` (person_from_toml, goal_from_toml); Error at its first problem.
template <class Reader>
auto load_record(const Repo& repo, const std::string& folder, const std::string& what, const std::string& id,
                 Reader read) {
  if (!text::is_slug(id)) throw UsageError("'" + id + "' is not a " + what + " id");
  std::string rel = folder + "/" + id + ".toml";
  if (!fsio::exists(repo.path(rel)))
    throw Error("unknown " + what + " '" + id + "' (no " + rel + "; see 'upward " + folder + "')");
  std::string p = repo.path(rel);
  std::vector<Problem> problems;
  auto record = read(parse_toml(fsio::read_file(p), p), id, p, problems);
  throw_first(problems);
  return record;
}
}  // namespace

Person Repo::person(const std::string& id) const { return load_record(*this, "people", "person", id, person_from_toml); }

std::vector<Goal> Repo::goals() const {
  std::vector<Goal> out;
  for (const auto& id : ids_in(*this, "goals")) out.push_back(goal(id));
  return out;
}

Goal Repo::goal(const std::string& id) const { return load_record(*this, "goals", "goal", id, goal_from_toml); }

std::vector<Win> Repo::wins_in(const dates::DateRange& range) const {
  std::vector<Win> out;
  date::year_month first{date::year_month_day{range.first}.year(), date::year_month_day{range.first}.month()};
  date::year_month last{date::year_month_day{range.last}.year(), date::year_month_day{range.last}.month()};
  for (auto ym = first; ym <= last; ym += date::months{1}) {
    std::string folder = win_folder(date::sys_days{ym / 1});
    for (const auto& rel : fsio::toml_files(path(folder))) {
      std::string p = path(folder + "/" + rel);
      std::vector<Problem> problems;
      Win w = win_from_toml(parse_toml(fsio::read_file(p), p), p, problems);
      throw_first(problems);
      std::string name = rel.substr(rel.find_last_of('/') == std::string::npos ? 0 : rel.find_last_of('/') + 1);
      w.id = name.substr(0, name.size() - 5);
      if (range.contains(w.date)) out.push_back(std::move(w));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Win& a, const Win& b) { return a.date < b.date; });
  return out;
}

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
