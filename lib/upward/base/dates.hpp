#pragma once
#include <date/date.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace upward::dates {

using Day = date::sys_days;

/// An inclusive range of calendar days: `first..last`.
struct DateRange {
  Day first, last;
  bool contains(Day d) const { return first <= d && d <= last; }
  bool operator==(const DateRange&) const = default;
};

/// Which way a bare weekday leans: `friday` is the most recent Friday for a past event
/// (a win's date) and the next one for a due date.
enum class Lean { past, future };

/// What a period expression is resolved against.
struct PeriodContext {
  Day today;
  date::weekday week_start = date::Monday;
  std::optional<Day> last_1on1;  ///< for `since-last-1on1`
  std::optional<Day> last_digest = std::nullopt;  ///< for `since-last-digest`: the day the last digest was sent
  std::map<std::string, std::string> cycles = {};  ///< for `cycle:NAME`: [cycles] of upward.toml
};

/// A day expression: `today`, `yesterday`, `tomorrow`, `2026-11-23`, `last friday`, `next friday`,
/// `friday`, `3d ago`, `3 days ago`, `-3d`, `+2w`, `in 2 weeks`. Throws UsageError listing the forms.
Day parse_day(std::string_view expr, Day today, Lean lean = Lean::past);

/// A period: any day expression (one day), `2026-W47`, `2026-11`, `2026-Q4`, `2026-H2`, `2026`,
/// `this-week` ... `last-year`, `ytd`, `since-last-1on1`, `since-last-digest` (from the day the last
/// digest was sent, that day included, to today), `cycle:NAME` (the expression [cycles] names;
/// UsageError listing the known cycles), and ranges `A..B` (end inclusive; `A..` ends today).
DateRange parse_period(std::string_view expr, const PeriodContext& ctx);

/// A strict ISO date `YYYY-MM-DD`; nullopt when it is not one (or not a real day).
std::optional<Day> parse_iso(std::string_view s);

/// `monday` ... `sunday` (also `mon` ... `sun`), case-insensitive.
std::optional<date::weekday> parse_weekday(std::string_view s);

/// The same day a year before (29 February becomes 28 February): where "the past year" starts.
Day year_before(Day d);

/// The first day of the week (starting on `start`) that holds `d`.
Day week_first(Day d, date::weekday start);

std::string format_day(Day d);                 ///< `2026-11-23`
std::string format_range(const DateRange& r);  ///< `2026-11-16..2026-11-22`, or one day
std::string weekday_name(date::weekday wd);    ///< `monday`

/// The text of the error for a bad day expression, listing the accepted forms.
extern const char* const day_forms;
extern const char* const period_forms;

}  // namespace upward::dates
