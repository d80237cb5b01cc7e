#pragma once
#include <optional>
#include <string>
#include <vector>

#include "upward/base/error.hpp"
#include "upward/model/config.hpp"
#include "upward/model/goal.hpp"
#include "upward/model/meeting.hpp"
#include "upward/model/person.hpp"
#include "upward/model/sent.hpp"
#include "upward/store/process.hpp"
#include "upward/model/win.hpp"
#include "upward/store/transaction.hpp"

namespace upward {

struct InitOptions {
  std::string name, email;  ///< empty: taken from git's user.name / user.email
};

/// The problem of a file in goals/ or people/ whose name is not an id (`what`: "goal", "person").
Problem file_name_problem(const std::string& path, const std::string& what);

/// The repository: the only code that reads and writes its files. Every write goes through
/// one Transaction (change()), which holds the repository lock across the write, `git add`
/// and `git commit` (DESIGN §4).
class Repo {
 public:
  Repo(std::string dir, process::Env env) : dir_(std::move(dir)), env_(std::move(env)) {}

  const std::string& dir() const { return dir_; }
  /// `rel` inside the repository as the user can open it: `DIR/rel`.
  std::string path(const std::string& rel) const { return dir_ + "/" + rel; }
  /// True when the folder holds an upward.toml.
  bool initialized() const;
  /// upward.toml, read once; Error at the first problem, or when there is no repository.
  const Config& config();

  /// Begin a change, to be committed with Transaction::commit(). Takes the lock (saying on
  /// stderr what it waits for after a second), finishes a change an interrupted upward left,
  /// creates the repository when DIR is missing, empty or half made by an interrupted upward
  /// (Error when it is a foreign folder), and reads upward.toml (Error when it cannot).
  Transaction change(const std::string& message);

  /// The lock a change holds, for work on the repository that is no Transaction (`sync` pulls
  /// and pushes under it): taken the same way, a change an interrupted upward left finished
  /// first (its note into `result`). Held until the returned lock is destroyed.
  std::unique_ptr<fsio::RepoLock> lock(WriteResult& result) { return lock_for_write(result); }

  /// Error when a write here would be refused before it starts: DIR is a foreign folder, or
  /// upward.toml cannot be read. For flows that ask the user for text first (`log-win -e`).
  void check_writable();

  /// Create the repository: folders, upward.toml, .gitignore, `git init` and a first commit
  /// when git is installed. Returns what was written; Error when DIR already holds upward.toml.
  WriteResult init(const InitOptions& opt);

  /// Write each win to its own new file and commit them together. All or nothing: a failure
  /// removes the files this call wrote. Creates the repository first when DIR is missing or empty.
  WriteResult add_wins(const std::vector<Win>& wins);

  /// The stems of FOLDER/*.toml (goals, people, 1on1s/PERSON/topics), sorted, without opening any
  /// file: for the shell's completions (`upward __complete`). Links are not followed.
  std::vector<std::string> stems(const std::string& folder) const;
  /// The ids of the wins whose id starts with `prefix`: only the month folder the prefix names
  /// when it has a year and month (`2026-11`), else every month folder listed, no file opened.
  std::vector<std::string> win_ids(const std::string& prefix) const;

  /// True when goals/ID.toml exists.
  bool goal_exists(const std::string& id) const;
  /// True when people/ID.toml exists.
  bool person_exists(const std::string& id) const;

  /// Every person that reads cleanly, sorted by id. A file that does not (a name that is not an
  /// id, a syntax error, a bad value) is left out and its first problem added to `skipped`, so a
  /// reading command shows everything it can (STYLE: "Errors").
  std::vector<Person> people(std::vector<Problem>& skipped) const;
  /// Every person, sorted by id; Error at the first problem in a file (for writers).
  std::vector<Person> people() const;
  /// One person; Error naming the id when there is none.
  Person person(const std::string& id) const;
  /// Write people/ID.toml; the first manager (or any person with `primary`) becomes
  /// `manager` in upward.toml, edited in place. Error when the id is taken.
  WriteResult add_person(const Person& person, bool primary);
  /// Make an existing person the primary manager (`manager` in upward.toml).
  WriteResult set_primary(const std::string& id);

