#pragma once
// The agenda of the next 1:1 with a person (DESIGN §1, issue 8), computed from records:
// pure functions, no files. Private records (`private = true`) never appear in an agenda.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/model/goal.hpp"
#include "upward/model/meeting.hpp"
#include "upward/model/person.hpp"
#include "upward/model/win.hpp"
#include "upward/views/goals_view.hpp"

namespace upward {

/// The days between two 1:1s of a cadence: weekly 7, biweekly 14; monthly is a calendar month.
/// The next meeting after `last`: last + one cadence step, stepped again until it is on or after
/// `today`. Without a last 1:1 or a cadence (empty or unknown), the next meeting is `today`.
dates::Day next_meeting(std::optional<dates::Day> last, const std::string& cadence, dates::Day today);

/// How many 1:1s the cadence planned after `last` and before `today` (none held since): 3 for a
/// biweekly series last held on 2026-10-01, as of 2026-11-23. 0 without a last 1:1 or a cadence.
int missed_meetings(std::optional<dates::Day> last, const std::string& cadence, dates::Day today);

/// The date of the latest 1:1 record dated on or before `day`; nullopt when there is none.
std::optional<dates::Day> last_meeting(std::span<const Meeting> meetings, dates::Day day);

/// An action item that is still open, with where it came from.
struct OpenAction {
  Action action;
  dates::Day from;   ///< the date of the 1:1 record that holds it
  std::string path;  ///< that record, relative to the repository
  bool overdue = false;  ///< due before the day it is judged on
};

/// The action items of `meetings` (records dated on or before `day`) without a `done` dated on or
/// before `day`: oldest record first, file order within one record. `overdue` when due < day.
std::vector<OpenAction> open_actions(std::span<const Meeting> meetings, dates::Day day);

/// The talking points queued on or before `day` that no 1:1 record dated on or before `day` (and
/// on or after the topic's date) covers; private ones left out. Ordered by date, then id.
std::vector<Topic> open_topics(std::span<const Topic> topics, std::span<const Meeting> meetings, dates::Day day);

/// The date of the latest 1:1 record, on or before `day`, that was a career conversation
/// (`career = true`, or it covered a topic of kind career among `topics`); nullopt when none.
std::optional<dates::Day> last_career_talk(std::span<const Meeting> meetings, std::span<const Topic> topics,
                                           dates::Day day);

/// True when a career conversation is due: none ever, or the last more than 90 days before `day`.
bool career_due(std::optional<dates::Day> last_career, dates::Day day);

/// The questions that fill in a person's profile (no priorities, no pressures, no style), then
/// one prompt per stated pressure: "how could you take this off their plate?".
std::vector<std::string> profile_prompts(const Person& person);

/// The prompts of a career conversation.
std::vector<std::string> career_prompts();

/// A goal that needs attention, and why: "at risk", "blocked", "overdue (due 2026-11-20)", "stale (no update for 30 days)".
struct AttentionGoal {
  GoalRow goal;
  std::vector<std::string> reasons;
};

/// A question the person will likely ask, derived from data.
struct LikelyQuestion {
  std::string kind;  ///< "no-update", "due-soon", "overdue-action", "outcome", "impact"
  std::string text;  ///< "How is 'Checkout latency' going? No update since 2026-11-02."
  std::string ref;   ///< the id of the goal, action or win it is about
};

/// Everything the agenda needs, read by the command from the repository.
struct AgendaInput {
  Person person;
  std::vector<Meeting> meetings;   ///< this person's 1:1 records
  std::vector<Topic> topics;       ///< this person's talking points
  std::vector<Goal> goals;         ///< every goal
  std::vector<Person> people;      ///< every person (owner labels)
  std::vector<Win> wins;           ///< wins of the past year up to today (follow-ups, and the period's wins)
  dates::Day today;
  std::optional<dates::Day> date;   ///< --date: the meeting's date (default: next_meeting())
  std::optional<dates::Day> since;  ///< --since: the period's first day (default: the last 1:1)
  int stale_after_days = 21;
};

/// The agenda, section by section (issue 8), each empty when there is nothing to say.
struct Agenda {
  Person person;
  dates::Day date;                       ///< the meeting
  dates::DateRange period;               ///< since the last 1:1 (or --since) up to today
  std::optional<dates::Day> last_1on1;   ///< the latest record on or before today
  int missed = 0;                        ///< 1:1s the cadence planned after the last one and before today
  std::vector<OpenAction> actions;       ///< 2. carried over, oldest first
  std::vector<Topic> topics;             ///< 3. queued talking points, grouped by kind in topic_kinds order, then date
  std::vector<AttentionGoal> goals;      ///< 4. their goals and the user's goals supporting them, at risk/blocked/overdue/stale
  std::vector<LikelyQuestion> questions; ///< 5.
  std::vector<std::string> profile;      ///< 6. know your manager
  std::vector<Win> wins;                 ///< 7. wins in the period this person has not seen, oldest first
  std::vector<Win> outcomes_due;         ///< 7. follow-ups due without an outcome, oldest follow-up first
  bool career_due = false;               ///< 8.
  std::optional<dates::Day> last_career; ///< 8. the last career conversation
  std::vector<std::string> career;       ///< 8. the prompts, when due
  std::string style;                     ///< 9. "Prefers brief updates. Priorities: A; B." (empty: nothing known)
};

/// The agenda as of `in.today`. Without a 1:1 on record (and no --since) the period is the
/// 28 days up to today.
Agenda build_agenda(const AgendaInput& in);

}  // namespace upward
