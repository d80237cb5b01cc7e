// The repository's people, goals and wins: reading them. Reading commands show what they can:
// a file that does not read cleanly is skipped and reported, never the end of the command.
#include <algorithm>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/model/records.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/repo.hpp"

namespace upward {

Problem file_name_problem(const std::string& path, const std::string& what) {
  return {{path, 1, 1}, "the file name is not a " + what + " id: rename it to lowercase letters, digits and '-'"};
}

namespace {

/// The `*.toml` files under `folder` (relative to it, sorted), read the way upward writes: a
/// folder reached through a symbolic link is not read, and each link inside is a problem in
/// `skipped`, so every command sees the same records.
std::vector<std::string> listed(const Repo& repo, const std::string& folder, std::vector<Problem>& skipped) {
  try {
    fsio::refuse_links(repo.dir(), folder);
  } catch (const Error& e) {
    skipped.push_back({{}, e.what()});
    return {};
  }
  std::vector<std::string> links;
  auto files = fsio::toml_files(repo.path(folder), &links);
  for (const auto& l : links)
    skipped.push_back({{}, fsio::link_message(repo.path(folder + "/" + l))});
  return files;
}

/// The stems of `folder/*.toml` (not below it), sorted.
std::vector<std::string> stems_in(const Repo& repo, const std::string& folder, std::vector<Problem>& skipped) {
  std::vector<std::string> ids;
  for (const auto& rel : listed(repo, folder, skipped))
    if (rel.find('/') == std::string::npos) ids.push_back(rel.substr(0, rel.size() - 5));
  return ids;
}

void throw_first(const std::vector<Problem>& problems) {
  if (!problems.empty()) throw Error(problems.front().where, problems.front().message);
}

/// Read FOLDER/ID.toml with `read` (person_from_toml, goal_from_toml). Every problem goes to
/// `problems`: a name that is not an id, a file that cannot be read or parsed, a bad value.
template <class Reader>
auto read_record(const Repo& repo, const std::string& folder, const std::string& what, const std::string& id,
                 Reader read, std::vector<Problem>& problems) {
  std::string p = repo.path(folder + "/" + id + ".toml");
  using Record = decltype(read(toml::table{}, id, p, problems));
  if (!text::is_slug(id)) {
    problems.push_back(file_name_problem(p, what));
    return Record{};
  }
  try {
    return read(parse_toml(fsio::read_file(p), p), id, p, problems);
  } catch (const Error& e) {
    problems.push_back({e.where().value_or(SourceLoc{p, 0, 0}), e.what()});
    return Record{};
  }
}

/// Every record of `folder` that reads cleanly; the first problem of each other file goes to `skipped`.
template <class Reader>
auto read_all(const Repo& repo, const std::string& folder, const std::string& what, Reader read,
              std::vector<Problem>& skipped) {
  std::vector<decltype(read(toml::table{}, std::string{}, std::string{}, skipped))> out;
  for (const auto& id : stems_in(repo, folder, skipped)) {
    std::vector<Problem> problems;
    auto record = read_record(repo, folder, what, id, read, problems);
    if (problems.empty()) out.push_back(std::move(record));
    else skipped.push_back(problems.front());
  }
  return out;
}

/// Read one load: an unknown id or a bad one is an Error (or a UsageError for an id typed badly).
template <class Reader>
auto load_record(const Repo& repo, const std::string& folder, const std::string& what, const std::string& id,
                 Reader read) {
  if (!text::is_slug(id)) throw UsageError("'" + id + "' is not a " + what + " id");
  std::string rel = folder + "/" + id + ".toml";
  if (!fsio::exists(repo.path(rel)))
    throw Error("unknown " + what + " '" + id + "' (no " + rel + "; see 'upward " + folder + "')");
  std::vector<Problem> problems;
  auto record = read_record(repo, folder, what, id, read, problems);
  throw_first(problems);
  return record;
}

/// One win file; its first problem goes to `skipped` and the result is empty.
std::optional<Win> read_win(const std::string& p, const std::string& name, std::vector<Problem>& skipped,
                            const std::string* text = nullptr) {
  std::vector<Problem> problems;
  try {
    Win w = win_from_toml(parse_toml(text ? *text : fsio::read_file(p), p), p, problems);
    w.id = name.substr(0, name.size() - 5);
    if (problems.empty()) return w;
  } catch (const Error& e) {
    problems.push_back({e.where().value_or(SourceLoc{p, 0, 0}), e.what()});
  }
  skipped.push_back(problems.front());
  return std::nullopt;
}

std::string base_name(const std::string& rel) {
  auto slash = rel.find_last_of('/');
  return slash == std::string::npos ? rel : rel.substr(slash + 1);
}

/// The months `range` touches, as folder names: `2026/11`.
std::vector<std::string> months_of(const dates::DateRange& range) {
  std::vector<std::string> out;
  date::year_month first{date::year_month_day{range.first}.year(), date::year_month_day{range.first}.month()};
  date::year_month last{date::year_month_day{range.last}.year(), date::year_month_day{range.last}.month()};
  for (auto ym = first; ym <= last; ym += date::months{1}) out.push_back(date::format("%Y/%m", date::sys_days{ym / 1}));
  return out;
}

void by_date(std::vector<Win>& wins) {
  std::stable_sort(wins.begin(), wins.end(), [](const Win& a, const Win& b) { return a.date < b.date; });
}

}  // namespace

std::string Repo::read_text(const std::string& rel) const { return fsio::read_file(path(rel)); }

std::vector<Person> Repo::people(std::vector<Problem>& skipped) const {
  settle();
  return read_all(*this, "people", "person", person_from_toml, skipped);
}

std::vector<Person> Repo::people() const {
  settle();
  std::vector<Problem> skipped;
  auto out = people(skipped);
  throw_first(skipped);
  return out;
}

Person Repo::person(const std::string& id) const { return load_record(*this, "people", "person", id, person_from_toml); }

std::vector<Goal> Repo::goals(std::vector<Problem>& skipped) const {
  settle();
  return read_all(*this, "goals", "goal", goal_from_toml, skipped);
}

std::vector<Goal> Repo::goals() const {
  settle();
  std::vector<Problem> skipped;
  auto out = goals(skipped);
  throw_first(skipped);
  return out;
}

Goal Repo::goal(const std::string& id) const { return load_record(*this, "goals", "goal", id, goal_from_toml); }

std::vector<Win> Repo::wins_in(const dates::DateRange& range, std::vector<Problem>& skipped) const {
  return wins_of_months(range, skipped, false);
}

std::vector<Win> Repo::follow_ups_in(const dates::DateRange& range, std::vector<Problem>& skipped) const {
  return wins_of_months(range, skipped, true);
}

std::vector<Win> Repo::wins_of_months(const dates::DateRange& range, std::vector<Problem>& skipped,
                                      bool follow_ups_only) const {
  settle();
  std::vector<Win> out;
  for (const auto& month : months_of(range)) {
    std::string folder = "wins/" + month;
    for (const auto& rel : listed(*this, folder, skipped)) {
      std::string p = path(folder + "/" + rel);
      std::string id = base_name(rel).substr(0, base_name(rel).size() - 5);
      if (!is_win_id(id)) {
        skipped.push_back({{p, 0, 0}, bad_win_file_name});
        continue;
      }
      if (!range.contains(*dates::parse_iso(id.substr(0, 10)))) continue;  // chosen by name, never opened
      std::string text;
      if (follow_ups_only) {
        try {
          text = fsio::read_file(p);
        } catch (const Error& e) {
          skipped.push_back({e.where().value_or(SourceLoc{p, 0, 0}), e.what()});
          continue;
        }
        // a win with a follow-up names the key, unless it spells it with an escape (a backslash)
        if (text.find("follow_up") == std::string::npos && text.find('\\') == std::string::npos) continue;
      }
      auto w = read_win(p, base_name(rel), skipped, follow_ups_only ? &text : nullptr);
      if (w && win_folder(w->date) != folder) {  // a hand-edited date: the period of that date would miss it
        skipped.push_back({{p, 0, 0}, "date " + dates::format_day(w->date) + " does not belong in this folder (move "
                                          "the file to " + win_folder(w->date) + "/, or 'upward set win " + w->id +
                                          " --date ...')"});
        continue;
      }
      if (w && w->date != *dates::parse_iso(id.substr(0, 10))) {
        skipped.push_back({{p, 0, 0}, win_name_date_problem(id, w->date)});
        continue;
      }
      if (w && (!follow_ups_only || w->follow_up)) out.push_back(std::move(*w));
    }
  }
  by_date(out);
  return out;
}

std::vector<Win> Repo::wins_in(const dates::DateRange& range) const {
  settle();
  std::vector<Problem> skipped;
  auto out = wins_in(range, skipped);
  throw_first(skipped);
  return out;
}

std::vector<Win> Repo::wins_linked_to(const std::string& goal_id, dates::Day until,
                                      std::vector<Problem>& skipped) const {
  settle();
  std::vector<Win> out;
  std::string last_folder = win_folder(until);  // wins/YYYY/MM sorts like the dates it holds
  for (const auto& rel : fsio::toml_files(path("wins"))) {
    if (rel.size() > 8 && rel[4] == '/' && rel[7] == '/' && "wins/" + rel.substr(0, 7) > last_folder) continue;
    std::string p = path("wins/" + rel);
    std::string text;
    try {
      text = fsio::read_file(p);
    } catch (const Error& e) {
      skipped.push_back({e.where().value_or(SourceLoc{p, 0, 0}), e.what()});
      continue;
    }
    // A file that links the goal names its id, quoted, unless it spells it with escapes.
    bool may_link = text.find('"' + goal_id + '"') != std::string::npos ||
                    text.find('\'' + goal_id + '\'') != std::string::npos || text.find('\\') != std::string::npos;
    if (!may_link) continue;
    auto w = read_win(p, base_name(rel), skipped, &text);
    if (w && w->date <= until && std::find(w->goals.begin(), w->goals.end(), goal_id) != w->goals.end())
      out.push_back(std::move(*w));
  }
  by_date(out);
  return out;
}

std::vector<Win> Repo::outcomes_in(const dates::DateRange& range, std::vector<Problem>& skipped) const {
  settle();
  std::vector<Win> out;
  for (const auto& month : months_of(range)) {
    std::string folder = "outcomes/" + month;
    for (const auto& rel : listed(*this, folder, skipped)) {
      auto named = rel.size() > 10 ? dates::parse_iso(rel.substr(0, 10)) : std::nullopt;
      if (!named || !range.contains(*named)) continue;  // chosen by name: `check` reports a name that lies
      std::string p = path(folder + "/" + rel);
      std::vector<Problem> problems;
      try {
        OutcomeNote note = outcome_note_from_toml(parse_toml(fsio::read_file(p), p), p, problems);
        if (problems.empty() && !fsio::exists(path(win_path(note.win))))
          problems.push_back({{p, 1, 1}, "names win '" + note.win + "', which does not exist (no " + win_path(note.win) + ")"});
        if (problems.empty()) {
          auto w = read_win(path(win_path(note.win)), note.win + ".toml", problems);
          bool listed = std::any_of(out.begin(), out.end(), [&](const Win& o) { return o.id == note.win; });
          if (w && !listed && w->outcome_date && range.contains(*w->outcome_date)) out.push_back(std::move(*w));
        }
      } catch (const Error& e) {
        problems.push_back({e.where().value_or(SourceLoc{p, 0, 0}), e.what()});
      }
      if (!problems.empty()) skipped.push_back(problems.front());
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Win& a, const Win& b) { return *a.outcome_date < *b.outcome_date; });
  return out;
}

std::vector<std::string> Repo::stems(const std::string& folder) const {
  std::vector<Problem> ignored;  // a completion says nothing about links or broken files
  return stems_in(*this, folder, ignored);
}

std::vector<std::string> Repo::win_ids(const std::string& prefix) const {
  std::vector<Problem> ignored;
  std::vector<std::string> out;
  std::string folder = "wins";
  if (prefix.size() >= 7 && prefix[4] == '-' && dates::parse_iso(prefix.substr(0, 7) + "-01"))
    folder += "/" + prefix.substr(0, 4) + "/" + prefix.substr(5, 2);
  for (const auto& rel : listed(*this, folder, ignored)) {
    std::string id = base_name(rel).substr(0, base_name(rel).size() - 5);
    if (id.compare(0, prefix.size(), prefix) == 0 && is_win_id(id)) out.push_back(id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace upward
