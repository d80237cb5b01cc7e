#include <fmt/format.h>

#include <set>

#include "commands.hpp"
#include "upward/base/text.hpp"
#include "upward/store/check.hpp"

namespace upward::cmd {

namespace {

std::string count(size_t n, const char* what) { return fmt::format("{} {}{}", n, what, n == 1 ? "" : "s"); }

int run_check(Context& ctx) {
  auto problems = check_repository(ctx.repo(), ctx.today);
  std::set<std::string> files;
  size_t warnings = 0, notes = 0;
  for (const auto& p : problems) {
    auto line = fmt::format("{}:{}:{}: {}{}\n", p.where.path, std::max(p.where.line, 1u),
                            std::max(p.where.column, 1u), p.note ? "note: " : p.warning ? "warning: " : "", p.message);
    fmt::print(ctx.out, "{}", ctx.out_tty ? text::for_terminal(line) : line);  // values quoted from files
    if (p.note) ++notes;
    else if (p.warning) ++warnings;
    else files.insert(p.where.path);
  }
  std::string warned = (warnings ? "; " + count(warnings, "warning") : "") + (notes ? "; " + count(notes, "note") : "");
  if (problems.size() == warnings + notes) {
    ctx.note("no problems in " + ctx.dir + warned);
    return exit_ok;
  }
  ctx.note(count(problems.size() - warnings - notes, "problem") + " in " + count(files.size(), "file") + warned);
  return exit_error;
}

}  // namespace

Subcommand add_check(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("check", "Validate every file; print FILE:LINE:COL: message per problem");
  return {sub, [&ctx] { return run_check(ctx); }};
}

}  // namespace upward::cmd
