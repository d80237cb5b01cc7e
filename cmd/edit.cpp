// upward edit KIND ID: a record's file in $VISUAL/$EDITOR, checked before it lands.
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"
#include "options.hpp"
#include "upward/store/repo_edit.hpp"

namespace upward::cmd {

namespace {

struct EditOptions {
  std::string kind;
  std::vector<std::string> words;
};

void print_problems(const std::vector<Problem>& problems, Context& ctx) {
  for (const auto& p : problems) {
    if (p.note && ctx.quiet) continue;
    fmt::print(ctx.err, "upward: {}\n",
               for_stderr(fmt::format("{}:{}:{}: {}{}", p.where.path, std::max(p.where.line, 1u),
                                      std::max(p.where.column, 1u), p.note ? "note: " : p.warning ? "warning: " : "",
                                      p.message)));
  }
}

/// On a terminal (stdin and stderr both are): edit again (`e`, the default) or abort (`a`, or
/// end of input). Elsewhere: abort.
bool ask_again(Context& ctx) {
  if (!::isatty(0) || !::isatty(2)) return false;
  for (;;) {
    fmt::print(ctx.err, "upward: edit again (e) or abort, keeping your text in a .rej file (a)? [E/a] ");
    std::fflush(ctx.err);
    char buf[256];
    if (!std::fgets(buf, sizeof buf, stdin)) {
      fmt::print(ctx.err, "\n");
      return false;
    }
    std::string answer(buf);
    answer.erase(std::remove_if(answer.begin(), answer.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r'; }),
                 answer.end());
    if (answer.empty() || answer == "e" || answer == "E") return true;
    if (answer == "a" || answer == "A") return false;
  }
}

int run_edit(const EditOptions& opt, Context& ctx) {
  if (opt.kind.empty())
    throw UsageError("what to edit? (expected win ID, goal ID, person ID, 1on1 PERSON [DATE] or config)");
  Repo& repo = ctx.repo();
  std::string rel = edit_target(repo, opt.kind, opt.words, ctx.today);
  auto outcome = edit_file(repo, rel, ctx.today, [&](const std::vector<Problem>& problems) {
    print_problems(problems, ctx);
    return ask_again(ctx);
  });
  switch (outcome.status) {
    case EditOutcome::Status::unchanged:
      ctx.note("'" + repo.path(rel) + "' is unchanged; nothing was written");
      return exit_ok;
    case EditOutcome::Status::rejected:
      throw Error("'" + repo.path(rel) + "' was not changed; your edited text is kept in '" + outcome.kept + "'");
    case EditOutcome::Status::saved:
      break;
  }
  print_problems(outcome.problems, ctx);
  return report_write(outcome.result, "saved '" + repo.path(rel) + "'", ctx);
}

}  // namespace

Subcommand add_edit(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<EditOptions>();
  auto* sub = app.add_subcommand("edit", "Edit a record in $EDITOR, checked before it lands");
  add_positional(sub, "kind", opt->kind, "What to edit: win, goal, person, 1on1 or config")->type_name("KIND");
  add_positional(sub, "id", opt->words, "The record's id (1on1: PERSON [DATE]; config: none)")->type_name("ID");
  return {sub, [opt, &ctx] { return run_edit(*opt, ctx); }};
}

}  // namespace upward::cmd
