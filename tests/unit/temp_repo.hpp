#pragma once
// Test fixtures shared by the unit tests: a repository in a temporary folder, without git
// (autocommit off, no .git), and the ids of a list of records.
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "upward/model/config.hpp"
#include "upward/model/goal.hpp"
#include "upward/model/win.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/repo.hpp"

namespace upward::testing {

/// upward.toml (autocommit off) in DIR = ROOT/repo; removed with the fixture.
struct TempRepo {
  std::string root, dir;
  Repo repo;
  /// `people`: files written to people/ID.toml with a name and relationship `manager`.
  explicit TempRepo(const std::vector<std::string>& people = {})
      : root(make_root()), dir(root + "/repo"), repo(dir, {}) {
    fsio::make_dirs(dir + "/people");
    fsio::make_dirs(dir + "/goals");
    fsio::atomic_write(dir + "/upward.toml", config_template("Ada", "ada@example.com", false));
    for (const auto& id : people) write("people/" + id + ".toml", "name = \"" + id + "\"\nrelationship = \"manager\"\n");
  }
  ~TempRepo() { std::filesystem::remove_all(root); }
  TempRepo(const TempRepo&) = delete;
  TempRepo& operator=(const TempRepo&) = delete;

  static std::string make_root() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "upward-test-XXXXXX").string();
    return ::mkdtemp(tmpl.data());
  }
  /// Write `text` to DIR/rel, making its folders.
  void write(const std::string& rel, const std::string& text) {
    fsio::make_dirs(std::filesystem::path(dir + "/" + rel).parent_path().string());
    fsio::atomic_write(dir + "/" + rel, text);
  }
  std::string read(const std::string& rel) const { return fsio::read_file(dir + "/" + rel); }
  /// Every file but the lock, with its text.
  std::map<std::string, std::string> snapshot() const {
    std::map<std::string, std::string> out;
    for (auto& e : std::filesystem::recursive_directory_iterator(dir)) {
      std::string rel = std::filesystem::relative(e.path(), dir).string();
      if (e.is_regular_file() && rel != ".upward.lock") out[rel] = fsio::read_file(e.path().string());
    }
    return out;
  }
};

/// A day from an ISO date: `day("2026-11-23")`.
inline dates::Day day(const char* iso) { return *dates::parse_iso(iso); }

/// A goal `Goal ID` of `owner`, created 2026-11-01, without updates.
/// A win of `day` titled "Win ID" with an impact (empty: none).
inline Win win(std::string id, const char* day_iso, std::string impact = "It mattered") {
  Win w;
  w.id = std::move(id);
  w.date = day(day_iso);
  w.title = "Win " + w.id;
  w.impact = std::move(impact);
  return w;
}

inline Goal goal(std::string id, std::string owner = "me", std::vector<std::string> supports = {}) {
  Goal g;
  g.id = id;
  g.title = "Goal " + id;
  g.owner = std::move(owner);
  g.supports = std::move(supports);
  g.created = day("2026-11-01");
  return g;
}

/// The ids of `records`, in order: `id_of(record)` for each.
template <class Range, class IdOf>
std::vector<std::string> ids_of(const Range& records, IdOf id_of) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(id_of(r));
  return out;
}

}  // namespace upward::testing
