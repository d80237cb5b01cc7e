// Stub: replaced by the issue 10 work.
#include "commands.hpp"
#include "upward/base/error.hpp"

namespace upward::cmd {

Subcommand add_rm(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("rm", "Remove a win, goal, person or talking point");
  return {sub, [&ctx] { (void)ctx; throw Error("'rm' is not built yet"); return exit_ok; }};
}

}  // namespace upward::cmd
