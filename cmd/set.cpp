// Stub: replaced by the issue 10 work.
#include "commands.hpp"
#include "upward/base/error.hpp"

namespace upward::cmd {

Subcommand add_set(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("set", "Change one field of a win, goal or person in place");
  return {sub, [&ctx] { (void)ctx; throw Error("'set' is not built yet"); return exit_ok; }};
}

}  // namespace upward::cmd
