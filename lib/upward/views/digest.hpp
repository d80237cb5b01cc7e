#pragma once
// The digest (DESIGN §1, issue 9): the weekly update and the review packet, computed from records:
// pure functions, no files. Private records never appear in a digest, in any format.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/model/goal.hpp"
#include "upward/model/meeting.hpp"
#include "upward/model/person.hpp"
#include "upward/model/sent.hpp"
#include "upward/model/win.hpp"
#include "upward/views/agenda.hpp"
#include "upward/views/goals_view.hpp"

namespace upward {

inline const std::vector<std::string> digest_group_by{"goal", "tag", "section", "week", "month"};

/// The brag section of a win: its `section` when it names one, else the first of its tags that
/// `[sections]` maps, else "collaboration" for kudos, else "projects".
std::string section_of(const Win& win, const std::map<std::string, std::string>& tag_sections);

/// Everything a digest needs, read by the command from the repository.
struct DigestInput {
  dates::DateRange period;
  dates::Day today;
  std::string group_by = "goal";    ///< one of digest_group_by
  date::weekday week_start = date::Monday;  ///< upward.toml week_start: where --group-by week cuts
  std::string style = "detailed";   ///< "brief" or "detailed"
  std::optional<Person> for_person; ///< --for, else the primary manager (whose goals lead); nullopt: none
  std::vector<Person> people;
  std::vector<Goal> goals;          ///< every goal
  std::vector<Win> wins;            ///< the wins dated in the period
  std::vector<Win> outcome_wins;    ///< the period's wins and those whose outcome was recorded in it: those with an outcome_date in the period are "outcomes recorded"
  std::vector<OpenAction> my_actions;  ///< open action items owned by "me", of the reader's 1:1s (as of today)
  std::vector<Topic> problems;         ///< open talking points of kind problem, queued for the reader (as of today)
  /// Every action item of every 1:1 held by today, open or closed, whoever owns it: how last
  /// time's action plans turned out (read only when the last digest listed one).
  std::vector<OpenAction> all_actions;
  std::optional<SentDigest> last_sent; ///< the last digest sent before this one, for "last time's plans"
  std::map<std::string, std::string> tag_sections;  ///< [sections]
  int stale_after_days = 21;
};

/// One line of "goals at a glance".
struct GlanceLine {
  GoalRow goal;
  std::string owner_label;  ///< "Dana Okafor" or "me"
  std::string state;        ///< "on track", "at risk because NOTE", "blocked because NOTE" (no note: without "because");
                            ///< overdue: "overdue (due 2026-11-20)" instead of "on track", else "; overdue (due ...)" appended
};

/// Wins under one heading of the progress part.
struct WinGroup {
  std::string key;    ///< a goal id, a tag, a section key, "2026-W47", "2026-11"; "" for "other work"
  std::string label;  ///< the goal's title, the tag, the section heading, the week's range, the month's name; "Other work"
  std::vector<Win> wins;  ///< oldest first
};

/// A goal's movement during the period, from its updates dated within it.
struct GoalMove {
  GoalRow goal;  ///< as of the period's last day
  int from = 0, to = 0;                  ///< progress at the day before the period, at its end
  std::string status_from, status_to;   ///< equal when the status did not change
  std::vector<std::string> notes;        ///< the notes of the updates in the period, oldest first
};

/// A plan of the last sent digest, and what became of it.
struct PlanReview {
  Plan plan;
  std::string state;   ///< "done" (the goal done or the action closed), "moved" (its due date changed), "open"
  std::string detail;  ///< "done on 2026-11-25", "due 2026-12-05 now" / "no due date now", "" (open; "dropped on DATE" for a dropped goal)
};

/// A problem to raise: a goal at risk or blocked (with its latest note), or an open problem topic
/// (with its proposed solution, empty when none).
struct ProblemLine {
  std::string kind;     ///< "goal" or "topic"
  std::string ref;      ///< goal id or topic id
  std::string title;
  std::string status;   ///< "at-risk", "blocked" (goals); "problem" (topics)
  std::string detail;   ///< the goal's latest note, or the topic's solution
  std::string person;   ///< topics: whose 1:1 it is queued for (the person's name, else the id)
  std::string person_id = {};  ///< topics: that person's id (the folder 1on1s/ID/topics/)
};

struct Digest {
  dates::DateRange period;
  std::string style, group_by;
  std::optional<Person> for_person;
  std::vector<GlanceLine> glance;          ///< 1. their active goals, then mine supporting them
  std::vector<WinGroup> progress;          ///< 2. wins grouped by group_by (kudos excluded: see kudos)
  std::vector<Win> kudos;                  ///< 2. kudos received in the period; `from` holds the giver's name (else the id)
  std::vector<GoalMove> moves;             ///< 2. goals that moved in the period (not those done)
  std::vector<GoalRow> done;               ///< 2. goals done in the period
  std::vector<Win> outcomes;               ///< 2. outcomes recorded in the period for earlier wins
  std::optional<SentDigest> last_sent;     ///< 3.
  std::vector<PlanReview> last_plans;      ///< 3.
  std::vector<Plan> plans;                 ///< 4. my goals due in the next period, next steps, my open actions
  std::vector<ProblemLine> problems;       ///< 5.
  int win_count = 0, measured = 0;         ///< 6. wins (kudos excluded) and those with a metric
  /// Wins (kudos excluded) per week of the period, weeks from the configured week start, each
  /// labelled by its first day: the HTML chart.
  std::vector<std::pair<dates::Day, int>> per_week;
  /// The brief style keeps only the top wins (those with a metric or linked to a goal first) so
  /// the body stays within about 12 lines; this counts the wins it left out.
  int left_out = 0;
  /// With --group-by section the kudos stand in the progress groups (`kudos` is then empty): how many.
  int kudos_in_groups = 0;
};

/// A goal status as words for people: "at-risk" -> "at risk".
std::string status_words(std::string status);

/// The period after `period`, of the same length (for "due in the next period").
dates::DateRange next_period(const dates::DateRange& period);

/// The digest of `in.period`. Private wins, goals and topics are never included.
Digest build_digest(const DigestInput& in);

/// The plans whose text is still in `text` (an update the user edited before sending), spaces
/// and line breaks compared loosely (the text format wraps lines): what was sent, not what was
/// built, is what next week's "last time's plans" reviews.
std::vector<Plan> plans_in_text(const std::vector<Plan>& plans, std::string_view text);

/// "5 wins, 3 with a measured impact" (singular forms; "no wins" when none).
std::string tally_line(const Digest& d);

}  // namespace upward
