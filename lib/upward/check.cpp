#include "upward/check.hpp"

#include <algorithm>

#include "upward/fsio.hpp"
#include "upward/records.hpp"
#include "upward/text.hpp"

namespace upward {

namespace {

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

void check_win(const Repo& repo, const std::string& rel, const toml::table& table, std::vector<Problem>& out) {
  std::string shown = repo.path(rel);
  size_t before = out.size();
  Win w = win_from_toml(table, shown, out);
  if (out.size() > before && !table.get("date")) return;
  if (table.get("date") && table.get("date")->is_date()) {
    std::string folder = win_folder(w.date);
    if (rel.compare(0, folder.size() + 1, folder + "/") != 0)
      out.push_back({loc_of(*table.get("date"), shown),
                     "date " + dates::format_day(w.date) + " does not belong in this folder (move the file to " +
                         folder + "/)"});
  }
  if (w.follow_up && w.follow_up < w.date)
    out.push_back({loc_of(*table.get("follow_up"), shown), "'follow_up' is before the win's date"});
  if (const toml::node* goals = table.get("goals"); goals && goals->is_array()) {
    for (const auto& g : *goals->as_array()) {
      if (const auto* s = g.as_string(); s && text::is_slug(s->get()) && !repo.goal_exists(s->get()))
        out.push_back({loc_of(g, shown), "unknown goal '" + s->get() + "' (no goals/" + s->get() + ".toml)"});
    }
  }
}

}  // namespace

std::vector<Problem> check_repository(const Repo& repo) {
  std::vector<Problem> out;
  if (!repo.initialized()) {
    out.push_back({{repo.path("upward.toml"), 0, 0}, "missing: this is not an upward repository (run 'upward init')"});
    return out;
  }
  for (const auto& rel : fsio::toml_files(repo.dir())) {
    std::string shown = repo.path(rel);
    toml::table table;
    try {
      std::string text = fsio::read_file(shown);
      if (!text::valid_utf8(text)) {
        out.push_back({{shown, 0, 0}, "not valid UTF-8"});
        continue;
      }
      table = parse_toml(text, shown);
    } catch (const Error& e) {
      out.push_back({e.where().value_or(SourceLoc{shown, 0, 0}), e.what()});
      continue;
    }
    if (rel == "upward.toml") config_from_toml(table, shown, out);
    else if (starts_with(rel, "wins/")) check_win(repo, rel, table, out);
  }
  std::stable_sort(out.begin(), out.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.where.path, a.where.line, a.where.column) < std::tie(b.where.path, b.where.line, b.where.column);
  });
  return out;
}

}  // namespace upward
