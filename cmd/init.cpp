#include <fmt/format.h>

#include "commands.hpp"
#include "options.hpp"

namespace upward::cmd {

namespace {

struct InitCliOptions {
  std::string dir;
  InitOptions init;
};

int run_init(const InitCliOptions& opt, Context& ctx) {
  if (!opt.dir.empty()) ctx.dir = opt.dir;
  WriteResult r = ctx.repo().init(opt.init);
  for (const auto& n : r.notes) ctx.note(n);
  if (!r.noop) ctx.note("created an upward repository in " + ctx.dir);
  if (auto later = r.later_error()) {
    fmt::print(ctx.err, "upward: the files are written, but {}\n", for_stderr(*later));
    return exit_error;
  }
  return exit_ok;
}

}  // namespace

Subcommand add_init(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<InitCliOptions>();
  auto* sub = app.add_subcommand("init", "Create a repository: upward.toml, folders, git");
  add_positional(sub, "dir", opt->dir, "Where (default: --dir, UPWARD_DIR or $XDG_DATA_HOME/upward)");
  add_one(sub, "--name", opt->init.name, "Your name (default: git's user.name)");
  add_one(sub, "--email", opt->init.email, "Your email (default: git's user.email)");
  return {sub, [opt, &ctx] { return run_init(*opt, ctx); }};
}

}  // namespace upward::cmd
