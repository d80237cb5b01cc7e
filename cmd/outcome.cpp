#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.hpp"
#include "options.hpp"
#include "period.hpp"
#include "upward/base/error.hpp"

namespace upward::cmd {

namespace {

struct OutcomeOptions {
  std::string win_id, date;
  std::vector<std::string> text;
};

int run_outcome(const OutcomeOptions& opt, Context& ctx) {
  std::string text = fmt::format("{}", fmt::join(opt.text, " "));
  dates::Day day = opt.date.empty() ? ctx.today : dates::parse_day(opt.date, ctx.today, dates::Lean::past);
  refuse_future(day, "an outcome is known the day it is recorded", ctx);
  std::string previous;
  WriteResult r = ctx.repo().record_outcome(opt.win_id, text, day, previous);
  if (!previous.empty() && previous != text) ctx.note("replaced the earlier outcome: " + previous);
  return report_write(r, "recorded the outcome of " + opt.win_id, ctx);
}

}  // namespace

Subcommand add_outcome(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<OutcomeOptions>();
  auto* sub = app.add_subcommand("outcome", "Record what actually came of a win (its follow-up)");
  add_positional(sub, "win", opt->win_id, "The win's id (its file name without .toml)")->required()->type_name("WIN_ID");
  add_positional(sub, "text", opt->text, "What happened")->required()->type_name("TEXT");
  add_one(sub, "-d,--date", opt->date, "When it was known (default: today)")->type_name("EXPR");
  return {sub, [opt, &ctx] { return run_outcome(*opt, ctx); }};
}

}  // namespace upward::cmd
