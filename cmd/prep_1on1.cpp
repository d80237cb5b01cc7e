#include "prep_1on1.hpp"

#include <fmt/format.h>

#include "commands.hpp"
#include "period.hpp"
#include "options.hpp"
#include "skipped.hpp"
#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/render/agenda_render.hpp"

namespace upward::cmd {

namespace {

/// The past year up to today: the month folders an agenda reads (follow-ups, the period's wins).
dates::DateRange past_year(dates::Day today) { return {dates::year_before(today), today}; }

int run_prep(const Prep1on1Options& opt, Context& ctx) {
  const Config& cfg = ctx.repo().config();
  std::vector<Problem> skipped;
  AgendaInput in;
  in.people = ctx.repo().people(skipped);
  Person person = resolve_person(opt.person, in.people, ctx);
  in.today = ctx.today;
  in.stale_after_days = cfg.stale_after_days;
  in.meetings = ctx.repo().meetings(person.id, skipped);
  in.topics = ctx.repo().topics(person.id, skipped);
  in.goals = ctx.repo().goals(skipped);
  dates::DateRange wins_read = past_year(ctx.today);
  // the agenda looks ahead (`--date friday` is the next Friday); a record is of a 1:1 held (the last Friday)
  if (!opt.date.empty()) in.date = dates::parse_day(opt.date, ctx.today, opt.save ? dates::Lean::past : dates::Lean::future);
  if (opt.save && in.date) refuse_future(*in.date, "a 1:1 record is dated the day it was held", ctx);
  if (!opt.since.empty()) {  // a period's first day: `since-last-1on1` is the last 1:1 with this person
    dates::PeriodContext pc{ctx.today, cfg.week_start, last_meeting(in.meetings, ctx.today)};
    in.since = dates::parse_period(opt.since, pc).first;
    wins_read.first = std::min(wins_read.first, *in.since);  // the header's period is read in full
  }
  in.wins = ctx.repo().wins_in(wins_read, skipped);
  in.person = std::move(person);
  Agenda agenda = build_agenda(in);
  if (opt.save) {
    dates::Day day = in.date ? *in.date : ctx.today;
    // a record covers only what was queued by its day (a later talking point stays queued)
    std::erase_if(agenda.topics, [&](const Topic& t) { return t.date > day; });
    WriteResult r = ctx.repo().save_meeting(agenda.person.id, day, meeting_template(agenda, day));
    std::string rel = meeting_folder(agenda.person.id) + "/" + dates::format_day(day) + ".toml";
    fmt::print(ctx.out, "{}\n", ctx.repo().path(rel));  // the payload: $EDITOR "$(upward prep-1on1 --save)"
    // a file that did not read is reported (skipped) and makes the exit 1: say the record is saved all the same
    std::string saved = skipped.empty() ? "" : "the 1:1 record is saved as '" + ctx.repo().path(rel) +
                                                   "' (made without the files skipped below)";
    return report_skipped(skipped, ctx, report_write(r, saved, ctx));
  }
  AgendaRenderOptions ro{opt.all_sections};
  if (opt.format == "json") fmt::print(ctx.out, "{}", render_agenda_json(agenda));
  else {
    std::string shown = opt.format == "text" ? render_agenda_text(agenda, ro) : render_agenda_md(agenda, ro);
    fmt::print(ctx.out, "{}", ctx.out_tty ? text::for_terminal(shown) : shown);
  }
  return report_skipped(skipped, ctx);
}

}  // namespace

Person resolve_person(const std::string& id, Context& ctx) {
  std::vector<Problem> skipped;  // a file of someone else that does not read is not this command's business
  return resolve_person(id, ctx.repo().people(skipped), ctx);
}

Person resolve_person(const std::string& id, const std::vector<Person>& people, Context& ctx) {
  std::string who = id.empty() ? ctx.repo().config().manager : id;
  if (who.empty())
    throw Error("no primary manager: name the person (prep-1on1 PERSON, or --with PERSON), or set one with "
                "'upward people add ID --name NAME --relationship manager' or 'upward people primary ID'");
  for (const auto& p : people)
    if (p.id == who) return p;
  if (ctx.repo().person_exists(who)) return ctx.repo().person(who);  // Error at the file's problem
  if (people.empty()) throw Error("unknown person '" + who + "' (no people yet; 'upward people add' adds one)");
  std::string known;
  for (const auto& p : people) known += (known.empty() ? "" : ", ") + p.id;
  throw Error("unknown person '" + who + "' (expected " + known + ")");
}

Subcommand add_prep_1on1(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<Prep1on1Options>();
  auto* prep = app.add_subcommand("prep-1on1", "The agenda of your next 1:1, and its records");
  prep->require_subcommand(0, 1);
  auto* person = add_positional(prep, "person", opt->person, "Whose 1:1 (default: your primary manager)")->type_name("PERSON");
  add_one(prep, "--date", opt->date, "The meeting's date (default: the next one from their cadence)")->type_name("EXPR");
  add_one(prep, "--since", opt->since, "The period's first day (default: the last 1:1 with them)")->type_name("EXPR");
  add_one(prep, "--format", opt->format, "md (default), text or json")->check(one_of({"md", "text", "json"}));
  add_switch(prep, "--all-sections", opt->all_sections, "Show empty sections as \"none\"");
  add_switch(prep, "--save", opt->save, "Write the 1:1 record (dated today or --date) and print its path");

  auto* add = prep->add_subcommand("add", "Queue a talking point; prints its id");
  add_positional(add, "text", opt->text, "The talking point")->required()->type_name("TEXT");
  add_one(add, "--with", opt->with, "For whom (default: your primary manager)")->type_name("PERSON");
  add_one(add, "--kind", opt->kind, "problem, idea, ask, topic (default), feedback or career")
      ->check(one_of(topic_kinds))
      ->type_name("KIND");
  add_one(add, "--solution", opt->solution, "A problem's proposed solution (implies --kind problem)");
  add_switch(add, "--private", opt->is_private, "Never show it in an agenda");

  auto* done = prep->add_subcommand("done", "Close an action item of a 1:1 record");
  add_positional(done, "action", opt->action, "The action item's id")->required()->type_name("ACTION_ID");
  add_one(done, "--with", opt->with, "Whose 1:1s hold it (default: searched in all)")->type_name("PERSON");
  add_one(done, "-d,--date", opt->date, "When it was done (default: today)")->type_name("EXPR");

  auto* list = prep->add_subcommand("list", "Queued talking points and open action items, for scripts");
  auto* list_person = add_positional(list, "person", opt->person, "Whose (default: your primary manager)")->type_name("PERSON");
  add_switch(list, "--all", opt->all, "Everyone with a 1on1s folder");

  return {prep, [=, &ctx] {
            for (const auto* sub : {add, done, list})
              if (sub->parsed()) refuse_parent_options(*prep, *sub);
            if ((person->count() || list_person->count()) && opt->person.empty())  // "" is no one, not the default
              throw UsageError("'' is not a person id (expected lowercase letters, digits and '-', at most 64)");
            if (add->parsed()) return run_prep_add(*opt, ctx);
            if (done->parsed()) return run_prep_done(*opt, ctx);
            if (list->parsed()) return run_prep_list(*opt, ctx);
            return run_prep(*opt, ctx);
          }};
}

}  // namespace upward::cmd