  /// Every goal that reads cleanly, sorted by id; each file that does not is added to `skipped`.
  std::vector<Goal> goals(std::vector<Problem>& skipped) const;
  /// Every goal, sorted by id; Error at the first problem in a file (for writers).
  std::vector<Goal> goals() const;
  /// One goal; Error naming the id when there is none.
  Goal goal(const std::string& id) const;
  /// Write goals/ID.toml. Error when the id is taken, the owner is not a person, or a
  /// supported goal does not exist.
  WriteResult add_goal(const Goal& goal);
  /// Append one `[[update]]` table to goals/ID.toml as text; every other byte stays.
  WriteResult update_goal(const std::string& id, const GoalUpdate& update, const std::string& summary);

  /// The wins dated within `range`, oldest first. Reads only the month folders the range
  /// touches; each file that does not read cleanly is added to `skipped`.
  std::vector<Win> wins_in(const dates::DateRange& range, std::vector<Problem>& skipped) const;
  /// The wins dated within `range` that have a follow-up, oldest first: like wins_in(), but a file
  /// whose text does not name `follow_up` is read and not parsed (`nudge` looks a year back for
  /// outcomes to record, and parsing a year of wins would hold up a shell's start).
  std::vector<Win> follow_ups_in(const dates::DateRange& range, std::vector<Problem>& skipped) const;
  /// wins_in(), with an Error at the first problem in a file.
  std::vector<Win> wins_in(const dates::DateRange& range) const;
  /// The wins linked to `goal_id` dated on or before `until`, oldest first, whatever their date
  /// (before the goal was created too). Every month folder of wins/ up to `until` is listed, but
  /// only the files whose text names the id are parsed; those that do not read cleanly are
  /// added to `skipped`.
  std::vector<Win> wins_linked_to(const std::string& goal_id, dates::Day until, std::vector<Problem>& skipped) const;

  /// One win by id (its file stem, which starts with its date: wins/YYYY/MM/ID.toml); Error
  /// naming the id when there is none, or at the file's location when it does not read cleanly.
  Win win(const std::string& id) const;
  /// Record what came of a win: `outcome = TEXT` and `outcome_date = DAY` set in the win file in
  /// place (replaced when present, else inserted after its last top-level key); every other byte
  /// stays. The outcome note outcomes/YYYY/MM/DAY-WIN.toml is written in the same change (and an
  /// earlier day's note of the win removed). `previous` receives an outcome the file held before (empty when none).
  WriteResult record_outcome(const std::string& win_id, const std::string& text, dates::Day day,
                             std::string& previous);

  /// The wins whose outcome was recorded within `range`, found through the outcome notes of the
  /// range's months (outcomes/YYYY/MM/, selected by name; only those and the wins they name are
  /// opened), oldest outcome first. The win file decides: a note whose win holds no outcome dated
  /// within the range is passed over; a note that does not read, or names a missing win, is added
  /// to `skipped`.
  std::vector<Win> outcomes_in(const dates::DateRange& range, std::vector<Problem>& skipped) const;

  /// The talking points queued for `person` (1on1s/PERSON/topics/*.toml), sorted by date then id;
  /// each file that does not read cleanly is added to `skipped`.
  std::vector<Topic> topics(const std::string& person, std::vector<Problem>& skipped) const;
  /// The 1:1 records with `person` (1on1s/PERSON/YYYY-MM-DD.toml), oldest first; each file that
  /// does not read cleanly (or whose name is not a date) is added to `skipped`.
  std::vector<Meeting> meetings(const std::string& person, std::vector<Problem>& skipped) const;
  /// The ids of the people with a 1on1s/ folder, sorted.
  std::vector<std::string> meeting_people() const;
  /// Queue a talking point: a new file 1on1s/PERSON/topics/DATE-SLUG.toml (a suffix when taken);
  /// its id in `ids`. Error when the person does not exist.
  WriteResult add_topic(const Topic& topic);
  /// Write the 1:1 record 1on1s/PERSON/DATE.toml with `text`; Error naming the file when it exists.
  WriteResult save_meeting(const std::string& person, dates::Day day, const std::string& text);
  /// Set `done = DAY` on the action item `action_id` in place (only that value's text changes).
  /// `person` empty: searched in every person's 1:1s (Error when the id is in several, naming
  /// them). Error when the id is unknown. `already` receives the earlier done date when the item
  /// was already closed (nothing is written then: the result is a no-op).
  WriteResult close_action(const std::string& person, const std::string& action_id, dates::Day day,
                           std::optional<dates::Day>& already);

