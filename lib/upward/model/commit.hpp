#pragma once
// A commit of one of the user's own git repositories, as `upward harvest` reads it (issue 12).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "upward/base/dates.hpp"

namespace upward {

/// One file a commit changed: `git log --numstat` (a binary file counts 0 lines).
struct FileStat {
  std::string path;
  std::int64_t added = 0, deleted = 0;
};

/// One commit: who wrote it, when (the author's date, as a local calendar day), what it says
/// and what it changed.
struct Commit {
  std::string repo;        ///< the repository's stable name: its folder's name (`api` for ~/src/api)
  std::string hash;        ///< the full hash
  std::string short_hash;  ///< git's abbreviation (%h)
  std::vector<std::string> parents;  ///< full hashes; two or more: a merge
  std::string email, name;           ///< the author
  dates::Day day;                    ///< the author date's local calendar day
  std::int64_t time = 0;             ///< the author date, seconds since the epoch (orders a day's commits)
  std::string subject, body;
  std::vector<FileStat> files;

  bool is_merge() const { return parents.size() > 1; }
  /// What a harvested win's `source` holds for it: `git:api@<full hash>`.
  std::string source() const { return "git:" + repo + "@" + hash; }
};

/// The hash (lowercase, 7 hex digits or more) after `marker` in `body`: `This reverts commit H`,
/// `(cherry picked from commit H`; nullopt when absent.
std::optional<std::string> hash_after(std::string_view body, std::string_view marker);

/// The commit a revert reverts, from its body's `This reverts commit H`.
inline std::optional<std::string> reverted_hash(std::string_view body) { return hash_after(body, "This reverts commit "); }

/// The commit a `git cherry-pick -x` copies, from its body's `(cherry picked from commit H)`.
inline std::optional<std::string> cherry_picked_from(std::string_view body) {
  return hash_after(body, "(cherry picked from commit ");
}

}  // namespace upward
