#pragma once
// `upward nudge` (DESIGN §1, issue 12): what needs the user now, computed from records as of a
// day. Pure functions: no files, no clock. Each rule is a function of its own so that it can be
// tested alone; build_nudges() runs the rules [nudge] switches on and orders what they say.
//
// Unlike a digest or an agenda, a nudge is for the user alone: private records count.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/model/config.hpp"
#include "upward/model/goal.hpp"
#include "upward/model/meeting.hpp"
#include "upward/model/person.hpp"
#include "upward/model/sent.hpp"
#include "upward/model/win.hpp"

namespace upward {

/// How soon a nudge needs the user, most urgent first.
enum class Urgency {
  overdue,  ///< past its date: an action or goal overdue, the digest after its day
  now,      ///< today: due today, a 1:1 today, the digest on its day, an outcome to record
  soon,     ///< within its window: an action within action_days, the 1:1 of the next working day, a goal within due_days
  habit,    ///< no date: no win for days, a stale goal, wins that say nothing about their impact
};

/// `overdue`, `now`, `soon`, `habit`: the label of a text line and `urgency` in JSON.
std::string urgency_name(Urgency u);

/// The kinds of nudge, in the order they are listed within one urgency on one day.
/// Every kind, in the order of the checks (upward-nudge(1)): within one label, lines follow it.
inline const std::vector<std::string> nudge_kinds{"no-win",   "1on1-empty", "1on1-problem", "action", "goal-overdue",
                                                  "goal-due", "goal-stale", "follow-up",    "digest", "vague-wins"};

/// One thing that needs the user.
struct Nudge {
  std::string kind;  ///< one of nudge_kinds
  Urgency urgency = Urgency::habit;
  std::optional<dates::Day> date;  ///< the day it is about: a due date, the 1:1, the digest day, the follow-up
  std::string message;  ///< one line, without the label: "action 'send-rfc' for dana was due 2026-11-25: Send the RFC"
  std::string ref;      ///< the record it concerns: an action, goal, topic, win or person id (empty: none)
  std::string person;   ///< the person it concerns (an action's or a 1:1's), or empty
  std::string file;     ///< the file it concerns, relative to the repository, or empty
  std::string command;  ///< what to run next when one command fixes it, or empty
  std::string hint;     ///< else what to do in `file`: "add solution = \"...\" to" (shown before the file's path)
  std::vector<std::string> refs;  ///< vague-wins: every win id it counts (ref is the first)
};

/// Everything the rules need, read by the command from the repository.
struct NudgeInput {
  dates::Day today;
  NudgeConfig config;
  int stale_after_days = 21;  ///< [goals] stale_after_days
  date::weekday week_start = date::Monday;
  std::vector<Win> wins;          ///< the wins of nudge_recent_range(), and those of nudge_follow_up_range() with a follow-up
  std::vector<Goal> goals;        ///< every goal
  std::vector<Person> people;     ///< every person
  std::vector<Meeting> meetings;  ///< every person's 1:1 records
  std::vector<Topic> topics;      ///< every person's talking points
  std::optional<SentDigest> last_sent;  ///< the latest digest sent on or before today; nullopt: --send never used
  std::vector<SentDigest> sent_this_week;  ///< the digests sent from this week's first day to today
};

/// True for Monday to Friday.
bool working_day(dates::Day d);

/// The day `n` working days before `d` (`d` itself not counted): 3 before Monday 2026-11-30 is
/// Wednesday 2026-11-25. 0: `d`.
dates::Day working_days_before(dates::Day d, int n);

/// The day `n` working days after `d`: 2 after Friday 2026-11-27 is Tuesday 2026-12-01 (an action
/// due Monday is announced on the Friday before). 0: `d`.
dates::Day working_days_after(dates::Day d, int n);

/// The first working day after `d`: Monday after a Friday, a Saturday or a Sunday.
dates::Day next_working_day(dates::Day d);

/// The days whose wins the no-win and vague-wins rules look at, every win of them: from the
/// earlier of the no-win window's first day and 30 days back, to today. nullopt when both are off.
/// (follow-ups need the past year, but only its wins with a follow-up: Repo::follow_ups_in.)
std::optional<dates::DateRange> nudge_recent_range(dates::Day today, const NudgeConfig& config);

/// The days before nudge_recent_range() (the whole range without it) back to a year before
/// today, whose wins with a follow-up the follow-up rule looks at. nullopt when the rule is off
/// or the recent range already reaches a year back.
std::optional<dates::DateRange> nudge_follow_up_range(dates::Day today, const NudgeConfig& config);

/// no_win_days: a habit nudge when no win (of any kind) is dated from the no_win_days-th working
/// day before today to today. Nothing when no_win_days is 0.
std::vector<Nudge> nudge_no_win(std::span<const Win> wins, dates::Day today, int no_win_days);

/// one_on_one: for each person with a cadence and at least one 1:1 record, the next 1:1
/// (next_meeting()) when it is today or by the next working day, and its agenda (open_topics())
/// is empty (one nudge) or holds problems without a solution (one nudge each).
std::vector<Nudge> nudge_one_on_ones(std::span<const Person> people, std::span<const Meeting> meetings,
                                     std::span<const Topic> topics, dates::Day today);

/// actions: the open action items the user owns (`owner = "me"`) due before today (overdue), today
/// (now) or within `days` after today (soon).
std::vector<Nudge> nudge_actions(std::span<const Meeting> meetings, dates::Day today, int days);

/// goals: the user's active goals (`owner = "me"`) overdue, due today or within `due_days`, or
/// stale (no update for more than `stale_after_days`); one nudge per goal, the most urgent reason
/// first and staleness said along with a due date.
std::vector<Nudge> nudge_goals(std::span<const Goal> goals, dates::Day today, int due_days, int stale_after_days);

/// follow_ups: the wins whose follow-up is due (outcome_due()).
std::vector<Nudge> nudge_follow_ups(std::span<const Win> wins, dates::Day today);

/// digest: a digest has been sent before (`last_sent`), none whose period reaches this week
/// (`last_sent`, or any of `sent_this_week`: a week re-sent after this one does not hide it), and
/// today is on or after this week's `digest_day` (overdue after it).
std::optional<Nudge> nudge_digest(const std::optional<SentDigest>& last_sent, dates::Day today,
                                  date::weekday week_start, date::weekday digest_day,
                                  std::span<const SentDigest> sent_this_week = {});

/// vague_wins: the wins (not kudos) of the last 30 days, today included, with no impact, no
/// metric and no goal: one nudge counting them, the oldest first.
std::optional<Nudge> nudge_vague_wins(std::span<const Win> wins, dates::Day today);

/// Order most urgent first: by urgency; overdue and soon by date (earliest first), then by kind
/// (nudge_kinds order); within one kind the order the rule gave stands (stable).
void sort_nudges(std::vector<Nudge>& nudges);

/// Every enabled rule, sorted (sort_nudges()).
std::vector<Nudge> build_nudges(const NudgeInput& in);

}  // namespace upward
