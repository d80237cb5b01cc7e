#include <fmt/format.h>

#include <set>

#include "commands.hpp"
#include "upward/base/text.hpp"
#include "upward/store/check.hpp"

namespace upward::cmd {

namespace {

int run_check(Context& ctx) {
  auto problems = check_repository(ctx.repo());
  std::set<std::string> files;
  for (const auto& p : problems) {
    auto line = fmt::format("{}:{}:{}: {}\n", p.where.path, std::max(p.where.line, 1u), std::max(p.where.column, 1u),
                            p.message);
    fmt::print(ctx.out, "{}", ctx.out_tty ? text::for_terminal(line) : line);  // values quoted from files
    files.insert(p.where.path);
  }
  if (problems.empty()) {
    ctx.note("no problems in " + ctx.dir);
    return exit_ok;
  }
  ctx.note(fmt::format("{} problem{} in {} file{}", problems.size(), problems.size() == 1 ? "" : "s", files.size(),
                       files.size() == 1 ? "" : "s"));
  return exit_error;
}

}  // namespace

Subcommand add_check(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("check", "Validate every file; print FILE:LINE:COL: message per problem");
  return {sub, [&ctx] { return run_check(ctx); }};
}

}  // namespace upward::cmd
