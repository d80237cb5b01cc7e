#include "period.hpp"

#include "upward/base/error.hpp"

#include "upward/views/agenda.hpp"

namespace upward::cmd {

dates::PeriodContext period_context(Context& ctx, std::string_view typed, std::vector<Problem>& skipped) {
  const Config& cfg = ctx.repo().config();
  dates::PeriodContext pc{ctx.today, cfg.week_start, std::nullopt};
  std::string expr(typed);  // the expression, and the [cycles] it may name
  if (expr.find("cycle:") != std::string::npos)
    for (const auto& [name, value] : cfg.cycles) expr += " " + value;
  if (expr.find("since-last-1on1") != std::string::npos && !cfg.manager.empty()) {
    auto meetings = ctx.repo().meetings(cfg.manager, skipped);
    pc.last_1on1 = last_meeting(meetings, ctx.today);
  }
  if (expr.find("since-last-digest") != std::string::npos)  // only then is sent/ read
    if (auto sent = ctx.repo().last_sent(ctx.today, skipped)) pc.last_digest = sent->date;
  pc.cycles = cfg.cycles;
  return pc;
}

void refuse_future(dates::Day day, const std::string& why, const Context& ctx) {
  if (day > ctx.today)
    throw UsageError(why + "; " + dates::format_day(day) + " is after today (" + dates::format_day(ctx.today) +
                     "); nothing was written");
}

dates::DateRange parse_period(Context& ctx, std::string_view expr, std::vector<Problem>& skipped) {
  std::size_t before = skipped.size();
  auto pc = period_context(ctx, expr, skipped);
  try {
    return dates::parse_period(expr, pc);
  } catch (const UsageError&) {
    // a record that could not be read (the latest sent digest, a 1:1) is the cause, not the words typed
    if (skipped.size() > before)
      throw Error(skipped[before].where, skipped[before].message + " (the period '" + std::string(expr) +
                                             "' starts from this file, which cannot be read)");
    throw;
  }
}

}  // namespace upward::cmd
