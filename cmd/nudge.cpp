// `upward nudge` (issue 12): what needs the user now, for cron and a shell's start-up file.
// Silent with exit 0 when nothing does; the nudges and exit 3 when something does; exit 1 (after
// the nudges) when a file had to be skipped.
#include <fmt/format.h>

#include "commands.hpp"
#include "options.hpp"
#include "skipped.hpp"
#include "upward/render/nudge_render.hpp"
#include "upward/views/nudge.hpp"

namespace upward::cmd {

namespace {

/// Exit status when there is something to say: `upward nudge || notify-send ...`.
constexpr int exit_nudged = 3;

struct NudgeOptions {
  std::string format = "text";
};

/// Only what the enabled rules look at: the wins of the month folders nudge_recent_range() and
/// nudge_follow_up_range() touch (selected by name), the goals, the people, each 1:1 folder, the
/// latest sent digest.
NudgeInput read_input(Context& ctx, std::vector<Problem>& skipped) {
  const Config& cfg = ctx.repo().config();
  NudgeInput in;
  in.today = ctx.today;
  in.config = cfg.nudge;
  in.stale_after_days = cfg.stale_after_days;
  in.week_start = cfg.week_start;
  const NudgeConfig& c = cfg.nudge;
  if (auto range = nudge_recent_range(ctx.today, c)) in.wins = ctx.repo().wins_in(*range, skipped);
  if (auto range = nudge_follow_up_range(ctx.today, c)) {  // the rest of the year: only wins with a follow-up are parsed
    auto older = ctx.repo().follow_ups_in(*range, skipped);
    in.wins.insert(in.wins.begin(), older.begin(), older.end());
  }
  if (c.goals) in.goals = ctx.repo().goals(skipped);
  if (c.one_on_one) in.people = ctx.repo().people(skipped);
  if (c.one_on_one || c.actions) {
    for (const auto& person : ctx.repo().meeting_people()) {
      auto meetings = ctx.repo().meetings(person, skipped);
      in.meetings.insert(in.meetings.end(), meetings.begin(), meetings.end());
      if (!c.one_on_one) continue;
      auto topics = ctx.repo().topics(person, skipped);
      in.topics.insert(in.topics.end(), topics.begin(), topics.end());
    }
  }
  if (c.digest) {
    in.last_sent = ctx.repo().last_sent(ctx.today, skipped);
    in.sent_this_week = ctx.repo().sent_in({dates::week_first(ctx.today, in.week_start), ctx.today}, skipped);
  }
  return in;
}

int run_nudge(const NudgeOptions& opt, Context& ctx) {
  std::vector<Problem> skipped;
  NudgeInput in = read_input(ctx, skipped);
  std::vector<Nudge> nudges = build_nudges(in);
  for (auto& n : nudges)  // `upward --dir DIR outcome ...`: the command acts on this repository, not the default
    if (n.command.rfind("upward ", 0) == 0) n.command.insert(7, ctx.dir_words);
  // the nudges are the payload: -q does not silence them
  if (opt.format == "json") fmt::print(ctx.out, "{}", render_nudges_json(nudges, ctx.dir));
  else fmt::print(ctx.out, "{}", render_nudges_text(nudges, ctx.dir, {ctx.color, ctx.utf8, ctx.width, ctx.out_tty}));
  return report_skipped(skipped, ctx, nudges.empty() ? exit_ok : exit_nudged);
}

}  // namespace

Subcommand add_nudge(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<NudgeOptions>();
  auto* sub = app.add_subcommand("nudge", "Say what needs you now (silent, exit 0, when nothing does)");
  add_one(sub, "--format", opt->format, "text (default) or json")->check(one_of({"text", "json"}));
  return {sub, [opt, &ctx] { return run_nudge(*opt, ctx); }};
}

}  // namespace upward::cmd
