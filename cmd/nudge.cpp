// STUB (issue 11/12): replaced by the helper that builds 'nudge'.
#include "commands.hpp"
#include "upward/base/error.hpp"

namespace upward::cmd {

Subcommand add_nudge(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("nudge", "Say what needs you now (silent, exit 0, when nothing does)");
  return {sub, [&ctx] {
            (void)ctx;
            throw Error("'nudge' is not built yet");
            return exit_error;
          }};
}

}  // namespace upward::cmd
