// STUB (issue 11/12): replaced by the helper that builds 'sync'.
#include "commands.hpp"
#include "upward/base/error.hpp"

namespace upward::cmd {

Subcommand add_sync(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("sync", "Pull (rebase) then push the repository with git");
  return {sub, [&ctx] {
            (void)ctx;
            throw Error("'sync' is not built yet");
            return exit_error;
          }};
}

}  // namespace upward::cmd
