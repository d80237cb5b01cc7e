// The repository's people, goals and wins: reading them.
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

}  // namespace upward
