#pragma once
// `upward harvest` (issue 12): the user's own commits → candidate wins. Pure: no files, no clock.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/model/commit.hpp"
#include "upward/model/win.hpp"

namespace upward {

/// A win proposed from commits of one day and one topic.
struct Candidate {
  dates::Day day;               ///< its last commit's day: the win's date
  std::string topic;            ///< the ticket id, else the branch, else the subject
  std::string title;            ///< the first commit's subject, led by the ticket id when it lacks it
  std::vector<Commit> commits;  ///< oldest first; fixups folded in after the commit they fix
  std::size_t files = 0;        ///< distinct files changed
  std::int64_t added = 0, deleted = 0;

  /// `git:REPO@HASH` of every commit, in order: the win's `source`.
  std::vector<std::string> sources() const;
  /// The key of its line in the --edit list: `api@a1b2c3d,b2c3d4e,web@e4f5a6b`.
  std::string key() const;
};

/// The first ticket id in `text` (`ABC-123`: a capital, then one or more capitals or digits, a
/// dash, digits), not inside a word but possibly after a branch's `-`, `_` or `/`
/// (`fix-ABC-125`); `X-1` (one capital), UTF-8, SHA-256, ISO-8601 and the like are not tickets.
std::optional<std::string> ticket_id(std::string_view text);

/// The branch a merge's subject names: `Merge branch 'feature/ABC-1-x'` (also `... into main`),
/// `Merge remote-tracking branch 'origin/x'` (x), `Merge pull request #12 from u/branch` (branch);
/// nullopt for other subjects.
std::optional<std::string> merge_branch(std::string_view subject);

/// The subject a `fixup! X`, `squash! X` or `amend! X` commit fixes (X, prefixes stripped
/// repeatedly); nullopt for other subjects.
std::optional<std::string> fixup_target(std::string_view subject);

/// What a revert commit reverts: the hash of its body's `This reverts commit H`, else the
/// subject inside `Revert "X"` (prefixed by "subject:"); nullopt for other commits.
std::optional<std::string> reverted(const Commit& c);

/// The candidates among `commits` (every author's, as git log lists them: newest first; commits of
/// several repositories may follow each other, as they are ordered by author time): only
/// those by `author` (email, case-insensitive) dated within `period`; merges, fixups (folded into
/// the commit they fix when it is there, else dropped), reverts of the author's own commits
/// (both dropped), empty commits (no file changed) and `cherry-pick -x` copies of a commit of the
/// period or of a harvested one are not candidates; a merge's branch names the topic of the commits it brought
/// in, unless it is a main line (main, master, develop, trunk...); commits whose
/// `git:REPO@HASH` is in `harvested` (or starts with one of its entries' hashes) are left out.
/// Grouped by (day, topic); sorted by day, then the first commit's time.
std::vector<Candidate> harvest_candidates(const std::vector<Commit>& commits, const std::string& author,
                                          const dates::DateRange& period, const std::set<std::string>& harvested);

/// The text `harvest --edit` opens: instructions and each candidate's evidence as `#` comments,
/// one line per candidate: `KEY | TITLE` (the user may add ` -- IMPACT`); a `--` of the title
/// after a space (or at its start) is written `\--`, read back as `--`.
std::string harvest_edit_list(const std::vector<Candidate>& candidates, const dates::DateRange& period);

/// The wins the edited list keeps, in its order: each line `KEY | TITLE [-- IMPACT]`; a KEY
/// names commits of the candidates (a line may join several candidates' keys); `#` lines and
/// blank lines are ignored. Each win carries `tags`, the commits' sources and their last day.
/// Error at `path:LINE:COL` for a line without ` | `, an unknown or repeated commit, or an
/// empty title. `kept` receives the sources of the commits kept.
std::vector<Win> wins_from_edit_list(std::string_view text, const std::vector<Candidate>& candidates,
                                     const std::vector<std::string>& tags, const std::string& path,
                                     std::vector<std::string>& kept);

/// The win a candidate becomes with --accept-all.
Win win_of(const Candidate& c, const std::vector<std::string>& tags);

}  // namespace upward
