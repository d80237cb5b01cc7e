#pragma once
// What period expressions are resolved against, for every command that parses one.
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"

namespace upward::cmd {

/// Today, the week start, the [cycles] of upward.toml, and (only when `expr` says
/// `since-last-1on1`, so no other command opens a 1:1 file) the date of the last 1:1 with the
/// primary manager, read from their 1on1s folder, and (only for `since-last-digest`) the day the
/// last digest was sent, from sent/; files that do not read cleanly are added to `skipped`.
dates::PeriodContext period_context(Context& ctx, std::string_view expr, std::vector<Problem>& skipped);

/// UsageError when `day` is after today: "WHY; 2026-11-24 is after today (2026-11-23); nothing was written".
void refuse_future(dates::Day day, const std::string& why, const Context& ctx);

/// `expr`, a period, resolved with period_context().
dates::DateRange parse_period(Context& ctx, std::string_view expr, std::vector<Problem>& skipped);

}  // namespace upward::cmd
