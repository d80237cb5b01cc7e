#include "upward/store/repo_require.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/store/fsio.hpp"

namespace upward {

void require_goals(const Repo& repo, const std::vector<std::string>& ids) {
  for (const auto& g : ids)
    if (!repo.goal_exists(g)) throw Error("unknown goal '" + g + "' (no goals/" + g + ".toml; see 'upward goals')");
}

void require_person_id(const std::string& id) {
  if (!text::is_slug(id))
    throw UsageError("'" + id + "' is not a person id (expected lowercase letters, digits and '-', at most 64)");
}

void require_person(const Repo& repo, const std::string& id) {
  require_person_id(id);
  if (repo.person_exists(id)) return;
  std::vector<std::string> known;
  for (const auto& rel : fsio::toml_files(repo.path("people")))
    if (rel.find('/') == std::string::npos) known.push_back(rel.substr(0, rel.size() - 5));
  if (known.empty()) throw Error("unknown person '" + id + "' (there is nobody in people/ yet: add them with 'upward people add')");
  throw Error(fmt::format("unknown person '{}' (expected {})", id, fmt::join(known, ", ")));
}

}  // namespace upward