  /// The latest digest sent on or before `day` (sent/*.toml, ordered by file name: the day, then
  /// the time when the name has one, then the file's modification time), skipping those whose
  /// period does not end before `ends_before` when given (so re-sending a week compares it with
  /// the update before, never with itself). Only the files looked at are parsed. nullopt when
  /// none; a file that does not read cleanly is added to `skipped` (and nullopt returned).
  std::optional<SentDigest> last_sent(dates::Day day, std::vector<Problem>& skipped,
                                      std::optional<dates::Day> ends_before = std::nullopt) const;
  /// Every digest sent in `days` (chosen by the day in the file's name; only those are parsed), in
  /// name order; a file that does not read cleanly is added to `skipped`.
  std::vector<SentDigest> sent_in(const dates::DateRange& days, std::vector<Problem>& skipped) const;
  /// Record a digest that was sent: a new file sent/DATE-digest.toml (a suffix when taken),
  /// committed. Its id in `ids`.
  WriteResult record_sent(const SentDigest& sent);

  /// What the user typed in $EDITOR, and the file that holds it until it is recorded.
  struct Edited {
    std::string text, file;
  };
  /// A fresh hidden file `.edit-NAME-XXXXXX.SUFFIX` at the repository's root holding `text`, for
  /// $EDITOR: not a record (never read as one, ignored by git, left alone by the stale-temporary
  /// cleanup). Its path; Error when it cannot be written.
  std::string scratch_file(const std::string& name, const std::string& suffix, const std::string& text) const;
  /// Let the user edit `text` in $VISUAL/$EDITOR, the way `git commit` does: a fresh
  /// scratch_file(`what`, ".txt"). The file stays (like git's COMMIT_EDITMSG) so a refused text
  /// is not lost: remove it with forget_edit() once the text is recorded.
  /// Error (naming the file) when the editor fails or the text is not UTF-8.
  Edited edit_in_editor(const std::string& text, const std::string& what = "win") const;
  /// Remove the file edit_in_editor() left.
  void forget_edit(const Edited& edited) const;

  /// Before the first read: when a change's journal is there (an upward killed while it
  /// published a batch, or one publishing now), wait for the lock and finish it, so a reader
  /// sees every file of a change or none. Costs one stat when there is no journal.
  void settle() const;

  const process::Env& env() const { return env_; }
  /// Where a writer says what lock it waits for (stderr; null with --quiet).
  void say_waiting_on(std::FILE* stream) { waiting_ = stream; }

 private:
  friend class Transaction;
  /// Create the repository; the caller holds the lock.
  WriteResult create_locked(const InitOptions& opt);
  /// Create DIR, take the lock, finish an interrupted change (its note into `result`).
  std::unique_ptr<fsio::RepoLock> lock_for_write(WriteResult& result);
  /// wins_in() and follow_ups_in().
  std::vector<Win> wins_of_months(const dates::DateRange& range, std::vector<Problem>& skipped, bool follow_ups_only) const;
  /// Parse one file of the repository; Error at its location when it does not parse.
  std::string read_text(const std::string& rel) const;

  std::string dir_;
  process::Env env_;
  std::optional<Config> config_;
  std::FILE* waiting_ = stderr;  ///< where a writer says what lock it waits for
  mutable bool settled_ = false;
};

}  // namespace upward
