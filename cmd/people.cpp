#include <fmt/format.h>

#include <algorithm>

#include "commands.hpp"
#include "options.hpp"
#include "skipped.hpp"
#include "upward/base/text.hpp"
#include "upward/views/goals_view.hpp"
#include "upward/views/wins_view.hpp"
#include "upward/render/people_render.hpp"

namespace upward::cmd {

namespace {

struct PeopleOptions {
  Person person;
  bool primary = false;
  std::string id, format = "text";
};

int run_people_list(const PeopleOptions& opt, Context& ctx) {
  std::vector<Problem> skipped;
  auto people = ctx.repo().people(skipped);
  const std::string& manager = ctx.repo().config().manager;
  if (opt.format == "json") fmt::print(ctx.out, "{}", render_people_json(people, manager));
  else fmt::print(ctx.out, "{}", render_people_text(people, manager, {ctx.color, ctx.utf8, ctx.width, ctx.out_tty}));
  if (people.empty() && skipped.empty()) ctx.note("no people yet (people add ID --name NAME --relationship manager)");
  return report_skipped(skipped, ctx);
}

int run_people_show(const PeopleOptions& opt, Context& ctx) {
  Person p = ctx.repo().person(opt.id);
  const Config& cfg = ctx.repo().config();
  std::vector<Problem> skipped;
  // visibility (issue 10): the past year's month folders only
  auto wins = ctx.repo().wins_in({dates::year_before(ctx.today), ctx.today}, skipped);
  Visibility v = person_visibility(p, wins, ctx.today);
  if (opt.format == "json") {
    fmt::print(ctx.out, "{}", render_person_json(p, cfg.manager, v, ctx.today));
    return report_skipped(skipped, ctx);
  }
  auto goals = ctx.repo().goals(skipped);
  auto groups = group_goals(goals, {}, {ctx.today, cfg.stale_after_days, cfg.manager, false, p.id});
  std::string md = render_person_md(p, cfg.manager, groups.empty() ? std::vector<GoalRow>{} : groups[0].rows) +
                   render_visibility_md(p, v);
  fmt::print(ctx.out, "{}", ctx.out_tty ? text::for_terminal(md) : md);
  return report_skipped(skipped, ctx);
}

int run_people_add(const PeopleOptions& opt, Context& ctx) {
  WriteResult r = ctx.repo().add_person(opt.person, opt.primary);
  bool primary = std::find(r.paths.begin(), r.paths.end(), "upward.toml") != r.paths.end();
  fmt::print(ctx.out, "{}\n", opt.person.id);  // the payload, like goals add
  return report_write(r, "added " + opt.person.id + (primary ? ", now your primary manager" : ""), ctx);
}

int run_people_primary(const PeopleOptions& opt, Context& ctx) {
  return report_write(ctx.repo().set_primary(opt.id), opt.id + " is now your primary manager", ctx);
}

void add_format(CLI::App* sub, PeopleOptions& opt) {
  add_one(sub, "--format", opt.format, "text (default; md is the same) or json")->check(one_of({"text", "md", "json"}));
}

}  // namespace

Subcommand add_people(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<PeopleOptions>();
  auto* people = app.add_subcommand("people", "Your managers and stakeholders");
  people->require_subcommand(0, 1);
  add_format(people, *opt);
  auto* list = people->add_subcommand("list", "List people; * marks the primary manager");
  add_format(list, *opt);

  auto* add = people->add_subcommand("add", "Add a person");
  Person& p = opt->person;
  add_positional(add, "id", p.id, "Their id: lowercase letters, digits and '-' (e.g. dana)")->required();
  add_one(add, "--name", p.name, "Their name")->required();
  add_one(add, "--relationship", p.relationship, "manager, skip-level, stakeholder, mentor or peer")->required();
  add_one(add, "--email", p.email, "Their email address");
  add_one(add, "--style", p.style, "How they like updates: brief or detailed");
  add_one(add, "--cadence", p.cadence, "1:1 cadence: weekly, biweekly or monthly");
  add_one(add, "--priority", p.priorities, "Something they care about now (repeatable)");
  add_one(add, "--pressure", p.pressures, "Something pressing on them (repeatable)");
  add_switch(add, "--primary", opt->primary, "Make them your primary manager");

  auto* show = people->add_subcommand("show", "Show a person, their goals, and what they have seen of your wins");
  add_positional(show, "id", opt->id, "Their id")->required();
  add_format(show, *opt);

  auto* primary = people->add_subcommand("primary", "Make someone your primary manager");
  add_positional(primary, "id", opt->id, "Their id")->required();

  return {people, [=, &ctx] {
            if (add->parsed()) return run_people_add(*opt, ctx);
            if (show->parsed()) return run_people_show(*opt, ctx);
            if (primary->parsed()) return run_people_primary(*opt, ctx);
            return run_people_list(*opt, ctx);
          }};
}

}  // namespace upward::cmd
