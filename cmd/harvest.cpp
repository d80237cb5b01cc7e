// upward harvest [PERIOD]: wins proposed from the user's own commits (issue 12).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "commands.hpp"
#include "options.hpp"
#include "period.hpp"
#include "skipped.hpp"
#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/render/harvest_render.hpp"
#include "upward/store/git_log.hpp"
#include "upward/store/repo_harvest.hpp"
#include "upward/views/harvest.hpp"

namespace upward::cmd {

namespace {

struct HarvestOptions {
  std::vector<std::string> period, repos, tags;
  std::string author, format = "md";
  bool edit = false, accept_all = false;
};

/// `since-last-harvest`: from the end of the last recorded run's period, or the day of that run
/// when earlier (that day included: commits made after the run are still new; those it
/// considered are in its record), to today; this week when nothing was recorded yet.
dates::DateRange since_last_harvest(Context& ctx, std::vector<Problem>& skipped) {
  std::size_t before = skipped.size();
  auto last = last_harvest(ctx.repo(), ctx.today, skipped);
  if (skipped.size() > before)
    throw Error(skipped[before].where, skipped[before].message +
                                           " (the period 'since-last-harvest' starts from this file, which cannot be read)");
  if (!last) return {dates::week_first(ctx.today, ctx.repo().config().week_start), ctx.today};
  // not after the run's day: a period that ran into the future was only harvested up to then
  return {std::min({last->period.last, last->date, ctx.today}), ctx.today};
}

dates::DateRange period_of(const HarvestOptions& opt, Context& ctx, std::vector<Problem>& skipped) {
  std::string expr;
  for (const auto& w : opt.period) expr += (expr.empty() ? "" : " ") + w;
  if (expr.empty() || text::trim(expr) == "since-last-harvest") return since_last_harvest(ctx, skipped);
  try {
    return parse_period(ctx, expr, skipped);
  } catch (const UsageError& e) {
    std::string m = e.what();
    auto at = m.find("(expected ");
    if (m.rfind("unrecognised period", 0) != 0 || at == std::string::npos) throw;
    throw UsageError(m.insert(at + 10, "since-last-harvest (the default), "));
  }
}

/// An email as --author takes it: `local@domain`, without spaces or angle brackets.
bool plain_email(const std::string& s) {
  auto at = s.find('@');
  return at != std::string::npos && at > 0 && at + 1 < s.size() && s.find('@', at + 1) == std::string::npos &&
         s.find_first_of(" \t<>,") == std::string::npos;
}

std::string author_of(const HarvestOptions& opt, Context& ctx) {
  if (!opt.author.empty() && !plain_email(text::trim(opt.author)))
    throw UsageError("--author takes the email of the commits' author, like ada@example.com (not a name, no <>): '" +
                     opt.author + "'");
  const Config& cfg = ctx.repo().config();
  std::string a = text::trim(!opt.author.empty() ? opt.author : !cfg.harvest.author.empty() ? cfg.harvest.author : cfg.me_email);
  if (a.empty())
    throw Error("whose commits? no author: set 'email' under [me] (or 'author' under [harvest]) in upward.toml, or "
                "give --author EMAIL");
  return a;
}

/// Every commit of every repository (each read before anything is recorded: a bad path stops
/// all); a repository given twice, by whatever path, is read once.
std::vector<Commit> read_all(const HarvestOptions& opt, const dates::DateRange& period, Context& ctx) {
  bool configured = opt.repos.empty();
  const auto& repos = configured ? ctx.repo().config().harvest.repos : opt.repos;
  if (repos.empty())
    throw Error("no repositories to harvest: list them in upward.toml ([harvest] repos = [\"~/src/api\"]) or give "
                "--repo PATH");
  std::vector<git_log::Source> sources;
  for (const auto& r : repos) {
    if (configured) {
      if (auto why = git_log::configured_path_problem(r))
        throw Error(SourceLoc{ctx.repo().path("upward.toml"), 0, 0}, "[harvest] repos: " + *why);
    } else if (r.empty()) {
      throw UsageError("--repo needs the path of a git repository, not an empty string");
    }
    auto s = git_log::locate(git_log::expand_home(r, ctx.env), ctx.env);
    if (std::none_of(sources.begin(), sources.end(), [&](const auto& x) { return x.common == s.common; })) sources.push_back(std::move(s));
  }
  std::vector<Commit> out;
  std::set<std::string> seen;
  for (const auto& s : sources)
    for (auto& c : git_log::read_commits(s, period.first, ctx.env))
      if (seen.insert(c.source()).second) out.push_back(std::move(c));
  return out;
}

HarvestRecord record_of(const std::vector<Candidate>& candidates, const std::vector<std::string>& kept,
                        const dates::DateRange& period, const Context& ctx) {
  HarvestRecord h;
  h.date = ctx.today;
  auto local = date::sys_seconds{std::chrono::seconds{ctx.now + ctx.utc_offset_minutes * 60}};
  h.time = date::format("%H%M%S", local);
  h.period = period;
  h.kept = kept;
  std::set<std::string> keep(kept.begin(), kept.end());
  for (const auto& c : candidates)
    for (const auto& s : c.sources())
      if (!keep.count(s)) h.dismissed.push_back(s);
  return h;
}

int record(const std::vector<Win>& wins, const HarvestRecord& h, Context& ctx) {
  WriteResult r = record_harvest(ctx.repo(), wins, h);
  for (const auto& id : r.ids) fmt::print(ctx.out, "{}\n", id);  // the payload, even with -q
  std::size_t dismissed = h.dismissed.size();
  return report_write(r, fmt::format("harvested {} win{}{}", r.ids.size(), r.ids.size() == 1 ? "" : "s",
                                     dismissed ? fmt::format(" ({} commit{} dismissed)", dismissed, dismissed == 1 ? "" : "s") : ""),
                      ctx);
}

/// --edit: the list in $EDITOR, then the kept lines recorded (all or nothing).
int edit_and_record(const std::vector<Candidate>& candidates, const HarvestOptions& opt,
                    const dates::DateRange& period, Context& ctx) {
  ctx.repo().check_writable();
  auto edited = ctx.repo().edit_in_editor(harvest_edit_list(candidates, period), "harvest");
  auto keeping = [&edited](const std::string& what) {
    return Error(what + "; nothing was recorded; your list is kept in '" + edited.file + "'");
  };
  std::vector<std::string> kept;
  std::vector<Win> wins;
  try {
    wins = wins_from_edit_list(edited.text, candidates, opt.tags, edited.file, kept);
    for (const auto& w : wins) validate_win(w);
  } catch (const UsageError& e) {
    throw keeping(e.what());
  } catch (const Error& e) {
    throw keeping(e.located());
  }
  if (wins.empty()) {
    ctx.repo().forget_edit(edited);
    throw Error("no line kept; nothing was recorded");
  }
  int rc = exit_ok;
  try {
    rc = record(wins, record_of(candidates, kept, period, ctx), ctx);
  } catch (const Error& e) {
    throw keeping(e.located());
  }
  ctx.repo().forget_edit(edited);
  return rc;
}

int run_harvest(const HarvestOptions& opt, Context& ctx) {
  if (opt.edit && opt.accept_all) throw UsageError("--edit and --accept-all exclude each other: give one");
  bool recording = opt.edit || opt.accept_all;
  if (recording && opt.format != "md")
    throw UsageError("--format is for printing the candidates; --edit and --accept-all record them");
  if (!recording && !opt.tags.empty()) throw UsageError("--tag tags the wins recorded: give it with --edit or --accept-all");
  ctx.repo().config();  // Error when there is no repository
  std::string author = author_of(opt, ctx);
  std::vector<Problem> skipped;
  dates::DateRange period = period_of(opt, ctx, skipped);
  auto commits = read_all(opt, period, ctx);
  auto harvested = harvested_sources(ctx.repo(), period, ctx.today, skipped);
  if (recording && !skipped.empty())  // an unreadable win or record may hold commits already harvested
    throw Error(skipped.front().where, skipped.front().message + " (cannot tell what was harvested; nothing was recorded)");
  auto candidates = harvest_candidates(commits, author, period, harvested);

  if (candidates.empty()) ctx.note("nothing to harvest in " + dates::format_range(period) + " (no new commits by " + author + ")");
  if (!recording) {
    std::string out = opt.format == "json" ? render_harvest_json(candidates, period)
                      : candidates.empty() ? ""
                                           : render_harvest_md(candidates, period);
    fmt::print(ctx.out, "{}", ctx.out_tty ? text::for_terminal(out) : out);
    return report_skipped(skipped, ctx);
  }
  if (candidates.empty()) return exit_ok;
  if (opt.edit) return edit_and_record(candidates, opt, period, ctx);
  std::vector<Win> wins;
  std::vector<std::string> kept;
  for (const auto& c : candidates) {
    wins.push_back(win_of(c, opt.tags));
    for (const auto& s : c.sources()) kept.push_back(s);
  }
  return record(wins, record_of(candidates, kept, period, ctx), ctx);
}

}  // namespace

Subcommand add_harvest(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<HarvestOptions>();
  auto* sub = app.add_subcommand("harvest", "Propose wins from your own git commits");
  add_positional(sub, "period", opt->period, "Which commits (default: since-last-harvest, else this week)");
  add_one(sub, "--repo", opt->repos, "A git repository to read (repeatable; default: [harvest] repos)");
  add_one(sub, "--author", opt->author, "Whose commits: an email (default: [harvest] author, else [me] email)");
  add_one(sub, "--format", opt->format, "md (default) or json")->check(one_of({"md", "json"}));
  add_switch(sub, "-e,--edit", opt->edit, "Edit the list in $EDITOR, then record the lines kept as wins");
  add_switch(sub, "--accept-all", opt->accept_all, "Record every candidate as a win");
  add_commas(sub, "-t,--tag", opt->tags, "Tag every win recorded (repeatable, or comma-separated)");
  return {sub, [opt, &ctx] { return run_harvest(*opt, ctx); }};
}

}  // namespace upward::cmd
