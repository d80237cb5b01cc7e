// `prep-1on1 add`, `done` and `list`: the talking points and action items of 1:1 records.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.hpp"
#include "period.hpp"
#include "prep_1on1.hpp"
#include "skipped.hpp"
#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/render/agenda_render.hpp"

namespace upward::cmd {

int run_prep_add(const Prep1on1Options& opt, Context& ctx) {
  Topic t;
  t.person = resolve_person(opt.with, ctx).id;
  t.date = ctx.today;
  t.text = fmt::format("{}", fmt::join(opt.text, " "));
  t.solution = opt.solution;
  t.is_private = opt.is_private;
  t.kind = opt.kind.empty() ? (opt.solution.empty() ? "topic" : "problem") : opt.kind;
  if (!t.solution.empty() && t.kind != "problem")
    throw UsageError("--solution goes with --kind problem, not --kind " + t.kind);
  WriteResult r = ctx.repo().add_topic(t);
  if (!r.ids.empty()) fmt::print(ctx.out, "{}\n", r.ids.front());  // the payload, like log-win
  return report_write(r, "", ctx);
}

int run_prep_done(const Prep1on1Options& opt, Context& ctx) {
  std::string person = opt.with.empty() ? "" : resolve_person(opt.with, ctx).id;
  dates::Day day = opt.date.empty() ? ctx.today : dates::parse_day(opt.date, ctx.today, dates::Lean::past);
  refuse_future(day, "an action item is done the day it was done", ctx);
  std::optional<dates::Day> already;
  WriteResult r = ctx.repo().close_action(person, opt.action, day, already);
  if (already) {
    ctx.note("action '" + opt.action + "' is already done (" + dates::format_day(*already) + "); nothing changed");
    return exit_ok;
  }
  return report_write(r, "done: " + opt.action + " (" + dates::format_day(day) + ")", ctx);
}

int run_prep_list(const Prep1on1Options& opt, Context& ctx) {
  std::vector<std::string> people;
  if (opt.all) people = ctx.repo().meeting_people();
  else people.push_back(resolve_person(opt.person, ctx).id);
  std::vector<Problem> skipped;
  std::string out;
  for (const auto& person : people) {
    auto meetings = ctx.repo().meetings(person, skipped);
    auto topics = ctx.repo().topics(person, skipped);
    out += render_queue_lines(person, open_topics(topics, meetings, ctx.today), open_actions(meetings, ctx.today));
  }
  fmt::print(ctx.out, "{}", ctx.out_tty ? text::for_terminal(out) : out);
  return report_skipped(skipped, ctx);
}

}  // namespace upward::cmd
