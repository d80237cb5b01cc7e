#include <fmt/format.h>

#include "commands.hpp"
#include "options.hpp"
#include "period.hpp"
#include "skipped.hpp"
#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/render/goals_render.hpp"

namespace upward::cmd {

namespace {

struct GoalsOptions {
  // list
  bool all = false;
  std::string owner, format = "text";
  // add
  Goal goal;
  std::string due;
  // update, done, show
  std::string id, progress, status, note, date, period;
};

/// Markdown for stdout: record text escaped when stdout is a terminal, kept exactly in a file.
std::string shown(const std::string& md, const Context& ctx) { return ctx.out_tty ? text::for_terminal(md) : md; }

GoalsQuery query(Context& ctx) {
  const Config& cfg = ctx.repo().config();
  return {ctx.today, cfg.stale_after_days, cfg.manager, false, std::nullopt};
}

/// An owner the command line names must be someone in people/ (or me): the error lists them.
Error unknown_person(const std::string& id, const std::vector<Person>& people) {
  if (people.empty()) return Error("unknown person '" + id + "' (no people yet; 'upward people add' adds one)");
  std::string known = "me";
  for (const auto& p : people) known += ", " + p.id;
  return Error("unknown person '" + id + "' (expected " + known + ")");
}

int run_goals_list(const GoalsOptions& opt, Context& ctx) {
  GoalsQuery q = query(ctx);
  q.all = opt.all;
  std::vector<Problem> skipped;
  auto people = ctx.repo().people(skipped);
  if (!opt.owner.empty() && opt.owner != "me" && !ctx.repo().person_exists(opt.owner))
    throw unknown_person(opt.owner, people);
  if (!opt.owner.empty()) q.owner = opt.owner;
  auto goals = ctx.repo().goals(skipped);
  auto groups = group_goals(goals, people, q);
  if (opt.format == "json") fmt::print(ctx.out, "{}", render_goals_json(groups, ctx.today, q.stale_after_days));
  else if (opt.format == "md") fmt::print(ctx.out, "{}", shown(render_goals_md(groups), ctx));
  else fmt::print(ctx.out, "{}", render_goals_text(groups, {ctx.color, ctx.utf8, ctx.width, ctx.out_tty}));
  if (groups.empty() && !goals.empty())
    ctx.note(opt.all ? "no goals as of " + dates::format_day(ctx.today) : "no active goals (--all shows done and dropped)");
  else if (groups.empty() && skipped.empty()) ctx.note("no goals yet (goals add TITLE --id ID)");
  return report_skipped(skipped, ctx);
}

int run_goals_show(const GoalsOptions& opt, Context& ctx) {
  GoalsQuery q = query(ctx);
  Goal goal = ctx.repo().goal(opt.id);
  std::vector<Problem> skipped;
  auto goals = ctx.repo().goals(skipped);
  std::erase_if(goals, [&](const Goal& g) { return !goal_state(g, ctx.today, q.stale_after_days).recorded; });
  auto people = ctx.repo().people(skipped);
  GoalRow row = goal_row(goal, ctx.today, q.stale_after_days);
  auto wins = ctx.repo().wins_linked_to(goal.id, ctx.today, skipped);
  std::string owner = goal.owner == "me" ? "me" : owner_label(goal.owner, people);
  if (opt.format == "json") fmt::print(ctx.out, "{}", render_goal_json(row, owner, goals, wins));
  else fmt::print(ctx.out, "{}", shown(render_goal_md(row, owner, goals, wins, ctx.today), ctx));
  return report_skipped(skipped, ctx);
}

int run_goals_align(const GoalsOptions& opt, Context& ctx) {
  GoalsQuery q = query(ctx);
  std::vector<Problem> skipped;
  dates::DateRange period = parse_period(ctx, opt.period.empty() ? "this-quarter" : opt.period, skipped);
  auto goals = ctx.repo().goals(skipped);
  auto people = ctx.repo().people(skipped);
  auto wins = ctx.repo().wins_in(period, skipped);
  Alignment a = align_goals(goals, people, wins, period, q);
  fmt::print(ctx.out, "{}", opt.format == "json" ? render_alignment_json(a) : shown(render_alignment_md(a), ctx));
  return report_skipped(skipped, ctx);
}

int run_goals_add(GoalsOptions& opt, Context& ctx) {
  Goal& g = opt.goal;
  g.created = ctx.today;
  if (!opt.due.empty()) g.due = dates::parse_day(opt.due, ctx.today, dates::Lean::future);
  WriteResult r = ctx.repo().add_goal(g);
  fmt::print(ctx.out, "{}\n", g.id);  // the payload, even with -q
  return report_write(r, "", ctx);
}

int run_goals_update(const GoalsOptions& opt, Context& ctx, bool done) {
  GoalUpdate u;
  u.date = opt.date.empty() ? ctx.today : dates::parse_day(opt.date, ctx.today, dates::Lean::past);
  if (!opt.progress.empty()) u.progress = parse_progress(opt.progress);
  u.status = opt.status;
  u.note = opt.note;
  if (done) {
    u.status = "done";
    u.progress = 100;
  }
  if (!u.progress && u.status.empty() && u.note.empty())
    throw UsageError("nothing to record: give --progress, --status or --note");
  Goal goal = ctx.repo().goal(opt.id);  // a file that does not read cleanly is refused at its location
  GoalState now = goal_state(goal, ctx.today, query(ctx).stale_after_days);
  std::string since = now.status_since ? " since " + dates::format_day(*now.status_since) : "";
  if (done && now.status == "done") {
    ctx.note("goal '" + opt.id + "' is already done" + since + "; nothing changed" +
             (opt.note.empty() ? "" : " (to add a note: goals update " + opt.id + " --note TEXT)"));
    return exit_ok;
  }
  // what check reports as a problem is refused here, before anything is written
  if (goal.created && u.date < *goal.created)
    throw UsageError("the update is dated " + dates::format_day(u.date) + ", before the goal was created (" +
                     dates::format_day(*goal.created) + "); nothing was written");
  if (u.date > ctx.today)
    throw UsageError("the update is dated " + dates::format_day(u.date) + ", after today (" +
                     dates::format_day(ctx.today) + "); nothing was written");
  if (u.status.empty() && now.status == "done" && (!now.status_since || u.date >= *now.status_since))
    ctx.note("goal '" + opt.id + "' is done" + since + "; this update does not reopen it (--status reopens it)");
  if (now.last_update && u.date < *now.last_update && !goal.updates.empty())
    ctx.note("recorded as of " + dates::format_day(u.date) + ", before the latest update (" +
             dates::format_day(*now.last_update) + "): the goal's state today comes from that one");
  std::string summary = (u.progress ? std::to_string(*u.progress) + "%" : "") +
                        (u.progress && !u.status.empty() ? " " : "") + u.status;
  WriteResult r = ctx.repo().update_goal(opt.id, u, summary);
  return report_write(r, "updated " + opt.id + (summary.empty() ? "" : ": " + summary), ctx);
}

void add_list_options(CLI::App* sub, GoalsOptions& opt) {
  add_switch(sub, "--all", opt.all, "Include done and dropped goals");
  add_one(sub, "--owner", opt.owner, "Only this owner's goals: me or a person id");
  add_one(sub, "--format", opt.format, "text (default), md or json")->check(one_of({"text", "md", "json"}));
}

}  // namespace

Subcommand add_goals(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<GoalsOptions>();
  auto* goals = app.add_subcommand("goals", "Your goals beside your manager's goals");
  goals->require_subcommand(0, 1);
  add_list_options(goals, *opt);
  add_list_options(goals->add_subcommand("list", "Active goals by owner, with status and progress"), *opt);

  auto* add = goals->add_subcommand("add", "Add a goal: yours, or (with --owner) your manager's");
  add_positional(add, "title", opt->goal.title, "What the goal is")->required();
  add_one(add, "--id", opt->goal.id, "Its id: lowercase letters, digits and '-'")->required();
  add_one(add, "--owner", opt->goal.owner, "me (default) or a person id: their goal");
  add_one(add, "--due", opt->due, "When it is due (e.g. 2026-12-31, +6w, 'next friday')");
  add_one(add, "--why", opt->goal.why, "Why it matters");
  add_commas(add, "--supports", opt->goal.supports,
             "The goal (usually your manager's) this one serves (repeatable, or comma-separated)");
  add_switch(add, "--private", opt->goal.is_private, "Never show it in a digest, email or export");

  auto* update = goals->add_subcommand("update", "Record progress, a status or a note");
  add_positional(update, "id", opt->id, "The goal's id")->required();
  add_one(update, "--progress", opt->progress, "Progress, 0% to 100%");
  add_one(update, "--status", opt->status, "on-track, at-risk, blocked, done or dropped")
      ->check(one_of(goal_statuses));
  for (auto* sub : {update, goals->add_subcommand("done", "Mark a goal done (100%)")}) {
    if (sub != update) add_positional(sub, "id", opt->id, "The goal's id")->required();
    add_one(sub, "--note", opt->note, "What happened");
    add_one(sub, "-d,--date", opt->date, "When (default: today)");
  }
  auto* done = goals->get_subcommand("done");

  auto* show = goals->add_subcommand("show", "A goal, its dated updates and its wins");
  add_positional(show, "id", opt->id, "The goal's id")->required();
  add_one(show, "--format", opt->format, "md (default; text is the same) or json")
      ->check(one_of({"text", "md", "json"}));

  auto* align = goals->add_subcommand("align", "Which of your manager's goals your goals and wins serve");
  add_one(align, "--period", opt->period, "Wins of this period (default: this-quarter)");
  add_one(align, "--format", opt->format, "md (default; text is the same) or json")
      ->check(one_of({"text", "md", "json"}));

  return {goals, [=, &ctx] {
            for (const auto* sub : goals->get_subcommands())
              if (sub->get_name() != "list") refuse_parent_options(*goals, *sub);
            if (add->parsed()) return run_goals_add(*opt, ctx);
            if (update->parsed()) return run_goals_update(*opt, ctx, false);
            if (done->parsed()) return run_goals_update(*opt, ctx, true);
            if (show->parsed()) return run_goals_show(*opt, ctx);
            if (align->parsed()) return run_goals_align(*opt, ctx);
            return run_goals_list(*opt, ctx);
          }};
}

}  // namespace upward::cmd
