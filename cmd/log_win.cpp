#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.hpp"
#include "options.hpp"
#include "upward/base/error.hpp"
#include "upward/base/text.hpp"

namespace upward::cmd {

namespace {

struct LogWinOptions {
  std::vector<std::string> text;
  std::string impact, date, kind, from, follow_up;
  std::vector<std::string> metrics, tags, goals, seen_by, links;
  bool is_private = false, stdin_text = false, stdin_lines = false, edit = false;
};

std::string read_stdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

/// The fields every win of this invocation shares; the title and impact come later.
Win base_win(const LogWinOptions& opt, const Context& ctx) {
  Win w;
  w.date = opt.date.empty() ? ctx.today : dates::parse_day(opt.date, ctx.today, dates::Lean::past);
  w.impact = opt.impact;
  w.kind = opt.kind.empty() ? (opt.from.empty() ? "win" : "kudos") : opt.kind;
  if (!opt.from.empty() && w.kind != "kudos") throw UsageError("--from is for kudos (use --kind kudos)");
  w.from = opt.from;
  w.tags = opt.tags;
  w.goals = opt.goals;
  w.seen_by = opt.seen_by;
  w.links = opt.links;
  for (const auto& m : opt.metrics) w.metrics.push_back(parse_metric(m));
  if (!opt.follow_up.empty()) w.follow_up = dates::parse_day(opt.follow_up, ctx.today, dates::Lean::future);
  w.is_private = opt.is_private;
  return w;
}

/// Title and impact through $EDITOR, the way `git commit` does it, once everything that can be
/// checked is; the typed text stays in `edited.file` until the win is recorded.
std::pair<std::string, std::string> edit_win(const Win& base, const std::string& title, Context& ctx,
                                             Repo::Edited& edited) {
  for (const auto& g : base.goals)
    if (!ctx.repo().goal_exists(g)) throw Error("unknown goal '" + g + "' (no goals/" + g + ".toml; see 'upward goals')");
  ctx.repo().check_writable();
  edited = ctx.repo().edit_in_editor(edit_template(title, base.impact));
  auto result = title_and_impact(edited.text, true);
  if (result.first.empty()) {
    ctx.repo().forget_edit(edited);
    edited.file.clear();  // nothing typed: nothing kept to point at
    throw Error("the win is empty; nothing was recorded");
  }
  return result;
}

std::vector<Win> wins_to_record(const LogWinOptions& opt, Context& ctx, Repo::Edited& edited) {
  bool dash = std::find(opt.text.begin(), opt.text.end(), "-") != opt.text.end();
  if (dash && opt.text.size() > 1)
    throw UsageError("'-' reads the text from stdin; give no other TEXT arguments with it");
  bool from_stdin = opt.stdin_text || dash;
  if (opt.stdin_lines + from_stdin + opt.edit > 1)
    throw UsageError("use only one of '-'/--stdin, --stdin-lines and --edit");
  if ((opt.stdin_lines || opt.stdin_text) && !opt.text.empty() && !dash)
    throw UsageError("the text comes from stdin; give no TEXT arguments with --stdin or --stdin-lines");

  Win base = base_win(opt, ctx);
  std::vector<Win> wins;
  if (opt.stdin_lines) {
    std::string input = read_stdin();
    if (!text::valid_utf8(input)) throw Error("stdin is not valid UTF-8; nothing was recorded");
    for (const auto& line : text::lines(input)) {
      if (text::trim(line).empty()) continue;
      wins.push_back(base);
      wins.back().title = text::trim(line);
    }
  } else if (from_stdin) {
    std::string input = read_stdin();
    if (!text::valid_utf8(input)) throw Error("stdin is not valid UTF-8; nothing was recorded");
    auto [title, impact] = title_and_impact(input, false);
    wins.push_back(base);
    wins.back().title = title;
    if (wins.back().impact.empty()) wins.back().impact = impact;
  } else if (opt.edit) {
    auto [title, impact] = edit_win(base, fmt::format("{}", fmt::join(opt.text, " ")), ctx, edited);
    wins.push_back(base);
    wins.back().title = title;
    wins.back().impact = impact;
  } else {
    wins.push_back(base);
    wins.back().title = fmt::format("{}", fmt::join(opt.text, " "));
  }
  for (const auto& w : wins) validate_win(w);  // all or nothing: every line is checked before any is written
  return wins;
}

/// Kudos can come from outsiders: an unknown person is recorded as given, with a warning.
void warn_unknown_people(const LogWinOptions& opt, Context& ctx) {
  auto warn = [&ctx](const char* option, const std::string& id) {
    if (!id.empty() && !ctx.repo().person_exists(id))
      fmt::print(ctx.err, "upward: warning: {} '{}' is not in people/ (recorded as given; 'upward people add {}' adds them)\n",
                 option, for_stderr(id), for_stderr(id));
  };
  for (const auto& id : opt.seen_by) warn("--seen-by", id);
  warn("--from", opt.from);
}

/// `what` with the place the typed text is kept, when there is one.
std::string keeping(const std::string& what, const Repo::Edited& edited) {
  return edited.file.empty() ? what : what + "; your text is kept in '" + edited.file + "'";
}

int run_log_win(const LogWinOptions& opt, Context& ctx) {
  Repo::Edited edited;
  std::vector<Win> wins;
  WriteResult r;
  try {
    wins = wins_to_record(opt, ctx, edited);
    if (wins.empty()) {
      ctx.note("no wins on stdin; nothing recorded");
      return exit_ok;
    }
    warn_unknown_people(opt, ctx);
    r = ctx.repo().add_wins(wins);
  } catch (const UsageError& e) {
    throw UsageError(keeping(e.what(), edited));
  } catch (const Error& e) {
    throw Error(keeping(e.located(), edited));
  }
  if (!edited.file.empty()) ctx.repo().forget_edit(edited);
  if (r.created_repo) ctx.note("created an upward repository in " + ctx.dir);
  for (const auto& n : r.notes) ctx.note(n);
  for (const auto& id : r.ids) fmt::print(ctx.out, "{}\n", id);  // the payload, even with -q
  std::optional<std::string> later = r.later_error();
  if (!later && std::fflush(ctx.out) != 0) {
    later = std::string("cannot write its id to stdout: ") + std::strerror(errno);
    ctx.stdout_failure_said = true;
  }
  if (later) {
    fmt::print(ctx.err, "upward: the win is saved, but {}\n", for_stderr(*later));
    fmt::print(ctx.err, "upward: {} saved as '{}'{}; do not record {} again\n", r.ids.size() == 1 ? "it is" : "they are",
               r.ids.front(), r.ids.size() == 1 ? "" : fmt::format(" and {} more (one id a line on stdout)", r.ids.size() - 1),
               r.ids.size() == 1 ? "it" : "them");
    return exit_error;
  }
  return exit_ok;
}

}  // namespace

Subcommand add_log_win(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<LogWinOptions>();
  auto* sub = app.add_subcommand("log-win", "Record a win and why it mattered");
  add_positional(sub, "text", opt->text, "What you did ('-' reads it from stdin)");
  add_one(sub, "-i,--impact", opt->impact, "Why it mattered: who it helped, what changed");
  add_one(sub, "--metric", opt->metrics, "A measured change NAME=BEFORE->AFTER (repeatable)");
  add_commas(sub, "-t,--tag", opt->tags, "Tag (repeatable, or comma-separated)");
  add_commas(sub, "-g,--goal", opt->goals, "Goal id this advances (repeatable, or comma-separated; must exist)");
  add_one(sub, "-d,--date", opt->date, "When (default: today; e.g. yesterday, 'last friday', 3d ago)");
  add_commas(sub, "--seen-by", opt->seen_by, "Person id who has seen it (repeatable, or comma-separated)");
  add_one(sub, "--kind", opt->kind, "win (default) or kudos (praise received)")->check(one_of({"win", "kudos"}));
  add_one(sub, "--from", opt->from, "Kudos: the person id it came from (implies --kind kudos)");
  add_one(sub, "--follow-up", opt->follow_up, "When to record what actually happened (e.g. +6w)");
  add_one(sub, "--link", opt->links, "Evidence: a PR, ticket or doc URL (repeatable)");
  add_switch(sub, "--private", opt->is_private, "Never show it in a digest, email or export");
  add_switch(sub, "--stdin", opt->stdin_text, "Read the text from stdin (first paragraph: title; rest: impact)");
  add_switch(sub, "--stdin-lines", opt->stdin_lines, "Record one win per non-blank stdin line (all or nothing)");
  add_switch(sub, "-e,--edit", opt->edit, "Write the win in $EDITOR, like git commit");
  return {sub, [opt, &ctx] { return run_log_win(*opt, ctx); }};
}

}  // namespace upward::cmd
