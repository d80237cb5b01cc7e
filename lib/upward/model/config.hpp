#pragma once
#include <date/date.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace upward {

/// The brag-document sections (issue 9), in the order a review packet lists them: the key a
/// win's `section` or `[sections]` names, and its heading.
inline const std::vector<std::pair<std::string, std::string>> brag_sections{
    {"projects", "Projects"},
    {"collaboration", "Collaboration & mentorship"},
    {"design", "Design & documentation"},
    {"company", "Company building"},
    {"learning", "Learning"}};

/// `[digest]` in upward.toml: where the weekly update goes and how it is sent.
struct DigestConfig {
  std::string to, cc;       ///< default recipients (comma-separated addresses allowed; an array in the file is joined with ", ")
  std::string subject;      ///< default subject; the period is appended: "Weekly update: 2026-11-23..2026-11-29"
  std::string sendmail = "/usr/sbin/sendmail -t -i";  ///< split at spaces into an argument vector, never a shell
};

/// `[nudge]` in upward.toml: which reminders `upward nudge` gives (issue 12). Each check can be
/// switched off; the numbers are its thresholds.
struct NudgeConfig {
  int no_win_days = 3;          ///< no_win_days: working days without a win before saying so; 0 turns it off
  bool one_on_one = true;       ///< one_on_one: the next 1:1 within a working day with an empty agenda or an unsolved problem
  bool actions = true;          ///< actions: my open action items overdue or due within action_days
  int action_days = 2;          ///< action_days
  bool goals = true;            ///< goals: my goals stale, or due within due_days and not done
  int due_days = 7;             ///< due_days
  bool follow_ups = true;       ///< follow_ups: wins whose follow-up is due and have no outcome
  bool digest = true;           ///< digest: the weekly digest not yet sent this week, on or after digest_day
  date::weekday digest_day = date::Friday;  ///< digest_day = "friday"
  bool vague_wins = true;       ///< vague_wins: wins of the last 30 days with no impact, metric or goal
};

/// `[harvest]` in upward.toml: where `upward harvest` looks for the user's commits (issue 12).
struct HarvestConfig {
  std::vector<std::string> repos;  ///< repos = ["~/src/api"]: paths as written ("~/" is the home folder)
  std::string author;              ///< author = "me@example.com": whose commits (default: [me] email)
};

/// upward.toml: what the commands need of it. Unknown keys are kept in the file and ignored here.
struct Config {
  std::int64_t schema = 1;
  date::weekday week_start = date::Monday;
  std::string manager;  ///< the primary manager's person id, or empty
  std::string me_name, me_email;
  bool autocommit = true;
  int stale_after_days = 21;  ///< [goals] stale_after_days: a goal without an update for longer is stale
  DigestConfig digest;
  std::map<std::string, std::string> sections;  ///< [sections]: tag -> brag section key (`perf = "projects"`)
  std::map<std::string, std::string> cycles;    ///< [cycles]: name -> period expression (`h2-2026 = "2026-07-01..2026-12-31"`)
  NudgeConfig nudge;
  HarvestConfig harvest;
};

/// The schema this build writes and reads; a newer one is refused rather than misread.
inline constexpr std::int64_t current_schema = 1;

/// The text of a new upward.toml. Its `# manager = "dana"` example line is where
/// toml_edit::set_top_level_string puts the real `manager` line.
std::string config_template(const std::string& name, const std::string& email, bool autocommit);

}  // namespace upward
