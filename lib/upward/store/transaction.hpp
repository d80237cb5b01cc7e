#pragma once
// One change of the repository (DESIGN §4): every writing command goes through it.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "upward/store/fsio.hpp"

namespace upward {

class Repo;

/// What a write did. After the files are published, a later failure (the commit, syncing a
/// folder) leaves them saved: `git_error` / `sync_error` say what failed.
struct WriteResult {
  std::vector<std::string> ids;    ///< the new or changed records' ids (set by the caller)
  std::vector<std::string> paths;  ///< the files written or removed, relative to the repository
  bool created_repo = false;       ///< the repository was created by this write
  bool noop = false;               ///< the new texts equal the old: nothing written, nothing committed
  std::optional<std::string> git_error;   ///< saved, but committing failed
  std::optional<std::string> sync_error;  ///< saved, but a folder could not be synced afterwards
  std::vector<std::string> notes;  ///< hand edits committed first, an interrupted change finished, ...
  /// The first later failure, if any (the files are saved all the same).
  std::optional<std::string> later_error() const { return git_error ? git_error : sync_error; }
};

/// A change of several files that becomes visible all at once or not at all, even across a
/// SIGKILL. Made by Repo::change(message), which holds the repository lock until the
/// transaction ends:
///
///     auto tx = repo.change("goals add: ship-search");
///     tx.create("goals/ship-search.toml", text);
///     WriteResult r = tx.commit();
///
/// Nothing touches the disk before commit(): every new text is parsed when it is given (a
/// `.toml` file that would not parse is an Error), then commit() writes each to a hidden
/// temporary (`.NAME.upward-tmp.XXXXXX`) and syncs it, writes the journal `.upward-journal`,
/// renames each file into place, syncs the folders, commits exactly these paths (when
/// `git.autocommit` is on and the folder is a git repository of its own) and removes the
/// journal. The next writer finishes a change whose journal it finds (an interrupted upward)
/// and removes the temporaries of one that never got a journal. A failure rolls back every file
/// and says which; a rollback that fails names the files it left behind. A NUL in the message
/// is written `\0` (git refuses the byte).
class Transaction {
 public:
  Transaction(Transaction&&) = default;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  /// True when `rel` exists as this transaction would leave it.
  bool exists(const std::string& rel);
  /// The text of `rel` as this transaction would leave it; Error when it is missing.
  std::string read(const std::string& rel);
  /// A new file; Error when `rel` exists.
  void create(const std::string& rel, const std::string& text);
  /// How create_unique names a file: `tagged` ends the stem in this clone's machine tag when the
  /// repository has a remote (git::machine_tag: `2026-11-28-fix-login-k3x9`); `as_given` keeps
  /// it (a win moved to another date keeps the tag its id has).
  enum class Naming { tagged, as_given };
  /// A new file `folder/NAME.toml`, NAME the stem (see Naming) when free, else with a random
  /// suffix `-XXXX`: two clones that log the same title on the same day never pick the same
  /// name, nor do two records of one change. Returns the name (the record's id).
  std::string create_unique(const std::string& folder, const std::string& stem, const std::string& text,
                            Naming naming = Naming::tagged);
  /// The whole new text of an existing file (computed from read() by toml_edit). Equal text is a no-op.
  void replace(const std::string& rel, const std::string& text);
  /// Remove an existing file.
  void remove(const std::string& rel);
  /// The commit message (`people add: dana (primary manager)`), when it depends on what was found.
  void set_message(std::string message) { message_ = std::move(message); }
  /// Publish every change, all or nothing, then commit it (see above). Error when nothing was
  /// published; a WriteResult with git_error/sync_error when the files are saved but a later step failed.
  WriteResult commit();

 private:
  friend class Repo;
  enum class Kind { create, replace, remove };
  struct Op {
    std::string rel;
    Kind kind;
    std::string text;                 ///< the new text (create, replace)
    std::optional<std::string> old;   ///< the old text (replace, remove), for rollback and no-op
    std::string tmp;                  ///< the temporary, once written
  };

  Transaction(Repo& repo, std::string message, std::unique_ptr<fsio::RepoLock> lock,
              std::optional<bool> commit_override, WriteResult start);
  Op* find(const std::string& rel);
  void check_rel(const std::string& rel) const;
  std::vector<std::string> stage();
  std::string rollback(size_t published);
  /// Error naming the first replaced or removed file whose text is no longer the one it was read with.
  void refuse_changed_files() const;

  Repo* repo_;
  std::string message_;
  std::unique_ptr<fsio::RepoLock> lock_;   ///< null when the caller holds the lock
  std::optional<bool> commit_override_;    ///< init decides by git alone (there is no config yet)
  WriteResult result_;
  std::vector<Op> ops_;
  std::map<std::string, size_t> index_;  ///< rel -> its place in ops_ (batches of 30,000 wins)
  /// The text read() returned from each file: what a replace was computed from. A file that no
  /// longer holds it at commit (the user saved it meanwhile) stops the change: nothing is written.
  std::map<std::string, std::string> read_;
  std::optional<std::string> tag_;  ///< git::machine_tag, asked once per change
  bool done_ = false;
};

namespace journal {
/// The journal's name at the repository root.
inline constexpr const char* file = ".upward-journal";
/// Finish (roll forward and commit) a change whose journal is in `repo`, then remove the
/// journal. Call it under the lock. Returns a note for the user, or "" when there was none.
std::string recover(Repo& repo);
}  // namespace journal

}  // namespace upward
