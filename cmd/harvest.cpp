// STUB (issue 11/12): replaced by the helper that builds 'harvest'.
#include "commands.hpp"
#include "upward/base/error.hpp"

namespace upward::cmd {

Subcommand add_harvest(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("harvest", "Propose wins from your own git commits");
  return {sub, [&ctx] {
            (void)ctx;
            throw Error("'harvest' is not built yet");
            return exit_error;
          }};
}

}  // namespace upward::cmd
