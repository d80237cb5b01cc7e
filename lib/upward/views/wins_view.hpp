#pragma once
// What `upward wins` and the visibility part of `people show` show (issue 10): pure functions
// from wins to the wins that match, no files.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/base/pattern.hpp"
#include "upward/model/person.hpp"
#include "upward/model/win.hpp"

namespace upward {

/// The filters of `upward wins`. They combine: a win must pass every filter given (AND), and
/// within a repeated filter any one value (OR): `tags = {perf, infra}` keeps a win tagged either.
struct WinsFilter {
  std::vector<std::string> tags, goals, seen_by, not_seen_by, from;
  std::string kind;                    ///< "win" or "kudos"; empty: both
  std::optional<bool> is_private;      ///< true: only private wins; false: only the others
  std::optional<Pattern> grep;         ///< searched in the title, impact and outcome
  bool follow_up_due = false;          ///< only wins whose follow-up is due (outcome_due) as of `today`
  std::size_t limit = 0;               ///< the newest N after filtering; 0: all
  dates::Day today{};
};


/// True when `win` passes every filter of `f` (the limit aside).
bool win_matches(const Win& win, const WinsFilter& f);

/// The wins that pass `f`, newest first (by date, then id, descending), at most `f.limit`.
std::vector<Win> filter_wins(std::vector<Win> wins, const WinsFilter& f);

/// What a person has seen of your work, and what they have not (`people show`).
struct Visibility {
  dates::DateRange window;          ///< the past year up to today: `seen` and `kudos_given` come from it
  std::vector<Win> seen;            ///< wins (and kudos) with the person in `seen_by`, newest first
  std::vector<Win> kudos_given;     ///< kudos `from` the person, newest first
  bool asks_unseen = false;         ///< a manager or skip-level: `not_seen` is computed
  dates::DateRange unseen_window;   ///< the three months before today's month, and this month up to today
  std::vector<Win> not_seen;        ///< wins of unseen_window not private, not seen by them, not from them; newest first
};

/// The window of Visibility::unseen_window for `today`: 2026-11-23 gives 2026-08-01..2026-11-23.
dates::DateRange unseen_window(dates::Day today);

/// The Visibility of `person` from `wins` (those of the past year at least: year_before(today)
/// to today); wins outside the windows are ignored.
Visibility person_visibility(const Person& person, std::span<const Win> wins, dates::Day today);

}  // namespace upward
