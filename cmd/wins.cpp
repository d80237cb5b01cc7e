#include <fmt/format.h>

#include <charconv>

#include "commands.hpp"
#include "options.hpp"
#include "period.hpp"
#include "skipped.hpp"
#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/render/wins_render.hpp"
#include "upward/store/repo_wins.hpp"
#include "upward/views/wins_view.hpp"

namespace upward::cmd {

namespace {

struct WinsOptions {
  std::vector<std::string> period, tags, goals, seen_by, not_seen_by, from;
  std::string kind, grep, limit, format = "text", show_format = "text", id;
  bool only_private = false, no_private = false, follow_up_due = false, all = false;
};

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

std::size_t parse_limit(const std::string& s) {
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || n == 0)
    throw UsageError("--limit: '" + s + "' is not a positive integer");
  return n;
}

/// Ids the filters name must be ids; one that names no record still filters, with a note.
void check_ids(const WinsOptions& opt, Context& ctx) {
  auto check = [&ctx](const char* option, const std::vector<std::string>& ids, bool goal) {
    for (const auto& id : ids) {
      if (!text::is_slug(id)) throw UsageError(std::string(option) + ": '" + id + "' is not a " + (goal ? "goal" : "person") + " id");
      if (goal ? !ctx.repo().goal_exists(id) : !ctx.repo().person_exists(id))
        ctx.note(std::string(option) + ": no " + (goal ? "goal '" : "person '") + id + "' in " +
                 (goal ? "goals/" : "people/") + " (filtering by it anyway)");
    }
  };
  check("--goal", opt.goals, true);
  check("--seen-by", opt.seen_by, false);
  check("--not-seen-by", opt.not_seen_by, false);
  check("--from", opt.from, false);
}

WinsFilter filter_of(const WinsOptions& opt, const Context& ctx) {
  if (opt.only_private && opt.no_private) throw UsageError("--private and --no-private exclude each other: give one");
  WinsFilter f{opt.tags, opt.goals, opt.seen_by, opt.not_seen_by, opt.from, opt.kind, std::nullopt, std::nullopt,
               opt.follow_up_due, 0, ctx.today};
  if (opt.only_private) f.is_private = true;
  if (opt.no_private) f.is_private = false;
  if (!opt.grep.empty()) f.grep = Pattern(opt.grep);
  if (!opt.limit.empty()) f.limit = parse_limit(opt.limit);
  return f;
}

int run_wins(const WinsOptions& opt, Context& ctx) {
  if (opt.all && !opt.period.empty())
    throw UsageError("--all lists every month; a period ('" + joined(opt.period) + "') does not go with it");
  WinsFilter f = filter_of(opt, ctx);  // usage errors before any file is read
  ctx.repo().config();                 // Error when there is no repository
  check_ids(opt, ctx);
  std::vector<Problem> skipped;
  WinsScope scope;
  if (!opt.all) scope = parse_period(ctx, opt.period.empty() ? "this-month" : joined(opt.period), skipped);
  auto wins = filter_wins(scope ? ctx.repo().wins_in(*scope, skipped) : all_wins(ctx.repo(), skipped), f);
  std::string out;
  if (opt.format == "json") out = render_wins_json(wins, scope, ctx.today);
  else if (opt.format == "vimgrep") out = render_wins_vimgrep(wins, ctx.dir);
  else if (opt.format == "md") {
    out = render_wins_md(wins, scope, ctx.today);
    if (ctx.out_tty) out = text::for_terminal(out);
  } else out = render_wins_text(wins, scope, ctx.today, {ctx.color, ctx.utf8, ctx.width, ctx.out_tty});
  fmt::print(ctx.out, "{}", out);
  if (wins.empty()) ctx.note(scope ? "no matching wins in " + dates::format_range(*scope) : std::string("no matching wins"));
  return report_skipped(skipped, ctx);
}

int run_wins_show(const WinsOptions& opt, Context& ctx) {
  Win w = ctx.repo().win(opt.id);
  std::vector<Problem> skipped;
  auto goals = ctx.repo().goals(skipped);
  auto people = ctx.repo().people(skipped);
  WinContext c{goals, people, ctx.today, ctx.repo().path(win_path(w.id))};
  if (opt.show_format == "json") fmt::print(ctx.out, "{}", render_win_json(w, c));
  else {
    std::string md = render_win_md(w, c);
    fmt::print(ctx.out, "{}", ctx.out_tty ? text::for_terminal(md) : md);
  }
  return report_skipped(skipped, ctx);
}

}  // namespace

Subcommand add_wins(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<WinsOptions>();
  auto* wins = app.add_subcommand("wins", "List and search wins; wins show ID");
  wins->require_subcommand(0, 1);
  add_positional(wins, "period", opt->period, "The period (default: this-month)")->type_name("PERIOD");
  add_commas(wins, "--tag", opt->tags, "Only wins with this tag (repeatable, or commas: any of them)")->type_name("TAG");
  add_commas(wins, "--goal", opt->goals, "Only wins linked to this goal (repeatable: any of them)")->type_name("ID");
  add_commas(wins, "--seen-by", opt->seen_by, "Only wins this person has seen (repeatable: any of them)")
      ->type_name("PERSON");
  add_commas(wins, "--not-seen-by", opt->not_seen_by, "Only wins this person has not seen (repeatable: any of them)")
      ->type_name("PERSON");
  add_commas(wins, "--from", opt->from, "Only kudos from this person (repeatable: any of them)")->type_name("PERSON");
  add_one(wins, "--kind", opt->kind, "Only wins or only kudos: win or kudos")->check(one_of({"win", "kudos"}))->type_name("KIND");
  add_switch(wins, "--private", opt->only_private, "Only private wins");
  add_switch(wins, "--no-private", opt->no_private, "Only wins that are not private");
  add_one(wins, "--grep", opt->grep, "Only wins whose title, impact or outcome match (ECMAScript, any case)")
      ->type_name("REGEX");
  add_switch(wins, "--follow-up-due", opt->follow_up_due, "Only wins whose follow-up is due (outcome not recorded)");
  add_one(wins, "-n,--limit", opt->limit, "At most the newest N wins (after filtering)")->type_name("N");
  add_one(wins, "--format", opt->format, "text (default), md, json or vimgrep")
      ->check(one_of({"text", "md", "json", "vimgrep"}))
      ->type_name("FORMAT");
  add_switch(wins, "--all", opt->all, "Every month of wins/ (all history) instead of a period");

  auto* show = wins->add_subcommand("show", "The whole win: metrics, links, goals, who has seen it, outcome");
  add_positional(show, "id", opt->id, "The win's id (its file name without .toml)")->required()->type_name("ID");
  add_one(show, "--format", opt->show_format, "text (default; md is the same) or json")
      ->check(one_of({"text", "md", "json"}))
      ->type_name("FORMAT");

  return {wins, [=, &ctx] {
            if (show->parsed()) {
              refuse_parent_options(*wins, *show);
              return run_wins_show(*opt, ctx);
            }
            return run_wins(*opt, ctx);
          }};
}

}  // namespace upward::cmd
