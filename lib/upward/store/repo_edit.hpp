#pragma once
// `upward edit`: a record's file edited in $VISUAL/$EDITOR on a copy, checked before it lands.
#include <functional>
#include <string>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/base/error.hpp"
#include "upward/store/repo.hpp"

namespace upward {

/// The kinds `upward edit` opens, in the order its usage lists them.
inline const std::vector<std::string> edit_kinds = {"win", "goal", "person", "1on1", "config"};

/// The file `upward edit KIND ARGS...` opens, relative to the repository: `win ID` ->
/// wins/YYYY/MM/ID.toml, `goal ID`, `person ID`, `1on1 PERSON [DATE]` (DATE a day expression or
/// ISO; without it the latest 1:1 record), `config` -> upward.toml. UsageError for an unknown
/// kind, a wrong number of words or an id that is not one; Error when the record does not exist.
std::string edit_target(const Repo& repo, const std::string& kind, const std::vector<std::string>& args,
                        dates::Day today);

/// How an edit ended.
struct EditOutcome {
  enum class Status { saved, unchanged, rejected } status = Status::unchanged;
  WriteResult result;             ///< saved: the write (one commit `edit: REL`)
  std::vector<Problem> problems;  ///< saved: the warnings and notes; rejected: every problem
  std::string kept;               ///< rejected: where the broken text is kept (`DIR/REL.rej`)
};

/// Called with the problems of a text that cannot land (at least one is not a warning):
/// true opens the editor on it again, false gives up (the text is then kept as `REL.rej`).
using EditAgain = std::function<bool(const std::vector<Problem>& problems)>;

/// Edit the file `rel` (edit_target) the way `crontab -e` and `visudo` do: its text is copied to
/// a hidden `.edit-STEM-XXXXXX.toml` at the repository root (ignored by git, never removed by
/// the transaction's cleanup), $VISUAL/$EDITOR runs on it (process::run_editor: its screen never
/// reaches stdout), and the result is checked with check_file(). An unchanged text writes
/// nothing. A text with problems is offered to `again`; when it declines, the text is kept
/// beside the file as `REL.rej` (`REL.N.rej` when that exists: an older one is never
/// overwritten) and the file stays as it was. A clean text (warnings allowed) replaces the file
/// in one transaction, committed as `edit: REL`; when the file changed meanwhile, or the write
/// fails, the Error says where the edited text is kept. The copy is removed once the text is
/// saved, rejected into `.rej`, or unchanged.
EditOutcome edit_file(Repo& repo, const std::string& rel, dates::Day today, const EditAgain& again);

}  // namespace upward
