#include <fmt/format.h>

#include "commands.hpp"
#include "upward/store/sync.hpp"

namespace upward::cmd {

namespace {

std::string commits(int n) { return fmt::format("{} commit{}", n, n == 1 ? "" : "s"); }

int run_sync(Context& ctx) {
  SyncResult r = sync(ctx.repo(), ctx.today, [&ctx](const std::string& note) { ctx.note(note); });
  std::string what = r.pulled && r.pushed ? fmt::format("{} pulled, {} pushed", commits(r.pulled), r.pushed)
                     : r.pulled           ? commits(r.pulled) + " pulled"
                     : r.pushed           ? commits(r.pushed) + " pushed"
                                          : "already up to date";
  ctx.note(fmt::format("synced with {}/{}: {}", r.remote, r.branch, what));
  return exit_ok;
}

}  // namespace

Subcommand add_sync(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("sync", "Pull (rebase) then push the repository with git");
  return {sub, [&ctx] { return run_sync(ctx); }};
}

}  // namespace upward::cmd
