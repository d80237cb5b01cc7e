// upward set win|goal|person ID --FIELD VALUE...: change fields in place (upward-set(1)).
#include <fmt/format.h>

#include "commands.hpp"
#include "options.hpp"
#include "period.hpp"
#include "upward/base/error.hpp"
#include "upward/store/repo_set.hpp"

namespace upward::cmd {

namespace {

struct SetOptions {
  std::string id, title, impact, date, follow_up, due, why, owner, name, email, style, cadence, relationship;
  std::vector<std::string> tags, goals, seen_by, supports, priorities, pressures;
  bool is_private = false, no_private = false, clear_tags = false, clear_goals = false, clear_seen_by = false,
       clear_supports = false, clear_priorities = false, clear_pressures = false;
};

/// The value of the option `name` when it was given (an empty value counts), else nothing.
std::optional<std::string> given(const CLI::App* sub, const std::string& name, const std::string& value) {
  return sub->count(name) ? std::optional<std::string>(value) : std::nullopt;
}

void require_fields(bool none, const CLI::App* sub) {
  if (!none) return;
  std::string names;
  for (const CLI::Option* o : sub->get_options())
    if (o->nonpositional() && o != sub->get_help_ptr()) names += (names.empty() ? "" : ", ") + o->get_name(false, true);
  throw UsageError("nothing to set: give at least one of " + names);
}

/// The record's id on stdout (a moved win's new one), then the notes.
int report_set(const WriteResult& r, const std::string& kind, const std::string& id, Context& ctx) {
  std::string now = r.ids.empty() ? id : r.ids.front();
  fmt::print(ctx.out, "{}\n", now);  // the payload, even with -q
  if (now != id) ctx.note("moved win '" + id + "' to '" + now + "' (" + win_path(now) + ")");
  return report_write(r, "changed " + kind + " '" + now + "'", ctx);
}

int run_set_win(const SetOptions& o, const CLI::App* sub, Context& ctx) {
  WinChanges c;
  c.title = given(sub, "--title", o.title);
  c.impact = given(sub, "--impact", o.impact);
  if (sub->count("--date")) {
    c.date = dates::parse_day(o.date, ctx.today, dates::Lean::past);
    refuse_future(*c.date, "--date: a win is dated the day it happened", ctx);
  }
  if (sub->count("--follow-up")) c.follow_up = dates::parse_day(o.follow_up, ctx.today, dates::Lean::future);
  c.tags = {o.clear_tags, o.tags};
  c.goals = {o.clear_goals, o.goals};
  c.seen_by = {o.clear_seen_by, o.seen_by};
  if (o.is_private && o.no_private) throw UsageError("give --private or --no-private, not both");
  if (o.is_private || o.no_private) c.is_private = o.is_private;
  require_fields(c.empty(), sub);
  WriteResult r = set_win(ctx.repo(), o.id, c);
  for (const auto& p : o.seen_by)  // as log-win: someone outside people/ is recorded as given
    if (!ctx.repo().person_exists(p))
      fmt::print(ctx.err, "upward: warning: --seen-by '{}' is not in people/ (recorded as given)\n", for_stderr(p));
  return report_set(r, "win", o.id, ctx);
}

int run_set_goal(const SetOptions& o, const CLI::App* sub, Context& ctx) {
  GoalChanges c;
  c.title = given(sub, "--title", o.title);
  c.why = given(sub, "--why", o.why);
  c.owner = given(sub, "--owner", o.owner);
  if (sub->count("--due")) c.due = dates::parse_day(o.due, ctx.today, dates::Lean::future);
  c.supports = {o.clear_supports, o.supports};
  require_fields(c.empty(), sub);
  return report_set(set_goal(ctx.repo(), o.id, c), "goal", o.id, ctx);
}

int run_set_person(const SetOptions& o, const CLI::App* sub, Context& ctx) {
  PersonChanges c;
  c.name = given(sub, "--name", o.name);
  c.email = given(sub, "--email", o.email);
  c.style = given(sub, "--style", o.style);
  c.cadence = given(sub, "--cadence", o.cadence);
  c.relationship = given(sub, "--relationship", o.relationship);
  c.priorities = {o.clear_priorities, o.priorities};
  c.pressures = {o.clear_pressures, o.pressures};
  require_fields(c.empty(), sub);
  return report_set(set_person(ctx.repo(), o.id, c), "person", o.id, ctx);
}

}  // namespace

Subcommand add_set(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<SetOptions>();
  SetOptions& o = *opt;
  auto* set = app.add_subcommand("set", "Change one field of a win, goal or person in place");
  set->require_subcommand(0, 1);

  auto* win =
      set->add_subcommand("win", "Change a win's title, impact, date, follow-up, tags, goals, seen-by, privacy");
  add_positional(win, "id", o.id, "The win's id (its file name without .toml)")->required()->type_name("WIN_ID");
  add_one(win, "--title", o.title, "Its title: one line");
  add_one(win, "--impact", o.impact, "Why it mattered");
  add_one(win, "--date", o.date, "When it happened (not after today); a new date renames and moves it")
      ->type_name("EXPR");
  add_one(win, "--follow-up", o.follow_up, "When to record what came of it (e.g. +6w)")->type_name("EXPR");
  add_commas(win, "--tag", o.tags, "Add a tag (repeatable, or comma-separated)");
  add_commas(win, "--goal", o.goals, "Add a goal id it advances (repeatable, or comma-separated; must exist)");
  add_commas(win, "--seen-by", o.seen_by, "Add a person id who has seen it (repeatable, or comma-separated)");
  add_switch(win, "--private", o.is_private, "Never show it in a digest, email or export");
  add_switch(win, "--no-private", o.no_private, "Show it again (private = false)");
  add_switch(win, "--clear-tags", o.clear_tags, "Empty its tags first (then --tag adds)");
  add_switch(win, "--clear-goals", o.clear_goals, "Empty its goals first (then --goal adds)");
  add_switch(win, "--clear-seen-by", o.clear_seen_by, "Empty its seen-by first (then --seen-by adds)");

  auto* goal = set->add_subcommand("goal", "Change a goal's title, due date, why, owner or the goals it supports");
  add_positional(goal, "id", o.id, "The goal's id")->required()->type_name("ID");
  add_one(goal, "--title", o.title, "Its title: one line");
  add_one(goal, "--due", o.due, "When it is due (e.g. 2026-12-31, +6w, friday: the next one)")->type_name("EXPR");
  add_one(goal, "--why", o.why, "Why it matters");
  add_one(goal, "--owner", o.owner, "me or a person id");
  add_commas(goal, "--supports", o.supports, "Add a goal it serves (repeatable, or comma-separated; must exist)");
  add_switch(goal, "--clear-supports", o.clear_supports, "Empty its supports first (then --supports adds)");

  auto* person = set->add_subcommand(
      "person", "Change a person's name, email, style, cadence, relationship, priorities, pressures");
  add_positional(person, "id", o.id, "Their id")->required()->type_name("ID");
  add_one(person, "--name", o.name, "Their name");
  add_one(person, "--email", o.email, "Their email address");
  add_one(person, "--style", o.style, "How they like updates: brief or detailed");
  add_one(person, "--cadence", o.cadence, "1:1 cadence: weekly, biweekly or monthly");
  add_one(person, "--relationship", o.relationship, "manager, skip-level, stakeholder, mentor or peer");
  add_one(person, "--priority", o.priorities, "Add something they care about now (repeatable; commas are kept)");
  add_one(person, "--pressure", o.pressures, "Add something pressing on them (repeatable; commas are kept)");
  add_switch(person, "--clear-priorities", o.clear_priorities, "Empty their priorities first (then --priority adds)");
  add_switch(person, "--clear-pressures", o.clear_pressures, "Empty their pressures first (then --pressure adds)");

  return {set, [=, &ctx] {
            for (const auto* sub : set->get_subcommands()) refuse_parent_options(*set, *sub);
            if (win->parsed()) return run_set_win(*opt, win, ctx);
            if (goal->parsed()) return run_set_goal(*opt, goal, ctx);
            if (person->parsed()) return run_set_person(*opt, person, ctx);
            throw UsageError(
                "set what? 'upward set win ID', 'set goal ID' or 'set person ID', then the fields to change");
          }};
}

}  // namespace upward::cmd
