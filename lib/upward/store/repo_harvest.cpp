#include "upward/store/repo_harvest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "upward/base/text.hpp"
#include "upward/model/harvest_record_read.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/git.hpp"

namespace upward {

namespace {

/// The stems in harvest/ named DATE or DATE-..., with their day, oldest first: by the date and
/// time of the name (`DATE-HHMMSS`), then, for runs of the same second (a pinned --today names
/// them all `DATE-120000`, the later ones with a random suffix), by the file's modification
/// time, then by name.
std::vector<std::pair<dates::Day, std::string>> record_names(const Repo& repo, std::vector<Problem>& skipped) {
  namespace fs = std::filesystem;
  std::vector<std::pair<dates::Day, std::string>> out;
  try {  // a linked harvest/ is not read, as it is not written
    fsio::refuse_links(repo.dir(), harvest_folder);
  } catch (const Error& e) {
    skipped.push_back({{repo.path(harvest_folder), 0, 0}, e.what()});
    return out;
  }
  struct Found {
    std::string when, stem;
    fs::file_time_type mtime;
    dates::Day day;
  };
  std::vector<Found> found;
  for (const auto& rel : fsio::toml_files(repo.path(harvest_folder))) {
    if (rel.find('/') != std::string::npos || rel.size() < 15) continue;
    auto day = dates::parse_iso(rel.substr(0, 10));
    if (!day || (rel.size() > 15 && rel[10] != '-')) continue;
    std::string stem = rel.substr(0, rel.size() - 5);
    std::string when = stem.substr(0, 10);
    bool timed = stem.size() >= 17 && std::all_of(stem.begin() + 11, stem.begin() + 17, [](char c) { return c >= '0' && c <= '9'; }) &&
                 (stem.size() == 17 || stem[17] == '-');
    if (timed) when = stem.substr(0, 17);
    std::error_code ec;
    auto mtime = fs::last_write_time(repo.path(std::string(harvest_folder) + "/" + rel), ec);
    found.push_back({when, stem, ec ? fs::file_time_type{} : mtime, *day});
  }
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return std::tie(a.when, a.mtime, a.stem) < std::tie(b.when, b.mtime, b.stem); });
  for (auto& f : found) out.emplace_back(f.day, std::move(f.stem));
  return out;
}

std::optional<HarvestRecord> read_record(const Repo& repo, const std::string& id, std::vector<Problem>& skipped) {
  std::string p = repo.path(std::string(harvest_folder) + "/" + id + ".toml");
  std::vector<Problem> problems;
  HarvestRecord h;
  try {
    std::string text = fsio::read_file(p);
    if (!text::valid_utf8(text)) throw Error(SourceLoc{p, 0, 0}, "not valid UTF-8");
    h = harvest_record_from_toml(parse_toml(text, p), id, p, problems);
  } catch (const Error& e) {
    problems.push_back({e.where().value_or(SourceLoc{p, 0, 0}), e.what()});
  }
  if (!problems.empty()) {
    skipped.push_back(problems.front());
    return std::nullopt;
  }
  return h;
}

}  // namespace

std::vector<HarvestRecord> harvest_records(const Repo& repo, dates::Day from, dates::Day to,
                                           std::vector<Problem>& skipped) {
  repo.settle();
  std::vector<HarvestRecord> out;
  for (const auto& [day, id] : record_names(repo, skipped))
    if (from <= day && day <= to)
      if (auto h = read_record(repo, id, skipped)) out.push_back(std::move(*h));
  return out;
}

std::optional<HarvestRecord> last_harvest(const Repo& repo, dates::Day day, std::vector<Problem>& skipped) {
  repo.settle();
  auto names = record_names(repo, skipped);
  for (auto it = names.rbegin(); it != names.rend(); ++it)
    if (it->first <= day) return read_record(repo, it->second, skipped);
  return std::nullopt;
}

std::set<std::string> harvested_sources(const Repo& repo, const dates::DateRange& period, dates::Day today,
                                        std::vector<Problem>& skipped) {
  std::set<std::string> out;
  for (const auto& w : repo.wins_in(period, skipped)) out.insert(w.source.begin(), w.source.end());
  for (const auto& h : harvest_records(repo, period.first, std::max(today, period.last), skipped)) {
    out.insert(h.kept.begin(), h.kept.end());
    out.insert(h.dismissed.begin(), h.dismissed.end());
  }
  return out;
}

WriteResult record_harvest(Repo& repo, const std::vector<Win>& wins, HarvestRecord record) {
  for (const auto& w : wins) validate_win(w);  // a refused win creates nothing
  std::string message = "harvest: " + git::one_line(wins.empty() ? "nothing kept" : wins.front().title, 63);
  if (wins.size() > 1) {
    message = fmt::format("harvest: {} wins\n", wins.size());
    for (const auto& w : wins) message += "\n- " + git::one_line(w.title, 70);
  }
  auto tx = repo.change(message);
  std::vector<std::string> ids;
  for (const auto& w : wins) ids.push_back(tx.create_unique(win_folder(w.date), win_stem(w), win_to_toml(w)));
  record.wins = ids;
  tx.create_unique(harvest_folder, harvest_record_stem(record), harvest_record_to_toml(record));
  WriteResult result = tx.commit();
  result.ids = ids;
  return result;
}

}  // namespace upward
